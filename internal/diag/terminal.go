package diag

import (
	"strconv"
	"unicode"
)

// ShowPath formats a file or folder name for a terminal: as it is when
// every character is printable, else quoted with Go's escapes, so that a
// hostile name cannot send control sequences (colours, cursor moves, a
// new window title) to the terminal of whoever runs artsmap.
func ShowPath(p string) string {
	for _, r := range p {
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) {
			return strconv.Quote(p)
		}
	}
	return p
}
