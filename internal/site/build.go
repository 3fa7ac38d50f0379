// Package site owns a build: it loads a site's content, assembles the
// in-memory model, renders every page and data file with the layouts, and
// writes the result atomically. The phases run in this order and each one
// only reads what the one before produced.
package site

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"time"

	"artsmap/internal/content"
	"artsmap/internal/diag"
)

// Options configure a build.
type Options struct {
	// Site is the site folder (it holds content/ and optionally layouts/ and static/).
	Site fs.FS
	// Theme holds the built-in layouts/ and static/ folders.
	Theme fs.FS
	// Out is the folder to write; it is replaced only when the build succeeds.
	Out string
	// Now is the build's clock: which events are past and which profiles
	// are stale. Zero means today (UTC midnight), so builds on the same day
	// of the same input are byte-identical.
	Now time.Time
}

// Result describes a finished build or check.
type Result struct {
	Problems []diag.Problem // errors and warnings, sorted
	Pages    int            // HTML pages rendered
	Files    int            // files written
}

func (o *Options) now() time.Time {
	if !o.Now.IsZero() {
		return o.Now
	}
	return time.Now().UTC().Truncate(24 * time.Hour)
}

// Check loads and validates the site and assembles its model without
// rendering or writing anything. err is a *diag.Error when content has errors.
func Check(opts Options) (Result, error) {
	_, probs := load(opts)
	res := Result{Problems: probs.Items()}
	return res, probs.Err()
}

// load runs the load and assemble phases.
func load(opts Options) (*Site, *diag.List) {
	now := opts.now()
	cs, probs := content.Load(opts.Site, content.Options{Now: now})
	if probs.Errors() > 0 {
		return nil, probs
	}
	return assemble(cs, now, probs), probs
}

// Build runs every phase and swaps the new output into opts.Out. On any
// error the previous output is left exactly as it was.
func Build(opts Options) (Result, error) {
	s, probs := load(opts)
	res := Result{Problems: probs.Items()}
	if err := probs.Err(); err != nil {
		return res, err
	}
	out, pages, err := render(s, opts)
	if err != nil {
		return res, err
	}
	if err := out.write(opts.Out); err != nil {
		return res, fmt.Errorf("writing %s: %w", opts.Out, err)
	}
	res.Pages, res.Files = pages, len(out)
	return res, nil
}

// render produces every output file in memory.
func render(s *Site, opts Options) (files, int, error) {
	layouts, err := layer(opts, "layouts")
	if err != nil {
		return nil, 0, err
	}
	ts, err := parseTemplates(layouts)
	if err != nil {
		return nil, 0, err
	}
	static, err := layer(opts, "static")
	if err != nil {
		return nil, 0, err
	}
	_, leafletErr := fs.Stat(static, "vendor/leaflet/leaflet.js")
	s.Leaflet = leafletErr == nil && s.Tiles != ""
	out := files{}
	pages := s.pages()
	html := make([][]byte, len(pages))
	err = parallel(len(pages), runtime.GOMAXPROCS(0), func(i int) error {
		var err error
		html[i], err = ts.execute(pages[i])
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	for i, p := range pages {
		name := strings.TrimPrefix(p.Path, "/")
		if strings.HasSuffix(name, "/") || name == "" {
			name += "index.html"
		}
		if err := out.add(name, html[i]); err != nil {
			return nil, 0, err
		}
	}
	facets, terms, err := s.searchIndex()
	if err != nil {
		return nil, 0, err
	}
	geo, err := s.providersGeoJSON()
	if err != nil {
		return nil, 0, err
	}
	venues, err := s.mapData()
	if err != nil {
		return nil, 0, err
	}
	for name, data := range map[string][]byte{"sitemap.xml": s.sitemap(pages), "robots.txt": s.robots(),
		"feed.xml": s.feed(), "events.ics": s.calendar(), strings.TrimPrefix(FacetsPath, "/"): facets, strings.TrimPrefix(TermsPath, "/"): terms,
		strings.TrimPrefix(MapDataPath, "/"): venues, strings.TrimPrefix(MapImagePath, "/"): s.mapSVG(),
		strings.TrimPrefix(GeoJSONPath, "/"): geo, strings.TrimPrefix(CSVPath, "/"): s.providersCSV()} {
		if err := out.add(name, data); err != nil {
			return nil, 0, err
		}
	}
	if err := copyAssets(out, s, opts); err != nil {
		return nil, 0, err
	}
	return out, len(pages), nil
}

// layer returns the built-in folder dir with the site's own files over it.
func layer(opts Options, dir string) (fs.FS, error) {
	bottom, err := fs.Sub(opts.Theme, dir)
	if err != nil {
		return nil, err
	}
	var top fs.FS
	if info, err := fs.Stat(opts.Site, dir); err == nil && info.IsDir() {
		top, _ = fs.Sub(opts.Site, dir)
	}
	return overlay{top: top, bottom: bottom}, nil
}

// publishable are the bundle files copied to the output: images the text
// may show. Other files are published only when listed as attachments.
var publishable = []string{".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif"}

// copyAssets adds the static files and the bundles' images and attachments.
func copyAssets(out files, s *Site, opts Options) error {
	if err := out.copyTree(opts.Theme, "static", "", false); err != nil {
		return fmt.Errorf("built-in static files: %w", err)
	}
	if err := out.copyTree(opts.Site, "static", "", true); err != nil {
		return fmt.Errorf("static/: %w", err)
	}
	for _, b := range s.bundles {
		for _, f := range b.files {
			if !slices.Contains(publishable, strings.ToLower(path.Ext(f))) && !slices.Contains(b.attachments, f) {
				continue
			}
			data, err := fs.ReadFile(opts.Site, path.Join(b.dir, f))
			if err != nil {
				return err
			}
			if err := out.add(strings.TrimPrefix(b.url, "/")+f, data); err != nil {
				return err
			}
		}
	}
	return nil
}

// Config loads only the site's settings (for "artsmap new"), failing when
// content/site.toml has errors.
func Config(siteFS fs.FS) (*content.Config, error) {
	cfg, probs := content.LoadConfig(siteFS)
	return cfg, probs.Err()
}
