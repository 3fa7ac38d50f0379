package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"artsmap"
)

// TestBuildRefusesForeignInOutput builds into a previous output, then
// plants what a user might keep there (a git checkout for gh-pages, other
// apps of a web root): the next build refuses, naming each, and deletes
// nothing. The marker is published with the site, so holding it is not
// enough: only the names it lists may be replaced.
func TestBuildRefusesForeignInOutput(t *testing.T) {
	tests := []struct {
		name  string
		plant map[string]string
		want  string
	}{
		{"a gh-pages checkout", map[string]string{".git/HEAD": "ref: refs/heads/gh-pages\n"}, "it holds files artsmap did not write: .git;"},
		{"other apps of a web root", map[string]string{"cgi-bin/run": "#!/bin/sh", "wiki/index.php": "<?php"}, "it holds files artsmap did not write: cgi-bin, wiki;"},
		{"a marker that lists .git", map[string]string{MarkerName: string(markerFor([]string{".git", "index.html"})), ".git/HEAD": "ref"}, "did not write: .git"},
		{"a marker with no list", map[string]string{MarkerName: markerText}, "did not write: .artsmap-keys, 404.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			opts := Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Out: out, Now: testNow}
			if _, err := Build(opts); err != nil {
				t.Fatal(err)
			}
			writeFiles(t, out, tt.plant)
			_, err := Build(opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "move them or choose another -out") {
				t.Errorf("err = %v, want a refusal saying %q", err, tt.want)
			}
			for name, data := range tt.plant {
				if got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name))); err != nil || string(got) != data {
					t.Errorf("%s: %q, %v; want it kept", name, got, err)
				}
			}
		})
	}
}

// TestBuildReplacesOwnOutput builds twice into the same folder: what the
// first build wrote is all listed in its marker, so the second replaces it.
func TestBuildReplacesOwnOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Out: out, Now: testNow}
	for range 2 {
		if _, err := Build(opts); err != nil {
			t.Fatal(err)
		}
	}
	names := manifest(out)
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if e.Name() != MarkerName && e.Name() != keysName && !names[e.Name()] {
			t.Errorf("%s is in the output but not in its marker", e.Name())
		}
	}
}
