package browser

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestAceDetects proves IBM's engine, as the gate runs it, reports an
// unlabelled form control, a group of controls without a name, an unnamed
// <svg> graphic and an image without alternative text, each on its own
// page, and nothing on a page without faults.
func TestAceDetects(t *testing.T) {
	tests := []struct{ name, rule, body string }{
		{"unlabelled", "input_label_exists", `<main><h1>x</h1><form><input type="text" name="q"></form></main>`},
		{"fieldset", "fieldset_label_valid", `<main><h1>x</h1><form><fieldset><label><input type="checkbox" name="a"> A</label></fieldset></form></main>`},
		{"svg", "svg_graphics_labelled", `<main><h1>x</h1><svg width="40" height="40"><rect width="40" height="40"></rect></svg></main>`},
		{"image", "img_alt_valid", `<main><h1>x</h1><img src="/favicon.svg" width="10" height="10"></main>`},
		{"clean", "", `<main><h1>x</h1><form><label for="q">Search</label><input id="q" type="text" name="q"></form></main>`},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		page := `<!doctype html><html lang="en"><head><title>t</title></head><body>` + tt.body + `</body></html>`
		if err := os.WriteFile(filepath.Join(dir, tt.name+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := ServeSite(t, dir)
	b := Start(t)
	for _, tt := range tests {
		tab := b.NewTab(t)
		tab.Go(t, base+"/"+tt.name+".html")
		var rules []string
		for _, a := range tab.Ace(t) {
			rules = append(rules, a.Rule)
		}
		if tt.rule == "" && len(rules) > 0 || tt.rule != "" && !slices.Contains(rules, tt.rule) {
			t.Errorf("%s: IBM's engine reported %v, want %q", tt.name, rules, tt.rule)
		}
	}
}
