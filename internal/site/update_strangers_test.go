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
// link in place of a file; and a file or a link in a folder that was
// missing when the rebuild first looked, removed by hand or by a commit
// that was killed, and made again during the build) is refused. The
// output was built more than sitefs.RacyMargin before, so that the second
// look at it goes by its folders' times, listing again only the folders
// changed, and walking whole those it had not listed.
func TestRebuildRefusesWhatCameDuringIt(t *testing.T) {
	handout := filepath.Join("providers", "breath-choir", "handout")
	for _, tt := range []struct {
		name, want string
		gone       string // a folder removed before the rebuild, made again with put
		put        func(out string) error
	}{
		{"a file in a deep folder", "providers/breath-choir/handout/notes.txt", "", func(out string) error {
			return os.WriteFile(filepath.Join(out, handout, "notes.txt"), []byte("mine"), 0o644)
		}},
		{"a folder", "drafts", "", func(out string) error { return os.Mkdir(filepath.Join(out, "drafts"), 0o755) }},
		{"a link in place of a file", "about/index.html", "", func(out string) error {
			name := filepath.Join(out, "about", "index.html")
			return errors.Join(os.Remove(name), os.Symlink("/etc/hostname", name))
		}},
		{"a file in a folder gone", "notes.txt", handout, func(out string) error {
			return os.WriteFile(filepath.Join(out, handout, "notes.txt"), []byte("mine"), 0o644)
		}},
		{"a link in a folder gone", "index.html", handout, func(out string) error {
			return os.Symlink("/etc/hostname", filepath.Join(out, handout, "index.html"))
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, fsys, out, testNow)
			if tt.gone != "" {
				if err := os.RemoveAll(filepath.Join(out, tt.gone)); err != nil {
					t.Fatal(err)
				}
			}
			time.Sleep(sitefs.RacyMargin + 100*time.Millisecond)
			replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Changed")
			p := planOf(t, fsys)
			p.files["zz-last.json"] = func() ([]byte, error) {
				if tt.gone != "" {
					if err := os.MkdirAll(filepath.Join(out, tt.gone), 0o755); err != nil {
						return nil, err
					}
				}
				return []byte("{}"), tt.put(out)
			}
			_, _, err := p.write(context.Background(), out, 2)
			if err == nil || !strings.Contains(err.Error(), "did not write: ") || !strings.Contains(err.Error(), tt.want) {
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
