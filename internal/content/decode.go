package content

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"artsmap/internal/diag"

	"github.com/BurntSushi/toml"
)

// decoded is a document decoded strictly into its struct, with what is
// needed to point at its text later.
type decoded struct {
	path  string
	text  string // the document, to locate problems in
	first int    // the line of path the document starts on
	index *locator
	md    toml.MetaData
	bad   map[Pos]bool    // where a value of the wrong type was left out
	badAt map[string]bool // the paths of those values
}

// markBad records that the value of path, at pos, was reported and left
// out, so that no later check reports it again, as missing or otherwise.
func (d *decoded) markBad(path string, pos Pos) {
	if d.bad == nil {
		d.bad, d.badAt = map[Pos]bool{}, map[string]bool{}
	}
	d.bad[pos], d.badAt[path] = true, true
}

// loc returns where keys and values sit in the document, indexing it the
// first time: a document without problems is never indexed.
func (d *decoded) loc() *locator {
	if d.index == nil {
		d.index = newLocator(d.text, d.first)
	}
	return d.index
}

// has reports whether the document sets key (dotted path, no indices); a
// value left out for its type counts as set. It must not be called after
// settle.
func (d *decoded) has(key ...string) bool {
	return d.md.IsDefined(key...) || d.badAt[strings.Join(key, ".")]
}

// settle drops the decoder's record of the document (every key and value
// again), keeping only the positions that later checks point at. On a
// large site that record is most of the memory a load holds.
func (d *decoded) settle() { d.md = toml.MetaData{} }

// at returns the position of the value at path.
func (d *decoded) at(path string) Pos { return d.loc().value(path) }

var (
	lineInMessage = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): `)
	typeMismatch  = regexp.MustCompile(`incompatible types: TOML value has type ([^;]+); destination has type (.+)$`)
)

// decodeTOML decodes doc, which starts on line firstLine of path, into v.
// Every value of the wrong type and every unknown key is reported (the
// latter with a "did you mean" hint), and the rest is decoded. It returns
// nil when the document could not be decoded at all.
func decodeTOML(path string, doc []byte, firstLine int, v any, probs *diag.List) *decoded {
	d := &decoded{path: path, text: string(doc), first: firstLine}
	md, err := toml.Decode(d.text, v)
	if err != nil {
		md, err = decodeMended(d, v, err, probs)
	}
	if err != nil {
		reportDecodeError(path, firstLine, d.loc(), err, probs)
		return nil
	}
	d.md = md
	reportUnknownKeys(d, reflect.TypeOf(v), probs)
	reportControls(d, v, probs)
	reportPlaceholders(d, v, probs)
	return d
}

func reportDecodeError(path string, firstLine int, loc *locator, err error, probs *diag.List) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if msg, hint, ours := strings.Cut(pe.Message, hintSep); ours {
			line, col := pe.Position.Line+firstLine-1, max(pe.Position.Col, 1)
			if v, ok := loc.valueOnLine(pe.LastKey, line); ok && pe.LastKey != "" {
				col = v.Col
			}
			probs.Errorf(path, line, col, "%s", msg).Hint = hint
			return
		}
		s := explainSyntax(loc.lines, firstLine, pe)
		probs.Errorf(path, s.line+firstLine-1, s.col, "%s", s.msg).Hint = s.hint
		return
	}
	msg := err.Error()
	line, col := firstLine, 1
	if m := lineInMessage.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = n + firstLine - 1
		if p, ok := loc.valueOnLine(m[2], line); ok {
			col = p.Col
		}
		msg = strings.TrimPrefix(msg, m[0])
		if t := typeMismatch.FindStringSubmatch(msg); t != nil {
			msg = "\"" + lastKey(m[2]) + "\" should be " + friendlyType(t[2]) + ", not " + friendlyType(t[1])
		}
		msg, _ = plainTOMLMessage(msg, m[2])
	}
	probs.Errorf(path, line, col, "%s", strings.TrimPrefix(msg, "toml: "))
}

func lastKey(k string) string {
	if i := strings.LastIndex(k, "."); i >= 0 {
		return k[i+1:]
	}
	return k
}

var (
	outOfRange    = regexp.MustCompile(`^(\S+) is out of range for (?:int|float|uint)\d*$`)
	badDateTime   = regexp.MustCompile(`^invalid datetime: "([^"]*)"`)
	badUTF8       = regexp.MustCompile(`^invalid UTF-8 byte(?: at \d+)?: (0x[0-9a-f]{2})`)
	tableMismatch = regexp.MustCompile(`^type mismatch for \S+: expected table but found (\S+)`)
)

// plainTOMLMessage says a TOML syntax error in plain words, with a hint;
// key is the setting it was found at, if any.
func plainTOMLMessage(m, key string) (msg, hint string) {
	m = strings.TrimPrefix(m, "toml: ")
	switch {
	case outOfRange.MatchString(m):
		return "the number " + outOfRange.FindStringSubmatch(m)[1] + " is too large", "write a smaller number"
	case badDateTime.MatchString(m):
		return badDateTime.FindStringSubmatch(m)[1] + " is not a real date",
			"check the day and the month: dates are written YYYY-MM-DD, for example 2026-10-01"
	case badUTF8.MatchString(m):
		return "this line is not UTF-8 text (it holds the byte " + badUTF8.FindStringSubmatch(m)[1] + ")", utf8Hint
	case tableMismatch.MatchString(m):
		k, found := lastKey(key), tableMismatch.FindStringSubmatch(m)[1]
		if strings.HasPrefix(found, "[]") {
			return fmt.Sprintf("there can be only one [%s] table, written with single brackets, not [[%s]]", k, k),
				fmt.Sprintf("write [%s] once", k)
		}
		return fmt.Sprintf("%q should be a table, not %s", k, friendlyType(found)), ""
	case strings.Contains(m, "date"):
		return m, ""
	}
	return m, "check the TOML: text goes in double quotes, lists in [ ], one setting per line"
}

const utf8Hint = "save the file as UTF-8: most editors offer it under Save As, Encoding"

// friendlyType names a TOML or Go type for an artist rather than a programmer.
func friendlyType(t string) string {
	t = strings.TrimSpace(t)
	switch {
	case t == "String" || t == "string":
		return "text in quotes"
	case t == "Integer" || strings.HasPrefix(t, "int"):
		return "a whole number"
	case t == "Float" || strings.HasPrefix(t, "float"):
		return "a number"
	case t == "Boolean" || strings.Contains(t, "bool"):
		return "true or false"
	case t == "Array" || strings.HasPrefix(t, "slice") || strings.HasPrefix(t, "[]"):
		return "a list in [ ]"
	case t == "Hash" || t == "struct" || strings.HasPrefix(t, "map"):
		return "a table"
	case strings.Contains(t, "Datetime") || strings.Contains(t, "Date"):
		return "a date"
	case t == "time.Time":
		return "a date or time without quotes"
	}
	return t
}

// reportUnknownKeys reports keys that no field takes, once for the
// outermost unknown key and once per place it appears.
func reportUnknownKeys(d *decoded, t reflect.Type, probs *diag.List) {
	seen := map[string]bool{}
	for _, k := range d.md.Undecoded() {
		parentUnknown := false
		for i := 1; i < len(k); i++ {
			if seen[strings.Join(k[:i], ".")] {
				parentUnknown = true
			}
		}
		full := strings.Join(k, ".")
		seen[full] = true
		if parentUnknown {
			continue
		}
		name := k[len(k)-1]
		hint := diag.Suggest(name, fieldNames(t, k[:len(k)-1]))
		positions := d.loc().keysLike(full)
		if len(positions) == 0 {
			positions = d.loc().inlineKeys(strings.Join(k[:len(k)-1], "."), name)
		}
		if len(positions) == 0 {
			positions = d.loc().tablesLike(full)
		}
		if len(positions) == 0 {
			positions = []Pos{d.loc().table(full)}
		}
		for _, p := range positions {
			probs.Errorf(d.path, p.Line, p.Col, "unknown setting %q", name).Hint = hint
		}
	}
}

// fieldNames lists the TOML keys the struct reached by path accepts.
func fieldNames(t reflect.Type, path []string) []string {
	t = elem(t)
	for _, step := range path {
		f, ok := fieldByTag(t, step)
		if !ok {
			return nil
		}
		t = elem(f.Type)
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("toml")
		if f.Anonymous && tag == "" {
			names = append(names, fieldNames(f.Type, nil)...)
		} else if tag != "" && tag != "-" {
			names = append(names, tag)
		}
	}
	return names
}

func fieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Tag.Get("toml") == tag {
			return f, true
		}
		if f.Anonymous && f.Tag.Get("toml") == "" {
			if inner, ok := fieldByTag(f.Type, tag); ok {
				return inner, true
			}
		}
	}
	return reflect.StructField{}, false
}

func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}
