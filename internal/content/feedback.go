package content

import (
	"net/url"
	"strings"
)

// FeedbackSettings say where "Report a problem with this listing" sends
// its reports: exactly one of Netlify Forms, an email address or the web
// address of another form service. Without a [feedback] table there is
// no report form.
type FeedbackSettings struct {
	Netlify bool   `toml:"netlify"` // a form that Netlify Forms collects
	Email   string `toml:"email"`   // a mailto: link, its subject and body filled in
	URL     string `toml:"url"`     // a form that posts to this https address
}

// checkFeedback checks the [feedback] table: one destination, valid.
func (l *loader) checkFeedback(d *decoded, c *Config) {
	f := c.Feedback
	if f == nil {
		return
	}
	var set []string
	for _, k := range []struct {
		key string
		on  bool
	}{{"netlify", f.Netlify}, {"email", f.Email != ""}, {"url", f.URL != ""}} {
		if k.on {
			set = append(set, k.key)
		}
	}
	if len(set) == 0 {
		l.errAt(d, "feedback", "[feedback] does not say where reports go").Hint =
			`set one of netlify = true, email = "listings@example.org" or url = "https://..."; or remove [feedback] for no report form`
		return
	}
	if len(set) > 1 {
		last := set[0] // the error goes at the one written last
		for _, key := range set[1:] {
			if p, q := d.at("feedback."+key), d.at("feedback."+last); p.Line > q.Line || p.Line == q.Line && p.Col > q.Col {
				last = key
			}
		}
		l.errAt(d, "feedback."+last, "[feedback] sets %s: reports can go to one place only", strings.Join(set, " and ")).Hint =
			"keep exactly one of netlify = true, email and url"
		return
	}
	l.email(d, "feedback.email", f.Email)
	if f.URL != "" {
		if u, err := url.Parse(f.URL); err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || strings.ContainsAny(f.URL, " \t") {
			l.errAt(d, "feedback.url", "feedback.url %q is not an https address", f.URL).Hint =
				"give the https address your form service posts to, like https://forms.example.org/f/abc123"
		}
	}
}
