package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"artsmap/internal/sitefs"
)

// TestQuietFolders: a rebuild more than sitefs.RacyMargin after the build
// before notes in the keys file the identity of every output folder its
// commit did not change, and the next rebuild lists only the folders that
// changed since (quietFolders). What changed in a folder not listed is
// still found: a file changed in place is made again, and an entry added
// (a file, or a link in place of a folder) is refused.
func TestQuietFolders(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, testNow)
	time.Sleep(sitefs.RacyMargin + 100*time.Millisecond)
	buildInto(t, fsys, out, testNow)
	_, settled := readKeyFile(out)
	prev := readMarker(out)
	if len(settled) == 0 || len(settled) != len(prev.folders()) {
		t.Fatalf("the keys file notes %d folders, want every one of the %d", len(settled), len(prev.folders()))
	}
	if loud, _ := quietFolders(out, prev.folders(), settled, newFolderStates(), os.Lstat); !slices.Equal(loud, []string{"."}) {
		t.Errorf("would list %q, want only the top folder", loud)
	}

	profile := filepath.Join(out, "providers", "breath-choir", "index.html")
	if err := os.WriteFile(profile, []byte("changed by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := buildInto(t, fsys, out, testNow); res.Written != 1 {
		t.Errorf("wrote %d files, want the one changed by hand in a folder not listed", res.Written)
	}
	clean := filepath.Join(t.TempDir(), "clean")
	buildInto(t, fsys, clean, testNow)
	diffTrees(t, clean, out)
	if _, settled := readKeyFile(out); settled["providers/breath-choir"] != "" || settled["providers/breath-choir/handout"] == "" {
		t.Error("the folder the commit changed is noted as settled, or the one below it is not")
	}

	handout := filepath.Join(out, "providers", "breath-choir", "handout")
	for _, tt := range []struct{ name, want string }{
		{"notes.txt", "providers/breath-choir/handout/notes.txt"},
		{"", "providers/breath-choir/handout"}, // a link in place of the folder
	} {
		if tt.name != "" {
			if err := os.WriteFile(filepath.Join(handout, tt.name), []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if err := os.Rename(handout, handout+"-moved"); err != nil || os.Symlink(handout+"-moved", handout) != nil {
			t.Fatal("cannot put a link in place of the handout folder")
		}
		_, err := Build(options(fsys, out))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: the rebuild gave %v, want %s refused", tt.want, err, tt.want)
		}
		if tt.name != "" {
			os.Remove(filepath.Join(handout, tt.name))
		}
	}
}

// TestQuietFoldersTrustNothingUnseen: a folder that cannot be stated for
// a reason other than being gone (no permission) is listed, so that the
// listing fails and says why; one gone, or no longer a folder, is left to
// its parent's listing, and so is everything below it, which is never
// noted as quiet however it states (it may have been reached through a
// link put in place of the folder).
func TestQuietFoldersTrustNothingUnseen(t *testing.T) {
	root := t.TempDir()
	dirs := map[string]bool{}
	settled := map[string]string{}
	all := []string{"a", "a/b", "c", "c/d", "c/d/e", "f", "f/g"}
	for _, d := range all {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range all {
		info, err := os.Lstat(filepath.Join(root, d))
		if err != nil {
			t.Fatal(err)
		}
		settled[d], _, _ = sitefs.Identity(info)
		dirs[d] = true
	}
	stat := func(name string) (fs.FileInfo, error) {
		switch filepath.Base(name) {
		case "b":
			return nil, &fs.PathError{Op: "lstat", Path: name, Err: syscall.EACCES}
		case "c":
			return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
		case "f":
			return os.Lstat(filepath.Join(root, "f", "g", "..", "..", "a", "b", "..", "..", "f", "g")) // a folder, not f itself
		}
		return os.Lstat(name)
	}
	states := newFolderStates()
	loud, known := quietFolders(root, dirs, settled, states, stat)
	if want := []string{".", "f", "a/b"}; !slices.Equal(loud, want) { // parents first
		t.Errorf("would list %q, want %q", loud, want)
	}
	for _, d := range []string{"c", "c/d", "c/d/e"} {
		if known[d] || states.has(d) {
			t.Errorf("%s, below a folder gone, is trusted", d)
		}
	}
	if !states.has("a") || !states.has("f/g") || states.has("f") {
		t.Errorf("the quiet folders noted are not a and f/g alone")
	}
}
