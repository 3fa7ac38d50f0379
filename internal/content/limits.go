package content

import (
	"bytes"
)

// Limits on the shape of a document, checked by a cheap scan before it is
// parsed: the TOML decoder and the Markdown parser take time that grows
// faster than the input with deep nesting (see docs/performance.md).
const (
	maxTOMLDepth  = 8  // tables and lists inside one another, counting dotted keys
	maxBlockDepth = 20 // block quotes and lists inside one another
)

// tomlScan is the state of a scan of TOML text for its nesting depth.
type tomlScan struct {
	src        []byte
	i          int
	line, col  int // of src[i], 1-based
	lineStart  int // offset of the current line
	base       int // depth of the current [table] header
	key        int // parts of the key being read on this line
	brackets   int // [ and { open in the current value
	inValue    bool
	onlySpaces bool // nothing but blanks yet on this line
}

// tomlDepth returns how deeply the TOML text src nests tables and lists
// (a [table] header counts its dotted parts, a key its parts, and each
// [ or { of a value one more), stopping at the first place deeper than
// limit, whose line and column (counted from firstLine) it returns.
// Strings and comments are skipped. It reads src once.
func tomlDepth(src []byte, firstLine, limit int) (depth, line, col int) {
	s := &tomlScan{src: src, line: firstLine, onlySpaces: true}
	for s.i < len(src) {
		c := src[s.i]
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
		case c == '[' && s.onlySpaces && s.brackets == 0:
			s.header()
		case c == '[' || c == '{':
			s.brackets++
		case c == ']' || c == '}':
			s.brackets = max(s.brackets-1, 0)
		case c == '.' && !s.inValue && s.brackets == 0:
			s.key++
		case c == '=' && s.brackets == 0:
			s.inValue = true
		}
		if c != ' ' && c != '\t' && c != '\r' {
			s.onlySpaces = false
		}
		if d := s.depth(); d > depth {
			depth = d
			if d > limit {
				return d, s.line, s.i - s.lineStart + 1
			}
		}
		s.i++
	}
	return depth, 0, 0
}

func (s *tomlScan) depth() int { return s.base + s.key + s.brackets }

func (s *tomlScan) newline() {
	s.i++
	s.line++
	s.lineStart = s.i
	s.onlySpaces = true
	if s.brackets == 0 {
		s.key, s.inValue = 0, false
	}
}

// header reads a [table] or [[array.of.tables]] header and counts its parts.
func (s *tomlScan) header() {
	s.base = 1
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
