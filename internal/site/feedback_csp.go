package site

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"strings"

	"artsmap/internal/diag"
	"artsmap/internal/netlify"
)

// checkFormAction reports a report form that the site's own netlify.toml
// would stop: a browser sends a form only to the addresses its page's
// Content-Security-Policy names in form-action. Only [feedback] url posts
// to another site; a site without netlify.toml is served by another host,
// whose headers artsmap cannot see.
func checkFormAction(fsys fs.FS, s *Site, probs *diag.List) {
	if s == nil || s.Feedback == nil || s.Feedback.URL == "" {
		return
	}
	h, err := netlify.LoadFS(fsys, "netlify.toml")
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		probs.Errorf("netlify.toml", 0, 0, "%v", err)
		return
	}
	target, err := url.Parse(s.Feedback.URL)
	if err != nil {
		return // content reported it
	}
	csp := h.For("/providers/").Get("Content-Security-Policy") // where the form is
	if formActionAllows(csp, target) {
		return
	}
	line, col := formActionAt(fsys)
	origin := target.Scheme + "://" + target.Host
	probs.Errorf("netlify.toml", line, col, "the Content-Security-Policy's form-action does not allow %s, so browsers would not send the report form to feedback.url", origin).Hint =
		"add " + origin + " to form-action, after 'self', in the policy for /* and in every later policy that replaces it"
}

// formActionAllows reports whether a policy lets a page post a form to u:
// no form-action directive allows anything; otherwise u's origin (or its
// host, or the scheme alone) must be listed.
func formActionAllows(csp string, u *url.URL) bool {
	for _, d := range strings.Split(csp, ";") {
		name, values, _ := strings.Cut(strings.TrimSpace(d), " ")
		if !strings.EqualFold(name, "form-action") {
			continue
		}
		for _, v := range strings.Fields(values) {
			v = strings.TrimSuffix(v, "/")
			if v == "*" || v == u.Scheme+":" || v == u.Scheme+"://"+u.Host || v == u.Host {
				return true
			}
		}
		return false
	}
	return true
}

// formActionAt is where form-action is first written in netlify.toml.
func formActionAt(fsys fs.FS) (line, col int) {
	data, err := fs.ReadFile(fsys, "netlify.toml")
	if err != nil {
		return 0, 0
	}
	for i, l := range bytes.Split(data, []byte("\n")) {
		if j := bytes.Index(l, []byte("form-action")); j >= 0 {
			return i + 1, j + 1
		}
	}
	return 0, 0
}
