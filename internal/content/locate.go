package content

import (
	"regexp"
	"strconv"
	"strings"
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
	counts := map[string]int{}
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
			name := normaliseKey(m[1])
			table = name + "." + strconv.Itoa(counts[name])
			counts[name]++
			l.tables[table] = Pos{i + 1 + l.offset, strings.Index(line, "[") + 1}
			continue
		}
		if m := tableLine.FindStringSubmatch(line); m != nil {
			table = normaliseKey(m[1])
			l.tables[table] = Pos{i + 1 + l.offset, strings.Index(line, "[") + 1}
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
		l.keys[path] = Pos{i + 1 + l.offset, m[4] + 1}
		l.values[path] = Pos{i + 1 + l.offset, m[1] + 1}
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
// When the key is absent it falls back to the enclosing table, then to the
// document's first line.
func (l *locator) value(path string) Pos {
	if p, ok := l.values[path]; ok {
		return p
	}
	return l.table(path)
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
func (l *locator) element(path, value string) Pos {
	start, ok := l.values[path]
	if !ok {
		return l.value(path)
	}
	for i := start.Line - l.offset - 1; i < len(l.lines); i++ {
		line := l.lines[i]
		from := 0
		if i == start.Line-l.offset-1 {
			from = start.Col - 1
		} else if keyLine.MatchString(line) || tableLine.MatchString(line) || arrayLine.MatchString(line) {
			break
		}
		for _, q := range []string{`"`, `'`} {
			if j := strings.Index(line[from:], q+value+q); j >= 0 {
				return Pos{i + 1 + l.offset, from + j + 1}
			}
		}
	}
	return start
}

// inline returns the position of key inside an inline table that is the
// value of path ("scores = { quality = 4 }"), or the value's position.
func (l *locator) inline(path, key string) Pos {
	start, ok := l.values[path]
	if !ok {
		return l.value(path)
	}
	line := l.lines[start.Line-l.offset-1]
	re := regexp.MustCompile(`[{,]\s*["']?` + regexp.QuoteMeta(key) + `["']?\s*=`)
	if m := re.FindStringIndex(line[start.Col-1:]); m != nil {
		j := start.Col - 1 + m[0] + 1
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		return Pos{start.Line, j + 1}
	}
	return start
}

// keysLike returns the key positions of every occurrence of a path with its
// array indices removed ("programmes.titel").
func (l *locator) keysLike(generic string) []Pos {
	return l.generic[generic]
}
