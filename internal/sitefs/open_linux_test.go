package sitefs

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenFileFollowsNoLinkOnTheWay opens paths whose folders include a
// symbolic link, as a link swapped in for a folder after the Lstat checks
// would be: openFile refuses each in the same step that opens it, while
// the site folder itself may be reached through a link.
func TestOpenFileFollowsNoLinkOnTheWay(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	secret := filepath.Join(root, "secret")
	for _, d := range []string{filepath.Join(site, "static", "real"), secret} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(secret, "key.txt"), filepath.Join(site, "static", "real", "ok.txt")} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(secret, filepath.Join(site, "static", "swapped")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(site, filepath.Join(root, "sitelink")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"static/swapped/key.txt", "static/swapped"} {
		if f, err := openFile(site, name); err == nil {
			f.Close()
			t.Errorf("openFile(%s) followed the link", name)
		} else if !errors.Is(err, ErrSymlink) {
			t.Errorf("openFile(%s) = %v, want ErrSymlink", name, err)
		}
	}
	f, err := openFile(filepath.Join(root, "sitelink"), "static/real/ok.txt")
	if err != nil {
		t.Fatalf("a site reached through a link: %v", err)
	}
	f.Close()
}
