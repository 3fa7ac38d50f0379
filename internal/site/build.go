// Package site owns a build: it loads a site's content, assembles the
// in-memory model, renders every page and data file with the layouts, and
// writes the result: a first build into a new folder swapped in at once, a
// rebuild only the files that changed, put in place at the end. The phases
// run in this order and each one only reads what the one before produced.
package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"artsmap/internal/cms"
	"artsmap/internal/content"
	"artsmap/internal/diag"
	"artsmap/internal/filetype"
	"artsmap/internal/openreferral"
	"artsmap/internal/sitefs"
	"artsmap/internal/workers"
)

// Options configure a build.
type Options struct {
	// Site is the site folder (it holds content/ and optionally layouts/ and static/).
	Site fs.FS
	// Theme holds the built-in layouts/ and static/ folders.
	Theme fs.FS
	// SiteDir is the path of the site folder on disk, when Site is one:
	// Build refuses an Out that is it, holds it, or lies inside its
	// content/, layouts/ or static/.
	SiteDir string
	// Out is the folder to write; it is replaced only when the build
	// succeeds, and only when it is absent, empty or a previous output.
	Out string
	// Context, when not nil, stops a check or build when it ends: loading,
	// rendering and writing stop, and nothing is left behind.
	Context context.Context
	// LoadLimit is how long a live reload (NewLive, Live.Update) may read
	// the site before it is given up and the files it waits for are
	// reported. Zero means DefaultLoadLimit. Builds and checks have no limit.
	LoadLimit time.Duration
	// Now is the build's clock: which events are past and which profiles
	// are stale. Zero means today (UTC midnight), so builds on the same day
	// of the same input are byte-identical.
	Now time.Time
	// CacheDir, when set, is where a build keeps what each provider folder
	// was decoded into, for the next build of the same site folder to
	// take the folders whose files are unchanged (see folderCache).
	// Empty means no cache.
	CacheDir string
	// cacheNow, when not nil, is the clock the cache measures a folder's
	// age by (tests: folders they have just written count as old).
	cacheNow func() time.Time
}

// Result describes a finished build or check.
type Result struct {
	Problems []diag.Problem // errors and warnings, sorted
	Pages    int            // HTML pages rendered
	Files    int            // files of the site
	// Written and Removed count the files a build wrote and removed: into
	// a previous output, only those whose bytes changed and those that
	// went away; otherwise every file, and none.
	Written, Removed int
	// Reused counts the files of a rebuild kept without being made again,
	// as their inputs had not changed (see outputKeys).
	Reused int
	// FromCache counts the provider folders taken from the cache (see
	// Options.CacheDir) instead of being read and decoded.
	FromCache int
}

func (o *Options) now() time.Time {
	if !o.Now.IsZero() {
		return o.Now
	}
	return time.Now().UTC().Truncate(24 * time.Hour)
}

func (o *Options) ctx() context.Context {
	if o.Context != nil {
		return o.Context
	}
	return context.Background()
}

// load runs the load and assemble phases.
func load(opts Options) (*Site, *diag.List) {
	now := opts.now()
	rec := newInputs()
	cache := openFolderCache(opts, rec)
	cs, probs := content.Load(newCancelFS(opts.ctx(), recordFS{opts.Site, rec, ""}), content.Options{Now: now, Cache: cache.loadCache()})
	taken := cache.finish(opts.ctx().Err() == nil)
	if probs.Errors() > 0 || opts.ctx().Err() != nil {
		return nil, probs
	}
	s := assemble(cs.Published(), now, probs)
	s.inputs, s.fromCache, s.cache = rec, taken, cache
	checkFormAction(opts.Site, s, probs)
	return s, probs
}

// loadStoppable runs load, returning as soon as the options' context ends
// (err then says so), even when a read never finishes.
func loadStoppable(opts Options) (*Site, *diag.List, error) {
	type loaded struct {
		s     *Site
		probs *diag.List
	}
	ctx := opts.ctx()
	done := make(chan loaded, 1)
	go func() {
		s, probs := load(opts)
		done <- loaded{s, probs}
	}()
	select {
	case l := <-done:
		if err := ctx.Err(); err != nil {
			return nil, nil, stopped(err)
		}
		return l.s, l.probs, nil
	case <-ctx.Done():
		return nil, nil, stopped(ctx.Err())
	}
}

// Build runs every phase and swaps the new output into opts.Out. On any
// error, or when the options' context ends, the previous output is left
// exactly as it was. An Out that Build must not replace (see checkOut) is
// refused before anything is read. Out is made absolute and clean first,
// so that "link/" is the link itself and "." the current folder by name.
func Build(opts Options) (Result, error) {
	if opts.Out == "" {
		return Result{}, errors.New("no output folder given")
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return Result{}, fmt.Errorf("the output folder %s: %w", diag.ShowPath(opts.Out), err)
	}
	opts.Out = out
	if err := checkOut(opts.Out, opts.SiteDir); err != nil {
		return Result{}, err
	}
	looked := lookAhead(opts.Out)
	p, res, err := planSite(opts)
	if err != nil {
		p.done(false)
		return res, err
	}
	p.looked = looked
	written, removed, err := p.write(opts.ctx(), opts.Out, workers.PerCPU())
	p.done(err == nil)
	if err != nil {
		if opts.ctx().Err() != nil {
			return res, stopped(opts.ctx().Err())
		}
		res.Pages, res.Files = 0, 0 // nothing was written
		probs := &diag.List{}
		for _, pr := range res.Problems {
			probs.Add(pr)
		}
		if addLayoutProblems(probs, err) {
			res.Problems = probs.Items()
			return res, probs.Err()
		}
		return res, fmt.Errorf("writing %s: %w", diag.ShowPath(opts.Out), err)
	}
	res.Written, res.Removed, res.Reused = written, removed, p.reused
	return res, nil
}

// lookAhead looks into the previous output at out (see lookAt) while the
// site is loaded and rendered, which leave processors idle at times: the
// walk of the output is the largest part of a rebuild that keeps most
// files. What is put in out after it is found by refuseNewStrangers.
func lookAhead(out string) func() *look {
	done := make(chan *look, 1)
	go func() { done <- lookAt(out) }()
	return sync.OnceValue(func() *look { return <-done })
}

// render plans every output file: pages and data files made from the
// model, static files and the bundles' images.
func render(s *Site, opts Options) (*plan, int, error) {
	ts, _, static, err := prepare(s, opts, nil)
	if err != nil {
		return nil, 0, err
	}
	base := sync.OnceValue(func() *keyBase { return newKeyBase(s, static) })
	p := newPlan()
	if s.cache != nil { // a build's, not a check's
		p.cache, p.cards = s.cache, s.cache.openCardStore(base())
		s.pieces = p.cards
		if !s.ownLayouts { // a layout of the site's may show anything of the model in a card (see pageListed)
			ts.useCards(p.cards)
		}
	}
	set := s.outputs(ts)
	p.keyAll = func() map[string]outputKey { return outputKeys(base(), set.owners, set.lists) }
	p.files = make(map[string]output, len(set.files)+len(p.files)+1<<10) // and the static files
	for _, name := range addOrder(set.files) {
		if err := p.add(name, set.files[name]); err != nil {
			p.done(false)
			return nil, 0, err
		}
	}
	p.first = slowOutputs
	if err := planAssets(p, s, opts, static); err != nil {
		p.done(false)
		return nil, 0, err
	}
	return p, set.pages, nil
}

// addOrder is the order in which to plan files: any order when every
// name is clean, as then no two can clash; otherwise path order, so that
// the same clash is reported first every time.
func addOrder(files map[string]output) []string {
	names := slices.Collect(maps.Keys(files))
	for _, name := range names {
		if !fs.ValidPath(name) || name == "." || path.Clean(name) != name {
			slices.Sort(names)
			break
		}
	}
	return names
}

// slowOutputs are the files that take longest to make on a large site,
// slowest first (measured; see docs/performance.md).
var slowOutputs = []string{trim(TermsPath), trim(GeoJSONPath), "map/venues/index.html", "map/index.html",
	"providers/index.html", trim(MapImagePath), "coverage/index.html", "sitemap.xml", trim(CSVPath), trim(MapDataPath)}

// prepare parses the layouts (unless given ls, parsed before), binds them
// and finds the static files, noting in the model whether the map library
// is among them. Without an editor ([cms] unset) the editor's script,
// fonts and libraries are not among them, for the build and for serve alike. The parsed
// layouts are returned for serve to keep.
func prepare(s *Site, opts Options, ls layoutSet) (templates, layoutSet, fs.FS, error) {
	if ls == nil {
		layouts, err := layer(opts, "layouts")
		if err != nil {
			return nil, nil, nil, err
		}
		if s.inputs != nil { // a build's: the layouts are inputs of every page (see outputKeys)
			layouts = recordFS{layouts, s.inputs, layoutsPrefix}
		}
		if ls, err = parseLayouts(layouts); err != nil {
			return nil, nil, nil, err
		}
	}
	ts, err := ls.bind()
	if err != nil {
		return nil, nil, nil, err
	}
	static, err := layer(opts, "static")
	if err != nil {
		return nil, nil, nil, err
	}
	if s.editor == nil {
		static = without{static, []string{trim(path.Dir(cms.ScriptPath)), trim(path.Dir(cms.PreviewScript)),
			trim(path.Dir(path.Dir(path.Dir(cms.ImmutableGlob))))}} // vendor/npm: the CMS's own libraries
	}
	if err := checkVendored(static, s.Tiles != "", s.editor != nil); err != nil {
		return nil, nil, nil, err
	}
	s.Leaflet = s.Tiles != ""
	if info, err := fs.Stat(opts.Site, "layouts"); err == nil && info.IsDir() {
		s.ownLayouts = true
	}
	return ts, ls, static, nil
}

// output makes one published file when asked.
type output func() ([]byte, error)

// outputSet is every file made from the model (not static or bundle
// files), by output path.
type outputSet struct {
	files  map[string]output
	owners map[string]*Provider // the files made from one provider alone (see outputKeys)
	lists  map[string]listedBy  // the files made from the providers they list (see listedKeys)
	pages  int                  // how many of the files are HTML pages
}

// outputs lists every file made from the model.
func (s *Site) outputs(ts templates) outputSet {
	type index struct {
		files map[string]output
		err   error
	}
	searched := make(chan index, 1)
	go func() { // the search index is the slowest part to plan: made while the rest is planned
		files, err := s.searchFiles()
		searched <- index{files, err}
	}()
	table, owners := map[string]output{}, map[string]*Provider{}
	pages := s.pages()
	lists := map[string]listedBy{}
	for _, p := range pages {
		table[pageFile(p.Path)] = func() ([]byte, error) { return ts.execute(p) }
		if o := p.owner(); o != nil {
			owners[pageFile(p.Path)] = o
		}
		if l, ok := s.pageListed(p); ok {
			lists[pageFile(p.Path)] = l
		}
	}
	bytesOf := func(f func() []byte) output { return func() ([]byte, error) { return f(), nil } }
	table["sitemap.xml"] = bytesOf(func() []byte { return s.sitemap(pages) })
	table["robots.txt"] = bytesOf(s.robots)
	table["feed.xml"] = bytesOf(s.feed)
	table["events.ics"] = bytesOf(s.calendar)
	table[trim(MapImagePath)] = bytesOf(s.mapSVG)
	table[trim(StatusCSSPath)] = bytesOf(statusCSS)
	table[trim(CSVPath)] = bytesOf(s.providersCSV)
	table[trim(CoverageCSVPath)] = bytesOf(s.coverageCSV)
	table[trim(MapDataPath)] = s.mapData
	table[trim(MapClustersPath)] = s.mapClustersData
	table[trim(GeoJSONPath)] = s.providersGeoJSON
	table[trim(GlossaryPath)] = s.glossaryJSON
	table[trim(ShortlistPath)] = s.shortlistData
	orFiles := s.openReferralFiles()
	bySlug := map[string]*Provider{}
	for _, p := range s.Providers {
		bySlug[p.Slug] = p
	}
	for _, f := range orFiles {
		table[f.Path] = f.Encode
		if o := bySlug[f.Owner]; o != nil {
			owners[f.Path] = o
		}
		if l, ok := orListed(f, bySlug); ok {
			lists[f.Path] = l
		}
	}
	table[RedirectsFile] = bytesOf(func() []byte { return openreferral.Redirects(orFiles) })
	s.cardChunks(ts, table, lists)
	for _, e := range s.Events() {
		table[trim(e.URL)+"event.ics"] = bytesOf(func() []byte { return s.calendarOf([]*Event{e}) })
	}
	s.programmeCalendars(table, owners)
	for _, f := range s.Factsheets {
		table[trim(f.URL)+PlainTextName] = bytesOf(func() []byte { return []byte(f.text) })
	}
	for _, l := range s.Learning {
		table[trim(l.URL)+PlainTextName] = bytesOf(func() []byte { return []byte(l.text) })
		if len(l.References) > 0 {
			table[trim(l.URL)+"references.bib"] = bytesOf(l.BibTeX)
			table[trim(l.URL)+"references.ris"] = bytesOf(l.RIS)
			table[trim(l.URL)+"references.json"] = l.CSL
		}
	}
	s.evidenceOutputs(table)
	s.postcodeOutputs(table)
	if ix := <-searched; ix.err != nil {
		table[trim(TermsPath)] = func() ([]byte, error) { return nil, ix.err }
	} else {
		maps.Copy(table, ix.files)
	}
	if s.editor != nil {
		table[trim(cms.IndexPath)] = bytesOf(func() []byte { return cms.IndexHTML(s.Title) })
		table[trim(cms.ConfigPath)] = s.editor.Marshal
		table[trim(cms.LabelsPath)] = s.editorLabels
	}
	return outputSet{files: table, owners: owners, lists: lists, pages: len(pages)}
}

func trim(p string) string { return strings.TrimPrefix(p, "/") }

// pageFile is the output file of a page path: /a/ is a/index.html.
func pageFile(p string) string {
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(name, "/") || name == "" {
		name += "index.html"
	}
	return name
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

// planAssets plans copies of the bundles' images and attachments, then of
// the static files. A file whose address is already taken is noted as a
// clash (see check.go), so that every clash is reported in one run.
func planAssets(p *plan, s *Site, opts Options, static fs.FS) error {
	bundles := s.bundleFiles()
	for _, name := range slices.Sorted(maps.Keys(bundles)) {
		if err := p.add(name, copyOf(opts.Site, bundles[name])); err != nil {
			p.clashes = append(p.clashes, clash{src: bundles[name], out: name})
		}
	}
	if err := p.copyTree(static, "."); err != nil {
		return fmt.Errorf("static files: %w", err)
	}
	return nil
}

// bundleFiles maps the output path of every published bundle file (images,
// and attachments where listed) to its path in the site folder. Only types
// on the allow-list are published; loading has checked their content.
func (s *Site) bundleFiles() map[string]string {
	out := map[string]string{}
	for _, b := range s.bundles {
		for _, f := range b.files {
			if _, ok := filetype.ByName(f); ok && (filetype.IsImage(f) || slices.Contains(b.attachments, f)) {
				out[trim(b.url)+f] = path.Join(b.dir, f)
			}
		}
	}
	return out
}

// Folder returns the read-only view of the site folder dir that builds,
// checks and previews read: it never follows a symbolic link, opens only
// regular files and folders, and reads no file larger than any limit of
// the content model.
func Folder(dir string) fs.FS { return sitefs.New(dir, content.MaxFileSize) }

// Config loads only the site's settings (for "artsmap new"), failing when
// content/site.toml has errors.
func Config(siteFS fs.FS) (*content.Config, error) {
	cfg, probs := content.LoadConfig(siteFS)
	return cfg, probs.Err()
}
