package content

import (
	"bytes"
)

// Limits on the shape of a document, checked by a cheap scan before it is
// parsed: the TOML decoder and the Markdown parser take time that grows
// faster than the input with deep nesting (see docs/performance.md).
const (
	maxTOMLDepth  = 8        // tables and lists inside one another, counting dotted keys
	maxBlockDepth = 20       // block quotes and lists inside one another
	maxLineLinks  = 100      // links ("](") on one line of Markdown
	maxBlock      = 32 << 10 // a paragraph, list or table: lines without a blank line between them
)

// tomlScan is the state of a scan of TOML text for its nesting depth.
type tomlScan struct {
	src        []byte
	i          int
	line       int // of src[i], counted from the first line given
	lineStart  int // offset of the current line
	base       int // depth of the current [table] header
	key        int // dots in the key being read on this line
	inValue    bool
	onlySpaces bool    // nothing but blanks yet on this line
	open       []frame // the [ and { open in the current value
	inner      int     // the depth they add: one each, plus their keys' dots
}

// frame is a [ or { open in a value; an inline table counts the dots of
// the key being read in it, as a.b = 1 there nests too.
type frame struct {
	table bool
	inKey bool
	dots  int
}

// tomlDepth returns how deeply the TOML text src nests tables and lists
// (a [table] header counts its parts, an [[array]] header one more, a
// dotted key its dots, and each [ or { of a value one more), stopping at
// the first place deeper than limit, whose line and column (counted from
// firstLine) it returns. Strings and comments are skipped. It reads src once.
func tomlDepth(src []byte, firstLine, limit int) (depth, line, col int) {
	s := &tomlScan{src: src, line: firstLine, onlySpaces: true}
	for s.i < len(src) {
		c, at := src[s.i], s.i
		switch {
		case c == '\n':
			s.newline()
			continue
		case c == '#':
			s.skipTo('\n')
			continue
		case c == '"' || c == '\'':
			s.skipString(c)
			s.onlySpaces = false
			continue
		case c == '[' && s.onlySpaces && len(s.open) == 0:
			s.header()
		default:
			s.step(c)
		}
		if c != ' ' && c != '\t' && c != '\r' {
			s.onlySpaces = false
		}
		if d := s.base + s.key + s.inner; d > depth {
			depth = d
			if d > limit {
				return d, s.line, at - s.lineStart + 1
			}
		}
		s.i++
	}
	return depth, 0, 0
}

// step takes one character of a key or value.
func (s *tomlScan) step(c byte) {
	var top *frame
	if len(s.open) > 0 {
		top = &s.open[len(s.open)-1]
	}
	switch {
	case c == '[' || c == '{':
		s.open = append(s.open, frame{table: c == '{', inKey: c == '{'})
		s.inner++
	case (c == ']' || c == '}') && top != nil:
		s.inner -= 1 + top.dots
		s.open = s.open[:len(s.open)-1]
	case c == '.' && top == nil && !s.inValue:
		s.key++
	case c == '.' && top != nil && top.table && top.inKey:
		top.dots++
		s.inner++
	case c == '=' && top == nil:
		s.inValue = true
	case c == '=' && top.table:
		top.inKey = false
	case c == ',' && top != nil && top.table:
		s.inner -= top.dots
		top.dots, top.inKey = 0, true
	}
}

func (s *tomlScan) newline() {
	s.i++
	s.line++
	s.lineStart = s.i
	s.onlySpaces = true
	if len(s.open) == 0 {
		s.key, s.inValue = 0, false
	}
}

// header reads a [table] or [[array.of.tables]] header and counts its parts.
func (s *tomlScan) header() {
	s.base = 1
	if s.i+1 < len(s.src) && s.src[s.i+1] == '[' {
		s.base = 2 // the array, then the table in it
	}
	for s.i++; s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != ']'; s.i++ {
		switch s.src[s.i] {
		case '.':
			s.base++
		case '"', '\'':
			s.skipString(s.src[s.i])
			s.i--
		}
	}
	for s.i < len(s.src) && s.src[s.i] == ']' {
		s.i++
	}
	s.i--
}

// skipTo moves to the next c (or the end), not past it.
func (s *tomlScan) skipTo(c byte) {
	if j := bytes.IndexByte(s.src[s.i:], c); j >= 0 {
		s.i += j
	} else {
		s.i = len(s.src)
	}
}

// skipString moves past a string that opens with quote at s.i, counting
// the lines of a multi-line string.
func (s *tomlScan) skipString(quote byte) {
	q := []byte{quote}
	if bytes.HasPrefix(s.src[s.i:], []byte{quote, quote, quote}) {
		q = []byte{quote, quote, quote}
	}
	s.i += len(q)
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '\\' && quote == '"':
			s.i += 2
			continue
		case c == '\n' && len(q) == 1:
			return // an unclosed string: the decoder reports it
		case c == '\n':
			s.i++
			s.line++
			s.lineStart = s.i
			continue
		case bytes.HasPrefix(s.src[s.i:], q):
			s.i += len(q)
			for s.i < len(s.src) && s.src[s.i] == quote { // """a"""" ends with quotes
				s.i++
			}
			return
		}
		s.i++
	}
}

// withinLimits checks a Markdown file's parts against the limits before
// they are parsed, reporting each limit passed at the line where it is.
func (l *loader) withinLimits(p string, front, body []byte, bodyLine int) bool {
	ok := true
	if len(front) > maxFront {
		l.probs.Errorf(p, 2, 1, "the settings between the +++ lines are %s; the limit is %s", size(int64(len(front))), size(maxFront)).Hint =
			"move long text below the second +++ line, into the Markdown"
		ok = false
	} else if !l.tomlWithin(p, front, 2) {
		ok = false
	}
	if len(body) > maxBody {
		l.probs.Errorf(p, bodyLine, 1, "the text after the settings is %s; the limit is %s", size(int64(len(body))), size(maxBody)).Hint =
			"split it into several pages, or attach the full text as a PDF"
		return false
	}
	if d, line := blockDepth(body, bodyLine, maxBlockDepth); line > 0 {
		l.probs.Errorf(p, line, 1, "block quotes or lists nested %d deep; at most %d are allowed", d, maxBlockDepth).Hint =
			"each > or list marker inside another adds a level: use fewer"
		ok = false
	}
	if n, line := longestBlock(body, bodyLine, maxBlock); line > 0 {
		l.probs.Errorf(p, line, 1, "the paragraph, list or table starting here is %s; the limit is %s", size(int64(n)), size(maxBlock)).Hint =
			"put a blank line between paragraphs, or split it into several"
		ok = false
	}
	if n, line := linksPerLine(body, bodyLine, maxLineLinks); line > 0 {
		l.probs.Errorf(p, line, 1, "%d links on one line; at most %d are allowed", n, maxLineLinks).Hint =
			"put the links on several lines"
		ok = false
	}
	return ok
}

// tomlWithin checks the nesting of TOML text that starts on line first.
func (l *loader) tomlWithin(p string, doc []byte, first int) bool {
	d, line, col := tomlDepth(doc, first, maxTOMLDepth)
	if line == 0 {
		return true
	}
	l.probs.Errorf(p, line, col, "tables and lists nested %d deep; at most %d levels are allowed", d, maxTOMLDepth).Hint =
		"each [ ] or { } inside another, and each dot in a key, adds a level: use fewer"
	return false
}
