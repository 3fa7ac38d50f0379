package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"artsmap"
)

// writeFiles writes files (slash path -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// victim is a site folder on disk with files a build must never touch.
var victim = map[string]string{
	"content/site.toml":                   "title = \"mine\"\n",
	"content/providers/a/index.md":        "+++\nname = \"A\"\n+++\n",
	".git/HEAD":                           "ref: refs/heads/main\n",
	"static/css/site.css":                 "body{}",
	"notes.txt":                           "my notes",
	"documents/letter.odt":                "a letter",
	"previous/index.html":                 "hand made",
	"layouts/base.html":                   "{{define \"base\"}}{{end}}",
	"output-elsewhere/" + MarkerName:      string(markerFor([]string{"index.html"})),
	"output-elsewhere/index.html":         "a previous build",
	"content/learning/report/summary.pdf": "%PDF-1.4",
}

// TestBuildRefusesOutput tries every output a build must not replace:
// each is refused with a plain message and every file is left as it was.
func TestBuildRefusesOutput(t *testing.T) {
	tests := []struct {
		name, out, want string
	}{
		{"the site folder", ".", "it is the site folder itself"},
		{"the content folder", "content", "inside the site's content/ folder"},
		{"a folder inside content", "content/providers", "inside the site's content/ folder"},
		{"a new folder inside static", "static/public", "inside the site's static/ folder"},
		{"a folder inside layouts", "layouts", "inside the site's layouts/ folder"},
		{"a folder holding the site", "..", "it holds the site folder"},
		{"a file", "notes.txt", "it is a file, not a folder"},
		{"a folder of documents", "documents", "it holds files artsmap did not write: letter.odt"},
		{"a hand-made site", "previous", "it holds files artsmap did not write: index.html"},
		{"a symbolic link to a previous output", "link", "it is a symbolic link"},
		{"a symbolic link to the site", "sitelink", "it is the site folder itself"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			site := filepath.Join(root, "site")
			writeFiles(t, site, victim)
			if err := os.Symlink("output-elsewhere", filepath.Join(site, "link")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(site, filepath.Join(site, "sitelink")); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(site, filepath.FromSlash(tt.out))
			_, err := Build(Options{Site: txtarSite(t, "fellside"), SiteDir: site, Theme: artsmap.Theme, Out: out, Now: testNow})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "nothing was changed") {
				t.Errorf("build -out %s: err = %v, want a refusal saying %q", tt.out, err, tt.want)
			}
			assertUntouched(t, site)
		})
	}
}

// assertUntouched checks that every victim file is still in site with the
// same content, and that nothing was added beside the site or in it.
func assertUntouched(t *testing.T, site string) {
	t.Helper()
	for name, want := range victim {
		got, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want it unchanged", name, got, err)
		}
	}
	for _, dir := range []string{site, filepath.Dir(site)} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") && e.Name() != ".git" {
				t.Errorf("%s was left in %s", e.Name(), dir)
			}
		}
	}
}

// TestBuildThroughLinkedSite refuses content/ of a site reached through a
// symbolic link: the comparison resolves links.
func TestBuildThroughLinkedSite(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	writeFiles(t, site, victim)
	link := filepath.Join(root, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Fatal(err)
	}
	_, err := Build(Options{Site: txtarSite(t, "fellside"), SiteDir: link, Theme: artsmap.Theme, Out: filepath.Join(site, "content", "out"), Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "content/ folder") {
		t.Errorf("err = %v, want a refusal", err)
	}
	assertUntouched(t, site)
}

// TestBuildReplaces builds into an absent folder, an empty one and a
// previous output, with modes 0755 and 0644 whatever the umask.
func TestBuildReplaces(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"old/" + MarkerName: string(markerFor([]string{"stale.html"})), "old/stale.html": "old"})
	if err := os.Mkdir(filepath.Join(root, "empty"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"new", "empty", "old", "old"} {
		out := filepath.Join(root, name)
		if _, err := Build(Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
			t.Fatalf("build into %s: %v", name, err)
		}
		if _, err := os.Stat(filepath.Join(out, "stale.html")); err == nil {
			t.Errorf("%s: the previous output's file is still there", name)
		}
		if !hasMarker(out) {
			t.Errorf("%s has no marker", name)
		}
		checkModes(t, out)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 3 {
		t.Errorf("left beside the outputs: %v", entries)
	}
}

func checkModes(t *testing.T, out string) {
	t.Helper()
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error { // failures are reported inside
		info, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = fs.ModeDir | 0o755
		}
		if info.Mode() != want {
			t.Errorf("%s has mode %v, want %v", p, info.Mode(), want)
			return fs.SkipAll
		}
		return nil
	})
}

// TestBuildRemovesDebris removes the folders that killed builds left,
// and only those that carry the marker.
func TestBuildRemovesDebris(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	writeFiles(t, root, map[string]string{
		".public.artsmap-new-123/" + MarkerName:     string(markerFor([]string{"index.html"})),
		".public.artsmap-new-123/index.html":        "half a site",
		".public.artsmap-new-456.old/" + MarkerName: string(markerFor(nil)),
		".public.artsmap-new-777/" + MarkerName:     string(markerFor([]string{"index.html", ".git"})),
		".public.artsmap-new-777/index.html":        "a build's",
		".public.artsmap-new-777/.git/HEAD":         "a checkout: never ours",
		".public.artsmap-new-777/cgi-bin/run":       "not listed: not ours",
		".public.artsmap-new-789/mine.txt":          "no marker: not ours",
		".public.artsmap-new-555/" + MarkerName:     "", // killed while writing the marker
		".public.artsmap-new-666/" + MarkerName:     "forged marker",
		".public.artsmap-new-666/mine.txt":          "not ours either",
		".public.new-111/index.html":                "an older version's debris: not marked",
	})
	if err := os.Mkdir(filepath.Join(root, ".public.artsmap-new-444"), 0o700); err != nil { // killed before the marker
		t.Fatal(err)
	}
	if _, err := Build(Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{".public.artsmap-new-123": false, ".public.artsmap-new-456.old": false,
		".public.artsmap-new-444": false, ".public.artsmap-new-555": false, ".public.artsmap-new-666": true, ".public.artsmap-new-777": true,
		".public.artsmap-new-789": true, ".public.new-111": true, "public": true} {
		if _, err := os.Lstat(filepath.Join(root, name)); (err == nil) != want {
			t.Errorf("%s: present = %v, want %v", name, err == nil, want)
		}
	}
}

// TestSwapNeverLeavesOutMissing swaps small outputs in while another
// goroutine looks at out: it must never find it missing. The watcher
// yields between looks and stops with the swaps, so the test is cheap.
func TestSwapNeverLeavesOutMissing(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	marker := string(markerFor([]string{"index.html"}))
	writeFiles(t, out, map[string]string{MarkerName: marker, "index.html": "0"})
	var stop, missing atomic.Bool
	var looks atomic.Int64
	started, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		close(started)
		for !stop.Load() {
			if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
				missing.Store(true)
			}
			looks.Add(1)
			runtime.Gosched()
		}
	}()
	<-started
	for i := range 50 {
		tmp, err := os.MkdirTemp(root, tempPrefix(out)+"new-")
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, tmp, map[string]string{MarkerName: marker, "index.html": string(rune('a' + i%26))})
		if err := swap(tmp, out); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	<-done
	t.Logf("%d looks during 50 swaps", looks.Load())
	if looks.Load() < 50 {
		t.Errorf("only %d looks during 50 swaps: the test saw too little", looks.Load())
	}
	if missing.Load() {
		t.Error("the output folder was missing during a swap")
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}
