package openreferral

import (
	"runtime"
	"strconv"
	"testing"
	"time"
)

// TestLazyFiles: the same files, byte for byte, as Files; the directory is
// mapped once to plan and once for the whole pass that makes every file,
// and let go after it (a file asked for again maps it anew).
func TestLazyFiles(t *testing.T) {
	var d Directory
	for i := range 7 {
		d.Providers = append(d.Providers, Provider{Slug: "p" + strconv.Itoa(i), Name: "P", Summary: "S",
			Reviewed: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	}
	calls := 0
	dir := func() Directory { calls++; return d }
	want := decodeFiles(t, Map(d).Files(Dir, 3))
	files := LazyFiles(dir, Dir, 3)
	got := decodeFiles(t, files)
	if len(got) != len(want) {
		t.Fatalf("%d files, want %d", len(got), len(want))
	}
	for path, data := range want {
		if string(got[path]) != string(data) {
			t.Errorf("%s differs", path)
		}
	}
	if calls != 2 {
		t.Errorf("mapped %d times for one pass, want 2 (plan, then make)", calls)
	}
	if _, err := files[0].Encode(); err != nil || calls != 3 {
		t.Errorf("a file asked for after the pass: %v, %d mappings, want 3 (the export was let go)", err, calls)
	}
}

// TestLazyFilesSkipped: files a build keeps without asking for them count
// as made, so the export is let go once the others are made.
func TestLazyFilesSkipped(t *testing.T) {
	var d Directory
	for i := range 5 {
		d.Providers = append(d.Providers, Provider{Slug: "p" + strconv.Itoa(i), Name: "P", Summary: "S"})
	}
	calls := 0
	files := LazyFiles(func() Directory { calls++; return d }, Dir, 3)
	for i, f := range files {
		if f.Owner != "" && i%2 == 0 {
			f.Skip()
			continue
		}
		if _, err := f.Encode(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := files[0].Encode(); err != nil || calls != 3 {
		t.Errorf("a file asked for after a pass with skipped files: %v, %d mappings, want 3 (the export was let go)", err, calls)
	}
}

// TestLazyFilesLetsThePlanGo: once LazyFiles has returned, the export it
// mapped to learn the paths is no longer reachable from the files, so
// that a build does not hold it while it makes the rest of the site. The
// files of 2,000 providers may hold a quarter of what the mapped export
// does (their paths and closures: about 15%), not all of it.
func TestLazyFilesLetsThePlanGo(t *testing.T) {
	d := sample(2000)
	dir := func() Directory { return d }
	before := heapInUse()
	export := Map(d).Files(Dir, 0)
	mapped := heapInUse() - before
	runtime.KeepAlive(export)
	export = nil
	before = heapInUse()
	files := LazyFiles(dir, Dir, 0)
	held := heapInUse() - before
	runtime.KeepAlive(files)
	if held*4 > mapped {
		t.Errorf("the lazy files hold %d KB after planning, the mapped export %d KB: the plan's export is kept", held>>10, mapped>>10)
	}
}
