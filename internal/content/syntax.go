package content

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// syntaxError is a mistake in the way a TOML document is written, said in
// plain words: where it is (in the document's own lines), what is wrong
// and how to write it instead.
type syntaxError struct {
	line, col int
	msg, hint string
	first     int // the file's line number of the document's first line
}

// generalHint is the fix for a mistake that has no more precise one.
const generalHint = "text goes in double quotes, lists in [ ], one setting per line, as in name = \"Mindsong\""

var (
	dateLike   = regexp.MustCompile(`^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b`)
	numberLike = regexp.MustCompile(`^[+-]?\d[\d,]*(\.\d+)?$`)
	duplicate  = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)
)

// explainSyntax turns the decoder's account of a syntax error in lines
// (the document) into plain words, for the mistakes people make: a date
// written another way, text without quotes, a missing quote or bracket, a
// comma at the end of a line, a setting or table written twice.
// The document's first line is line first of its file.
func explainSyntax(lines []string, first int, pe toml.ParseError) syntaxError {
	at := syntaxError{line: max(pe.Position.Line, 1), col: max(pe.Position.Col, 1), first: first}
	src := ""
	if at.line <= len(lines) {
		src = strings.TrimRight(lines[at.line-1], "\r")
	}
	m := pe.Message
	if _, val, ok := strings.Cut(src, "="); ok && dateLike.MatchString(strings.TrimSpace(val)) {
		d := dateLike.FindString(strings.TrimSpace(val))
		return at.with(valueCol(src), d+" is not written as a date", DateHint(d))
	}
	switch {
	case strings.HasPrefix(m, "expected a top-level item to end with a newline"):
		return afterValue(at, src)
	case strings.HasPrefix(m, "expected value but found"):
		return unquoted(at, src)
	case m == "strings cannot contain newlines":
		return at.with(valueCol(src), "this text has no closing quote",
			"end the text with a quote on the same line; text of several lines goes between \"\"\" and \"\"\"")
	case strings.Contains(m, "array terminator"):
		return openList(at, lines, m)
	case strings.Contains(m, "to end table name"):
		return openTable(at, lines)
	case strings.HasPrefix(m, "expected '.' or '='"):
		return badKey(at, src)
	case strings.Contains(m, "inline table terminator"):
		return at.with(at.col, "this { } table has no closing }", "end it with } on the same line, and separate its settings with commas")
	case strings.Contains(m, `expected '"""'`) || strings.Contains(m, `expected "'''"`):
		return at.with(at.col, "a text of several lines is never closed", `end it with """ on a line of its own`)
	case duplicate.MatchString(m):
		return twice(at, lines, duplicate.FindStringSubmatch(m)[1])
	}
	return otherSyntax(at, src, m, pe.LastKey)
}

// with returns at with the column, message and hint given.
func (at syntaxError) with(col int, msg, hint string) syntaxError {
	at.col, at.msg, at.hint = max(col, 1), msg, hint
	return at
}

// otherSyntax says the rarer mistakes, and any other in general words.
func otherSyntax(at syntaxError, src, m, key string) syntaxError {
	switch {
	case strings.HasPrefix(m, "Invalid float"):
		return at.with(at.col, "this is not a number", "write numbers with digits on both sides of the point, as in 2.5")
	case strings.HasPrefix(m, "invalid escape"):
		return at.with(valueCol(src), `a backslash \ in text starts a special character, and this one is not one`,
			`write \\ for a backslash, or put the text in single quotes '...'`)
	case m == "unexpected comma":
		return at.with(at.col, "two commas in a row", "remove one of them")
	case strings.Contains(m, "key name appears blank"):
		return at.with(len(src)-len(strings.TrimLeft(src, " \t"))+1, "this setting has no name before the =", "write name = value")
	case badDateTime.MatchString(m), outOfRange.MatchString(m), badUTF8.MatchString(m), tableMismatch.MatchString(m):
		msg, hint := plainTOMLMessage(m, key)
		if strings.Contains(src, "=") {
			at.col = valueCol(src)
		}
		return at.with(at.col, msg, hint)
	}
	return at.with(at.col, "this line cannot be read", generalHint)
}

// afterValue explains a line with more after its value: a date written
// another way, a comma at its end, a number with a thousands comma, or
// text without quotes.
func afterValue(at syntaxError, src string) syntaxError {
	key, val, ok := strings.Cut(src, "=")
	val = strings.TrimSpace(val)
	rest := ""
	if b := byteIndex(src, at.col); b <= len(src) {
		rest = strings.TrimSpace(src[b:])
	}
	switch {
	case strings.HasPrefix(rest, ",") && (strings.TrimSpace(rest[1:]) == "" || strings.HasPrefix(strings.TrimSpace(rest[1:]), "#")):
		return at.with(at.col, "there is a comma at the end of this line", "remove it: each setting goes on a line of its own, with no comma after it")
	case ok && numberLike.MatchString(val):
		return at.with(valueCol(src), "numbers are written without commas",
			fmt.Sprintf("write %s = %s", strings.TrimSpace(key), strings.ReplaceAll(val, ",", "")))
	case ok && (strings.HasPrefix(val, `"`) || strings.HasPrefix(val, "'") || strings.HasPrefix(val, "[")):
		return at.with(nextNonSpace(src, at.col), "there is something after the end of this value",
			"put all of the text inside one pair of quotes, and each setting on a line of its own")
	}
	return unquoted(at, src)
}

// unquoted explains text written without quotes.
func unquoted(at syntaxError, src string) syntaxError {
	key, val, ok := strings.Cut(src, "=")
	if !ok {
		return at.with(at.col, "this line cannot be read", generalHint)
	}
	val = strings.TrimSpace(val)
	if i := strings.Index(val, " #"); i >= 0 {
		val = strings.TrimSpace(val[:i])
	}
	return at.with(valueCol(src), "text must be in double quotes",
		fmt.Sprintf("write %s = %q", strings.TrimSpace(key), val))
}

// nextNonSpace is the column of the first character from col on that is
// not a space.
func nextNonSpace(src string, col int) int {
	b := byteIndex(src, col)
	for b < len(src) && (src[b] == ' ' || src[b] == '\t') {
		b++
		col++
	}
	return col
}

// valueCol is the column where the value of a key = value line starts.
func valueCol(src string) int {
	i := strings.Index(src, "=")
	if i < 0 {
		return 1
	}
	j := i + 1
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	return utf8.RuneCountInString(src[:j]) + 1
}

// openList explains a list whose items are not separated by commas, or
// that has no closing ] (at the line where the list starts).
func openList(at syntaxError, lines []string, m string) syntaxError {
	start := 0
	for i := min(at.line, len(lines)); i >= 1 && start == 0; i-- {
		l := lines[i-1]
		k := keyLine.FindStringIndex(l)
		if k == nil {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(l[k[1]:]), "[") {
			start = i
		} else if i < at.line {
			break
		}
	}
	newSetting := at.line <= len(lines) && at.line > start && keyLine.MatchString(lines[at.line-1])
	if start > 0 && (newSetting || strings.HasSuffix(m, "end of file")) {
		l := lines[start-1]
		at.line = start
		return at.with(utf8.RuneCountInString(l[:strings.Index(l, "[")])+1, "this list has no closing ]",
			`end the list with ] after its last item, as in tags = ["a", "b"]`)
	}
	return at.with(at.col, "a comma is missing between two items of this list", `separate the items with commas, as in ["a", "b"]`)
}

// openTable explains a table heading without its closing ], at the end of
// the heading.
func openTable(at syntaxError, lines []string) syntaxError {
	for i := min(at.line, len(lines)); i >= 1; i-- {
		l := strings.TrimRight(lines[i-1], "\r")
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			at.line = i
			return at.with(utf8.RuneCountInString(l)+1, "this table name has no closing ]",
				"write the name in square brackets on a line of its own: [quality]")
		}
	}
	return at.with(1, "this table name has no closing ]", "write the name in square brackets on a line of its own: [quality]")
}

// badKey explains a line whose setting name is not followed by =.
func badKey(at syntaxError, src string) syntaxError {
	if b := byteIndex(src, at.col); b < len(src) && src[b] == ':' {
		return at.with(at.col, "settings are written name = value, not name: value", "write = instead of :")
	}
	return at.with(at.col, "a setting is written as name = value, and a name has no spaces",
		"join the words of a name with _ or -, and put text in double quotes after the =")
}

// twice explains a setting or a table written twice, naming the line of
// the first.
func twice(at syntaxError, lines []string, key string) syntaxError {
	src := strings.TrimRight(lines[min(at.line, len(lines))-1], "\r")
	if m := tableLine.FindStringSubmatch(src); m != nil {
		name := normaliseKey(m[1])
		first := before(lines, at.line, true, func(l string) bool {
			t := tableLine.FindStringSubmatch(l)
			return t != nil && normaliseKey(t[1]) == name
		})
		return at.with(strings.Index(src, "[")+1, fmt.Sprintf("the table [%s] is written twice%s", name, at.onLine(first)),
			fmt.Sprintf("put all its settings under one [%s] and delete the other heading", name))
	}
	k := keyLine.FindStringSubmatchIndex(src)
	if k == nil {
		return at.with(at.col, fmt.Sprintf("%q is set twice", key), "keep only one of them")
	}
	name := normaliseKey(src[k[4]:k[5]])
	first := before(lines, at.line, false, func(l string) bool {
		m := keyLine.FindStringSubmatch(l)
		return m != nil && normaliseKey(m[2]) == name
	})
	return at.with(utf8.RuneCountInString(src[:k[4]])+1, fmt.Sprintf("%q is set twice%s", lastKey(name), at.onLine(first)),
		"keep only one of the two lines")
}

// before finds the nearest line before line that matches, looking back
// past table headings only when across is set. It returns 0 when none does.
func before(lines []string, line int, across bool, match func(string) bool) int {
	for i := min(line-1, len(lines)); i >= 1; i-- {
		l := strings.TrimRight(lines[i-1], "\r")
		if match(l) {
			return i
		}
		if !across && (tableLine.MatchString(l) || arrayLine.MatchString(l)) {
			return 0
		}
	}
	return 0
}

// onLine says on which line of the file the document's line n is, or
// nothing when n is 0.
func (at syntaxError) onLine(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (also on line %d)", n+at.first-1)
}
