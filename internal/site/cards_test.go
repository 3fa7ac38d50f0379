package site

import (
	"html/template"
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

// TestSharedRendersOnce: {{shared "name" .Site}} renders its template the
// first time a build asks and gives that text to every later page; an
// error is given each time.
func TestSharedRendersOnce(t *testing.T) {
	ls := layoutSet{"page": template.Must(newSet("page").Parse(
		`{{define "title"}}<b>{{.Title}}</b>{{end}}{{define "bad"}}{{.Nope}}{{end}}`))}
	ts, err := ls.bind()
	if err != nil {
		t.Fatal(err)
	}
	c := ts["page"].cards
	for i, title := range []string{"Fellside & Co", "Changed since"} {
		got, err := c.shared("title", &Site{Title: title})
		if err != nil || got != "<b>Fellside &amp; Co</b>" {
			t.Errorf("call %d gave %q, %v; want the first rendering, escaped", i+1, got, err)
		}
		if _, err := c.shared("bad", &Site{}); err == nil {
			t.Errorf("call %d of a failing template gave no error", i+1)
		}
	}
}
