package scaffold

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"artsmap/internal/content"
)

// TestEvidenceScaffold writes a synopsis into a copy of the site's
// settings: it must decode cleanly (no TOML or unknown-setting errors) and
// claim nothing, so check asks for each fact the writer must take from the
// study.
func TestEvidenceScaffold(t *testing.T) {
	dir := t.TempDir()
	cfg, err := os.ReadFile("../../content/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "site.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ := content.LoadConfig(os.DirFS(dir))
	files, err := Write(Request{Kind: "evidence", Title: `Singing "for" lung health`, Site: dir, Config: c, Now: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)})
	if err != nil || !slices.Equal(files, []string{"content/evidence/singing-for-lung-health.md"}) {
		t.Fatalf("Write = %v, %v", files, err)
	}
	site, probs := content.Load(os.DirFS(dir), content.Options{Now: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)})
	var got []string
	for _, p := range probs.Items() {
		if p.Path == files[0] {
			got = append(got, p.Message)
		}
	}
	want := []string{"pathways needs at least one value", "design is required", "certainty is required",
		"population is required", "finding is required",
		"reviewed is required: the date the synopsis was written or checked",
		"the synopsis has no [reference]: the study it describes",
		"the text is still the example that artsmap new wrote"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems of the scaffold:\n%q\nwant\n%q", got, want)
	}
	if len(site.Evidence) != 1 || site.Evidence[0].Title != `Singing "for" lung health` {
		t.Errorf("title not kept: %+v", site.Evidence)
	}
}
