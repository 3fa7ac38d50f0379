package cms

import (
	"artsmap/internal/content"
	"artsmap/internal/registry"
	"artsmap/internal/slug"
)

// Field is one form control in the editor (Decap CMS widget options).
type Field struct {
	Name       string   `json:"name"`
	Label      string   `json:"label"`
	Widget     string   `json:"widget"`
	Required   *bool    `json:"required,omitempty"` // the CMS defaults to true
	Hint       string   `json:"hint,omitempty"`
	Default    any      `json:"default,omitempty"`
	Options    []Option `json:"options,omitempty"`
	Multiple   bool     `json:"multiple,omitempty"`
	Min        *int     `json:"min,omitempty"`
	Max        *int     `json:"max,omitempty"`
	Pattern    []string `json:"pattern,omitempty"` // regular expression and message
	ValueType  string   `json:"value_type,omitempty"`
	Format     string   `json:"format,omitempty"`
	DateFormat string   `json:"date_format,omitempty"`
	TimeFormat *bool    `json:"time_format,omitempty"`
	PickerUTC  bool     `json:"picker_utc,omitempty"`
	Collapsed  bool     `json:"collapsed,omitempty"`
	// A list's buttons: a position always has exactly two numbers.
	AllowAdd     *bool   `json:"allow_add,omitempty"`
	AllowRemove  *bool   `json:"allow_remove,omitempty"`
	AllowReorder *bool   `json:"allow_reorder,omitempty"`
	Summary      string  `json:"summary,omitempty"`
	Fields       []Field `json:"fields,omitempty"` // object, or list of objects
	Field        *Field  `json:"field,omitempty"`  // list of single values
}

// Option is one choice of a select field: the stored value (an id, or
// true, false or "" for a yes-or-no answer) and its label.
type Option struct {
	Label string `json:"label"`
	Value any    `json:"value"`
}

func ptr[T any](v T) *T { return &v }

// optional marks a field as not required.
func optional(f Field) Field {
	f.Required = ptr(false)
	return f
}

func hint(f Field, h string) Field {
	f.Hint = h
	return f
}

func str(name, label string) Field  { return Field{Name: name, Label: label, Widget: "string"} }
func text(name, label string) Field { return Field{Name: name, Label: label, Widget: "text"} }
func body() Field                   { return Field{Name: "body", Label: "Text", Widget: "markdown"} }
func boolean(name, label string) Field {
	return optional(Field{Name: name, Label: label, Widget: "boolean"})
}

// answer is a yes-or-no question with a third answer, not stated, which
// it starts at: a select whose options store true and false, and "" for
// not stated, which the CMS leaves out of the file (an empty optional
// field). A boolean widget would instead write false, "No", for a
// question nobody answered (docs/cms-choice.md).
func answer(name, label string) Field {
	f := optional(Field{Name: name, Label: label, Widget: "select"})
	for _, a := range registry.Answers() {
		var v any = ""
		if a.Value != nil {
			v = *a.Value
		}
		f.Options = append(f.Options, Option{Label: a.Label, Value: v})
	}
	return f
}

// hidden stores a fixed value, for the parts of GeoJSON that never change.
func hidden(name, value string) Field {
	return Field{Name: name, Label: name, Widget: "hidden", Default: value}
}

func year(name, label string) Field {
	return Field{Name: name, Label: label, Widget: "number", ValueType: "int", Min: ptr(1800), Max: ptr(2100)}
}

// date stores YYYY-MM-DD, which the loader accepts quoted or not.
func date(name, label string) Field {
	return Field{Name: name, Label: label, Widget: "datetime", Format: "YYYY-MM-DD",
		DateFormat: "YYYY-MM-DD", TimeFormat: ptr(false), PickerUTC: true}
}

// dateTime stores an offset date-time in UTC, as the site's events do.
func dateTime(name, label string) Field {
	return Field{Name: name, Label: label, Widget: "datetime", Format: "YYYY-MM-DDTHH:mm:ss[Z]", PickerUTC: true}
}

// words is a list of free text values.
func words(name, label string) Field {
	return optional(Field{Name: name, Label: label, Widget: "list", Field: &Field{Name: "value", Label: label, Widget: "string"}})
}

// choice is a select over a fixed list: the editor shows each label and
// stores its id.
func choice(name, label string, cs registry.Choices) Field {
	f := Field{Name: name, Label: label, Widget: "select"}
	for _, c := range cs {
		f.Options = append(f.Options, Option{Label: c.Label, Value: c.ID})
	}
	return f
}

// terms is a multiple select over one of the site's vocabularies; min is
// the number of values required (0 makes the field optional).
func terms(name, label string, vocab []content.Term, min int) Field {
	f := Field{Name: name, Label: label, Widget: "select", Multiple: true}
	for _, t := range vocab {
		f.Options = append(f.Options, Option{Label: t.Label, Value: t.ID})
	}
	if min == 0 {
		return optional(f)
	}
	f.Min = ptr(min)
	return f
}

// vocabLabel is the editor's label of a vocabulary's field.
func vocabLabel(key string) string {
	v, _ := registry.VocabularyOf(key)
	return v.EditorLabel
}

func list(name, label, summary string, fields ...Field) Field {
	return optional(Field{Name: name, Label: label, Widget: "list", Summary: summary, Collapsed: true, Fields: fields})
}

func object(name, label string, fields ...Field) Field {
	return optional(Field{Name: name, Label: label, Widget: "object", Collapsed: true, Fields: fields})
}

// Patterns that match the loader's rules, so the editor reports a mistake
// before it is saved.
var (
	slugPattern    = []string{slug.Pattern, "Lower-case letters, digits and single hyphens, for example singing-for-breathing"}
	webPattern     = []string{`^https?://[^\s]+$`, "A full web address starting with https://"}
	summaryPattern = []string{`^[^\n]{1,300}$`, "One paragraph of at most 300 characters"}
	emailPattern   = []string{`^[^@\s]+@[^@\s]+\.[^@\s]+$`, "An email address such as hello@example.org"}
	phonePattern   = []string{content.PhonePattern, "Digits and spaces, for example 01632 960123"}
)

func withPattern(f Field, p []string) Field {
	f.Pattern = p
	return f
}
