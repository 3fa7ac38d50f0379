package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"artsmap/internal/sitefs"
)

// TestRebuildRefusesWhatCameDuringIt: what is put in the output while a
// rebuild makes its files (a file in a folder of the output, a folder, a
// link in place of a file, a file removed and another put in its folder)
// is refused, and the output is left as it was but for that. The output
// was built more than sitefs.RacyMargin before, so that the second look at it
// goes by its folders' times, listing again only the folders changed.
func TestRebuildRefusesWhatCameDuringIt(t *testing.T) {
	for _, tt := range []struct {
		name, want string
		put        func(out string) error
	}{
		{"a file in a deep folder", "providers/breath-choir/handout/notes.txt", func(out string) error {
			return os.WriteFile(filepath.Join(out, "providers", "breath-choir", "handout", "notes.txt"), []byte("mine"), 0o644)
		}},
		{"a folder", "drafts", func(out string) error { return os.Mkdir(filepath.Join(out, "drafts"), 0o755) }},
		{"a link in place of a file", "about/index.html", func(out string) error {
			name := filepath.Join(out, "about", "index.html")
			return errors.Join(os.Remove(name), os.Symlink("/etc/hostname", name))
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, fsys, out, testNow)
			time.Sleep(sitefs.RacyMargin + 100*time.Millisecond)
			replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Changed")
			p := planOf(t, fsys)
			p.files["zz-last.json"] = func() ([]byte, error) { return []byte("{}"), tt.put(out) }
			_, _, err := p.write(context.Background(), out, 2)
			if err == nil || !strings.Contains(err.Error(), "did not write: "+tt.want) {
				t.Errorf("rebuild = %v, want %s refused", err, tt.want)
			}
		})
	}
}

// TestFolderStatesChanged: once a tree is listed (more than sitefs.RacyMargin
// after it was last changed), only the folders whose entries changed
// since count as changed: one given a file, the root when a folder in it
// is removed, and that folder; a file's bytes changed in place change no
// folder.
func TestFolderStatesChanged(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"a/b/f": "1", "c/g": "2", "h": "3"})
	time.Sleep(sitefs.RacyMargin + 100*time.Millisecond)
	states := newFolderStates()
	if err := walkParallel(root, 2, states, func(string, fs.DirEntry) bool { return true }); err != nil {
		t.Fatal(err)
	}
	if got := states.changed(root); len(got) != 0 {
		t.Fatalf("changed at once: %q", got)
	}
	os.WriteFile(filepath.Join(root, "h"), []byte("33"), 0o644)
	os.WriteFile(filepath.Join(root, "a", "b", "new"), nil, 0o644)
	os.RemoveAll(filepath.Join(root, "c"))
	if got := strings.Join(states.changed(root), " "); got != ". a/b c" {
		t.Errorf("changed: %q, want \". a/b c\"", got)
	}
}

// TestRebuildRefusesWhatCameInAFolderGone: a folder of the output that was
// missing when the rebuild first looked (removed by hand, or by a commit
// that was killed) and is made again during the build with something of
// someone else's in it, a file or a link in place of a listed file, is
// looked into, and the rebuild refused.
func TestRebuildRefusesWhatCameInAFolderGone(t *testing.T) {
	for _, tt := range []struct {
		name, want string
		put        func(dir string) error
	}{
		{"a file", "notes.txt", func(dir string) error { return os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644) }},
		{"a link at a listed path", "index.html", func(dir string) error { return os.Symlink("/etc/hostname", filepath.Join(dir, "index.html")) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, fsys, out, testNow)
			dir := filepath.Join(out, "providers", "breath-choir", "handout")
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			time.Sleep(sitefs.RacyMargin + 100*time.Millisecond)
			p := planOf(t, fsys)
			p.files["zz-last.json"] = func() ([]byte, error) {
				return []byte("{}"), errors.Join(os.MkdirAll(dir, 0o755), tt.put(dir))
			}
			_, _, err := p.write(context.Background(), out, 2)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("rebuild = %v, want %s refused", err, tt.want)
			}
		})
	}
}
