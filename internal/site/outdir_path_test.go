package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"artsmap"
)

// TestBuildRefusesLinkWithSlash gives OUT as a symbolic link with a
// trailing slash, which os.Lstat follows: the link is still refused and
// the folder it points to keeps its files.
func TestBuildRefusesLinkWithSlash(t *testing.T) {
	for _, target := range []map[string]string{
		{"notes.txt": "my notes"},
		{MarkerName: string(markerFor([]string{"index.html"})), "index.html": "a previous build"},
	} {
		root := t.TempDir()
		writeFiles(t, filepath.Join(root, "real"), target)
		if err := os.Symlink("real", filepath.Join(root, "link")); err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{"link/", "link/.", "link//"} {
			_, err := Build(Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Out: root + "/" + out, Now: testNow})
			if err == nil || !strings.Contains(err.Error(), "symbolic link") {
				t.Errorf("-out %s: err = %v, want a refusal of the link", out, err)
			}
		}
		for name, data := range target {
			if got, err := os.ReadFile(filepath.Join(root, "real", name)); err != nil || string(got) != data {
				t.Errorf("real/%s: %q, %v; want it kept", name, got, err)
			}
		}
	}
}

// TestBuildRefusesCurrentFolder gives -out . : a folder holding files is
// refused naming them, an empty one with a hint, before anything is built.
func TestBuildRefusesCurrentFolder(t *testing.T) {
	site := txtarSite(t, "fellside")
	for _, tt := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"notes.txt": "mine"}, "it holds files artsmap did not write: notes.txt"},
		{nil, "-out cannot be the current folder"},
	} {
		dir := t.TempDir()
		writeFiles(t, dir, tt.files)
		t.Chdir(dir)
		for _, out := range []string{".", "./", dir} {
			_, err := Build(Options{Site: site, Theme: artsmap.Theme, Out: out, Now: testNow})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "nothing was changed") {
				t.Errorf("-out %s: err = %v, want a refusal saying %q", out, err, tt.want)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != len(tt.files) {
			t.Errorf("the current folder now holds %v", entries)
		}
	}
}

// TestRemoveOutputRefusesLink never removes through a symbolic link, with
// or without a trailing slash.
func TestRemoveOutputRefusesLink(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, filepath.Join(root, "real"), map[string]string{MarkerName: string(markerFor([]string{"a"})), "a": "kept"})
	if err := os.Symlink("real", filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"link", "link/"} {
		if err := removeOutput(root + "/" + p); err == nil {
			t.Errorf("removeOutput(%s) removed through the link", p)
		}
	}
	if got, err := os.ReadFile(filepath.Join(root, "real", "a")); err != nil || string(got) != "kept" {
		t.Errorf("real/a: %q, %v", got, err)
	}
}
