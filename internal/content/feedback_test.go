package content

import "testing"

// TestFeedbackRules covers the [feedback] table of content/site.toml: it
// is inserted before [region], so [feedback] is line 5 and its keys follow.
func TestFeedbackRules(t *testing.T) {
	const c = cfgPath
	fb := func(body string) string { return "[feedback]\n" + body + "\n\n[region]" }
	runRules(t, []rule{
		{"netlify", edit(c, "[region]", fb("netlify = true")), nil, ""},
		{"email", edit(c, "[region]", fb(`email = "listings@example.org"`)), nil, ""},
		{"url", edit(c, "[region]", fb(`url = "https://forms.example.org/f/abc"`)), nil, ""},
		{"nowhere", edit(c, "[region]", fb("")),
			[]prob{e(c, 5, 1, "[feedback] does not say where reports go", "remove [feedback] for no report form")}, ""},
		{"netlify off and nothing else", edit(c, "[region]", fb("netlify = false")),
			[]prob{e(c, 5, 1, "[feedback] does not say where reports go", "netlify = true")}, ""},
		{"two places", edit(c, "[region]", fb("netlify = true\nurl = \"https://forms.example.org/f/abc\"")),
			[]prob{e(c, 7, 7, "[feedback] sets netlify and url: reports can go to one place only", "=keep exactly one of netlify = true, email and url")}, ""},
		{"two places, the later first in the list", edit(c, "[region]", fb("url = \"https://forms.example.org/f/abc\"\nemail = \"a@example.org\"")),
			[]prob{e(c, 7, 9, "[feedback] sets email and url: reports can go to one place only", "one of")}, ""},
		{"not an email", edit(c, "[region]", fb(`email = "listings at example.org"`)),
			[]prob{e(c, 6, 9, `"listings at example.org" is not an email address`, "hello@example.org")}, ""},
		{"url over http", edit(c, "[region]", fb(`url = "http://forms.example.org/f/abc"`)),
			[]prob{e(c, 6, 7, `feedback.url "http://forms.example.org/f/abc" is not an https address`, "https://forms.example.org")}, ""},
		{"url with a password", edit(c, "[region]", fb(`url = "https://me:secret@forms.example.org/"`)),
			[]prob{e(c, 6, 7, `feedback.url "https://me:secret@forms.example.org/" is not an https address`, "form service")}, ""},
		{"unknown key", edit(c, "[region]", fb(`mail = "a@example.org"`)),
			[]prob{e(c, 5, 1, "[feedback] does not say where reports go", "netlify = true"),
				e(c, 6, 1, `unknown setting "mail"`, `did you mean "email"?`)}, ""},
	})
}
