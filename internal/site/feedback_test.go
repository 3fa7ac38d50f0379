package site

import (
	"bytes"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"artsmap"
)

// withFeedback is the fellside site with settings added to site.toml.
func withFeedback(t *testing.T, settings string) map[string][]byte {
	t.Helper()
	fsys := txtarSite(t, "fellside")
	cfg := fsys["content/site.toml"]
	fsys["content/site.toml"] = &fstest.MapFile{Data: append(append([]byte{}, cfg.Data...), settings...), Mode: 0o644}
	out, res := build(t, fsys)
	for _, p := range res.Problems {
		if !p.Warning {
			t.Fatalf("build problem: %v", p)
		}
	}
	return readTree(t, out)
}

// formField is one control of a form, as a browser would send it.
type formField struct{ tag, typ, name, value, id string }

// reportForm finds the form of the "Report a problem" section of page and
// its controls; nil when there is none.
func reportForm(t *testing.T, page []byte) (attrs map[string]string, fields []formField) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.Data == "form" && strings.Contains(nodeAttr(n, "class"), "report-form") {
			attrs, in = map[string]string{}, true
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
			}
		}
		if in && n.Type == html.ElementNode && (n.Data == "input" || n.Data == "textarea" || n.Data == "select" || n.Data == "button") {
			fields = append(fields, formField{n.Data, nodeAttr(n, "type"), nodeAttr(n, "name"), nodeAttr(n, "value"), nodeAttr(n, "id")})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return attrs, fields
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestReportNetlify: with [feedback] netlify = true every profile has a
// form that Netlify Forms takes without JavaScript: a name, POST, the
// data-netlify and honeypot attributes with the honeypot field, the
// hidden form-name matching the name, the profile's slug, the typed
// reasons as radio buttons, and an action to a thank-you page the build
// writes (kept out of the sitemap and search engines).
func TestReportNetlify(t *testing.T) {
	tree := withFeedback(t, "\n[feedback]\nnetlify = true\n")
	var names []string
	for _, slug := range []string{"breath-choir", "quiet-brush"} {
		page := tree["providers/"+slug+"/index.html"]
		if !bytes.Contains(page, []byte("Report a problem with this listing")) || !bytes.Contains(page, []byte("Do not include anything about a patient")) {
			t.Errorf("%s: no report section with the warning about patients", slug)
		}
		form, fields := reportForm(t, page)
		if form == nil {
			t.Fatalf("%s: no report form", slug)
		}
		if form["name"] != FeedbackFormName || !strings.EqualFold(form["method"], "post") || form["data-netlify"] != "true" ||
			form["data-netlify-honeypot"] != "bot-field" || form["action"] != FeedbackThanksPath {
			t.Errorf("%s: the form is not what Netlify Forms takes: %v", slug, form)
		}
		has := func(f formField) bool { return slices.Contains(fields, f) }
		if !has(formField{"input", "hidden", "form-name", FeedbackFormName, ""}) || !has(formField{"input", "text", "bot-field", "", ""}) ||
			!has(formField{"input", "hidden", "listing", slug, ""}) || !has(formField{"input", "email", "email", "", "report-reply"}) ||
			!has(formField{"textarea", "", "details", "", "report-details"}) {
			t.Errorf("%s: missing fields: %+v", slug, fields)
		}
		var reasons, these []string
		for _, f := range fields {
			if f.typ == "radio" && f.name == "reason" {
				reasons = append(reasons, f.value)
			}
			if f.tag != "button" {
				these = append(these, f.name)
			}
		}
		if want := []string{"details-wrong", "contact-wrong", "service-closed", "area-wrong", "other"}; !slices.Equal(reasons, want) {
			t.Errorf("%s: reasons %v, want %v", slug, reasons, want)
		}
		if names != nil && !slices.Equal(names, these) {
			t.Errorf("the report forms have different fields on different pages: %v and %v", names, these)
		}
		names = these
	}
	thanks := tree["feedback/thanks/index.html"]
	if !bytes.Contains(thanks, []byte("Thank you for your report")) || !bytes.Contains(thanks, []byte(`<meta name="robots" content="noindex">`)) {
		t.Errorf("no thank-you page kept from search engines:\n%s", thanks)
	}
	if bytes.Contains(tree["sitemap.xml"], []byte("/feedback/")) {
		t.Error("the thank-you page is in the sitemap")
	}
}

// TestReportEmail: with an email address, each profile links a mailto:
// address with the subject and body filled in (no form, no script).
func TestReportEmail(t *testing.T) {
	tree := withFeedback(t, "\n[feedback]\nemail = \"listings@fellside.example.net\"\n")
	page := tree["providers/quiet-brush/index.html"]
	if form, _ := reportForm(t, page); form != nil || !bytes.Contains(page, []byte("Do not include anything about a patient")) {
		t.Fatalf("the email variant has a form, or no warning about patients")
	}
	m := regexp.MustCompile(`href="(mailto:[^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("no mailto: link:\n%s", page)
	}
	u, err := url.Parse(html.UnescapeString(string(m[1])))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Opaque != "listings@fellside.example.net" || q.Get("subject") != "Problem with the listing: Quiet Brush" {
		t.Errorf("mailto: %q to %q, subject %q", m[1], u.Opaque, q.Get("subject"))
	}
	body := q.Get("body")
	for _, want := range []string{"quiet-brush", "https://fellside.example.net/providers/quiet-brush/", "service has closed", "do not include anything about a patient"} {
		if !strings.Contains(body, want) {
			t.Errorf("the email's body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(string(m[1]), "+") || strings.Contains(body, "private@example.net") {
		t.Errorf("the body has + for spaces, or unpublished contact details: %q", m[1])
	}
	if tree["feedback/thanks/index.html"] != nil {
		t.Error("a thank-you page is written for reports sent by email")
	}
}

// TestReportURL: with a form service's address, the form posts there,
// without Netlify's attributes; without [feedback], no profile has a form.
func TestReportURL(t *testing.T) {
	tree := withFeedback(t, "\n[feedback]\nurl = \"https://forms.example.org/f/abc?x=1&y=2\"\n")
	form, fields := reportForm(t, tree["providers/breath-choir/index.html"])
	if form == nil || form["action"] != "https://forms.example.org/f/abc?x=1&y=2" || form["data-netlify"] != "" || form["data-netlify-honeypot"] != "" {
		t.Errorf("the form does not post to the form service: %v", form)
	}
	if !slices.Contains(fields, formField{"input", "hidden", "listing", "breath-choir", ""}) {
		t.Errorf("no listing field: %+v", fields)
	}
	none := withFeedback(t, "")
	if hits := grepTree(none, "Report a problem with this listing"); len(hits) > 0 {
		t.Errorf("without [feedback] these files offer a report: %v", hits)
	}
}

// TestReportURLNeedsFormAction: a site whose netlify.toml keeps
// form-action to 'self' cannot post reports to another site, so the build
// fails at that line until the form service's origin is added.
func TestReportURLNeedsFormAction(t *testing.T) {
	const policy = "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    Content-Security-Policy = \"default-src 'self'; form-action 'self'%s; frame-ancestors 'none'\"\n"
	for _, tc := range []struct {
		name, extra string
		fails       bool
	}{
		{"self only", "", true},
		{"another host", " https://other.example.org", true},
		{"the service's origin", " https://forms.example.org", false},
		{"the service's host", " forms.example.org", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			cfg := append([]byte{}, fsys["content/site.toml"].Data...) // a copy: the archive's files share one array
			fsys["content/site.toml"] = &fstest.MapFile{Data: append(cfg, "\n[feedback]\nurl = \"https://forms.example.org/f/abc\"\n"...), Mode: 0o644}
			fsys["netlify.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(policy, "%s", tc.extra, 1)), Mode: 0o644}
			res, err := Check(Options{Site: fsys, Theme: artsmap.Theme, Now: testNow})
			var msgs []string
			for _, p := range res.Problems {
				msgs = append(msgs, p.String())
			}
			got := strings.Join(msgs, "\n")
			want := "netlify.toml:4:52: the Content-Security-Policy's form-action does not allow https://forms.example.org"
			if tc.fails != (err != nil) || tc.fails != strings.Contains(got, want) {
				t.Errorf("error %v, problems:\n%s\nwant the problem %v", err, got, tc.fails)
			}
		})
	}
}
