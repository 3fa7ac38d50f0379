package site

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap"
)

// heronSynopsis is an evidence synopsis in the fellside site's vocabularies.
const heronSynopsis = `+++
draft = true
title = "Hidden Heron trial of singing for breath"
pathways = ["lung-health"]
design = "rct"
population = "Adults with COPD"
participants = 120
setting = "Community choirs"
measures = []
certainty = "moderate"
finding = "Breathing improved."
reviewed = 2026-11-01

[reference]
type = "article"
authors = [{ family = "Heron", given = "Hidden" }]
year = 2019
title = "Hidden Heron trial"
journal = "A Journal"
doi = "10.1000/heron"
+++
`

// withDrafts adds to the fellside site a draft of every kind of document,
// each a copy of a published one under the name Hidden Heron (slug
// hidden-heron), the provider with its whole folder.
func withDrafts(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := txtarSite(t, "fellside")
	draft := func(from, to, key string) {
		t.Helper()
		f := fsys[from]
		if f == nil {
			t.Fatalf("no %s", from)
		}
		s := strings.Replace(string(f.Data), "+++\n", "+++\ndraft = true\n", 1)
		if !strings.Contains(s, key+` = "`) {
			t.Fatalf("%s has no %s", from, key)
		}
		s = strings.Replace(s, key+` = "`, key+` = "Hidden Heron `, 1)
		fsys[to] = &fstest.MapFile{Data: []byte(s), Mode: 0o644}
	}
	draft("content/providers/breath-choir/index.md", "content/providers/hidden-heron/index.md", "name")
	fsys["content/providers/hidden-heron/locations.geojson"] = fsys["content/providers/breath-choir/locations.geojson"]
	fsys["content/providers/hidden-heron/heron.png"] = &fstest.MapFile{Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Mode: 0o644}
	draft("content/factsheets/key-terms.md", "content/factsheets/hidden-heron.md", "title")
	sheet := fsys["content/factsheets/hidden-heron.md"]
	sheet.Data = []byte(strings.ReplaceAll(string(sheet.Data), `term = "`, `term = "Hidden Heron `))
	draft("content/learning/appraisal.md", "content/learning/hidden-heron.md", "title")
	draft("content/events/gathering.md", "content/events/hidden-heron.md", "title")
	draft("content/pages/about.md", "content/pages/hidden-heron.md", "title")
	fsys["content/evidence/hidden-heron.md"] = &fstest.MapFile{Data: []byte(heronSynopsis), Mode: 0o644}
	return fsys
}

// TestDraftsLeftOut: a site with a draft of every kind of document builds
// into exactly the files, byte for byte, of the site without them: no
// page, search entry, map point, Open Referral record, feed entry, sitemap
// line, CSV row, JSON-LD, count or link anywhere. Check lists each draft as
// a note, not an error.
func TestDraftsLeftOut(t *testing.T) {
	outA, _ := build(t, txtarSite(t, "fellside"))
	outB, res := build(t, withDrafts(t))
	a, b := readTree(t, outA), readTree(t, outB)
	for _, name := range slices.Sorted(maps.Keys(b)) {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs with the drafts: %s", name, firstDiff(string(a[name]), string(b[name])))
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			t.Errorf("%s is missing with the drafts", name)
		}
	}
	for _, needle := range []string{"hidden-heron", "Hidden Heron", "heron.png"} {
		if found := grepTree(b, needle); len(found) > 0 {
			t.Errorf("a draft's %q is published in %v", needle, found)
		}
	}
	notes := 0
	for _, p := range res.Problems {
		if strings.Contains(p.Path, "hidden-heron") {
			if !p.Note || !p.Warning || p.Line != 2 || p.Col != 9 || !strings.HasPrefix(p.Message, "draft: ") {
				t.Errorf("draft problem %+v, want a note at 2:9", p)
			}
			notes++
		}
	}
	if notes != 6 {
		t.Errorf("%d notes of drafts, want 6: %v", notes, res.Problems)
	}
}

// TestDraftsPreviewed: serve's live site shows a draft, with the draft
// banner on its page and on no published page.
func TestDraftsPreviewed(t *testing.T) {
	live, _, err := NewLive(Options{Site: withDrafts(t), Theme: artsmap.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	const banner = `<div class="draft-banner" role="note">`
	for _, name := range []string{"providers/hidden-heron/index.html", "factsheets/hidden-heron/index.html",
		"learning/hidden-heron/index.html", "events/hidden-heron/index.html", "hidden-heron/index.html",
		"evidence/hidden-heron/index.html"} {
		page, err := live.Get(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Contains(page, []byte(banner)) || !bytes.Contains(page, []byte("Draft: not published.")) {
			t.Errorf("%s has no draft banner", name)
		}
	}
	for _, name := range []string{"providers/breath-choir/index.html", "index.html", "about/index.html"} {
		page, err := live.Get(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bytes.Contains(page, []byte(banner)) {
			t.Errorf("%s, not a draft, has the draft banner", name)
		}
	}
}
