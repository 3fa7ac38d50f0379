package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCardsListEveryRoute: a card names every referral route its provider
// lists, by the label site.toml gives it, whatever the ids are; the
// directory's search words include the labels.
func TestCardsListEveryRoute(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	cfg := string(fsys["content/site.toml"].Data) + "\n[[vocab.referral]]\nid = \"walk-in\"\nlabel = \"Just turn up\"\n"
	fsys["content/site.toml"] = &fstest.MapFile{Data: []byte(cfg), Mode: 0o644}
	brush := strings.Replace(string(fsys["content/providers/quiet-brush/index.md"].Data),
		"publish_contact", "referral = [\"walk-in\"]\npublish_contact", 1)
	fsys["content/providers/quiet-brush/index.md"] = &fstest.MapFile{Data: []byte(brush), Mode: 0o644}
	out, _ := build(t, fsys)
	page, err := os.ReadFile(filepath.Join(out, "providers", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{"breath-choir": "Doctor, Community connector", "quiet-brush": "Just turn up"}
	for slug, want := range tests {
		if got := cardFact(t, string(page), slug, "Referral"); got != want {
			t.Errorf("%s card: Referral %q, want %q", slug, got, want)
		}
	}
	terms, err := filepath.Glob(filepath.Join(out, "providers", "terms-*.json"))
	if err != nil || len(terms) == 0 {
		t.Fatalf("no term chunks (%v)", err)
	}
	found := false
	for _, name := range terms {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		found = found || strings.Contains(string(b), `"connector"`)
	}
	if !found {
		t.Error("no term chunk holds the word of a referral route's label")
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// cardFact is the text of the fact named dt on the directory card of slug.
func cardFact(t *testing.T, page, slug, dt string) string {
	t.Helper()
	i := strings.Index(page, `data-slug="`+slug+`"`)
	if i < 0 {
		t.Fatalf("no card for %s", slug)
	}
	card := page[i:]
	card = card[:strings.Index(card, "</li>")]
	j := strings.Index(card, "<dt>"+dt+"</dt><dd>")
	if j < 0 {
		t.Fatalf("card of %s has no %s", slug, dt)
	}
	fact := card[j+len("<dt>"+dt+"</dt><dd>"):]
	return tagRE.ReplaceAllString(fact[:strings.Index(fact, "</dd>")], "")
}
