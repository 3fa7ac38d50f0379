package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/sitefs"
	"artsmap/internal/synth"
)

// openCounter counts the openings and the stats of each path, passing
// every other way of reading (ReadDir, ReadLink) through uncounted.
type openCounter struct {
	fs.FS
	mu           sync.Mutex
	opens, stats map[string]int
}

func (c *openCounter) count(m map[string]int, name string) {
	c.mu.Lock()
	m[name]++
	c.mu.Unlock()
}

func (c *openCounter) Open(name string) (fs.File, error) {
	c.count(c.opens, name)
	return c.FS.Open(name)
}

func (c *openCounter) Lstat(name string) (fs.FileInfo, error) {
	c.count(c.stats, name)
	return fs.Lstat(c.FS, name)
}

func (c *openCounter) Stat(name string) (fs.FileInfo, error) {
	c.count(c.stats, name)
	return fs.Stat(c.FS, name)
}

func (c *openCounter) ReadLink(name string) (string, error)       { return fs.ReadLink(c.FS, name) }
func (c *openCounter) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

// TestLoadOpensEachFileOnce loads a site from disk through the build's
// own wrappers (cancelFS over recordFS) and checks that each content file
// is opened once and stated at most once besides: a check of the kind of
// a file costs a stat, not an opening, and a read is not preceded by more
// looks. Each is several system calls (a stat checks every folder on the
// way); at 10,000 providers the load opened every file four times.
func TestLoadOpensEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 6, 3); err != nil {
		t.Fatal(err)
	}
	counting := &openCounter{FS: sitefs.New(dir, content.MaxFileSize), opens: map[string]int{}, stats: map[string]int{}}
	rec := newInputs()
	cs, probs := content.Load(newCancelFS(context.Background(), recordFS{counting, rec, ""}), content.Options{Now: testNow})
	if probs.Err() != nil || len(cs.Providers) != 6 {
		t.Fatalf("the site did not load: %d providers, %v", len(cs.Providers), probs.Err())
	}
	files := 0
	for name, n := range counting.opens {
		info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		files++
		if n != 1 {
			t.Errorf("%s was opened %d times, want once", name, n)
		}
		if s := counting.stats[name]; s > 1 {
			t.Errorf("%s was stated %d times besides its opening, want at most once", name, s)
		}
	}
	if files < 12 {
		t.Errorf("only %d files were opened; the site's provider files were not read", files)
	}
	if len(rec.seen) == 0 {
		t.Error("nothing was recorded")
	}
}
