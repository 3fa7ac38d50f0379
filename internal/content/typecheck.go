package content

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"artsmap/internal/diag"

	"github.com/BurntSushi/toml"
)

// typeCheck walks a document decoded into maps against the struct it is
// for and finds every value of the wrong type (text where a number goes, a
// wrongly written date, text where a list goes, a table where a value
// goes). Each is reported at its own value and taken out of the document,
// so that the rest of the file is still decoded and checked: the decoder
// itself stops at the first.
type typeCheck struct {
	found []typeProblem
}

// typeProblem is one value of the wrong type, at path ("programmes.0.title")
// or, for an item of a list of values, at item index of path.
type typeProblem struct {
	path      string
	item      int // -1 when the problem is the whole value at path
	msg, hint string
}

var (
	unmarshalerType = reflect.TypeFor[toml.Unmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

// table checks each key of m that a field of struct type t takes; keys no
// field takes are left for the unknown-key check. Bad values are deleted.
func (c *typeCheck) table(m map[string]any, t reflect.Type, path string) {
	for key, v := range m {
		f, ok := fieldByTag(t, key)
		if !ok {
			continue
		}
		at := keyPath(path, key)
		if tables, ok := v.([]map[string]any); ok && len(tables) > 0 && isTable(f.Type) {
			c.found = append(c.found, typeProblem{at, len(tables) - 1, fmt.Sprintf("there can be only one [%s] table, written with single brackets, not [[%s]]", key, key),
				fmt.Sprintf("write [%s] once", key)})
			delete(m, key)
			continue
		}
		if out, msg, hint, bad := c.value(v, f.Type, at, key); bad {
			c.found = append(c.found, typeProblem{at, -1, msg, hint})
			delete(m, key)
		} else {
			m[key] = out
		}
	}
}

func keyPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// value checks v against Go type t and returns it, mended when it is a
// list (see list). A value that does not fit is reported by the caller,
// which knows where it sits.
func (c *typeCheck) value(v any, t reflect.Type, path, key string) (out any, msg, hint string, bad bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case reflect.PointerTo(t).Implements(unmarshalerType):
		msg, hint, bad = unmarshalProblem(v, t)
	case t == timeType:
		if _, ok := v.(time.Time); !ok {
			msg, hint, bad = wrongType(key, "a date", v)
		}
	case t.Kind() == reflect.Struct || t.Kind() == reflect.Map:
		msg, hint, bad = c.nested(v, t, path, key)
	case t.Kind() == reflect.Slice:
		return c.list(v, t, path, key)
	default:
		msg, hint, bad = scalarProblem(v, t, key)
	}
	return v, msg, hint, bad
}

// nested checks a table against a struct or map type.
func (c *typeCheck) nested(v any, t reflect.Type, path, key string) (msg, hint string, bad bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return wrongType(key, "a table", v)
	}
	if t.Kind() == reflect.Struct {
		c.table(m, t, path)
		return "", "", false
	}
	for k, x := range m {
		if out, msg, hint, bad := c.value(x, t.Elem(), keyPath(path, k), k); bad {
			c.found = append(c.found, typeProblem{keyPath(path, k), -1, msg, hint})
			delete(m, k)
		} else {
			m[k] = out
		}
	}
	return "", "", false
}

// list checks each item of a list. A wrong item that is a table (of a list
// of tables) is emptied, keeping the places of the items after it; a wrong
// value is dropped from the list.
func (c *typeCheck) list(v any, t reflect.Type, path, key string) (out any, msg, hint string, bad bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		msg, hint, bad = wrongType(key, "a list in [ ]", v)
		return v, msg, hint, bad
	}
	for i := rv.Len() - 1; i >= 0; i-- {
		item := rv.Index(i).Interface()
		fixed, msg, hint, bad := c.value(item, t.Elem(), keyPath(path, strconv.Itoa(i)), key)
		if !bad {
			if fixed != nil {
				rv.Index(i).Set(reflect.ValueOf(fixed))
			}
			continue
		}
		if _, isTable := item.(map[string]any); isTable || elemIsTable(t) {
			c.found = append(c.found, typeProblem{keyPath(path, strconv.Itoa(i)), -1, msg, hint})
			rv.Index(i).Set(reflect.ValueOf(map[string]any{}))
			continue
		}
		c.found = append(c.found, typeProblem{path, i, msg, hint})
		rv = reflect.AppendSlice(rv.Slice(0, i), rv.Slice(i+1, rv.Len()))
	}
	return rv.Interface(), "", "", false
}

// isTable reports whether t (or what it points to) is a struct.
func isTable(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct
}

// elemIsTable reports whether the items of slice type t are tables.
func elemIsTable(t reflect.Type) bool {
	e := t.Elem()
	for e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	return (e.Kind() == reflect.Struct || e.Kind() == reflect.Map) && !reflect.PointerTo(e).Implements(unmarshalerType) && e != timeType
}

// unmarshalProblem tries v on a new value of t, whose UnmarshalTOML says
// in its own words what is wrong (dates, authors).
func unmarshalProblem(v any, t reflect.Type) (msg, hint string, bad bool) {
	err := reflect.New(t).Interface().(toml.Unmarshaler).UnmarshalTOML(v)
	if err == nil {
		return "", "", false
	}
	msg, hint, _ = strings.Cut(err.Error(), hintSep)
	return msg, hint, true
}

// scalarProblem checks text, numbers and true or false.
func scalarProblem(v any, t reflect.Type, key string) (msg, hint string, bad bool) {
	switch k := t.Kind(); {
	case k == reflect.String:
		if _, ok := v.(string); !ok {
			return wrongType(key, "text in quotes", v)
		}
	case k == reflect.Bool:
		if _, ok := v.(bool); !ok {
			return wrongType(key, "true or false", v)
		}
	case k >= reflect.Int && k <= reflect.Uint64:
		n, ok := v.(int64)
		if !ok {
			return wrongType(key, "a whole number", v)
		}
		if n < 0 && k >= reflect.Uint || k == reflect.Int32 && (n < math.MinInt32 || n > math.MaxInt32) {
			return fmt.Sprintf("the number %d is out of range", n), "write a smaller number", true
		}
	case k == reflect.Float32 || k == reflect.Float64:
		if _, ok := v.(float64); !ok {
			if _, ok := v.(int64); !ok {
				return wrongType(key, "a number", v)
			}
		}
	}
	return "", "", false
}

// wrongType says that the value of key should be want, not what v is, and
// how to write it.
func wrongType(key, want string, v any) (msg, hint string, bad bool) {
	msg = fmt.Sprintf("%q should be %s, not %s", key, want, describeValue(v))
	switch want {
	case "text in quotes":
		hint = fmt.Sprintf("put the text in double quotes: %s = \"...\"", key)
		if s := plainValue(v); s != "" {
			hint = fmt.Sprintf("put the text in double quotes: %s = %q", key, s)
		}
	case "a whole number", "a number":
		hint = fmt.Sprintf("write the number without quotes, for example %s = 12", key)
		if s, ok := v.(string); ok {
			if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				hint = fmt.Sprintf("remove the quotes: %s = %s", key, strings.TrimSpace(s))
			}
		}
	case "true or false":
		hint = fmt.Sprintf("write %s = true or %s = false, without quotes", key, key)
	case "a list in [ ]":
		hint = fmt.Sprintf("write a list in square brackets: %s = [\"...\", \"...\"]", key)
		if s, ok := v.(string); ok {
			hint = fmt.Sprintf("write a list in square brackets: %s = [%q]", key, s)
		}
	case "a table":
		hint = fmt.Sprintf("write [%s] on a line of its own, with its settings on the lines below", key)
	case "a date":
		hint = "write dates as YYYY-MM-DD without quotes, for example 2026-10-01"
	}
	return msg, hint, true
}

// describeValue names what a decoded value is, in plain words.
func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", x)
	case int64, float64:
		return fmt.Sprintf("the number %v", x)
	case bool:
		return fmt.Sprintf("%v (true or false)", x)
	}
	return describe(v)
}

// plainValue writes a number or true/false as the text it would be.
func plainValue(v any) string {
	switch v.(type) {
	case int64, float64, bool:
		return fmt.Sprint(v)
	}
	return ""
}

// decodeMended decodes the document of d into v when the decoder refused
// it (decodeErr): it finds every value of the wrong type, reports each at
// its place, and decodes the rest. When the text cannot be read at all, or
// the decoder's error is not one of a value's type, it returns the error
// to report.
func decodeMended(d *decoded, v any, decodeErr error, probs *diag.List) (toml.MetaData, error) {
	var raw map[string]any
	if _, err := toml.Decode(d.text, &raw); err != nil {
		return toml.MetaData{}, err
	}
	var c typeCheck
	c.table(raw, elem(reflect.TypeOf(v)), "")
	if len(c.found) == 0 {
		return toml.MetaData{}, decodeErr
	}
	for _, f := range c.found {
		pos := d.at(f.path)
		if f.item >= 0 {
			pos = d.loc().nthItem(f.path, f.item)
		}
		probs.Errorf(d.path, pos.Line, pos.Col, "%s", f.msg).Hint = f.hint
		d.markBad(f.path, pos)
	}
	var b strings.Builder
	if err := toml.NewEncoder(&b).Encode(raw); err != nil {
		return toml.MetaData{}, err
	}
	clearSettings(reflect.ValueOf(v).Elem())
	md, err := toml.Decode(b.String(), v)
	if err != nil {
		// A mistake the check above does not know: the decoder's first
		// error, whose position is in the file as written.
		return toml.MetaData{}, decodeErr
	}
	return md, nil
}

// clearSettings sets every field of struct rv that a TOML key fills back to
// its zero value, undoing what a refused decoding had filled in.
func clearSettings(rv reflect.Value) {
	for i := range rv.NumField() {
		if f := rv.Type().Field(i); f.IsExported() && f.Tag.Get("toml") != "-" {
			rv.Field(i).SetZero()
		}
	}
}
