package markdown

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"artsmap/internal/testenv"
)

var r = New("site.example.org")

var (
	handler    = regexp.MustCompile(`^on[a-z]+$`)
	scheme     = regexp.MustCompile(`^([a-z][a-z0-9+.-]*):`)
	urlJunk    = strings.NewReplacer("\t", "", "\n", "", "\r", "")
	badElement = []string{"script", "iframe", "object", "embed", "svg", "math", "form", "style", "base", "meta", "link", "frame", "frameset"}
	urlAttrs   = []string{"href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "background"}
	okSchemes  = []string{"http", "https", "mailto", "tel"}
)

// unsafeHTML returns what in rendered HTML could run code, the way a
// browser reads it: <script or <iframe in any case, an element that runs
// or embeds code, an on...= event handler, or an address whose scheme is
// not http(s), mailto or tel (javascript:, data:, vbscript:, ...). It
// returns "" when there is none.
func unsafeHTML(doc string) string {
	low := strings.ToLower(doc)
	for _, s := range []string{"<script", "<iframe"} {
		if strings.Contains(low, s) {
			return s
		}
	}
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, el := range badElement {
				if tok.Data == el {
					return "<" + el + ">"
				}
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if handler.MatchString(key) {
					return key + "="
				}
				if !contains(urlAttrs, key) {
					continue
				}
				v := strings.ToLower(strings.TrimLeft(urlJunk.Replace(a.Val), "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
				if m := scheme.FindStringSubmatch(v); m != nil && !contains(okSchemes, m[1]) {
					return key + "=" + a.Val
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const (
	rawHTML  = "raw HTML is not shown on the site; write it in Markdown instead"
	badLink  = "link to %q removed: only http(s), mailto and tel links are allowed"
	badImage = "image %q removed: images must be files in the folder or https addresses"
)

func link(dest string) string  { return strings.Replace(badLink, "%q", `"`+dest+`"`, 1) }
func image(dest string) string { return strings.Replace(badImage, "%q", `"`+dest+`"`, 1) }

func remoteImage(dest string) string {
	return "image \"" + dest + "\" is shown as a link: pages load images only from the site itself (put the file in the folder)"
}

func TestHostileMarkdown(t *testing.T) {
	tests := []struct {
		name, src, want string
		issues          []Issue
		bug             string
	}{
		{"script block", "<script>alert(1)</script>", "", []Issue{{1, rawHTML}}, ""},
		{"script interrupts a paragraph", "Hello\n<script>alert(1)</script> there", "<p>Hello</p>\n", []Issue{{2, rawHTML}}, ""},
		{"event handler in inline HTML", "text <img src=x onerror=alert(1)> more", "<p>text  more</p>\n", []Issue{{1, rawHTML}}, ""},
		{"event handler in an HTML block", "<div onclick=\"alert(1)\">\nhi\n</div>", "", []Issue{{1, rawHTML}}, ""},
		{"event handler on a later line", "line1\nline2 <b onmouseover=x>b</b>", "<p>line1\nline2 b</p>\n", []Issue{{2, rawHTML}, {2, rawHTML}}, ""},
		{"svg onload", "<svg onload=alert(1)>", "", []Issue{{1, rawHTML}}, ""},
		{"iframe", "<iframe src=\"https://evil.example\"></iframe>", "", []Issue{{1, rawHTML}}, ""},
		{"IFRAME in capitals", "text\n\n<IFRAME SRC=x>", "<p>text</p>\n", []Issue{{3, rawHTML}}, ""},
		{"HTML comment", "<!-- note -->", "", []Issue{{1, rawHTML}}, ""},
		{"javascript: link", "ok\n\n[x](javascript:alert(1))", "<p>ok</p>\n<p>x</p>\n", []Issue{{3, link("javascript:alert(1)")}}, ""},
		{"JaVaScRiPt: link", "[x](JaVaScRiPt:alert(1))", "<p>x</p>\n", []Issue{{1, link("JaVaScRiPt:alert(1)")}}, ""},
		{"decimal entity", "[x](&#106;avascript:alert(1))", "<p>x</p>\n", []Issue{{1, link("&#106;avascript:alert(1)")}}, ""},
		{"hex entity and &colon;", "[x](&#x6A;avascript&colon;alert(1))", "<p>x</p>\n", []Issue{{1, link("&#x6A;avascript&colon;alert(1)")}}, ""},
		{"tab entity inside the scheme", "[x](jav&#x09;ascript:alert(1))", "<p>x</p>\n", []Issue{{1, link("jav&#x09;ascript:alert(1)")}}, ""},
		{"angle-bracket destination", "[a](<javascript:alert(1)>)", "<p>a</p>\n", []Issue{{1, link("javascript:alert(1)")}}, ""},
		{"reference link", "[x]: javascript:alert(1)\n\n[y][x]", "<p>y</p>\n", []Issue{{3, link("javascript:alert(1)")}}, ""},
		{"link on a later line of a paragraph", "a\n[b](vbscript:x)", "<p>a\nb</p>\n", []Issue{{2, link("vbscript:x")}}, ""},
		{"data: link", "[x](data:text/html,<script>alert(1)</script>)", "<p>x</p>\n", []Issue{{1, link("data:text/html,<script>alert(1)</script>")}}, ""},
		{"data: image", "![x](data:image/svg+xml;base64,PHN2Zz4=)", "<p></p>\n", []Issue{{1, image("data:image/svg+xml;base64,PHN2Zz4=")}}, ""},
		{"javascript: image", "![x](javascript:alert(1))", "<p></p>\n", []Issue{{1, image("javascript:alert(1)")}}, ""},
		{"mailto: image", "![x](mailto:a@example.org)", "<p></p>\n", []Issue{{1, image("mailto:a@example.org")}}, ""},
		{"image on another host", "![a *b*](https://evil.example/p.png \"t\") ![](//evil.example/q.png)",
			`<p><a href="https://evil.example/p.png" title="t" rel="external noopener noreferrer">a <em>b</em></a> <a href="//evil.example/q.png" rel="external noopener noreferrer">image</a></p>` + "\n",
			[]Issue{{1, remoteImage("https://evil.example/p.png")}, {1, remoteImage("//evil.example/q.png")}}, ""},
		{"image in a list", "a\n\n* item\n* ![i](data:x)", "<p>a</p>\n<ul>\n<li>item</li>\n<li></li>\n</ul>\n", []Issue{{4, image("data:x")}}, ""},
		{"image without alt text on a later line", "text\n![](javascript:alert(1))", "<p>text\n</p>\n", []Issue{{2, image("javascript:alert(1)")}}, ""},
		{"link without text on a later line", "a\nb\n[](javascript:x)", "<p>a\nb\n</p>\n", []Issue{{3, link("javascript:x")}}, ""},
		{"HTML in a table", "| a | <b onmouseover=alert(1)>b</b> |\n|---|---|\n| <script>x</script> | c |",
			"<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"Table 1: a, b\"><table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x</td>\n<td>c</td>\n</tr>\n</tbody>\n</table></section>\n",
			[]Issue{{1, rawHTML}, {1, rawHTML}, {3, rawHTML}, {3, rawHTML}}, ""},
		{"code keeps HTML as text", "`<script>` and\n\n    <iframe>", "<p><code>&lt;script&gt;</code> and</p>\n<pre><code>&lt;iframe&gt;\n</code></pre>\n", nil, ""},
		{"javascript: autolink", "<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n", []Issue{{1, link("javascript:alert(1)")}}, ""},
		{"email autolink", "<a@example.org>", `<p><a href="mailto:a@example.org">a@example.org</a></p>` + "\n", nil, ""},
		{"external autolink", "<https://other.example/x>", `<p><a href="https://other.example/x" rel="external noopener noreferrer">https://other.example/x</a></p>` + "\n", nil, ""},
		{"bare URL", "see https://other.example/y", `<p>see <a href="https://other.example/y" rel="external noopener noreferrer">https://other.example/y</a></p>` + "\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testenv.KnownBug(t, tt.bug)
			out, issues := r.Render([]byte(tt.src))
			if m := unsafeHTML(string(out)); m != "" {
				t.Errorf("%q rendered %q, containing %q", tt.src, out, m)
			}
			if string(out) != tt.want {
				t.Errorf("%q rendered\n%q\nwant\n%q", tt.src, out, tt.want)
			}
			if len(issues) != len(tt.issues) {
				t.Fatalf("%q: issues %v, want %v", tt.src, issues, tt.issues)
			}
			for i := range issues {
				if issues[i] != tt.issues[i] {
					t.Errorf("%q: issue %d = %v, want %v", tt.src, i, issues[i], tt.issues[i])
				}
			}
		})
	}
}

func TestRendering(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"h1 demoted", "# Title", `<h2 id="title">Title</h2>` + "\n"},
		{"setext h1 demoted", "Title\n=====", `<h2 id="title">Title</h2>` + "\n"},
		{"h2 and h3 kept", "## Sub\n\n### Part", `<h2 id="sub">Sub</h2>` + "\n" + `<h3 id="part">Part</h3>` + "\n"},
		{"external link", "[a](https://other.example/x)", `<p><a href="https://other.example/x" rel="external noopener noreferrer">a</a></p>` + "\n"},
		{"protocol-relative link is external", "[a](//other.example/x)", `<p><a href="//other.example/x" rel="external noopener noreferrer">a</a></p>` + "\n"},
		{"own site", "[a](https://SITE.example.org/x)", `<p><a href="https://SITE.example.org/x">a</a></p>` + "\n"},
		{"relative link", "[a](/about/)", `<p><a href="/about/">a</a></p>` + "\n"},
		{"mailto and tel", "[mail](mailto:a@example.org) [call](tel:+441632960000)", `<p><a href="mailto:a@example.org">mail</a> <a href="tel:+441632960000">call</a></p>` + "\n"},
		{"image on the site", "![x](/providers/a/logo.png) ![y](https://SITE.example.org/b.png)", `<p><img src="/providers/a/logo.png" alt="x"> <img src="https://SITE.example.org/b.png" alt="y"></p>` + "\n"},
		{"typographic quotes", `"quoted" -- 'single' ... it's`, "<p>&ldquo;quoted&rdquo; &ndash; &lsquo;single&rsquo; &hellip; it&rsquo;s</p>\n"},
		{"GFM table", "| a | b |\n|:--|--:|\n| 1 | 2 |",
			// Tables scroll in a keyboard-reachable region; alignment needs no inline style (the CSP forbids it).
			"<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"Table 1: a, b\"><table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table></section>\n"},
		{"two tables, two names", "| a |\n|---|\n| 1 |\n\n| *b* | \"c\" |\n|---|---|\n| 2 | 3 |",
			"<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"Table 1: a\"><table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table></section>\n" +
				"<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"Table 2: b, &ldquo;c&rdquo;\"><table>\n<thead>\n<tr>\n<th><em>b</em></th>\n<th>&ldquo;c&rdquo;</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>2</td>\n<td>3</td>\n</tr>\n</tbody>\n</table></section>\n"},
		{"strikethrough", "~~gone~~", "<p><del>gone</del></p>\n"},
	}
	for _, tt := range tests {
		out, issues := r.Render([]byte(tt.src))
		if string(out) != tt.want || len(issues) > 0 {
			t.Errorf("%s: %q rendered\n%q (issues %v)\nwant\n%q", tt.name, tt.src, out, issues, tt.want)
		}
	}
	inline := []struct{ src, want string }{
		{"A *short* text", "A <em>short</em> text"},
		{"One\n\nTwo", "<p>One</p>\n<p>Two</p>"},
		{"x <script>y</script>", "x y"},
	}
	for _, tt := range inline {
		if got := string(r.Inline(tt.src)); got != tt.want {
			t.Errorf("Inline(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestUnsafeHTML makes sure the checker the fuzz target relies on can fail.
func TestUnsafeHTML(t *testing.T) {
	for _, doc := range []string{
		"<SCRIPT>x</SCRIPT>", "<p><iFrame src=x>", `<a href="javascript:x">a</a>`, `<a href=" JaVa&#x09;Script:x">a</a>`,
		`<img src="data:image/png,x">`, `<p onclick="x">a</p>`, `<b OnMouseOver=x>b</b>`, "<object data=x>",
	} {
		if unsafeHTML(doc) == "" {
			t.Errorf("%q passes as safe", doc)
		}
	}
	for _, doc := range []string{
		"<p>0 onA= and javascript: as text</p>", "<p>&lt;script&gt;</p>", `<img src="a.png" alt="x onerror=y">`,
		`<a href="https://x/javascript:">a</a>`, `<a href="mailto:a@b">a</a>`, `<a href="/about/">a</a>`,
	} {
		if m := unsafeHTML(doc); m != "" {
			t.Errorf("%q flagged for %q", doc, m)
		}
	}
}

// FuzzRender renders arbitrary Markdown: the HTML must never hold a
// script or iframe (any case), an event-handler attribute, or a link or
// image with a scheme other than http(s), mailto and tel.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"<script>x</script>", "<ScRiPt>x", "[a](javascript:x)", "[a](&#106;avascript:x)", "![i](data:x)",
		"# h\n\n| a |\n|---|\n| b |", "<a href=\"javascript:x\" onclick=y>z</a>", "&#106;avascript", "<iframe>",
		"<javascript:alert(1)>", "www.example.com/<script>", "[x]: <javascript:x>\n\n[x]", "![a onerror=x](a.png)",
		"`<script>`", "<img src=x onerror=y>", "*<b onclick=x>*", "[a](<jav\tascript:x>)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, issues := r.Render([]byte(src))
		if m := unsafeHTML(string(out)); m != "" {
			t.Fatalf("%q rendered %q, containing %q", src, out, m)
		}
		lines := strings.Count(src, "\n") + 1
		for _, is := range issues {
			if is.Line < 1 || is.Line > lines || is.Message == "" {
				t.Fatalf("%q: issue %+v outside its %d lines", src, is, lines)
			}
		}
	})
}
