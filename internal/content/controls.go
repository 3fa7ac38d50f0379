package content

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"artsmap/internal/diag"
)

// reportControls reports every text value of v (a decoded document) that
// holds a control character other than tab and line breaks. TOML lets
// them in as escapes ("\u0007", "\u001b[31m", "\r"), and they would reach
// the CSV, iCalendar and plain-text downloads as they are.
func reportControls(d *decoded, v any, probs *diag.List) {
	walkText(reflect.ValueOf(v), "", func(path, name string, r rune) {
		p := d.at(path)
		probs.Errorf(d.path, p.Line, p.Col, "%s holds a control character (U+%04X), which would garble the site's downloads", name, r).Hint =
			"remove it: text may hold tabs and line breaks, but no other control characters"
	})
}

// walkText calls bad for each string under v that holds a control
// character, with its TOML path ("programmes.0.title") and key.
func walkText(v reflect.Value, path string, bad func(path, name string, r rune)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkText(v.Elem(), path, bad)
		}
	case reflect.String:
		if r, ok := control(v.String()); ok {
			bad(path, path[strings.LastIndex(path, ".")+1:], r)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			at := path
			if k := v.Type().Elem().Kind(); k == reflect.Struct || k == reflect.Pointer {
				at = fmt.Sprintf("%s.%d", path, i) // a table in a list has a path of its own
			}
			walkText(v.Index(i), at, bad)
		}
	case reflect.Map:
		if v.Type().Key().Kind() == reflect.String {
			for _, k := range v.MapKeys() {
				walkText(v.MapIndex(k), join(path, k.String()), bad)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			tag, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("toml"), ",")
			if tag != "" && tag != "-" {
				walkText(v.Field(i), join(path, tag), bad)
			}
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// control returns the first control character in s that text may not
// hold: any C0 or C1 control or DEL, except tab, line feed, and a carriage
// return just before a line feed (a Windows line end).
func control(s string) (rune, bool) {
	prev := rune(0)
	for i, r := range s {
		if prev == '\r' && r != '\n' {
			return '\r', true
		}
		prev = r
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			if r == '\r' && i == len(s)-1 {
				return r, true
			}
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return r, true
		}
	}
	return 0, false
}

// checkUTF8 reports the first byte of text (the body of the file p, which
// starts on line first) that is not UTF-8: the page would show it as
// garbage. The front matter is checked by the TOML decoder.
func (l *loader) checkUTF8(p string, text []byte, first int) {
	if utf8.Valid(text) {
		return
	}
	line, start := first, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			col := utf8.RuneCount(text[start:i]) + 1
			l.probs.Errorf(p, line, col, "this line is not UTF-8 text (it holds the byte 0x%02x)", text[i]).Hint = utf8Hint
			return
		case r == '\n':
			line, start = line+1, i+1
		}
		i += size
	}
}
