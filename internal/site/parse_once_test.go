package site

import (
	"io/fs"
	"path/filepath"
	"sync/atomic"
	"testing"

	"artsmap"
)

// countingFS counts how often one file is opened.
type countingFS struct {
	fs.FS
	name  string
	opens *atomic.Int32
}

func (c countingFS) Open(name string) (fs.File, error) {
	if name == c.name {
		c.opens.Add(1)
	}
	return c.FS.Open(name)
}

// TestLayoutsParsedOnce: a build reads layouts/base.html once (not once
// for each page layout), and serve reads it again only when a file under
// layouts/ changes.
func TestLayoutsParsedOnce(t *testing.T) {
	opens := &atomic.Int32{}
	theme := countingFS{artsmap.Theme, "layouts/base.html", opens}
	fsys := txtarSite(t, "fellside")
	if _, err := Build(Options{Site: fsys, Theme: theme, Now: testNow, Out: filepath.Join(t.TempDir(), "public")}); err != nil {
		t.Fatal(err)
	}
	if n := opens.Swap(0); n != 1 {
		t.Errorf("a build read layouts/base.html %d times, want 1", n)
	}
	live, _, err := NewLive(Options{Site: fsys, Theme: theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		changed []string
		want    int32
	}{
		{nil, 1},
		{[]string{"content/pages/about.md"}, 1},
		{[]string{"static/css/site.css"}, 1},
		{[]string{"layouts/page.html"}, 2},
		{[]string{"content/pages/about.md"}, 2},
	} {
		if _, err := live.Update(step.changed); err != nil {
			t.Fatal(err)
		}
		if _, err := live.Get("about/index.html"); err != nil {
			t.Fatal(err)
		}
		if n := opens.Load(); n != step.want+1 { // and once by NewLive
			t.Errorf("after an update of %v, serve has read layouts/base.html %d times, want %d", step.changed, n, step.want+1)
		}
	}
}

// TestRenderCacheKeysAreHashes: the live site's cache of rendered Markdown
// is keyed by hashes, whatever the size of the glossary and the bodies.
func TestRenderCacheKeysAreHashes(t *testing.T) {
	live, _, err := NewLive(Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(live.cache.m) == 0 {
		t.Fatal("nothing cached")
	}
	for k := range live.cache.m {
		if len(k) > 32 {
			t.Fatalf("a cache key of %d bytes: %.80q", len(k), k)
		}
	}
}
