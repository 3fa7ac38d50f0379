package markdown

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var r = New("site.example.org")

// dangerous finds anything in rendered HTML that could run code: an
// element that runs or embeds code, an event handler, or an address with a
// scheme other than http(s), mailto and tel. It returns "" when there is none.
func dangerous(doc string) string {
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "svg", "math", "form", "style", "base":
				return "<" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					return a.Key
				}
				if (a.Key == "href" || a.Key == "src") && unsafeScheme.MatchString(a.Val) {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}

var unsafeScheme = regexp.MustCompile(`^\s*[a-zA-Z][a-zA-Z0-9+.-]*:`)

func TestHostileMarkdown(t *testing.T) {
	tests := []struct {
		src        string
		wantIssues []int // lines of reported issues
	}{
		{"<script>alert(1)</script>", []int{1}},
		{"text <img src=x onerror=alert(1)> more", []int{1}},
		{"<div onclick=\"alert(1)\">\nhi\n</div>", []int{1}},
		{"<iframe src=\"https://evil.example\"></iframe>", []int{1}},
		{"ok\n\n[x](javascript:alert(1))", []int{3}},
		{"[x](JaVaScRiPt:alert(1))", []int{1}},
		{"[x](jav&#x09;ascript:alert(1))", []int{1}},
		{"[x](&#106;avascript:alert(1))", []int{1}},
		{"[x](vbscript:msgbox)", []int{1}},
		{"[x](data:text/html,<script>alert(1)</script>)", []int{1}},
		{"![x](javascript:alert(1))", []int{1}},
		{"![x](data:image/svg+xml;base64,PHN2Zz4=)", []int{1}},
		{"<javascript:alert(1)>", nil},
		{"<svg onload=alert(1)>", []int{1}},
		{"| a | <b onmouseover=alert(1)>b</b> |\n|---|---|\n| <script>x</script> | c |", []int{1, 1, 3, 3}},
	}
	for _, tt := range tests {
		out, issues := r.Render([]byte(tt.src))
		if m := dangerous(string(out)); m != "" && !safeScheme(m) {
			t.Errorf("%q rendered %q, containing %q", tt.src, out, m)
		}
		var lines []int
		for _, is := range issues {
			lines = append(lines, is.Line)
		}
		if len(lines) != len(tt.wantIssues) {
			t.Errorf("%q: issues on lines %v, want %v (%v)", tt.src, lines, tt.wantIssues, issues)
			continue
		}
		for i := range lines {
			if lines[i] != tt.wantIssues[i] {
				t.Errorf("%q: issues on lines %v, want %v", tt.src, lines, tt.wantIssues)
			}
		}
	}
}

func TestRendering(t *testing.T) {
	tests := []struct{ src, want string }{
		{"# Title", `<h2 id="title">Title</h2>`},
		{"## Sub", `<h2 id="sub">Sub</h2>`},
		{"[a](https://other.example/x)", `<a href="https://other.example/x" rel="external noopener noreferrer">a</a>`},
		{"[a](https://site.example.org/x)", `<a href="https://site.example.org/x">a</a>`},
		{"[a](/about/)", `<a href="/about/">a</a>`},
		{"[mail](mailto:a@example.org) [call](tel:+441632960000)", `<a href="mailto:a@example.org">mail</a> <a href="tel:+441632960000">call</a>`},
		{`"quoted" and 'single'`, `&ldquo;quoted&rdquo; and &lsquo;single&rsquo;`},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "<td>1</td>"},
		{"~~gone~~", "<del>gone</del>"},
	}
	for _, tt := range tests {
		out, issues := r.Render([]byte(tt.src))
		if !strings.Contains(string(out), tt.want) || len(issues) > 0 {
			t.Errorf("%q = %q (issues %v), want it to contain %q", tt.src, out, issues, tt.want)
		}
	}
	if got := r.Inline("A *short* text"); got != "A <em>short</em> text" {
		t.Errorf("Inline = %q", got)
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"<script>x</script>", "[a](javascript:x)", "![i](data:x)", "# h\n\n| a |\n|---|\n| b |", "<a href=\"javascript:x\" onclick=y>z</a>", "&#106;avascript"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		html, _ := r.Render([]byte(src))
		if m := dangerous(string(html)); m != "" && !safeScheme(m) {
			t.Fatalf("%q rendered %q, containing %q", src, html, m)
		}
	})
}

// safeScheme accepts the attribute dangerous flagged when its scheme is allowed.
func safeScheme(attr string) bool {
	_, val, _ := strings.Cut(attr, "=")
	v := strings.ToLower(strings.TrimSpace(val))
	for _, ok := range []string{"http:", "https:", "mailto:", "tel:"} {
		if strings.HasPrefix(v, ok) {
			return true
		}
	}
	return false
}
