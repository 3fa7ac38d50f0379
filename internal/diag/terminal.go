package diag

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ShowPath formats a file or folder name for a terminal: as it is when
// every character is printable, else quoted with Go's escapes, so that a
// hostile name cannot send control sequences (colours, cursor moves, a
// new window title) to the terminal of whoever runs artsmap.
func ShowPath(p string) string {
	if printable(p) {
		return p
	}
	return strconv.Quote(p)
}

// ShowText formats a message for a terminal: every character that is not
// printable (or not UTF-8) is written as its Go escape, without quotes
// around the whole. Messages may hold names from the site folder, and the
// error text of the system, which holds paths as they are.
func ShowText(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			q := strconv.Quote(s[:n])
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// printable reports whether every character of s is printable UTF-8.
func printable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}
