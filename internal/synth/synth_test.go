package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestWrite: the folder Write makes holds exactly the files of Site, byte
// for byte, and nothing else.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 30, 3); err != nil {
		t.Fatal(err)
	}
	want := Site(30, 3)
	seen := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f, ok := want[filepath.ToSlash(rel)]
		if !ok {
			t.Errorf("%s is not a file of the site", rel)
			return nil
		}
		got, err := os.ReadFile(p)
		if err == nil && !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from the site's", rel)
		}
		seen++
		return err
	})
	if err != nil || seen != len(want) {
		t.Errorf("%d files written of %d (%v)", seen, len(want), err)
	}
}
