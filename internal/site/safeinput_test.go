package site

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/diag"
)

// realSite writes the fellside test site into a new folder and returns it.
func realSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, txtarSite(t, "fellside")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// link makes a symbolic link at name (slash path in dir) to target.
func link(t *testing.T, dir, name, target string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

// TestLinksNeverFollowed builds a site whose static/, layouts/ and
// content/ hold symbolic links to a secret outside the site and to a
// profile whose contact details are private: the build succeeds, warns
// about each link by name, and no output file holds the secret or the
// private details.
func TestLinksNeverFollowed(t *testing.T) {
	dir := realSite(t)
	secret := filepath.Join(t.TempDir(), "environ")
	if err := os.WriteFile(secret, []byte("NETLIFY_AUTH_TOKEN=s3cret-token-4242\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	private := filepath.Join(dir, "content", "providers", "quiet-brush", "index.md")
	links := map[string]string{
		"static/env.txt":                           secret,
		"static/private.txt":                       private,
		"static/docs":                              filepath.Dir(secret),
		"layouts/partials/leak.html":               secret,
		"layouts/404.html":                         secret,
		"content/pages/leak.md":                    private,
		"content/providers/breath-choir/photo.png": secret,
	}
	for name, target := range links {
		link(t, dir, name, target)
	}
	out, res := build(t, Folder(dir))
	for name := range links {
		if !hasProblem(res.Problems, name, true, "symbolic link is never followed") {
			t.Errorf("no warning naming the link %s", name)
		}
	}
	tree := readTree(t, out)
	for _, needle := range []string{"s3cret-token-4242", "private@example.net", "01632 960002"} {
		if hits := grepTree(tree, needle); len(hits) > 0 {
			t.Errorf("%q published in %v", needle, hits)
		}
	}
	if _, ok := tree["404.html"]; !ok {
		t.Error("the linked layouts/404.html was not replaced by the built-in layout")
	}
}

// TestSpecialFilesRefused puts a FIFO in static/, layouts/ and content/:
// check and build each end at once with an error naming every one.
func TestSpecialFilesRefused(t *testing.T) {
	dir := realSite(t)
	fifos := []string{"static/pipe.css", "layouts/partials/pipe.html", "content/pages/pipe.md",
		"content/providers/quiet-brush/pipe.png", "content/site.toml"}
	for _, name := range fifos {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.Remove(p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Site: Folder(dir), Theme: artsmap.Theme, Out: filepath.Join(t.TempDir(), "public"), Now: testNow}
	for name, run := range map[string]func(Options) (Result, error){"check": Check, "build": Build} {
		done := make(chan Result, 1)
		go func() { res, _ := run(opts); done <- res }()
		select {
		case res := <-done:
			for _, f := range fifos {
				if !hasProblem(res.Problems, f, false, "named pipe (FIFO) is not a regular file") {
					t.Errorf("%s: no error naming %s in %v", name, f, res.Problems)
				}
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s hangs on a FIFO", name)
		}
	}
	if _, err := os.Stat(opts.Out); err == nil {
		t.Error("a build with errors wrote its output")
	}
}

func hasProblem(ps []diag.Problem, path string, warning bool, msg string) bool {
	for _, p := range ps {
		if p.Path == path && p.Warning == warning && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}
