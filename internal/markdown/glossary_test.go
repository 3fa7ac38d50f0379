package markdown

import (
	"strings"
	"testing"
)

func TestTermLinking(t *testing.T) {
	g := NewGlossary([]Term{
		{Phrase: "Social prescribing", ID: "social-prescribing", URL: "/factsheets/a/#social-prescribing", Tip: "Linking people <to> activity."},
		{Phrase: "community referral", ID: "social-prescribing", URL: "/factsheets/a/#social-prescribing", Tip: "Linking people <to> activity."},
		{Phrase: "link worker", ID: "link-worker", URL: "/factsheets/a/#link-worker", Tip: "A helper."},
		{Phrase: "art", ID: "art", URL: "/factsheets/a/#art", Tip: "Art."},
	})
	tests := []struct {
		name, src string
		links     []string // the linked words, in order
	}{
		{"first mention only", "Social prescribing helps. More social prescribing.", []string{"Social prescribing"}},
		{"alias counts as the term", "A community referral, then social prescribing.", []string{"community referral"}},
		{"not in headings", "## Social prescribing\n\nThen social prescribing.", []string{"social prescribing"}},
		{"not in links", "[social prescribing](/x/) and social prescribing", []string{"social prescribing"}},
		{"not in code", "`link worker` here\n\n```\nlink worker\n```\n\nand a link worker", []string{"link worker"}},
		{"whole words", "Artists and particular art.", []string{"art"}},
		{"two terms", "A link worker does social prescribing.", []string{"link worker", "social prescribing"}},
		{"none", "Nothing to see.", nil},
	}
	r := New("site.example.org")
	for _, tt := range tests {
		html, _ := r.RenderLinked([]byte(tt.src), g)
		s := string(html)
		var got []string
		for _, part := range strings.Split(s, `<a class="term" href="`)[1:] {
			_, rest, _ := strings.Cut(part, `">`)
			word, _, _ := strings.Cut(rest, "</a>")
			got = append(got, word)
		}
		if strings.Join(got, "|") != strings.Join(tt.links, "|") {
			t.Errorf("%s: linked %q, want %q\n%s", tt.name, got, tt.links, s)
		}
	}
	html, _ := r.RenderLinked([]byte("Social prescribing."), g)
	if want := `<a class="term" href="/factsheets/a/#social-prescribing" aria-describedby="term-tip-1">Social prescribing</a><span class="term-tip" role="tooltip" id="term-tip-1">Linking people &lt;to&gt; activity.</span>`; !strings.Contains(string(html), want) {
		t.Errorf("got %s\nwant %s", html, want)
	}
	if plain, _ := r.Render([]byte("Social prescribing.")); strings.Contains(string(plain), "term") {
		t.Error("Render without a glossary linked a term")
	}
}
