// Package slug owns URL segments: what a valid slug is, and how to make
// one from a title ("Côr Anadl" -> "cor-anadl").
package slug

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Pattern is what Valid accepts, as a regular expression, for forms that
// check a slug before it is saved.
const Pattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

var valid = regexp.MustCompile(Pattern)

// Valid reports whether s is lower-case ASCII letters and digits joined by
// single hyphens.
func Valid(s string) bool { return valid.MatchString(s) }

// letters that do not decompose into a base letter and a mark.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'ı': "i", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'þ': "th", 'Þ': "th", '&': " and ",
}

// Make turns a title into a slug: accents are dropped, letters lower-cased,
// everything else becomes single hyphens. It returns "" when nothing usable
// remains.
func Make(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(title) {
		if s, ok := special[r]; ok {
			for _, c := range s {
				hyphen = write(&b, c, hyphen)
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' {
			continue
		}
		hyphen = write(&b, r, hyphen)
	}
	return strings.TrimSuffix(b.String(), "-")
}

// write appends r lower-cased when it is an ASCII letter or digit, or a
// single hyphen otherwise; it returns whether the output now ends in one.
func write(b *strings.Builder, r rune, hyphen bool) bool {
	r = unicode.ToLower(r)
	if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
		b.WriteRune(r)
		return false
	}
	if !hyphen && b.Len() > 0 {
		b.WriteByte('-')
	}
	return true
}
