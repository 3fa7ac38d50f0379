package content

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a 1-based line and column in a file.
type Pos struct{ Line, Col int }

// locator finds where keys and values sit in a TOML document, so that
// problems found after decoding can point at the offending text. It is a
// line scanner, not a parser: it understands table headers, arrays of
// tables, dotted and quoted keys and multi-line strings, which covers the
// front matter people write.
type locator struct {
	lines   []string
	offset  int              // line number of the document's first line, minus one
	values  map[string]Pos   // "programmes.1.venues" -> position of the value
	keys    map[string]Pos   // same paths -> position of the key
	tables  map[string]Pos   // "quality", "programmes.1" -> header position
	generic map[string][]Pos // paths with indices removed -> key positions
}

var (
	keyLine    = regexp.MustCompile(`^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*`)
	tableLine  = regexp.MustCompile(`^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$`)
	arrayLine  = regexp.MustCompile(`^\s*\[\[\s*([^\[\]]+?)\s*\]\]\s*(#.*)?$`)
	indexInKey = regexp.MustCompile(`\.\d+(\.|$)`)
)

// newLocator indexes doc, whose first line is line firstLine of its file.
func newLocator(doc string, firstLine int) *locator {
	l := &locator{
		lines:   strings.Split(doc, "\n"),
		offset:  firstLine - 1,
		values:  map[string]Pos{},
		keys:    map[string]Pos{},
		tables:  map[string]Pos{},
		generic: map[string][]Pos{},
	}
	l.scan()
	return l
}

func (l *locator) scan() {
	table := ""
	counts := map[string]int{} // array-of-tables paths -> how many seen
	inString := ""
	for i, raw := range l.lines {
		line := strings.TrimRight(raw, "\r")
		if inString != "" {
			if strings.Count(line, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		if m := arrayLine.FindStringSubmatch(line); m != nil {
			name := resolve(normaliseKey(m[1]), counts)
			table = name + "." + strconv.Itoa(counts[name])
			counts[name]++
			l.tables[table] = Pos{i + 1 + l.offset, col(line, strings.Index(line, "["))}
			continue
		}
		if m := tableLine.FindStringSubmatch(line); m != nil {
			table = resolve(normaliseKey(m[1]), counts)
			l.tables[table] = Pos{i + 1 + l.offset, col(line, strings.Index(line, "["))}
			continue
		}
		m := keyLine.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		key := normaliseKey(line[m[4]:m[5]])
		path := key
		if table != "" {
			path = table + "." + key
		}
		l.keys[path] = Pos{i + 1 + l.offset, col(line, m[4])}
		l.values[path] = Pos{i + 1 + l.offset, col(line, m[1])}
		g := stripIndices(path)
		l.generic[g] = append(l.generic[g], l.keys[path])
		rest := line[m[1]:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && strings.Count(rest, q)%2 == 1 {
				inString = q
			}
		}
	}
}

// resolve gives a table name its array indices: in TOML, [a.b] after
// [[a]] means the b of the last a.
func resolve(name string, counts map[string]int) string {
	var out string
	parts := strings.Split(name, ".")
	for i, part := range parts {
		if out == "" {
			out = part
		} else {
			out += "." + part
		}
		if n, ok := counts[out]; ok && n > 0 && i < len(parts)-1 {
			out += "." + strconv.Itoa(n-1)
		}
	}
	return out
}

// col converts a byte index in line to a 1-based column in characters.
func col(line string, i int) int {
	if i < 0 {
		return 1
	}
	return utf8.RuneCountInString(line[:min(i, len(line))]) + 1
}

// byteIndex converts a 1-based column in characters to a byte index.
func byteIndex(line string, c int) int {
	i := 0
	for n := 1; n < c && i < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return i
}

// normaliseKey removes quotes and spaces from a dotted key.
func normaliseKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

func stripIndices(path string) string {
	for indexInKey.MatchString(path) {
		path = indexInKey.ReplaceAllString(path, "$1")
	}
	return path
}

// value returns the position of the value of path ("programmes.0.title").
// When the key is absent it falls back to the nearest enclosing value or
// table, then to the document's first line.
func (l *locator) value(path string) Pos {
	for p := path; p != ""; {
		if pos, ok := l.values[p]; ok {
			return pos
		}
		if pos, ok := l.tables[p]; ok {
			return pos
		}
		i := strings.LastIndex(p, ".")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Pos{l.offset + 1, 1}
}

// table returns the position of the nearest table header enclosing path.
func (l *locator) table(path string) Pos {
	for p := path; p != ""; {
		if pos, ok := l.tables[p]; ok {
			return pos
		}
		i := strings.LastIndex(p, ".")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Pos{l.offset + 1, 1}
}

// element returns the position of the quoted string value inside the value
// of path (a list), searching from the key to the next key or table.
func (l *locator) element(path, value string) Pos { return l.elementN(path, value, 0) }

// elementN is element for the n-th (0-based) occurrence of value.
func (l *locator) elementN(path, value string, n int) Pos {
	start, ok := l.values[path]
	if !ok {
		return l.value(path)
	}
	for i := start.Line - l.offset - 1; i < len(l.lines); i++ {
		line := l.lines[i]
		from := 0
		if i == start.Line-l.offset-1 {
			from = byteIndex(line, start.Col)
		} else if keyLine.MatchString(line) || tableLine.MatchString(line) || arrayLine.MatchString(line) {
			break
		}
		for from < len(line) {
			j := quoted(line[from:], value)
			if j < 0 {
				break
			}
			if n == 0 {
				return Pos{i + 1 + l.offset, col(line, from+j)}
			}
			n--
			from += j + len(value) + 2
		}
	}
	return start
}

// quoted finds value in double or single quotes in s.
func quoted(s, value string) int {
	a, b := strings.Index(s, `"`+value+`"`), strings.Index(s, "'"+value+"'")
	if a < 0 || (b >= 0 && b < a) {
		return b
	}
	return a
}

// inline returns the position of key inside an inline table that is the
// value of path ("scores = { quality = 4 }"), or of key in a sub-table
// ([options.scores]), or the value's position.
func (l *locator) inline(path, key string) Pos {
	if _, ok := l.values[path+"."+key]; ok {
		return l.keys[path+"."+key]
	}
	start, ok := l.values[path]
	if !ok {
		return l.value(path)
	}
	line := l.lines[start.Line-l.offset-1]
	re := regexp.MustCompile(`[{,]\s*["']?` + regexp.QuoteMeta(key) + `["']?\s*=`)
	b := byteIndex(line, start.Col)
	if m := re.FindStringIndex(line[b:]); m != nil {
		j := b + m[0] + 1
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		return Pos{start.Line, col(line, j)}
	}
	return start
}

// valueOnLine finds the value of a key given without array indices
// ("programmes.venues") that sits on a document line, for messages that
// name the key and line but not the column.
func (l *locator) valueOnLine(generic string, line int) (Pos, bool) {
	for p, pos := range l.values {
		if pos.Line == line && stripIndices(p) == generic {
			return pos, true
		}
	}
	return Pos{}, false
}

// keysLike returns the key positions of every occurrence of a path with its
// array indices removed ("programmes.titel").
func (l *locator) keysLike(generic string) []Pos {
	return l.generic[generic]
}

// inlineKeys finds key inside every inline table that is the value of a
// key given without array indices ("attachments" for
// attachments = [{ file = "x", titel = "y" }]).
func (l *locator) inlineKeys(generic, key string) []Pos {
	var out []Pos
	for p, pos := range l.values {
		if stripIndices(p) != generic {
			continue
		}
		if q := l.inline(p, key); q != pos {
			out = append(out, q)
		}
	}
	slices.SortFunc(out, func(a, b Pos) int { return a.Line*1000 + a.Col - b.Line*1000 - b.Col })
	return out
}

// tablesLike returns the header positions of every table whose path, with
// its array indices removed, is generic: each [[vocab.x]] of "vocab.x".
func (l *locator) tablesLike(generic string) []Pos {
	var out []Pos
	for p, pos := range l.tables {
		if stripIndices(p) == generic {
			out = append(out, pos)
		}
	}
	slices.SortFunc(out, func(a, b Pos) int { return a.Line - b.Line })
	return out
}
