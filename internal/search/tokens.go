// Package search owns the directory's search index: the tokens the Go
// build and the browser agree on, and a compact inverted index with the
// facet memberships, review dates and places the directory page needs.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// stop are words too common to be worth indexing or matching.
var stop = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "by": true,
	"for": true, "from": true, "has": true, "have": true, "in": true, "is": true, "it": true, "its": true,
	"of": true, "on": true, "or": true, "our": true, "that": true, "the": true, "their": true, "this": true,
	"to": true, "was": true, "we": true, "were": true, "which": true, "who": true, "with": true, "you": true,
	"your": true, "can": true, "all": true, "also": true, "but": true, "not": true, "they": true, "them": true,
}

// Tokens splits text into index terms: lower-case ASCII letters and digits,
// accents removed, apostrophes dropped ("Parkinson's" -> "parkinsons"),
// stop words and single letters left out. static/js/directory/tokens.js does
// the same in the browser; the two are tested against shared cases.
func Tokens(text string) []string {
	var t tokens
	if !isASCII(text) { // ASCII is its own decomposition
		text = norm.NFKD.String(text)
	}
	for _, r := range text {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			t.b.WriteByte(byte(r))
		case 'A' <= r && r <= 'Z':
			t.b.WriteByte(byte(r) + 'a' - 'A')
		case r == '\'', r == '’', r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r):
			continue
		default:
			t.end()
		}
	}
	t.end()
	return t.out
}

// tokens collects the tokens of a text as it is read.
type tokens struct {
	out []string
	b   strings.Builder // the token being read
}

// end ends the token being read, keeping it unless it is a single letter
// or a stop word.
func (t *tokens) end() {
	if s := t.b.String(); len(s) > 1 && !stop[s] {
		t.out = append(t.out, s)
	}
	t.b.Reset()
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
