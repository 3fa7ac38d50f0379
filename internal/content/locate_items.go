package content

import (
	"regexp"
	"strings"
)

// nthItem returns the position of the i-th (0-based) item of the list that
// is the value of path: an inline table, a string or a number, or the
// header of the i-th [[path]] table. It falls back to the list's position.
func (l *locator) nthItem(path string, i int) Pos {
	if pos, ok := l.tables[path+"."+itoa(i)]; ok {
		return pos
	}
	start, ok := l.values[path]
	if !ok {
		return l.value(path)
	}
	st := &itemScan{want: i}
	for li := start.Line - l.offset - 1; li < len(l.lines); li++ {
		line := strings.TrimRight(l.lines[li], "\r")
		from := 0
		if li == start.Line-l.offset-1 {
			from = byteIndex(line, start.Col)
		}
		if j, done := st.line(line, from); done {
			if j < 0 {
				return start
			}
			return Pos{li + 1 + l.offset, col(line, j)}
		}
	}
	return start
}

// itemScan counts the items of a TOML list across lines.
type itemScan struct {
	want, n, depth int
	quote          byte
}

// line scans line from byte from. It reports the byte index of the wanted
// item and true, or -1 and true when the list ended before it.
func (s *itemScan) line(line string, from int) (int, bool) {
	for j := from; j < len(line); j++ {
		c := line[j]
		if s.quote != 0 {
			if c == '\\' && s.quote == '"' {
				j++
			} else if c == s.quote {
				s.quote = 0
			}
			continue
		}
		if c == '#' {
			return 0, false
		}
		if s.depth == 1 && !strings.ContainsRune("], \t", rune(c)) {
			if s.n == s.want {
				return j, true
			}
			s.n++
			if !strings.ContainsRune("[{\"'", rune(c)) {
				for j+1 < len(line) && !strings.ContainsRune(",] \t#", rune(line[j+1])) {
					j++
				}
				continue
			}
		}
		switch c {
		case '[', '{':
			s.depth++
		case ']', '}':
			s.depth--
			if s.depth == 0 {
				return -1, true
			}
		case '"', '\'':
			s.quote = c
		}
	}
	return 0, false
}

// inlineAt returns the position of key in the inline table that starts at
// pos, or pos itself when the key is not on that line.
func (l *locator) inlineAt(pos Pos, key string) Pos {
	i := pos.Line - l.offset - 1
	if i < 0 || i >= len(l.lines) {
		return pos
	}
	line := l.lines[i]
	re := regexp.MustCompile(`[{,]\s*["']?` + regexp.QuoteMeta(key) + `["']?\s*=`)
	b := byteIndex(line, pos.Col)
	if m := re.FindStringIndex(line[b:]); m != nil {
		j := b + m[0] + 1
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		return Pos{pos.Line, col(line, j)}
	}
	return pos
}
