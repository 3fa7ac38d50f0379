package site

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"artsmap"
)

// TestHiddenStaticNeverServed puts hidden files in static/: build does not
// publish them, and the live preview, asked by name, does not serve them
// either, while a plain static file is both published and served.
func TestHiddenStaticNeverServed(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	for name, data := range map[string]string{"static/.env": "SECRET=1", "static/.git/config": "[remote]",
		"static/docs/.htpasswd": "admin:x", "static/docs/leaflet.txt": "public"} {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	out, _ := build(t, fsys)
	live, _, err := NewLive(Options{Site: fsys, Theme: artsmap.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".env", ".git/config", "docs/.htpasswd"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err == nil {
			t.Errorf("build published %s", name)
		}
		if data, err := live.Get(name); !errors.Is(err, ErrNotFound) {
			t.Errorf("the preview serves %s: %q, %v", name, data, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "docs", "leaflet.txt")); err != nil {
		t.Errorf("build did not publish docs/leaflet.txt: %v", err)
	}
	if data, err := live.Get("docs/leaflet.txt"); err != nil || string(data) != "public" {
		t.Errorf("the preview: docs/leaflet.txt = %q, %v", data, err)
	}
}
