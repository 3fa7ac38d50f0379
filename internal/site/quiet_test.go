package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	if loud := quietFolders(out, prev.folders(), settled, newFolderStates()); !slices.Equal(loud, []string{"."}) {
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
