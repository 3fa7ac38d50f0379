// Package content owns the content model: it reads a site's content folder
// from an fs.FS, decodes every file strictly into typed structs, and checks
// them against the site's vocabularies and the rules of the content model,
// reporting every problem at once with its path, line and column.
package content

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"artsmap/internal/diag"
	"artsmap/internal/geo"
	"artsmap/internal/markdown"
	"artsmap/internal/slug"
)

// Options control loading.
type Options struct {
	// Now is the moment stale profiles are measured against. Zero means
	// the current time; tests set it so that results never drift.
	Now time.Time
	// Cache, when not nil, keeps what provider folders were decoded into
	// between loads, so that a folder whose files are unchanged is not
	// read and decoded again (see FolderCache). Only a load's first pass
	// over the site uses it; Loader's reloads do not.
	Cache *FolderCache
}

// loader carries the state of a load, kept between reloads.
type loader struct {
	fsys    fs.FS
	opts    Options
	probs   *diag.List            // where problems go now
	base    *diag.List            // problems of site.toml and the other documents
	perUnit map[string]*diag.List // problems of each provider folder
	site    *Site
	docs    map[any]*decoded // each loaded document -> its decoding, for positions
	vocab   vocabSets
	tz      *time.Location
	md      *markdown.Renderer // made when a Markdown text is first checked
	mdHost  string             // the host md was made for
	shared  [32]byte           // what every provider folder's load depends on (see sharedKey)
}

// Load reads the site folder fsys (the folder holding content/) and
// returns what it holds together with every problem found. The site is
// only fit to build when the list has no errors.
func Load(fsys fs.FS, opts Options) (*Site, *diag.List) {
	return NewLoader(fsys, opts).Load(nil)
}

// Loader loads a site, then reloads it cheaply: when only provider folders
// changed, only those are read again. Not safe for concurrent use.
type Loader struct {
	fsys fs.FS
	opts Options
	last *loader
}

// NewLoader returns a loader of the site folder fsys.
func NewLoader(fsys fs.FS, opts Options) *Loader {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	return &Loader{fsys: fsys, opts: opts}
}

// Load loads the site. changed lists the site-relative paths that changed
// since the last call; nil means everything. The returned site must not be
// changed by the caller: later loads share its unchanged parts.
func (ld *Loader) Load(changed []string) (*Site, *diag.List) {
	dirs, ok := providerDirs(changed)
	if ld.last == nil || changed == nil || !ok {
		ld.last = ld.full()
	} else {
		ld.last = ld.last.reload(dirs)
	}
	return ld.last.site, ld.last.all()
}

func (ld *Loader) full() *loader {
	l := &loader{fsys: ld.fsys, opts: ld.opts, base: &diag.List{}, perUnit: map[string]*diag.List{},
		site: &Site{}, docs: map[any]*decoded{}}
	l.probs = l.base
	for _, dir := range scanned {
		l.scan(dir, inProvider)
	}
	if !l.loadConfig() {
		l.scanProviders() // they are not loaded, but what they hold is reported
		return l
	}
	l.loadProviders()
	l.loadMarkdownDir("content/factsheets", l.loadFactsheet)
	l.loadLearning()
	l.loadMarkdownDir("content/evidence", l.loadEvidence)
	l.loadMarkdownDir("content/events", l.loadEvent)
	l.loadMarkdownDir("content/pages", l.loadPage)
	l.loadAreas()
	l.checkStray()
	return l
}

// all gathers every problem: each file's, then the checks across files.
func (l *loader) all() *diag.List {
	out := &diag.List{}
	out.Merge(*l.base)
	for _, p := range l.perUnit {
		out.Merge(*p)
	}
	if l.vocab == nil {
		return out // site.toml could not be read: nothing else was checked
	}
	l.probs = out
	l.checkVenueDistricts()
	l.crossCheck()
	return out
}

// providerDirs maps changed paths to the provider folders they are in, and
// reports false when any path lies elsewhere (a full load is needed).
func providerDirs(changed []string) ([]string, bool) {
	var dirs []string
	for _, p := range changed {
		rest, ok := strings.CutPrefix(path.Clean(p), "content/providers/")
		slug, _, nested := strings.Cut(rest, "/")
		if !ok || !nested || slug == "" {
			return nil, false
		}
		if d := "content/providers/" + slug; !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs, true
}

// reload copies the loader and reads the given provider folders again.
func (l *loader) reload(dirs []string) *loader {
	n := *l
	n.site = &Site{}
	*n.site = *l.site
	n.perUnit = maps.Clone(l.perUnit)
	n.docs = maps.Clone(l.docs)
	for _, dir := range dirs {
		n.site.Providers = slices.DeleteFunc(slices.Clone(n.site.Providers), func(p *Provider) bool {
			if path.Dir(p.Path) == dir {
				delete(n.docs, p)
				return true
			}
			return false
		})
		delete(n.perUnit, dir)
		n.probs = &diag.List{}
		if info, err := fs.Lstat(n.fsys, dir); err == nil && info.IsDir() {
			if s, ok := n.slugOf(dir, path.Base(dir)); ok {
				n.loadProviderDir(dir, s)
			}
			n.perUnit[dir] = n.probs
		}
	}
	slices.SortFunc(n.site.Providers, func(a, b *Provider) int { return strings.Compare(a.Path, b.Path) })
	return &n
}

// readDoc reads a Markdown file and decodes its front matter into v.
func (l *loader) readDoc(p string, v any, src *Source) *decoded {
	data, ok := l.read(p, maxMarkdown, "a Markdown file")
	if !ok {
		return nil
	}
	front, body, bodyLine, err := Split(data)
	if err != nil {
		l.probs.Errorf(p, 1, 1, "%v", err).Hint = "a content file starts with +++, then settings, then +++, then the text"
		return nil
	}
	if !l.withinLimits(p, front, body, bodyLine) {
		return nil
	}
	*src = Source{Path: p, Body: body, BodyLine: bodyLine}
	l.checkBody(p, body, bodyLine)
	l.checkPlaceholderBody(p, body, bodyLine)
	l.bodyMarkdown(p, body, bodyLine)
	d := decodeTOML(p, front, 2, v, l.probs)
	if d != nil {
		l.docs[v] = d
		l.noteDraft(d, v)
	}
	return d
}

// exists reports whether p is a file (not a folder or link) in the site.
func (l *loader) exists(p string) bool { return l.plain(p) }

// entries lists the files and folders in dir, or nothing when it does not
// exist. Links and special files are left out: the scan reports them.
func (l *loader) entries(dir string) []fs.DirEntry {
	list, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil
	}
	return slices.DeleteFunc(list, func(e fs.DirEntry) bool { return !e.IsDir() && !e.Type().IsRegular() })
}

// slugOf checks a file or folder name used as a URL segment.
func (l *loader) slugOf(p, name string) (string, bool) {
	if slug.Valid(name) {
		return name, true
	}
	l.probs.Errorf(p, 0, 0, "%q cannot be used in a web address", name).Hint =
		"rename it to \"" + slug.Make(name) + "\": lower-case letters, digits and single hyphens"
	return "", false
}

// loadMarkdownDir loads every <slug>.md in dir with load.
func (l *loader) loadMarkdownDir(dir string, load func(p, slug string)) {
	for _, e := range l.entries(dir) {
		p := path.Join(dir, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			l.probs.Warnf(p, 0, 0, "ignored: only <name>.md files are read here")
			continue
		}
		if s, ok := l.slugOf(p, strings.TrimSuffix(e.Name(), ".md")); ok {
			load(p, s)
		}
	}
}

// loadProviders loads every bundle under content/providers.
func (l *loader) loadFactsheet(p, s string) {
	f := &Factsheet{}
	if d := l.readDoc(p, f, &f.Source); d != nil {
		f.Slug = s
		l.checkFactsheet(f, d)
		l.site.Factsheets = append(l.site.Factsheets, f)
	}
}

// loadLearning loads leaf files and bundles under content/learning. A leaf
// file and a folder of the same name would both be published at one
// address, so the folder is reported and the file alone is loaded.
func (l *loader) loadLearning() {
	for _, e := range l.entries("content/learning") {
		p := path.Join("content/learning", e.Name())
		if !e.IsDir() {
			if !strings.HasSuffix(e.Name(), ".md") {
				l.probs.Warnf(p, 0, 0, "ignored: only <name>.md files and <name>/index.md folders are read here")
				continue
			}
			if s, ok := l.slugOf(p, strings.TrimSuffix(e.Name(), ".md")); ok {
				l.loadLearningDoc(p, s, false)
			}
			continue
		}
		s, ok := l.slugOf(p, e.Name())
		if !ok {
			continue
		}
		if leaf := p + ".md"; l.exists(leaf) {
			l.probs.Errorf(p, 0, 0, "the learning output %q is both %s and this folder: both would be published at /learning/%s/", s, leaf, s).Hint =
				"keep one: move the text of " + leaf + " into " + path.Join(p, "index.md") + ", or remove the folder"
			continue
		}
		if !l.plain(path.Join(p, "index.md")) {
			l.probs.Errorf(p, 0, 0, "the learning folder has no index.md").Hint =
				"put the text in " + path.Join(p, "index.md") + ", with its attachments beside it"
			continue
		}
		l.loadLearningDoc(path.Join(p, "index.md"), s, true)
	}
}

func (l *loader) loadLearningDoc(p, s string, bundle bool) {
	lo := &Learning{Bundle: bundle}
	if bundle {
		lo.Files = l.bundleFiles(path.Dir(p), "index.md")
	}
	if d := l.readDoc(p, lo, &lo.Source); d != nil {
		lo.Slug = s
		l.checkLearning(lo, d)
		l.checkAttachmentFiles(lo)
		l.site.Learning = append(l.site.Learning, lo)
	}
}

func (l *loader) loadEvent(p, s string) {
	ev := &Event{}
	if d := l.readDoc(p, ev, &ev.Source); d != nil {
		ev.Slug = s
		l.checkEvent(ev, d)
		l.site.Events = append(l.site.Events, ev)
	}
}

func (l *loader) loadPage(p, s string) {
	pg := &Page{}
	if d := l.readDoc(p, pg, &pg.Source); d != nil {
		pg.Slug = s
		l.checkPage(pg, d)
		l.site.Pages = append(l.site.Pages, pg)
	}
}

// loadAreas reads the optional boundary files in content/areas.
func (l *loader) loadAreas() {
	for _, e := range l.entries("content/areas") {
		p := path.Join("content/areas", e.Name())
		if p == PostcodesPath && !e.IsDir() {
			l.loadPostcodes()
			continue
		}
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".geojson") {
			l.probs.Warnf(p, 0, 0, "ignored: only .geojson boundary files and postcodes.csv are read here")
			continue
		}
		data, ok := l.read(p, maxBoundaries, "a boundary file")
		if !ok {
			continue
		}
		l.site.Areas = append(l.site.Areas, AreaFile{Path: p, Features: geo.ParseBoundaries(p, data, l.probs)})
	}
}

var known = []string{"site.toml", "providers", "factsheets", "learning", "evidence", "events", "pages", "areas"}

// checkStray warns about files in content/ that nothing reads.
func (l *loader) checkStray() {
	for _, e := range l.entries("content") {
		if !slices.Contains(known, e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			l.probs.Warnf(path.Join("content", e.Name()), 0, 0, "ignored: not part of the content model").Hint =
				diag.Suggest(e.Name(), known)
		}
	}
}

// LoadConfig reads and checks content/site.toml alone.
func LoadConfig(fsys fs.FS) (*Config, *diag.List) {
	l := &loader{fsys: fsys, opts: Options{Now: time.Now()}, probs: &diag.List{}, site: &Site{}, docs: map[any]*decoded{}}
	l.loadConfig()
	return &l.site.Config, l.probs
}
