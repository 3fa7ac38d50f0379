package site

import (
	"fmt"
	"strings"
)

// webURL writes a web address from the content the way the pages' links
// write it (html/template's URL normaliser): every byte that RFC 3986 does
// not allow in a URI is percent-encoded, valid escapes are kept, and so
// are single quotes and parentheses' escapes. The data files (Open
// Referral, JSON-LD) then hold URIs a strict parser accepts, naming the
// same resource as the link on the page.
func webURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
