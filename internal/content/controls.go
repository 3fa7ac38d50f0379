package content

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"artsmap/internal/controls"
	"artsmap/internal/diag"
)

// reportControls reports every text value of v (a decoded document) that
// holds a control character other than tab and line breaks. TOML lets
// them in as escapes ("\u0007", "\u001b[31m", "\r"), and they would reach
// the CSV, iCalendar and plain-text downloads as they are.
func reportControls(d *decoded, v any, probs *diag.List) {
	walkStrings(reflect.ValueOf(v), "", func(path, name, s string) {
		r, bad := controls.Find(s)
		if !bad {
			return
		}
		p := d.at(path)
		probs.Errorf(d.path, p.Line, p.Col, "%s holds a control character (U+%04X), which would garble the site's downloads", name, r).Hint =
			controls.Hint
	})
}

// walkStrings calls fn for each string under v, with its TOML path
// ("programmes.0.title") and key.
func walkStrings(v reflect.Value, path string, fn func(path, name, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.String:
		fn(path, path[strings.LastIndex(path, ".")+1:], v.String())
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			at := path
			if k := v.Type().Elem().Kind(); k == reflect.Struct || k == reflect.Pointer {
				at = fmt.Sprintf("%s.%d", path, i) // a table in a list has a path of its own
			}
			walkStrings(v.Index(i), at, fn)
		}
	case reflect.Map:
		if v.Type().Key().Kind() == reflect.String {
			for _, k := range v.MapKeys() {
				walkStrings(v.MapIndex(k), join(path, k.String()), fn)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			tag, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("toml"), ",")
			if tag != "" && tag != "-" {
				walkStrings(v.Field(i), join(path, tag), fn)
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

// checkBody reports the first byte of text (the body of the file p, which
// starts on line first) that is not UTF-8, and the first control character
// other than tab and line ends: the page would show the one as garbage, and
// the other would reach the plain-text downloads. The front matter is
// checked by the TOML decoder and reportControls.
func (l *loader) checkBody(p string, text []byte, first int) {
	if utf8.Valid(text) && !bytes.ContainsFunc(text, controls.Is) {
		return
	}
	line, start, badUTF8, badControl := first, 0, false, false
	for i := 0; i < len(text) && !(badUTF8 && badControl); {
		r, size := utf8.DecodeRune(text[i:])
		col := func() int { return utf8.RuneCount(text[start:i]) + 1 } // only when reported: lines can be long
		switch {
		case r == utf8.RuneError && size == 1 && !badUTF8:
			badUTF8 = true
			l.probs.Errorf(p, line, col(), "this line is not UTF-8 text (it holds the byte 0x%02x)", text[i]).Hint = utf8Hint
		case r == '\n':
			line, start = line+1, i+size
		case controls.Is(r) && !badControl:
			badControl = true
			l.probs.Errorf(p, line, col(), "this line holds a control character (U+%04X), which would garble the site's downloads", r).Hint =
				controls.Hint
		}
		i += size
	}
}
