package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"artsmap/internal/registry"
	"artsmap/internal/slug"
)

// overlay is a read-only file system where files in top hide files of the
// same name in bottom: a site's layouts/ and static/ over the built-in ones.
type overlay struct {
	top, bottom fs.FS // top may be nil
}

// Open implements fs.FS. A link or special file in top is never opened:
// it is as if absent (loading reports it).
func (o overlay) Open(name string) (fs.File, error) {
	if o.top != nil && plain(o.top, name) {
		if f, err := o.top.Open(name); err == nil {
			return f, nil
		}
	}
	return o.bottom.Open(name)
}

// ReadFile implements fs.ReadFileFS, so that the site's files are read
// with the limits of its file system.
func (o overlay) ReadFile(name string) ([]byte, error) {
	if o.top != nil && plain(o.top, name) {
		if data, err := fs.ReadFile(o.top, name); err == nil {
			return data, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return fs.ReadFile(o.bottom, name)
}

// plain reports whether name in fsys is a regular file or folder, without
// following a link.
func plain(fsys fs.FS, name string) bool {
	info, err := fs.Lstat(fsys, name)
	return err == nil && (info.Mode().IsRegular() || info.IsDir())
}

// without is a file system with some folders left out.
type without struct {
	fsys fs.FS
	dirs []string // slash-separated, no leading slash
}

func (w without) hides(name string) bool {
	for _, d := range w.dirs {
		if name == d || strings.HasPrefix(name, d+"/") {
			return true
		}
	}
	return false
}

// Open implements fs.FS.
func (w without) Open(name string) (fs.File, error) {
	if w.hides(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.fsys.Open(name)
}

// ReadDir implements fs.ReadDirFS, leaving the hidden folders out.
func (w without) ReadDir(name string) ([]fs.DirEntry, error) {
	list, err := fs.ReadDir(w.fsys, name)
	return slices.DeleteFunc(list, func(e fs.DirEntry) bool { return w.hides(path.Join(name, e.Name())) }), err
}

// ReadDir implements fs.ReadDirFS, merging both layers.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	var firstErr error
	read := false // some layer has the folder, even if it is empty
	for _, layer := range []fs.FS{o.top, o.bottom} {
		if layer == nil {
			continue
		}
		list, err := fs.ReadDir(layer, name)
		if err != nil {
			firstErr = cmpErr(firstErr, err)
			continue
		}
		read = true
		for _, e := range list {
			if !e.IsDir() && !e.Type().IsRegular() {
				continue // a link or special file: never read
			}
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !read && firstErr != nil {
		return nil, firstErr
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// templates holds one layout per page layout, ready to execute.
type templates map[string]*layout

// layout is a layout's template set, a copy of the parsed layouts with a
// card cache of its own, and the size of the last file it made. A file's
// buffer starts a little larger than that, instead of doubling its way up
// from nothing: at 50,000 providers the doubling was 3.6 GB of the 24 GB
// a build allocated, and the collector's work grows with what is
// allocated.
type layout struct {
	*template.Template
	last  atomic.Int64
	cards *cards // what {{card .}} renders with
}

// buffer is an empty buffer for the layout's next file.
func (l *layout) buffer() *bytes.Buffer {
	var b bytes.Buffer
	if n := l.last.Load(); n > 0 {
		b.Grow(int(n + n/8))
	}
	return &b
}

// made notes the size of a file the layout made.
func (l *layout) made(b *bytes.Buffer) []byte {
	l.last.Store(int64(b.Len()))
	return b.Bytes()
}

// layoutSet is the parsed layouts: one template set per page layout, never
// executed, only copied by bind. Parsing happens once for a build, and in
// serve again only when a file under layouts/ changes.
type layoutSet map[string]*template.Template

// pageLayouts are the layouts a site renders; each may be overridden.
var pageLayouts = []string{"home", "providers", "provider", "taxonomy", "term", "factsheets", "factsheet",
	"glossary", "learning-list", "learning", "events", "event", "page", "404", "coverage", "map", "venues",
	"embed-map", "embed-directory", "data", "sessions", "evidence-list", "evidence", "near", "feedback-thanks",
	"handout", "handouts", "profile-form", "form-thanks"}

// parseLayouts parses base.html and every partial once, and each page
// layout over a copy of them. A layout that cannot be parsed is a
// *layoutError; all of them are returned, joined, so that every broken
// layout is reported in one run.
func parseLayouts(fsys fs.FS) (layoutSet, error) {
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, err
	}
	common := newSet("base")
	var errs []error
	for _, file := range append([]string{"base.html"}, partials...) {
		if err := parseInto(common, fsys, file, &errs); err != nil {
			return nil, err
		}
	}
	out := layoutSet{}
	for _, name := range pageLayouts {
		t := newSet(name)
		if len(errs) == 0 { // a set with errors cannot be copied; the layout is still checked
			if t, err = common.Clone(); err != nil {
				return nil, err
			}
		}
		if err := parseInto(t, fsys, name+".html", &errs); err != nil {
			return nil, err
		}
		out[name] = t
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// newSet is an empty template set with the template functions; "card",
// "piece" and "shared" are bound to a set's own cache by bind.
func newSet(name string) *template.Template {
	c := (*cards)(nil)
	return template.New(name).Funcs(funcs).Funcs(template.FuncMap{"card": c.render, "piece": c.piece, "shared": c.shared})
}

// parseInto parses one file of layouts/ into t, adding a syntax error to
// errs. The error returned is a file that cannot be read.
func parseInto(t *template.Template, fsys fs.FS, file string, errs *[]error) error {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("layouts/%s: %w", file, err)
	}
	if _, err := t.New(file).Parse(string(src)); err != nil {
		*errs = append(*errs, &layoutError{file: "layouts/" + file, err: err})
	}
	return nil
}

// bind copies each layout's set with a card cache of its own, so that the
// parsed layouts serve every snapshot of a live site.
func (ls layoutSet) bind() (templates, error) {
	out := templates{}
	texts := &cardTexts{m: map[*Provider]string{}}
	for name, parsed := range ls {
		t, err := parsed.Clone()
		if err != nil {
			return nil, err
		}
		c := &cards{t: t, name: name, m: map[*Provider]*card{}, parts: map[string]*card{}, texts: texts}
		out[name] = &layout{Template: t.Funcs(template.FuncMap{"card": c.render, "piece": c.piece, "shared": c.shared}), cards: c}
	}
	return out, nil
}

// useCards makes every layout take its cards from store, and keep them
// there, from now on.
func (ts templates) useCards(store *cardStore) {
	for _, l := range ts {
		l.cards.texts.store = store // one cardTexts for every layout
		return
	}
}

// execute renders a page with its layout's "base" template.
func (ts templates) execute(p *Page) ([]byte, error) {
	t, ok := ts[p.Layout]
	if !ok {
		return nil, errors.New("no layout " + p.Layout)
	}
	root := "base"
	if strings.HasPrefix(p.Layout, "embed-") {
		root = "embed-base" // no site header, navigation or footer
	}
	b := t.buffer()
	if err := t.ExecuteTemplate(b, root, p); err != nil {
		return nil, &layoutError{file: "layouts/" + p.Layout + ".html", page: p.Path, err: err}
	}
	return t.made(b), nil
}

// executePart renders the template name of a layout's set on its own, for
// the file at path that is not a page.
func (ts templates) executePart(layout, name, path string, data any) ([]byte, error) {
	t, ok := ts[layout]
	if !ok {
		return nil, errors.New("no layout " + layout)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, &layoutError{file: "layouts/" + layout + ".html", page: path, err: err}
	}
	return b.Bytes(), nil
}

var funcs = template.FuncMap{
	"date":           formatDate,
	"isodate":        func(t time.Time) string { return t.Format(time.DateOnly) },
	"isotime":        func(t time.Time) string { return t.Format(time.RFC3339) },
	"when":           eventWhen,
	"label":          label,
	"yesno":          yesno,
	"lower":          strings.ToLower,
	"slug":           slug.Make,
	"shapeAt":        shape,
	"shade":          shade,
	"shadeKey":       func() []string { return []string{"None", "1 or 2", "3 to 5", "6 to 9", "10 or more"} },
	"cardsPath":      func() string { return cardsChunkPath(0) },
	"cardsChunkSize": func() int { return CardsChunkSize },
	"postcodeIndex":  func() string { return PostcodeIndex },
	"pageSize":       func() int { return DirectoryPageSize },
	"plural":         plural,
	"qr":             qrSVG,
	"hasEnded":       func(id string) bool { return !registry.Active(id) },
}

// plural is one when n is 1 and many otherwise: {{plural 1 "venue" "venues"}}
// is "venue". Counts of nothing take the plural, as in English "0 venues".
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// formatDate writes a date the British way: 2 October 2026.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// eventWhen describes an event's time: "Friday 12 March 2027, 10:00 to 16:00".
func eventWhen(e *Event) string {
	s := e.Start.Format("Monday 2 January 2006, 15:04")
	switch {
	case e.End.IsZero():
		return s
	case e.End.YearDay() == e.Start.YearDay() && e.End.Year() == e.Start.Year():
		return s + " to " + e.End.Format("15:04")
	}
	return s + " to " + e.End.Format("Monday 2 January 2006, 15:04")
}

// yesno is the label of a yes-or-no answer, "Not stated" when it is not
// given.
func yesno(b *bool) string { return registry.AnswerLabel(b) }

// templateHTML wraps HTML produced by the markdown package.
func templateHTML(b []byte) template.HTML { return template.HTML(b) } // sanitised by markdown
