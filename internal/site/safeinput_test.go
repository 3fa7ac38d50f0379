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

// TestLinksNeverFollowed builds a site whose static/, layouts/ and a
// provider folder hold symbolic links to a secret outside the site and to a
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
		"layouts/partials/leak.html":               secret,
		"layouts/404.html":                         secret,
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

// TestScriptAttachmentRefused: a learning output that attaches a web page
// and its script, or an SVG, fails the check at each file, so that nothing
// can run on the site's own address.
func TestScriptAttachmentRefused(t *testing.T) {
	dir := realSite(t)
	files := map[string]string{
		"content/learning/pack/index.md": "+++\ntitle = \"Pack\"\nkind = \"report\"\ndate = 2026-01-01\nattachments = [" +
			"{ file = \"page.html\", title = \"Page\" }, { file = \"evil.js\", title = \"Script\" }, { file = \"chart.svg\", title = \"Chart\" }]\n+++\n",
		"content/learning/pack/page.html": "<script src=\"evil.js\"></script>",
		"content/learning/pack/evil.js":   "fetch('/admin/')",
		"content/learning/pack/chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Check(Options{Site: Folder(dir), Theme: artsmap.Theme, Now: testNow})
	if err == nil {
		t.Fatal("check passed a site that publishes a web page and a script")
	}
	for _, name := range []string{"page.html", "evil.js", "chart.svg"} {
		if !hasProblem(res.Problems, "content/learning/pack/"+name, false, "may not be published") {
			t.Errorf("no error at %s: %v", name, res.Problems)
		}
	}
}
