package site

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap"
	"artsmap/internal/synth"
)

// listedKeysOf keys the files of fsys that list providers (see
// listedKeys), with what each lists.
func listedKeysOf(t *testing.T, fsys fstest.MapFS) (map[string]outputKey, map[string]listedBy) {
	t.Helper()
	opts := Options{Site: fsys, Theme: artsmap.Theme, Now: testNow}
	s, probs := load(opts)
	if s == nil || probs.Errors() > 0 {
		t.Fatalf("loading the site: %v", probs.Err())
	}
	ts, _, static, err := prepare(s, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := s.outputs(ts)
	keys := map[string]outputKey{}
	listedKeys(newKeyBase(s, static), set.lists, keys)
	return keys, set.lists
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
	var cards, pages int
	for name := range before {
		switch {
		case strings.HasPrefix(name, "providers/cards-"):
			cards++
		case strings.HasPrefix(name, "openreferral/") && strings.Contains(name, "/page-"):
			pages++
		}
	}
	if cards != 8 || pages < 9 {
		t.Fatalf("keyed %d files of cards and %d Open Referral pages, want 8 and at least 9", cards, pages)
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
			if changed < 2 || changed > 8 {
				t.Errorf("the edit changed the keys of %d lists, want its file of cards and a page or two of each kind", changed)
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
