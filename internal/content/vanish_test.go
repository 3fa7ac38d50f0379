package content

import (
	"io/fs"
	"strings"
	"testing"
)

// vanishingFS is a site in which one file is listed and stated as a
// regular file but is gone by the time it is opened, as when an editor
// or a git pull replaces it while the site is read.
type vanishingFS struct {
	fs.FS
	name string
}

func (v vanishingFS) Open(name string) (fs.File, error) {
	if name == v.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.FS.Open(name)
}

func (v vanishingFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(v.FS, name) }
func (v vanishingFS) ReadLink(name string) (string, error)       { return fs.ReadLink(v.FS, name) }
func (v vanishingFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(v.FS, name) }
func (v vanishingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(v.FS, name) }

// TestFileChangedWhileRead: a file the load saw as a regular file but
// could not open is an error at that file, so that the build stops
// instead of publishing a site without its settings, a provider with no
// name, or a profile without its venues.
func TestFileChangedWhileRead(t *testing.T) {
	for _, name := range []string{cfgPath, providerPath, locPath, pagePath, sheetPath} {
		t.Run(name, func(t *testing.T) {
			_, probs := Load(vanishingFS{validSite(), name}, Options{Now: now})
			found := false
			for _, p := range probs.Items() {
				if p.Path == name && !p.Warning && strings.Contains(p.Message, "changed while the site was being read") {
					found = true
				}
			}
			if !found || probs.Err() == nil {
				t.Errorf("no error at %s; got %v", name, probs.Items())
			}
		})
	}
}
