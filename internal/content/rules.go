package content

import (
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"artsmap/internal/diag"
	"artsmap/internal/registry"
)

// errAt records an error at the value of path in d.
func (l *loader) errAt(d *decoded, path, format string, args ...any) *diag.Problem {
	p := d.at(path)
	if d.bad[p] {
		return &diag.Problem{} // that value was reported as of the wrong type
	}
	return l.probs.Errorf(d.path, p.Line, p.Col, format, args...)
}

// warnAt records a warning at the value of path in d.
func (l *loader) warnAt(d *decoded, path, format string, args ...any) *diag.Problem {
	p := d.at(path)
	if d.bad[p] {
		return &diag.Problem{}
	}
	return l.probs.Warnf(d.path, p.Line, p.Col, format, args...)
}

// required reports an empty required text setting.
func (l *loader) required(d *decoded, path, value string) bool {
	if strings.TrimSpace(value) != "" {
		return true
	}
	name := path[strings.LastIndex(path, ".")+1:]
	if _, ok := d.loc().values[path]; ok {
		l.errAt(d, path, "%s must not be empty", name)
		return false
	}
	hint := "add " + name + ` = "..."`
	if i := strings.LastIndex(path, "."); i > 0 && !strings.ContainsAny(path[:i], "0123456789") {
		table := path[:i]
		l.errAt(d, path, "%s.%s is required", table, name).Hint = hint + " under [" + table + "]"
		return false
	}
	l.errAt(d, path, "%s is required", name).Hint = hint
	return false
}

// oneOf checks value against a fixed list of choices.
func (l *loader) oneOf(d *decoded, path, value string, choices []string, required bool) {
	if value == "" {
		if required {
			name := path[strings.LastIndex(path, ".")+1:]
			l.errAt(d, path, "%s is required", name).Hint = diag.OneOf("", choices)
		}
		return
	}
	if !slices.Contains(choices, value) {
		name := path[strings.LastIndex(path, ".")+1:]
		l.errAt(d, path, "%s %q is not allowed", name, value).Hint = diag.OneOf(value, choices)
	}
}

// vocabList checks list values against the named vocabulary.
func (l *loader) vocabList(d *decoded, path string, values []string, vocab string, required bool) {
	name := path[strings.LastIndex(path, ".")+1:]
	if len(values) == 0 {
		if required {
			l.errAt(d, path, "%s needs at least one value", name).Hint = diag.OneOf("", l.vocab[vocab])
		}
		return
	}
	for i, v := range values {
		at := func() Pos { return d.loc().elementN(path, v, countOf(values[:i], v)) }
		switch {
		case !slices.Contains(l.vocab[vocab], v):
			p := at()
			l.probs.Errorf(d.path, p.Line, p.Col, "unknown %s %q", singular(name), v).Hint = diag.OneOf(v, l.vocab[vocab])
		case slices.Contains(values[:i], v):
			p := at()
			l.probs.Warnf(d.path, p.Line, p.Col, "%q is listed twice in %s", v, name)
		}
	}
}

// singular names one value of a list setting in messages.
func singular(name string) string {
	if v, ok := registry.VocabularyOf(name); ok {
		return v.Singular
	}
	return strings.TrimSuffix(name, "s")
}

// webURL checks an optional http(s) address.
func (l *loader) webURL(d *decoded, path, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		l.errAt(d, path, "%q is not a web address", value).Hint = "web addresses start with https:// (or http://)"
	}
}

// PhonePattern is what a phone number may hold, as a regular expression.
const PhonePattern = `^\+?[0-9 ()-]{6,20}$`

var phoneChars = regexp.MustCompile(PhonePattern)

// email checks an optional email address.
func (l *loader) email(d *decoded, path, value string) {
	if value == "" {
		return
	}
	a, err := mail.ParseAddress(value)
	if err != nil || a.Address != value {
		l.errAt(d, path, "%q is not an email address", value).Hint = "write just the address, like hello@example.org"
	}
}

// phone checks an optional phone number.
func (l *loader) phone(d *decoded, path, value string) {
	if value != "" && !phoneChars.MatchString(value) {
		l.errAt(d, path, "%q is not a phone number", value).Hint = "use digits and spaces, like 01632 960123"
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func countOf(list []string, v string) int {
	n := 0
	for _, x := range list {
		if x == v {
			n++
		}
	}
	return n
}
