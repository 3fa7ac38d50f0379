package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap/internal/profileform"
)

// formsSite is the Fellside site with [forms] netlify = true and a join page.
func formsSite(t *testing.T) fstest.MapFS {
	fsys := txtarSite(t, "fellside")
	cfg := string(fsys["content/site.toml"].Data)
	cfg = strings.Replace(cfg, "[map]", "[forms]\nnetlify = true\n\n[map]", 1)
	fsys["content/site.toml"] = &fstest.MapFile{Data: []byte(cfg)}
	fsys["content/pages/join.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"How to join\"\n+++\nJoin us.\n")}
	return fsys
}

// TestProfileForms: with [forms] netlify = true the join page has the
// "Join the map" form and every profile links its "Update this profile"
// form; both are Netlify Forms that need no JavaScript (name, POST, a
// built thank-you page as action, the hidden form-name, a honeypot), offer
// the site's labels for every choice, and answer no access question
// before the sender does.
func TestProfileForms(t *testing.T) {
	out, res := build(t, formsSite(t))
	for _, p := range res.Problems {
		t.Errorf("unexpected problem: %s", p)
	}
	tree := readTree(t, out)
	if _, ok := tree["forms/thanks/index.html"]; !ok {
		t.Fatal("no thank-you page at /forms/thanks/")
	}
	if !strings.Contains(string(tree["providers/breath-choir/index.html"]), `href="/providers/breath-choir/update/">Update this profile</a>`) {
		t.Error("the profile does not link its update form")
	}
	for page, name := range map[string]string{"join/index.html": profileform.JoinForm,
		"providers/breath-choir/update/index.html": profileform.UpdateForm} {
		html := string(tree[page])
		checkNetlifyForm(t, page, html, name)
		for _, f := range profileform.Fields {
			if !strings.Contains(html, `name="`+f.Name+`"`) {
				t.Errorf("%s: no field %s", page, f.Name)
			}
		}
		for _, want := range []string{`value="freelance"> Freelance artist</label>`, `value="one-to-one"> One-to-one</label>`,
			`value="low-cost"> Low cost</label>`, `value="eden-vale"`, "> Eden Vale</label>"} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: no choice %s", page, want)
			}
		}
		for _, q := range []string{"venue_step_free", "venue_hearing_loop", "venue_parking"} {
			checked := regexp.MustCompile(`name="`+q+`" value="([a-z]*)" checked`).FindAllStringSubmatch(html, -1)
			if len(checked) != 1 || checked[0][1] != "" {
				t.Errorf("%s: %s must start at Not stated, chosen: %v", page, q, checked)
			}
		}
		if regexp.MustCompile(`<script(\s+type="module")?\s*>[^<]`).MatchString(html) {
			t.Errorf("%s: inline script", page)
		}
	}
	update := string(tree["providers/breath-choir/update/index.html"])
	if !strings.Contains(update, `<input type="hidden" name="profile" value="breath-choir">`) {
		t.Error("the update form does not say which profile it is about")
	}
	for _, p := range grepTree(tree, "private@example.net") {
		t.Errorf("%s holds an unpublished contact detail", p)
	}
	if sm := string(tree["sitemap.xml"]); strings.Contains(sm, "/update/") || strings.Contains(sm, "/forms/") {
		t.Error("the sitemap lists a form's page")
	}
}

// checkNetlifyForm checks what Netlify Forms needs of a form in static
// HTML, without JavaScript.
func checkNetlifyForm(t *testing.T, page, html, name string) {
	t.Helper()
	tag := regexp.MustCompile(`<form [^>]*name="` + name + `"[^>]*>`).FindString(html)
	for _, want := range []string{`data-netlify="true"`, `method="POST"`, `action="` + FormThanksPath + `"`,
		`data-netlify-honeypot="` + profileform.Honeypot + `"`} {
		if !strings.Contains(tag, want) {
			t.Errorf("%s: the form %q lacks %s: %s", page, name, want, tag)
		}
	}
	if !strings.Contains(html, `<input type="hidden" name="form-name" value="`+name+`">`) {
		t.Errorf("%s: no hidden form-name", page)
	}
	if !regexp.MustCompile(`<p class="honeypot" hidden><label>[^<]*<input type="text" name="` + profileform.Honeypot + `"`).MatchString(html) {
		t.Errorf("%s: no hidden honeypot field", page)
	}
}

// TestNoFormsWithoutSetting: without [forms] there is no form, no update
// page, no thank-you page and no link to them.
func TestNoFormsWithoutSetting(t *testing.T) {
	fsys := formsSite(t)
	cfg := strings.Replace(string(fsys["content/site.toml"].Data), "netlify = true", "netlify = false", 1)
	fsys["content/site.toml"] = &fstest.MapFile{Data: []byte(cfg)}
	out, _ := build(t, fsys)
	tree := readTree(t, out)
	for p := range tree {
		if strings.HasPrefix(p, "forms/") || strings.Contains(p, "/update/") {
			t.Errorf("%s is built without [forms]", p)
		}
	}
	for _, p := range append(grepTree(tree, "data-netlify"), grepTree(tree, "Update this profile")...) {
		t.Errorf("%s has a form without [forms]", p)
	}
}

// TestFormPagesNotIndexed: the update forms, which repeat each profile,
// and both thank-you pages ask search engines not to index them, as the
// handouts do, and none is in the sitemap; the join page and the profile
// are indexed.
func TestFormPagesNotIndexed(t *testing.T) {
	fsys := formsSite(t)
	fsys["content/site.toml"].Data = append(fsys["content/site.toml"].Data, "\n[feedback]\nnetlify = true\n"...)
	out, res := build(t, fsys)
	for _, p := range res.Problems {
		t.Errorf("unexpected problem: %s", p)
	}
	tree := readTree(t, out)
	const noindex = `<meta name="robots" content="noindex">`
	for _, page := range []string{"providers/breath-choir/update/index.html", "forms/thanks/index.html",
		"feedback/thanks/index.html", "providers/breath-choir/handout/index.html"} {
		if html, ok := tree[page]; !ok || strings.Count(string(html), noindex) != 1 {
			t.Errorf("%s: want one %s (page built: %v)", page, noindex, ok)
		}
		if strings.Contains(string(tree["sitemap.xml"]), "/"+strings.TrimSuffix(page, "index.html")+"<") {
			t.Errorf("the sitemap lists %s", page)
		}
	}
	for _, page := range []string{"join/index.html", "providers/breath-choir/index.html"} {
		if strings.Contains(string(tree[page]), noindex) {
			t.Errorf("%s asks not to be indexed", page)
		}
	}
}
