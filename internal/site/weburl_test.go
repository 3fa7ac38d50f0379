package site

import (
	"html/template"
	"strings"
	"testing"
)

// TestWebURLMatchesLinks: the data files' addresses are encoded exactly as
// html/template encodes the same address in a page's href.
func TestWebURLMatchesLinks(t *testing.T) {
	tmpl := template.Must(template.New("a").Parse(`<a href="{{.}}">`))
	for _, in := range []string{
		"https://printmakers.example.net/?a=1&b=<x>",
		`https://evil.example.net/?q="><script>alert(8)</script>`,
		"https://a.example/caf%C3%A9 and (more)/?x='y'#top",
		"https://a.example/100%/ü",
		"https://a.example/plain/",
	} {
		var b strings.Builder
		if err := tmpl.Execute(&b, in); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(strings.TrimPrefix(b.String(), `<a href="`), `">`)
		want = strings.ReplaceAll(want, "&amp;", "&")
		if got := webURL(in); got != want {
			t.Errorf("webURL(%q) = %q, the link has %q", in, got, want)
		}
	}
}
