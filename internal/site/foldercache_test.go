package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap"
	"artsmap/internal/cachefile"
	"artsmap/internal/synth"
)

// syncDisk makes the folder dir hold fsys's files: it writes those that
// differ and removes those fsys no longer has.
func syncDisk(t *testing.T, fsys fstest.MapFS, dir string) {
	t.Helper()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, f.Data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var folders []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, e os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		switch {
		case err != nil:
			return err
		case e.IsDir():
			folders = append(folders, p)
		case fsys[filepath.ToSlash(rel)] == nil:
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range slices.Backward(folders) {
		os.Remove(f) // only when it is empty
	}
}

// diskBuild builds the site folder dir into out, with the cache folder
// cache when it is not "" (its clock an hour ahead, so that the folders
// the test has just written count as old).
func diskBuild(t *testing.T, dir, out, cache string) Result {
	t.Helper()
	opts := Options{Site: Folder(dir), SiteDir: dir, Theme: artsmap.Theme, Out: out, Now: testNow, CacheDir: cache,
		cacheNow: func() time.Time { return time.Now().Add(time.Hour) }}
	res, err := Build(opts)
	if err != nil {
		t.Fatalf("build into %s: %v", out, err)
	}
	return res
}

// TestFolderCacheOnRealSites rebuilds this repository's site and a
// synthetic one after each edit of realSites, twice over: with the cache
// of decoded folders and without. The two rebuilds keep and write the
// same files, with the same keys, and both are what a clean build
// writes, under diff -r; the cache is used, written again only when it
// changed, and nothing of it is in the output.
func TestFolderCacheOnRealSites(t *testing.T) {
	sites, edits := realSites(t)
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			dir, cache := filepath.Join(t.TempDir(), "site"), t.TempDir()
			syncDisk(t, fsys, dir)
			with, without := filepath.Join(t.TempDir(), "with"), filepath.Join(t.TempDir(), "without")
			if res := diskBuild(t, dir, with, cache); res.FromCache != 0 {
				t.Fatalf("the first build took %d folders from an empty cache", res.FromCache)
			}
			diskBuild(t, dir, without, "")
			cacheAt, _ := siteCacheDir(cache, dir)
			cardsAt, foldersAt := filepath.Join(cacheAt, cardsFile), filepath.Join(cacheAt, foldersFile)
			for i, edit := range append([]func(fstest.MapFS){func(fstest.MapFS) {}}, edits[name]...) {
				edit(fsys)
				syncDisk(t, fsys, dir)
				before, err := os.Stat(cardsAt)
				if err != nil {
					t.Fatal(err)
				}
				foldersBefore, err := os.Stat(foldersAt)
				if err != nil {
					t.Fatal(err)
				}
				got, want := diskBuild(t, dir, with, cache), diskBuild(t, dir, without, "")
				after, _ := os.Stat(cardsAt)
				if rewritten := !os.SameFile(before, after); rewritten != (i > 0) {
					t.Errorf("edit %d: the cards were kept again: %v; want that only when a card changed", i, rewritten)
				}
				foldersAfter, _ := os.Stat(foldersAt)
				providers, _ := os.ReadDir(filepath.Join(dir, "content", "providers"))
				stored := len(providers) > got.FromCache // read again, and kept (the clock is ahead)
				if rewritten := !os.SameFile(foldersBefore, foldersAfter); rewritten != stored {
					t.Errorf("edit %d: the folders were written again: %v; want that only when a folder was stored (%v)", i, rewritten, stored)
				}
				if got.FromCache == 0 || got.Reused != want.Reused || got.Written != want.Written || got.Removed != want.Removed {
					t.Errorf("edit %d: with the cache %d taken, %d kept, %d written, %d removed; without %d kept, %d written, %d removed",
						i, got.FromCache, got.Reused, got.Written, got.Removed, want.Reused, want.Written, want.Removed)
				}
				if a, b := keysOnly(readKeys(with)), keysOnly(readKeys(without)); !maps.Equal(a, b) || len(a) == 0 {
					t.Errorf("edit %d: the keys of the two rebuilds differ (%d and %d)", i, len(a), len(b))
				}
				clean := filepath.Join(t.TempDir(), "clean")
				diskBuild(t, dir, clean, "")
				diffTrees(t, clean, with)
				diffTrees(t, clean, without)
			}
			if data, _ := os.ReadFile(filepath.Join(with, "providers", "index.html")); len(data) == 0 {
				t.Fatal("no directory was built")
			}
			noCacheIn(t, with)
		})
	}
}

func keysOnly(records map[string]keyRecord) map[string]outputKey {
	out := map[string]outputKey{}
	for name, r := range records {
		out[name] = r.key
	}
	return out
}

// noCacheIn fails when out holds a file named as the cache's are.
func noCacheIn(t *testing.T, out string) {
	t.Helper()
	filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err == nil && (e.Name() == foldersFile || e.Name() == foldersNext || e.Name() == cardsFile || e.Name() == cardsNext) {
			t.Errorf("the output holds %s", p)
		}
		return err
	})
}

// TestTrimCaches: a site's cache folder unused for cacheUnused is removed,
// a recent one kept, and an old one holding a file of someone else's, or
// without a build's mark, left whole; the next build within trimEvery
// does not look again.
func TestTrimCaches(t *testing.T) {
	root := t.TempDir()
	now := time.Now()
	mk := func(name string, used time.Time, extra ...string) string {
		dir := filepath.Join(root, "sites", name)
		os.MkdirAll(dir, 0o700)
		for _, f := range append([]string{foldersFile, cardsFile, lockFile}, extra...) {
			os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600)
		}
		markCacheFolder(dir)
		os.Chtimes(filepath.Join(dir, lockFile), used, used)
		return dir
	}
	old, recent := mk("old", now.Add(-cacheUnused-time.Hour)), mk("recent", now.Add(-time.Hour))
	mine := mk("mine", now.Add(-cacheUnused-time.Hour), "notes.txt")
	trimCaches(root, now)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("an unused cache folder was kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(recent, foldersFile)); err != nil {
		t.Errorf("a cache in use was trimmed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(mine, "notes.txt")); err != nil {
		t.Errorf("a file artsmap did not write was removed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(mine, foldersFile)); err != nil {
		t.Errorf("the cache beside it was trimmed: %v", err)
	}
	again := mk("again", now.Add(-cacheUnused-time.Hour))
	trimCaches(root, now.Add(time.Hour))
	if _, err := os.Stat(again); err != nil {
		t.Errorf("trimmed again within %v: %v", trimEvery, err)
	}
	foreign := filepath.Join(root, "sites", "foreign")
	os.MkdirAll(foreign, 0o700)
	for _, f := range []string{foldersFile, lockFile} {
		os.WriteFile(filepath.Join(foreign, f), []byte("x"), 0o600)
		os.Chtimes(filepath.Join(foreign, f), now.Add(-2*cacheUnused), now.Add(-2*cacheUnused))
	}
	trimCaches(root, now.Add(2*trimEvery))
	if _, err := os.Stat(filepath.Join(foreign, foldersFile)); err != nil {
		t.Errorf("a folder a build did not make was trimmed: %v", err)
	}
	if _, err := os.Stat(again); !os.IsNotExist(err) {
		t.Errorf("the next day, an unused cache folder was kept: %v", err)
	}
}

// TestPiecesKeptUnasked: the store keeps, for the next build, the pieces
// kept before that this build did not ask for (a page kept without being
// made asks for none of its cards), but not those it made again, nor
// those of provider folders gone from the site; with none made and none
// gone, it writes nothing.
func TestPiecesKeptUnasked(t *testing.T) {
	base := &keyBase{folders: map[string][sha256.Size]byte{"content/providers/a": {1}, "content/providers/b": {2}}}
	var old bytes.Buffer
	old.Write(cachefile.Heading(cardsKind, []byte("salt")))
	for _, name := range []string{"card term content/providers/a", "geojson content/providers/a", "card term content/providers/b", "card term content/providers/gone"} {
		old.Write(cachefile.Record(name, cachefile.Entry{Parts: [][]byte{[]byte(name)}}))
	}
	open := func() (*cardStore, *bytes.Buffer) {
		var next bytes.Buffer
		return newCardStore(base, bytes.NewReader(old.Bytes()), int64(old.Len()), []byte("salt"), &next), &next
	}
	cs, next := open()
	cs.put(&Provider{folder: "content/providers/a"}, "geojson", cachefile.Key{9}, []byte("new"))
	if wrote, err := cs.finish(); !wrote || err != nil {
		t.Fatalf("finish: %v, %v", wrote, err)
	}
	got := map[string]string{}
	for name, s := range cachefile.Index(bytes.NewReader(next.Bytes()), int64(next.Len()), cachefile.Heading(cardsKind, []byte("salt")), 1) {
		_, e, _ := cachefile.ReadRecord(bytes.NewReader(next.Bytes()), s, 1)
		got[name] = string(e.Parts[0])
	}
	want := map[string]string{"geojson content/providers/a": "new", "card term content/providers/a": "card term content/providers/a",
		"card term content/providers/b": "card term content/providers/b"}
	if !maps.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	base.folders["content/providers/gone"] = [sha256.Size]byte{3}
	if cs, _ := open(); must(cs.finish()) {
		t.Error("a build that made nothing and whose folders are all there wrote the pieces again")
	}
}

func must(ok bool, err error) bool {
	if err != nil {
		panic(err)
	}
	return ok
}

// TestBodyWarningsFromCache: what a provider's text drops is reported by
// every build, once, at its line: by the build that reads the folder and
// by the rebuilds that take it from the cache without rendering the text
// (the load reports it, and the cache keeps the load's problems).
func TestBodyWarningsFromCache(t *testing.T) {
	fsys := synth.Site(4, 1)
	p := "content/providers/provider-00002/index.md"
	fsys[p].Data = append(fsys[p].Data, []byte("\n<div>raw</div>\n\n[go](javascript:alert(1))\n")...)
	lineOf := func(s string) int {
		return strings.Count(string(fsys[p].Data[:bytes.Index(fsys[p].Data, []byte(s))]), "\n") + 1
	}
	dir, cache := filepath.Join(t.TempDir(), "site"), t.TempDir()
	syncDisk(t, fsys, dir)
	out := filepath.Join(t.TempDir(), "out")
	want := []string{
		fmt.Sprintf("%s:%d:1: raw HTML is not shown on the site; write it in Markdown instead", p, lineOf("<div>")),
		fmt.Sprintf("%s:%d:1: link to \"javascript:alert(1)\" removed: only http(s), mailto and tel links are allowed", p, lineOf("[go]")),
	}
	for i, cached := range []bool{false, true, true} {
		res := diskBuild(t, dir, out, cache)
		if cached != (res.FromCache > 0) {
			t.Fatalf("build %d took %d folders from the cache", i, res.FromCache)
		}
		var got []string
		for _, pr := range res.Problems {
			if pr.Path == p {
				got = append(got, fmt.Sprintf("%s:%d:%d: %s", pr.Path, pr.Line, pr.Col, pr.Message))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("build %d reported\n%s\nwant\n%s", i, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
