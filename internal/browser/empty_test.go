package browser

import (
	"os"
	"path/filepath"
	"testing"
)

// TestEmptySite builds a site with settings and nothing else: every page
// works, with no console error, and the scripts cope with no providers.
func TestEmptySite(t *testing.T) {
	dir := t.TempDir()
	cfg := "title = \"Empty Map\"\nbase_url = \"https://empty.example.org/\"\n[region]\nname = \"Nowhere\"\nbounds = [0.0, 50.0, 1.0, 51.0]\n" +
		"[map]\ntiles = \"https://tiles.example.org/{z}/{x}/{y}.png\"\n" +
		"[[vocab.districts]]\nid = \"a\"\nlabel = \"A\"\n[[vocab.pathways]]\nid = \"b\"\nlabel = \"B\"\n[[vocab.artforms]]\nid = \"c\"\nlabel = \"C\"\n"
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "site.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	base := buildAndServe(t, dir)
	b := Start(t)
	for _, p := range []struct{ path, ready string }{
		{"/", ""}, {"/providers/?q=anything&pathway=b", directoryReady}, {"/map/", mapReady}, {"/coverage/", ""},
		{"/glossary/", ""}, {"/events/", ""}, {"/learning/", ""}, {"/pathways/b/", ""},
	} {
		t.Run(p.path, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Go(t, base+p.path)
			if p.ready != "" {
				tab.WaitFor(t, p.ready)
			}
			for _, e := range tab.ConsoleErrors() {
				t.Errorf("console error: %s", e)
			}
			tab.AssertAccessible(t, p.path)
		})
	}
}
