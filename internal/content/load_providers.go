package content

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"artsmap/internal/diag"
	"artsmap/internal/geo"
	"artsmap/internal/workers"
)

// loadProviders loads every provider folder, several at a time: each
// folder is read by its own copy of the loader (see unit), and the copies
// are merged back in folder order, so the result does not depend on which
// folder finished first.
func (l *loader) loadProviders() {
	entries := l.entries("content/providers")
	units := make([]*loader, len(entries))
	l.renderer() // made once, for every unit to share
	workers.Each(len(entries), workers.PerCPU(), func(i int) {
		if e := entries[i]; e.IsDir() {
			dir := path.Join("content/providers", e.Name())
			u := l.unit()
			if s, ok := u.providerSlug(dir, e.Name()); ok {
				u.loadFolder(dir, s)
			}
			units[i] = u
		}
	})
	for i, e := range entries {
		dir := path.Join("content/providers", e.Name())
		if !e.IsDir() {
			l.probs.Warnf(dir, 0, 0, "ignored: each provider is a folder holding index.md").Hint =
				"move it to content/providers/<name>/index.md"
			continue
		}
		u := units[i]
		l.perUnit[dir] = u.probs
		l.site.Providers = append(l.site.Providers, u.site.Providers...)
		maps.Copy(l.docs, u.docs)
	}
}

// ReservedProviderSlugs are the names under /providers/ the site itself
// uses, which a provider folder cannot take.
var ReservedProviderSlugs = []string{"handouts"}

// providerSlug checks a provider folder's name: a web address segment,
// and not one of ReservedProviderSlugs.
func (l *loader) providerSlug(dir, name string) (string, bool) {
	s, ok := l.slugOf(dir, name)
	if ok && slices.Contains(ReservedProviderSlugs, s) {
		l.probs.Errorf(dir, 0, 0, "the folder name %q clashes with a page of the site at /providers/%s/", s, s).Hint =
			"rename the folder, for example to " + s + "-arts"
		return "", false
	}
	return s, ok
}

// unit is a copy of the loader that reads one provider folder: it shares
// the settings and vocabularies (read only) and has its own problems,
// documents and providers.
func (l *loader) unit() *loader {
	u := *l
	site := *l.site
	site.Providers = nil
	u.site = &site
	u.probs = &diag.List{}
	u.docs = map[any]*decoded{}
	return &u
}

// loadProviderDir loads a provider folder, which must hold index.md.
func (l *loader) loadProviderDir(dir, s string) {
	l.scan(dir, nil)
	if !l.plain(path.Join(dir, "index.md")) {
		l.probs.Errorf(dir, 0, 0, "the provider folder has no index.md").Hint = "run: artsmap new provider \"Name\""
		return
	}
	l.loadProvider(dir, s)
}

// loadProvider reads one bundle: index.md, locations.geojson and its files.
func (l *loader) loadProvider(dir, s string) {
	pr := &Provider{}
	d := l.readDoc(path.Join(dir, "index.md"), pr, &pr.Source)
	if d == nil {
		// Keep the slug known, so that references to the provider are not
		// reported as well as the mistake in its file.
		l.site.Providers = append(l.site.Providers, &Provider{Source: Source{Path: path.Join(dir, "index.md"), Slug: s}, broken: true})
		return
	}
	pr.Slug = s
	pr.Venues, pr.Areas, pr.noVenues = l.locations(path.Join(dir, "locations.geojson"))
	pr.Files = l.bundleFiles(dir, "index.md", "locations.geojson")
	for _, f := range published(pr.Files, nil) {
		l.checkPublished(path.Join(dir, f))
	}
	l.checkProvider(pr, d)
	d.settle()
	l.site.Providers = append(l.site.Providers, pr)
}

// locations reads a provider's optional locations.geojson. broken is true
// when it has errors, so that its venue ids are not checked against it.
func (l *loader) locations(p string) (venues []geo.Venue, areas []geo.Area, broken bool) {
	info, err := fs.Lstat(l.fsys, p)
	switch {
	case err != nil:
		return nil, nil, false
	case info.IsDir():
		l.probs.Errorf(p, 0, 0, "locations.geojson is a folder, not a file").Hint =
			"put the venues in a file named locations.geojson, and move the folder's files elsewhere"
		return nil, nil, true
	case !info.Mode().IsRegular():
		return nil, nil, false // a link or special file: the scan reported it, and it has no venues
	}
	data, ok := l.read(p, maxLocations, "locations.geojson")
	if !ok {
		return nil, nil, true
	}
	before := l.probs.Errors()
	venues, areas = geo.ParseLocations(p, data, l.bounds(), l.probs)
	l.checkPlaceholderVenues(p, data, venues)
	return venues, areas, l.probs.Errors() > before
}

// bundleFiles lists the regular files in a bundle folder (recursively),
// relative to it, leaving out the named ones and hidden ones. Links and
// special files are left out: the scan reports them.
func (l *loader) bundleFiles(dir string, except ...string) []string {
	var files []string
	fs.WalkDir(l.fsys, dir, func(p string, e fs.DirEntry, err error) error { // unreadable entries are skipped
		if err != nil || !e.Type().IsRegular() {
			return nil
		}
		rel := strings.TrimPrefix(p, dir+"/")
		if !slices.Contains(except, rel) && !strings.HasPrefix(path.Base(rel), ".") {
			files = append(files, rel)
		}
		return nil
	})
	return files
}
