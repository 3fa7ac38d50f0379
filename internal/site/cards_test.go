package site

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCardsNamed: every card <article> is named by its own title
// (aria-labelledby an id on the page), so screen readers announce which
// card it is (IBM Equal Access reported 45 unnamed cards).
func TestCardsNamed(t *testing.T) {
	out, _ := build(t, os.DirFS("../.."))
	card := regexp.MustCompile(`<article class="card[^"]*"([^>]*)>`)
	labelledby := regexp.MustCompile(`aria-labelledby="([^"]+)"`)
	cards := 0
	for name, data := range readTree(t, out) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range card.FindAllSubmatch(data, -1) {
			cards++
			l := labelledby.FindSubmatch(m[1])
			if l == nil {
				t.Errorf("%s: %s has no aria-labelledby", name, m[0])
				continue
			}
			if n := strings.Count(string(data), `id="`+string(l[1])+`"`); n != 1 {
				t.Errorf("%s: %s names %d elements with id %s, want 1", name, m[0], n, l[1])
			}
		}
	}
	if cards < 45 {
		t.Errorf("only %d cards", cards)
	}
}
