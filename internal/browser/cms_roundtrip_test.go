package browser

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/markdown"
)

// TestEditorLoads opens /admin/ as deployed (GitHub backend) under the
// policy netlify.toml sends: it offers to sign in, with no console error,
// nothing blocked, and nothing fetched from another host but GitHub's
// (fonts and all are the site's own).
func TestEditorLoads(t *testing.T) {
	b := Start(t)
	e := openEditor(t, b, false)
	e.tab.WaitFor(t, `[...document.querySelectorAll('button')].some(b => /GitHub/.test(b.textContent))`)
	for _, c := range e.tab.ConsoleErrors() {
		t.Errorf("console error: %s", c)
	}
	for _, r := range e.tab.ForeignRequests(strings.TrimPrefix(e.base, "http://")) {
		if u, err := url.Parse(r); err != nil || !slices.Contains(githubHosts, u.Host) {
			t.Errorf("request to another host: %s", r)
		}
	}
	for _, v := range e.blocked(t) {
		t.Errorf("blocked by the Content-Security-Policy: %s", v)
	}
}

// githubHosts are the hosts the GitHub backend talks to: its API, and its
// status page, which the editor checks to explain an outage.
var githubHosts = []string{"api.github.com", "www.githubstatus.com"}

// TestEditorRoundTrip opens an entry of each collection in the CMS,
// changes one field, saves, and loads the written file with artsmap's own
// loader: the site still loads without errors, and the item differs from
// the original in that one field only. Comments in the front matter are
// not kept (a known property of Git-based CMSs, documented for editors).
func TestEditorRoundTrip(t *testing.T) {
	root := RepoRoot(t)
	before, probs := content.Load(os.DirFS(root), content.Options{Now: testNow})
	if probs.Errors() > 0 {
		t.Fatalf("content/ has errors: %v", probs.Items())
	}
	b := Start(t)
	e := openEditor(t, b, true)
	for _, c := range []struct {
		entry, keyPath, value, file string
		apply                       func(any)
	}{
		{"providers/entries/mindsong/index", "summary", "Singing groups, changed in the editor.", "content/providers/mindsong/index.md",
			func(v any) { v.(*content.Provider).Summary = "Singing groups, changed in the editor." }},
		{"providers/entries/afterglow-arts/index", "phone", "01632 960999", "content/providers/afterglow-arts/index.md",
			func(v any) { v.(*content.Provider).Phone = "01632 960999" }},
		{"venues/entries/art-shape/locations", "features.0.properties.name", "The Market Hall", "content/providers/art-shape/locations.geojson",
			func(v any) { v.(*content.Provider).Venues[0].Name = "The Market Hall" }},
		{"learning/entries/options-appraisal-commissioning-models", "title", "Options appraisal, retitled", "content/learning/options-appraisal-commissioning-models.md",
			func(v any) { v.(*content.Learning).Title = "Options appraisal, retitled" }},
		{"events/entries/creative-lab-good-practice-2027", "venue", "Another studio", "content/events/creative-lab-good-practice-2027.md",
			func(v any) { v.(*content.Event).Venue = "Another studio" }},
		{"factsheets/entries/commissioning-terms", "title", "Commissioning terms, retitled", "content/factsheets/commissioning-terms.md",
			func(v any) { v.(*content.Factsheet).Title = "Commissioning terms, retitled" }},
	} {
		t.Run(c.entry, func(t *testing.T) {
			e.edit(t, c.entry, c.keyPath, c.value, c.file)
			written := e.file(t, c.file)
			t.Logf("%s as the editor wrote it:\n%s", c.file, written)
			after := loadWith(t, root, c.file, written)
			want, got := itemOf(t, before, c.file), itemOf(t, after, c.file)
			c.apply(want)
			if !reflect.DeepEqual(want, got) {
				t.Errorf("after saving, %s reads differently:\n%s", c.file, fieldDiff(want, got))
			}
			for _, v := range e.blocked(t) {
				t.Errorf("blocked by the Content-Security-Policy: %s", v)
			}
		})
	}
}

// TestEditorKeepsAreas: a venues file that also holds an area served
// cannot be saved from the editor (its form has no polygon), and trying
// leaves the file exactly as it was.
func TestEditorKeepsAreas(t *testing.T) {
	b := Start(t)
	e := openEditor(t, b, true)
	const file = "content/providers/coln-dance-collective/locations.geojson"
	before := e.file(t, file)
	if !strings.Contains(string(before), "Polygon") {
		t.Fatalf("%s no longer holds an area served: pick another provider for this test", file)
	}
	if e.trySave(t, "venues/entries/coln-dance-collective/locations", "features.0.properties.name", "Renamed", file) {
		t.Fatalf("the editor saved a file with an area served:\n%s", e.file(t, file))
	}
}

// loadWith loads a copy of the site's content/ in which one file is
// replaced. Only content/ is copied (under a megabyte): loading reads
// nothing else but layouts/ and static/, which it only checks for links
// and sizes, and the repository's node_modules (over 100 MB) made a copy
// of the whole repository take ten seconds a subtest.
func loadWith(t *testing.T, root, file string, data []byte) *content.Site {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cs, probs := content.Load(os.DirFS(dir), content.Options{Now: testNow})
	if probs.Errors() > 0 {
		t.Fatalf("the site no longer loads: %v", probs.Items())
	}
	return cs
}

// itemOf finds the item a file holds. Where its body starts is cleared
// (front matter written differently may move it), and the body is compared
// as the HTML it renders to: the editor's Markdown field may rewrite
// _emphasis_ as *emphasis*, which means the same.
func itemOf(t *testing.T, cs *content.Site, file string) any {
	t.Helper()
	dir := filepath.ToSlash(filepath.Dir(file))
	inFolder := func(s *content.Source) bool { return filepath.ToSlash(filepath.Dir(s.Path)) == dir }
	isFile := func(s *content.Source) bool { return s.Path == file }
	for _, found := range []any{
		copyOf(cs.Providers, func(p *content.Provider) *content.Source { return &p.Source }, inFolder),
		copyOf(cs.Learning, func(l *content.Learning) *content.Source { return &l.Source }, isFile),
		copyOf(cs.Events, func(e *content.Event) *content.Source { return &e.Source }, isFile),
		copyOf(cs.Factsheets, func(f *content.Factsheet) *content.Source { return &f.Source }, isFile),
	} {
		if !reflect.ValueOf(found).IsNil() {
			return found
		}
	}
	t.Fatalf("no item holds %s", file)
	return nil
}

// copyOf returns a copy of the first item whose source matches, with its
// body normalised, or nil.
func copyOf[T any](items []*T, source func(*T) *content.Source, match func(*content.Source) bool) *T {
	for _, item := range items {
		if match(source(item)) {
			c := *item
			s := source(&c)
			html, _ := markdown.New("").Render(s.Body)
			s.BodyLine, s.Body = 0, []byte(html)
			return &c
		}
	}
	return nil
}

// fieldDiff names the top-level fields of two items that differ.
func fieldDiff(want, got any) string {
	w, g := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	var out []string
	for i := range w.NumField() {
		if f := w.Type().Field(i); f.IsExported() && !reflect.DeepEqual(w.Field(i).Interface(), g.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s: got %.300s, want %.300s", f.Name, fmt.Sprint(g.Field(i).Interface()), fmt.Sprint(w.Field(i).Interface())))
		}
	}
	return strings.Join(out, "\n")
}
