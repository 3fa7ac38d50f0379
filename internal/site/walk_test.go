package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// TestWalkParallel walks a tree with names that sort differently whole
// and part by part, a link and a folder not gone into: it meets what
// filepath.WalkDir meets, put in the same order by comparePaths, and
// never follows the link.
func TestWalkParallel(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"a/x", "a/y/z", "a-b", "a0/y", "b", "skip/deep/file", "z/1/2/3/4"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	var want []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		switch {
		case rel == ".":
		case rel == "skip":
			want = append(want, rel)
			return fs.SkipDir
		default:
			want = append(want, filepath.ToSlash(rel))
		}
		return err
	})
	for _, n := range []int{1, 2, 8} {
		var mu sync.Mutex
		var got []string
		err := walkParallel(root, n, nil, func(rel string, e fs.DirEntry) bool {
			mu.Lock()
			got = append(got, rel)
			mu.Unlock()
			return rel != "skip"
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(got, comparePaths)
		if !slices.Equal(got, want) {
			t.Errorf("%d at once: met %q, want %q", n, got, want)
		}
	}
	if err := walkParallel(filepath.Join(root, "missing"), 2, nil, func(string, fs.DirEntry) bool { return true }); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder: %v", err)
	}
}

// TestWalkEntryInfo: an entry's Info, stated relative to its open folder,
// says what os.Lstat says of it: a file's size, time and mode, a link as
// a link (not what it points to), a folder as a folder.
func TestWalkEntryInfo(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "d"), 0o750)
	os.WriteFile(filepath.Join(root, "d", "f"), []byte("twelve bytes"), 0o640)
	os.Symlink("d/f", filepath.Join(root, "l"))
	var mu sync.Mutex
	seen := 0
	err := walkParallel(root, 2, nil, func(rel string, e fs.DirEntry) bool {
		got, err := e.Info()
		want, err2 := os.Lstat(filepath.Join(root, rel))
		if err != nil || err2 != nil {
			t.Fatalf("%s: %v, %v", rel, err, err2)
		}
		if got.Mode() != want.Mode() || got.Size() != want.Size() ||
			!got.ModTime().Equal(want.ModTime()) || got.IsDir() != want.IsDir() || got.Name() != want.Name() {
			t.Errorf("%s: Info gave %v %v %d %v, Lstat %v %v %d %v", rel, got.Name(), got.Mode(), got.Size(), got.ModTime(),
				want.Name(), want.Mode(), want.Size(), want.ModTime())
		}
		mu.Lock()
		seen++
		mu.Unlock()
		return true
	})
	if err != nil || seen != 3 {
		t.Errorf("met %d entries (%v), want 3", seen, err)
	}
}
