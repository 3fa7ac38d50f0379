package site

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestHTMLText: entities decoded (all of them), quotation marks kept,
// block elements separate words and inline ones do not.
func TestHTMLText(t *testing.T) {
	tests := []struct {
		in   template.HTML
		want string
	}{
		{"3 &lt; 4 &amp; 5 &gt; 2", "3 < 4 & 5 > 2"},
		{"&ldquo;quoted&rdquo; and &quot;plain&quot; and &#39;single&#39;", "“quoted” and \"plain\" and 'single'"},
		{"caf&eacute; &ndash; &hellip; &nbsp;x", "café – … x"},
		{"a <em>b</em>, <strong>c</strong>d", "a b, cd"},
		{"<p>one</p><p>two</p><ul><li>three</li><li>four</li></ul>", "one two three four"},
		{"line<br>break", "line break"},
		{"  spaced \n\t out  ", "spaced out"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGlossaryTooltipText: a definition holding < and quotation marks
// shows them as written in the term's tooltip.
func TestGlossaryTooltipText(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	sheet := string(fsys["content/factsheets/key-terms.md"].Data)
	sheet = strings.Replace(sheet, `definition = "A person who helps someone find activity that suits them."`,
		`definition = 'Costs 3 < 4 and "quoted" words, R&D.'`, 1)
	fsys["content/factsheets/key-terms.md"] = &fstest.MapFile{Data: []byte(sheet)}
	learning := fsys["content/learning/appraisal.md"]
	learning.Data = append(learning.Data, "\nAsk a link worker.\n"...)
	out, _ := build(t, fsys)
	tree := readTree(t, out)
	tip := regexp.MustCompile(`<span class="term-tip" role="tooltip" id="[^"]*">([^<]*)</span>`)
	found := 0
	for name, data := range tree {
		for _, m := range tip.FindAllSubmatch(data, -1) {
			if text := html.UnescapeString(string(m[1])); strings.HasPrefix(text, "Costs") {
				found++
				if want := "Costs 3 < 4 and “quoted” words, R&D."; text != want {
					t.Errorf("%s: tooltip %q, want %q", name, text, want)
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no page shows the link worker's tooltip")
	}
}

// TestHTMLTextOfNothing: no HTML allocates nothing (no tokenizer), since
// the export asks for the joining text of every programme, and many say
// nothing about joining.
func TestHTMLTextOfNothing(t *testing.T) {
	if n := testing.AllocsPerRun(10, func() { _ = htmlText("") }); n != 0 || htmlText("") != "" {
		t.Errorf("htmlText of nothing: %v allocations, want none", n)
	}
}
