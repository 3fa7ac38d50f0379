package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// tree makes a site folder with a file, a folder, links to a secret outside
// it (a file and a folder) and a FIFO, and returns the site folder.
func tree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	site := filepath.Join(root, "site")
	secret := filepath.Join(root, "secret")
	for _, d := range []string{filepath.Join(site, "static", "css"), secret} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(site, "static", "css", "site.css"), "body{}")
	write(filepath.Join(secret, "env"), "TOKEN=secret")
	must(t, os.Symlink(filepath.Join(secret, "env"), filepath.Join(site, "static", "env.txt")))
	must(t, os.Symlink(secret, filepath.Join(site, "static", "private")))
	must(t, syscall.Mkfifo(filepath.Join(site, "static", "pipe"), 0o644))
	return site
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestRefused checks that a link (at the end of a path or on the way) and
// a FIFO are refused with the right error, at once, by every way in.
func TestRefused(t *testing.T) {
	fsys := New(tree(t), 1<<20)
	cases := []struct {
		name string
		want error
	}{
		{"static/env.txt", ErrSymlink},
		{"static/private", ErrSymlink},
		{"static/private/env", ErrSymlink},
		{"static/pipe", ErrNotRegular},
	}
	for _, c := range cases {
		start := time.Now()
		_, openErr := fsys.Open(c.name)
		_, readErr := fs.ReadFile(fsys, c.name)
		_, statErr := fs.Stat(fsys, c.name)
		_, dirErr := fs.ReadDir(fsys, c.name)
		_, limitErr := ReadFile(fsys, c.name, 10)
		for i, err := range []error{openErr, readErr, statErr, dirErr, limitErr} {
			if !errors.Is(err, c.want) {
				t.Errorf("%s: way %d: err = %v, want %v", c.name, i, err, c.want)
			}
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s: took %v", c.name, took)
		}
	}
}

// TestListed checks that ReadDir shows links and FIFOs as what they are,
// so that walkers can report them, and that regular files read normally.
func TestListed(t *testing.T) {
	fsys := New(tree(t), 1<<20)
	list, err := fs.ReadDir(fsys, "static")
	must(t, err)
	types := map[string]fs.FileMode{}
	for _, e := range list {
		types[e.Name()] = e.Type()
	}
	want := map[string]fs.FileMode{"css": fs.ModeDir, "env.txt": fs.ModeSymlink, "private": fs.ModeSymlink, "pipe": fs.ModeNamedPipe}
	for name, m := range want {
		if got, ok := types[name]; !ok || got&m == 0 {
			t.Errorf("%s listed with type %v, want %v", name, got, m)
		}
	}
	data, err := fs.ReadFile(fsys, "static/css/site.css")
	if err != nil || string(data) != "body{}" {
		t.Errorf("site.css = %q, %v", data, err)
	}
	if _, err := fs.Lstat(fsys, "static/env.txt"); err != nil {
		t.Errorf("Lstat of a link: %v", err)
	}
}

// TestTooLarge checks the size limits of ReadFile and of the FS itself.
func TestTooLarge(t *testing.T) {
	site := tree(t)
	var tl *TooLargeError
	if _, err := ReadFile(New(site, 0), "static/css/site.css", 5); !errors.As(err, &tl) || tl.Size != 6 || tl.Limit != 5 {
		t.Errorf("ReadFile with limit 5: %v", err)
	}
	if _, err := fs.ReadFile(New(site, 5), "static/css/site.css"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("FS with MaxFile 5: %v", err)
	}
	if data, err := ReadFile(New(site, 0), "static/css/site.css", 6); err != nil || len(data) != 6 {
		t.Errorf("ReadFile at the limit: %q, %v", data, err)
	}
}

// TestFS checks the view against the fs.FS contract on a tree without
// links or special files.
func TestFS(t *testing.T) {
	site := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(site, "content", "pages"), 0o755))
	must(t, os.WriteFile(filepath.Join(site, "content", "pages", "about.md"), []byte("+++\n+++\n"), 0o644))
	must(t, fstest.TestFS(New(site, 0), "content/pages/about.md"))
}
