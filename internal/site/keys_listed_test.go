package site

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap"
	"artsmap/internal/synth"
)

// listedKeysOf keys the files of fsys that list providers (see
// listKey), with what each lists.
func listedKeysOf(t *testing.T, fsys fstest.MapFS) (map[string]outputKey, map[string]listedBy) {
	t.Helper()
	s, ts, static := prepared(t, fsys)
	set := s.outputs(ts)
	return outputKeys(newKeyBase(s, static), nil, set.lists), set.lists
}

// countListed counts the keyed files of cards, Open Referral list pages
// and term pages.
func countListed(keys map[string]outputKey) (cards, pages, terms int) {
	for name := range keys {
		switch {
		case strings.HasPrefix(name, "providers/cards-"):
			cards++
		case strings.HasPrefix(name, "openreferral/") && strings.Contains(name, "/page-"):
			pages++
		case strings.HasSuffix(name, "/index.html") && strings.Count(name, "/") == 2:
			terms++
		}
	}
	return cards, pages, terms
}

// TestListedKeysNotWithOwnLayouts: a site with layouts of its own (which
// may show anything on any page) gets no keys for the lists its layouts
// make, the files of cards and the term pages; the Open Referral pages,
// made by the program alone, keep theirs.
func TestListedKeysNotWithOwnLayouts(t *testing.T) {
	fsys := synth.Site(150, 5)
	term, err := fs.ReadFile(artsmap.Theme, "layouts/term.html")
	if err != nil {
		t.Fatal(err)
	}
	fsys["layouts/term.html"] = &fstest.MapFile{Data: bytes.Replace(term, []byte("<h1>"), []byte("<h1>{{len .Site.Providers}} "), 1), Mode: 0o644}
	keys, _ := listedKeysOf(t, fsys)
	if cards, pages, terms := countListed(keys); cards != 0 || terms != 0 || pages < 9 {
		t.Errorf("keyed %d files of cards, %d term pages and %d Open Referral pages, want none, none and at least 9", cards, terms, pages)
	}
}

func lists(l listedBy, slug string) bool {
	for _, p := range l.providers {
		if p.Slug == slug {
			return true
		}
	}
	return false
}

// TestListedKeys: on a site of 150 providers (eight files of directory
// cards, several Open Referral list pages of each kind), editing one
// provider's summary changes the keys of exactly the lists that list it;
// and rebuilds after that edit, a renaming that moves a provider in the A
// to Z order, and a removal that moves every later provider write what a
// clean build writes.
func TestListedKeys(t *testing.T) {
	fsys := synth.Site(150, 5)
	before, _ := listedKeysOf(t, fsys)
	if cards, pages, terms := countListed(before); cards != 8 || pages < 9 || terms < 20 {
		t.Fatalf("keyed %d files of cards, %d Open Referral pages and %d term pages, want 8, at least 9 and at least 20", cards, pages, terms)
	}
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, testNow)
	edits := []func(){
		func() {
			replaceIn(fsys, "content/providers/provider-00042/index.md", `summary = "`, `summary = "Edited. `)
		},
		func() { replaceIn(fsys, "content/providers/provider-00077/index.md", `name = "`, `name = "Aardvark `) },
		func() {
			for name := range fsys {
				if strings.HasPrefix(name, "content/providers/provider-00003/") {
					delete(fsys, name)
				}
			}
		},
	}
	for i, edit := range edits {
		edit()
		if i == 0 {
			after, listed := listedKeysOf(t, fsys)
			changed := 0
			for name, k := range after {
				if (k != before[name]) != lists(listed[name], "provider-00042") {
					t.Errorf("%s: key changed %t, lists the edited provider %t", name, k != before[name], lists(listed[name], "provider-00042"))
				}
				if k != before[name] {
					changed++
				}
			}
			if changed < 5 || changed > 20 {
				t.Errorf("the edit changed the keys of %d lists, want its file of cards, a page or two of each kind and its terms' pages", changed)
			}
		}
		res := buildInto(t, fsys, out, testNow)
		clean := filepath.Join(t.TempDir(), "clean")
		buildInto(t, fsys, clean, testNow)
		diffTrees(t, clean, out)
		if res.Reused == 0 {
			t.Errorf("edit %d: kept no file unmade", i)
		}
	}
}

// TestOwnCardLayoutNotKept: a site's own card layout may show anything of
// the model (here, how many providers each of the provider's districts
// lists), so its cards are not kept between builds: after another
// provider joins more districts, the rebuild with the cache writes what a
// clean build writes.
func TestOwnCardLayoutNotKept(t *testing.T) {
	fsys := synth.Site(40, 5)
	cards, err := fs.ReadFile(artsmap.Theme, "layouts/partials/cards.html")
	if err != nil {
		t.Fatal(err)
	}
	fsys["layouts/partials/cards.html"] = &fstest.MapFile{Mode: 0o644, Data: bytes.Replace(cards, []byte(`<p class="card-summary">`),
		[]byte(`<p>{{range .Districts}}[{{.Label}}: {{len .Providers}}]{{end}}</p><p class="card-summary">`), 1)}
	dir, cache := filepath.Join(t.TempDir(), "site"), t.TempDir()
	syncDisk(t, fsys, dir)
	out := filepath.Join(t.TempDir(), "public")
	diskBuild(t, dir, out, cache)
	replaceIn(fsys, "content/providers/provider-00001/index.md", `districts = [`, `districts = ["north", "south", "east", "central", "coast", "west", `)
	syncDisk(t, fsys, dir)
	diskBuild(t, dir, out, cache)
	clean := filepath.Join(t.TempDir(), "clean")
	diskBuild(t, dir, clean, "")
	diffTrees(t, clean, out)
}
