package site

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap"
	"artsmap/internal/content"
	"artsmap/internal/diag"
)

// TestRealSite builds the Gloucestershire site in content/ and checks that
// every URL this generator owns exists, with no warnings and no private
// contact detail anywhere in the output.
func TestRealSite(t *testing.T) {
	root := os.DirFS("../..")
	out, res := build(t, root)
	for _, p := range res.Problems {
		t.Errorf("unexpected problem: %s", p)
	}
	tree := readTree(t, out)
	cs, _ := content.Load(root, content.Options{Now: testNow})
	want := []string{"index.html", "providers/index.html", "factsheets/index.html", "glossary/index.html",
		"learning/index.html", "events/index.html", "events.ics", "feed.xml", "sitemap.xml", "robots.txt", "404.html",
		"about/index.html", "accessibility/index.html", "privacy/index.html", "css/site.css",
		"admin/index.html", "admin/config.yml", "vendor/sveltia-cms/sveltia-cms.js", "js/admin/preview.js",
		"admin/labels.json", "vendor/sveltia-cms/chunks/react-dom.js", "js/admin/venue.js"}
	for _, p := range cs.Providers {
		want = append(want, "providers/"+p.Slug+"/index.html")
	}
	for _, f := range cs.Factsheets {
		want = append(want, "factsheets/"+f.Slug+"/index.html")
	}
	for _, l := range cs.Learning {
		want = append(want, "learning/"+l.Slug+"/index.html")
	}
	for _, e := range cs.Events {
		want = append(want, "events/"+e.Slug+"/index.html")
	}
	v := cs.Config.Vocab
	for key, terms := range map[string][]content.Term{"pathways": v.Pathways, "artforms": v.Artforms,
		"districts": v.Districts, "audiences": v.Audiences, "referral": v.Referral} {
		for _, term := range terms {
			want = append(want, key+"/"+term.ID+"/index.html")
		}
	}
	for _, name := range want {
		if _, ok := tree[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}
	if len(cs.Providers) < 30 {
		t.Errorf("content has %d providers, want at least 30", len(cs.Providers))
	}
	assertPrivateContactsHidden(t, cs, tree)
}

// assertPrivateContactsHidden fails when a contact detail of a provider
// that has not agreed to publish it appears in any output file.
func assertPrivateContactsHidden(t *testing.T, cs *content.Site, tree map[string][]byte) {
	t.Helper()
	private := 0
	for _, p := range cs.Providers {
		if p.PublishContact {
			continue
		}
		for _, detail := range []string{p.Email, p.Phone} {
			if detail == "" {
				continue
			}
			private++
			if hits := grepTree(tree, detail); len(hits) > 0 {
				t.Errorf("unpublished contact %q of %s appears in %v", detail, p.Slug, hits)
			}
		}
	}
	if private == 0 {
		t.Error("the test site has no unpublished contact details, so this check proves nothing")
	}
	assertPublishedContactsExported(t, cs, tree)
}

// assertPublishedContactsExported checks that the Open Referral export is
// in the tree and carries the contacts providers agreed to publish, so that
// the search above covers it.
func assertPublishedContactsExported(t *testing.T, cs *content.Site, tree map[string][]byte) {
	t.Helper()
	export := map[string][]byte{}
	for name, data := range tree {
		if strings.HasPrefix(name, OpenReferralDir+"/") {
			export[name] = data
		}
	}
	if export[OpenReferralDir+"/index.json"] == nil {
		t.Fatal("no Open Referral export in the output")
	}
	for _, p := range cs.Providers {
		if p.PublishContact && p.Email != "" && len(grepTree(export, p.Email)) == 0 {
			t.Errorf("published email %q of %s is not in the Open Referral export", p.Email, p.Slug)
		}
	}
}

// TestOtherRegion builds a site for another region: its names appear, the
// default region's never do.
func TestOtherRegion(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out, res := build(t, fsys)
	if len(res.Problems) > 0 {
		t.Errorf("problems: %v", res.Problems)
	}
	tree := readTree(t, out)
	for _, word := range []string{"Gloucester", "Cheltenham", "Stroud", "Cotswold", "Tewkesbury", "Forest of Dean"} {
		if hits := grepTree(tree, word); len(hits) > 0 {
			t.Errorf("%q appears in %v", word, hits)
		}
	}
	for _, name := range []string{"index.html", "districts/eden-vale/index.html", "pathways/lung-health/index.html",
		"referral/link-worker/index.html", "providers/breath-choir/index.html"} {
		if !bytes.Contains(tree[name], []byte("Fellside")) {
			t.Errorf("%s does not mention the region's site title", name)
		}
	}
	cs, _ := content.Load(fsys, content.Options{Now: testNow})
	assertPrivateContactsHidden(t, cs, tree)
	editor := []string{"admin/", "vendor/sveltia-cms/", "js/admin/"}
	for name := range tree { // no [cms] table, so no editor
		for _, dir := range editor {
			if strings.HasPrefix(name, dir) {
				t.Errorf("%s is published, but the site sets up no editor", name)
			}
		}
	}
	live, _, err := NewLive(Options{Site: fsys, Theme: artsmap.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"js/admin/preview.js", "vendor/sveltia-cms/sveltia-cms.js", "admin/config.yml", "admin/labels.json",
		"vendor/npm/immutable@5.1.9/dist/immutable.es.js", "vendor/sveltia-cms/chunks/react-dom.js"} {
		if _, err := live.Get(name); !errors.Is(err, ErrNotFound) {
			t.Errorf("serve gives %s (error %v), but the site sets up no editor", name, err)
		}
	}
	if bytes.Contains(tree["robots.txt"], []byte("admin")) {
		t.Error("robots.txt mentions an editor the site does not have")
	}
}

// TestGolden pins the HTML of a provider page and a fact sheet.
func TestGolden(t *testing.T) {
	out, _ := build(t, txtarSite(t, "fellside"))
	tree := readTree(t, out)
	golden(t, "provider.html", tree["providers/breath-choir/index.html"])
	golden(t, "handout.html", tree["providers/breath-choir/handout/index.html"])
	golden(t, "factsheet.html", tree["factsheets/key-terms/index.html"])
	golden(t, "appraisal.html", tree["learning/appraisal/index.html"])
	golden(t, "glossary.html", tree["glossary/index.html"])
	golden(t, "references.bib", tree["learning/appraisal/references.bib"])
	golden(t, "factsheet.txt", tree["factsheets/key-terms/plain.txt"])
}

// TestDeterministic builds the same site twice: the outputs are identical.
func TestDeterministic(t *testing.T) {
	root := os.DirFS("../..")
	a, _ := build(t, root)
	b, _ := build(t, root)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestFailedBuildKeepsOutput breaks the content after a good build: the
// next build fails, the previous output stays byte for byte, and nothing is
// left beside it.
func TestFailedBuildKeepsOutput(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out, _ := build(t, fsys)
	before := readTree(t, out)
	fsys["content/providers/breath-choir/index.md"].Data = []byte("+++\nname = \"Broken\nkind = 3\n+++\n")
	fsys["content/pages/about.md"].Data = []byte("no front matter")
	_, err := Build(Options{Site: fsys, Theme: artsmap.Theme, Out: out, Now: testNow})
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want content errors", err)
	}
	paths := []string{}
	for _, p := range de.Problems {
		paths = append(paths, p.Path)
	}
	for _, want := range []string{"content/pages/about.md", "content/providers/breath-choir/index.md"} {
		if !slices.Contains(paths, want) {
			t.Errorf("no problem reported for %s (got %v): every file must be checked in one run", want, paths)
		}
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Errorf("output has %d files after a failed build, had %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("debris beside the output: %v", names)
	}
}

// TestFeeds parses the Atom feed and checks the calendar's line rules.
func TestFeeds(t *testing.T) {
	out, _ := build(t, txtarSite(t, "fellside"))
	tree := readTree(t, out)
	var feed struct {
		XMLName xml.Name
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  string `xml:"author>name"`
		Links   []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(tree["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 4 || feed.ID != "https://fellside.example.net/" {
		t.Errorf("feed id %q with %d entries, want the base URL and 4", feed.ID, len(feed.Entries))
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.Title == "" || feed.Author == "" || feed.Updated == "" {
		t.Errorf("feed lacks the Atom namespace, a title, an author or updated: %+v", feed)
	}
	self := false
	for _, l := range feed.Links {
		self = self || (l.Rel == "self" && l.Href == "https://fellside.example.net/feed.xml")
	}
	if !self {
		t.Errorf("no rel=self link: %+v", feed.Links)
	}
	for _, e := range feed.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title == "" || e.Link.Href == "" {
			t.Errorf("entry without id, title, link or RFC 3339 updated: %+v", e)
		}
	}
	ics := string(tree["events.ics"])
	for _, line := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(line) > 75 || strings.Contains(line, "\n") {
			t.Errorf("bad calendar line %q", line)
		}
	}
	// A local time in Europe/London in April is UTC+1.
	if !strings.Contains(ics, "DTSTART:20270401T090000Z") {
		t.Errorf("calendar start not converted to UTC:\n%s", ics)
	}
	if !strings.Contains(string(tree["sitemap.xml"]), "<loc>https://fellside.example.net/providers/breath-choir/</loc>") {
		t.Error("sitemap lacks the provider page")
	}
}

// TestOverrides replaces one layout and one static file from the site:
// those change, everything else stays built in.
func TestOverrides(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	fsys["layouts/404.html"] = mapFile(`{{define "main"}}<h1>Lost in the fells</h1>{{end}}`)
	fsys["layouts/partials/extra.html"] = mapFile(`{{define "extra"}}unused{{end}}`)
	fsys["static/css/site.css"] = mapFile("body { color: black; }")
	fsys["static/img/logo.png"] = mapFile("png")
	out, _ := build(t, fsys)
	tree := readTree(t, out)
	if !bytes.Contains(tree["404.html"], []byte("Lost in the fells")) {
		t.Error("layouts/404.html was not used")
	}
	if !bytes.Contains(tree["index.html"], []byte("Fellside Creative Health Directory")) {
		t.Error("the built-in home layout is gone")
	}
	if string(tree["css/site.css"]) != "body { color: black; }" || string(tree["img/logo.png"]) != "png" {
		t.Error("static files were not copied over the built-in ones")
	}
	if len(tree["css/print.css"]) == 0 {
		t.Error("built-in static file missing")
	}
	fsys["layouts/provider.html"] = mapFile(`{{define "main"}}{{.Nope}}{{end}}`)
	if _, err := Build(Options{Site: fsys, Theme: artsmap.Theme, Out: out, Now: testNow}); err == nil ||
		!strings.Contains(err.Error(), "layouts/provider.html") {
		t.Errorf("a broken layout gave %v, want an error naming layouts/provider.html", err)
	}
}

func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
