package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap"
)

// TestBuildWithoutBrowserLibraries: a binary compiled without
// static/vendor (a plain go install) refuses to build a site with a map,
// saying how to get the libraries, and writes nothing; a site with no map
// tiles and no editor needs none of them and builds.
func TestBuildWithoutBrowserLibraries(t *testing.T) {
	bare := without{artsmap.Theme, []string{"static/vendor"}}
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(Options{Site: txtarSite(t, "fellside"), Theme: bare, Out: out, Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "built without its browser libraries") || !strings.Contains(err.Error(), "make build") {
		t.Fatalf("build without the libraries: %v, want a refusal that says to run make build", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the refused build wrote %s (%v)", out, err)
	}
	fsys := txtarSite(t, "fellside")
	cfg := string(fsys["content/site.toml"].Data)
	var kept []string
	for _, line := range strings.Split(cfg, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "tiles") {
			kept = append(kept, line)
		}
	}
	fsys["content/site.toml"] = &fstest.MapFile{Data: []byte(strings.Join(kept, "\n"))}
	if _, err := Build(Options{Site: fsys, Theme: bare, Out: out, Now: testNow}); err != nil {
		t.Errorf("a site without map tiles or editor needs no browser library: %v", err)
	}
}
