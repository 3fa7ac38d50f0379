package devserver

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Quiet is how long the files must stay unchanged before a batch of
// changes is reported: long enough to gather an editor's save (write,
// rename, chmod), short enough not to be noticed.
const Quiet = 30 * time.Millisecond

// Watch reports changes under the given folders of root (recursively,
// including folders created later) in batches, as slash-separated paths
// relative to root, until ctx ends. Hidden files and editor backups are
// ignored.
func Watch(ctx context.Context, root string, dirs []string, changed func(paths []string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, d := range dirs {
		addTree(w, filepath.Join(root, d))
	}
	var batch []string
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name)
				}
			}
			if rel, ok := relevant(root, ev.Name); ok && !slices.Contains(batch, rel) {
				batch = append(batch, rel)
			}
			timer.Reset(Quiet)
		case <-timer.C:
			if len(batch) > 0 {
				changed(batch)
				batch = nil
			}
		case <-w.Errors:
			// An overflowed event queue loses events: reload everything.
			changed(nil)
		}
	}
}

// addTree watches dir and every folder below it, when it exists.
func addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error { // missing folders are fine
		if err == nil && d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return filepath.SkipDir
			}
			w.Add(p) // a folder that vanished is not an error
		}
		return nil
	})
}

// relevant converts an event's path to a site path, ignoring temporary files.
func relevant(root, name string) (string, bool) {
	rel, err := filepath.Rel(root, name)
	if err != nil {
		return "", false
	}
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasPrefix(base, "#") {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
