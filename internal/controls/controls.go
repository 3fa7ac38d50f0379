// Package controls owns the one rule for control characters in content
// text: which ones text may hold, and how a problem with one is explained.
// TOML and JSON let them in as escapes ("\u0007", "\u001b[31m"), and they
// would reach the CSV, iCalendar and plain-text downloads as they are.
package controls

import "strings"

// Hint is the fix shown with every problem about a control character.
const Hint = "remove it: text may hold tabs and line breaks, but no other control characters"

// Find returns the first control character in s that text may not hold
// (see Is); a carriage return is allowed just before a line feed (a
// Windows line end).
func Find(s string) (rune, bool) {
	for i, r := range s {
		if r == '\r' && !strings.HasPrefix(s[i+1:], "\n") || Is(r) {
			return r, true
		}
	}
	return 0, false
}

// Is reports whether r is a C0 or C1 control character or DEL, other than
// tab, line feed and carriage return.
func Is(r rune) bool {
	return r != '\t' && r != '\n' && r != '\r' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f)
}
