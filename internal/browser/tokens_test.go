package browser

import (
	"encoding/json"
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
