package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap"
)

// TestRemoveOldKeepsWhatIsNotOurs is handed, as the previous output, what
// may be at OUT when the exchange happens: a file, a link, a folder with
// files the marker does not list. Each is kept and named in the error.
func TestRemoveOldKeepsWhatIsNotOurs(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"file":                "precious",
		"real/a":              "kept",
		"mixed/" + MarkerName: string(markerFor([]string{"index.html"})),
		"mixed/index.html":    "a build's",
		"mixed/mine.txt":      "not a build's",
		"unmarked/notes.txt":  "mine",
		"ours/" + MarkerName:  string(markerFor([]string{"index.html"})),
		"ours/index.html":     "a build's",
	})
	if err := os.Symlink("real", filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"file", "link", "mixed", "unmarked"} {
		err := removeOld(filepath.Join(root, name))
		if err == nil || !strings.Contains(err.Error(), "kept at") {
			t.Errorf("removeOld(%s) = %v, want it kept and named", name, err)
		}
	}
	for _, p := range []string{"file", "real/a", "mixed/mine.txt", "mixed/index.html", "unmarked/notes.txt", "link"} {
		if _, err := os.Lstat(filepath.Join(root, p)); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
	if err := removeOld(filepath.Join(root, "ours")); err != nil {
		t.Errorf("removeOld(ours) = %v", err)
	}
}

// TestSwapKeepsFileAtOut swaps a new output in where a file now is (put
// there after the check): the exchange succeeds, and the file is kept.
func TestSwapKeepsFileAtOut(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	writeFiles(t, root, map[string]string{"public": "precious"})
	tmp, err := os.MkdirTemp(root, tempPrefix(out)+"new-")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, tmp, map[string]string{MarkerName: string(markerFor([]string{"index.html"})), "index.html": "new"})
	if err := swap(tmp, out); err == nil || !strings.Contains(err.Error(), "kept at") {
		t.Errorf("swap = %v, want the file kept and named", err)
	}
	found := false
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join(root, e.Name())); err == nil && string(data) == "precious" {
			found = true
		}
	}
	if !found {
		t.Errorf("the file put at the output was deleted; left: %v", entries)
	}
}

// plantingFS plants a file at out the first time name is opened: during
// the build, after the check at its start.
type plantingFS struct {
	fs.FS
	name, out string
	t         *testing.T
}

func (p plantingFS) Open(name string) (fs.File, error) {
	if name == p.name {
		if _, err := os.Lstat(p.out); err != nil {
			writeFiles(p.t, filepath.Dir(p.out), map[string]string{filepath.Base(p.out): "precious"})
		}
	}
	return p.FS.Open(name)
}

// TestBuildRechecksOutBeforeSwap puts a file at OUT while the build
// writes: it is refused as at the start, and the file is kept.
func TestBuildRechecksOutBeforeSwap(t *testing.T) {
	site := txtarSite(t, "fellside")
	site["static/late.txt"] = &fstest.MapFile{Data: []byte("late"), Mode: 0o644}
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(Options{Site: plantingFS{site, "static/late.txt", out, t}, Theme: artsmap.Theme, Out: out, Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "it is a file") {
		t.Errorf("err = %v, want the file at OUT refused", err)
	}
	if data, err := os.ReadFile(out); err != nil || string(data) != "precious" {
		t.Errorf("OUT: %q, %v; want the file kept", data, err)
	}
	assertNothingBeside(t, out, true)
}
