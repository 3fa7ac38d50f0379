package sitefs

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
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

// TestOpenQuick: the quick open takes regular files and folders reached
// without a link, and leaves anything else (a link on the way or at the
// end, a FIFO, a missing file) to the step-by-step checks.
func TestOpenQuick(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if err := os.MkdirAll(filepath.Join(site, "content", "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "real", "a.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(site, "content", "real"), filepath.Join(site, "content", "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real/a.md", filepath.Join(site, "content", "last")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(site, "content", "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"content/real/a.md": true, "content/real": true, ".": true,
		"content/link/a.md": false, "content/link": false, "content/last": false, "content/pipe": false, "content/none": false} {
		f, ok := openQuick(site, name)
		if ok {
			f.Close()
		}
		if ok != want {
			t.Errorf("openQuick(%s) = %v, want %v", name, ok, want)
		}
	}
}
