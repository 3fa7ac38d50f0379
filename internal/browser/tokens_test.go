package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestTokensMatchGo runs the cases that internal/search tests the Go
// tokenizer with through static/js/directory/tokens.js: the browser must
// split a query exactly as the build split the text it indexed.
func TestTokensMatchGo(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(RepoRoot(t), "internal", "search", "testdata", "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Text   string   `json:"text"`
		Tokens []string `json:"tokens"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/")
	for _, c := range cases {
		text, _ := json.Marshal(c.Text)
		got := Eval[[]string](t, tab, `import('/js/directory/tokens.js').then(m => m.tokens(`+string(text)+`))`)
		if !slices.Equal(got, c.Tokens) && !(len(got) == 0 && len(c.Tokens) == 0) {
			t.Errorf("tokens(%q) in the browser = %q, want %q as in Go", c.Text, got, c.Tokens)
		}
	}
}

// TestCountText: the directory's result count agrees in number with its
// count, as the page without JavaScript does.
func TestCountText(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/")
	for _, c := range []struct {
		shown, total int
		want         string
	}{
		{12, 12, "Showing all 12 providers"},
		{1, 1, "Showing the only provider"},
		{0, 0, "Showing all 0 providers"},
		{3, 12, "3 of 12 providers match"},
		{1, 12, "1 of 12 providers matches"},
		{0, 1, "0 of 1 provider match"},
	} {
		got := Eval[string](t, tab, fmt.Sprintf(`import('/js/directory/results.js').then(m => m.countText(%d, %d))`, c.shown, c.total))
		if got != c.want {
			t.Errorf("countText(%d, %d) = %q, want %q", c.shown, c.total, got, c.want)
		}
	}
}
