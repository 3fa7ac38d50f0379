package content

import (
	"bytes"
)

// blockDepth returns how deeply the Markdown text src nests block quotes
// and lists, stopping at the first line deeper than limit and returning
// its number (counted from firstLine). A line's depth is the number of
// ">" and list markers that open it, plus one for every two columns of
// indentation before a marker (how nested lists are written). Fenced code
// is skipped. It reads src once.
func blockDepth(src []byte, firstLine, limit int) (depth, line int) {
	fence := []byte(nil)
	for n := firstLine; len(src) > 0; n++ {
		l, rest, _ := cutLine(src)
		src = rest
		if f := fenceOf(l); f != nil {
			switch {
			case fence == nil:
				fence = f
			case bytes.HasPrefix(f, fence):
				fence = nil
			}
			continue
		}
		if fence != nil {
			continue
		}
		if d := lineDepth(l); d > depth {
			depth = d
			if d > limit {
				return d, n
			}
		}
	}
	return depth, 0
}

// fenceOf returns the fence (``` or ~~~ and more) that opens or closes a
// code block on line l, or nil.
func fenceOf(l []byte) []byte {
	t := bytes.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}

// lineDepth counts the containers that open line l.
func lineDepth(l []byte) int {
	depth, cols := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth += 1 + cols/2
			cols = 0
			i++
		default:
			n := listMarker(l[i:])
			if n == 0 {
				return depth
			}
			depth += 1 + cols/2
			cols = 0
			i += n
		}
	}
	return depth
}

// listMarker returns the length of a list marker ("-", "*", "+", "1." or
// "1)") at the start of b that a blank or the line's end follows, or 0.
func listMarker(b []byte) int {
	n := 0
	switch {
	case b[0] == '-' || b[0] == '*' || b[0] == '+':
		n = 1
	default:
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}

// linksPerLine returns the most link addresses ("](") opened on one line
// of src, stopping at the first line with more than limit and returning
// its number (counted from firstLine). The Markdown parser reads from each
// one to the next space, so that a line of thousands of them without a
// space takes time that grows with the square of its length.
func linksPerLine(src []byte, firstLine, limit int) (most, line int) {
	for n := firstLine; len(src) > 0; n++ {
		l, rest, _ := cutLine(src)
		src = rest
		if c := bytes.Count(l, []byte("](")); c > most {
			most = c
			if c > limit {
				return c, n
			}
		}
	}
	return most, 0
}

// longestBlock returns the size of the largest run of lines without a
// blank line between them (a paragraph, list or table), stopping at the
// first larger than limit and returning the line it starts on (counted
// from firstLine). The Markdown parser takes time that grows with the
// square of such a run's size for some texts (link definitions, brackets).
func longestBlock(src []byte, firstLine, limit int) (most, line int) {
	size, start := 0, firstLine
	for n := firstLine; len(src) > 0; n++ {
		l, rest, _ := cutLine(src)
		taken := len(src) - len(rest)
		src = rest
		if len(bytes.TrimSpace(l)) == 0 {
			size = 0
			continue
		}
		if size == 0 {
			start = n
		}
		size += taken
		if size > most {
			most = size
			if size > limit {
				return size, start
			}
		}
	}
	return most, 0
}
