package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestDataPage: /data/ describes every download, which exists, names the
// licence (or says it is not stated) and gives the embed snippet.
func TestDataPage(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out, _ := build(t, fsys)
	tree := readTree(t, out)
	page := string(tree["data/index.html"])
	s, _ := load(Options{Site: fsys, Now: testNow})
	for _, d := range s.Downloads() {
		if tree[strings.TrimPrefix(d.URL, "/")] == nil {
			t.Errorf("%s: no file at %s", d.Title, d.URL)
		}
		if !strings.Contains(page, `href="`+d.URL+`"`) {
			t.Errorf("/data/ does not link %s", d.URL)
		}
		for _, f := range d.Fields {
			if f.Meaning == "" {
				t.Errorf("%s: field %s is not explained", d.Title, f.Name)
			}
		}
	}
	for _, want := range []string{"CC BY 4.0", "/embed/map/?district=", "/embed/directory/?district=", "&lt;iframe"} {
		if !strings.Contains(page, want) {
			t.Errorf("/data/ lacks %q", want)
		}
	}
	if !strings.Contains(string(tree["index.html"]), `href="/data/"`) {
		t.Error("the footer does not link /data/")
	}
	noLicence := fstest.MapFS{}
	for name, f := range fsys {
		noLicence[name] = f
	}
	cfg := strings.Replace(string(fsys["content/site.toml"].Data), `licence = "CC BY 4.0"`, "", 1)
	noLicence["content/site.toml"] = &fstest.MapFile{Data: []byte(cfg)}
	out, _ = build(t, noLicence)
	if !strings.Contains(string(readTree(t, out)["data/index.html"]), "licence of this data is not stated") {
		t.Error("without a licence, /data/ does not say it is not stated")
	}
}
