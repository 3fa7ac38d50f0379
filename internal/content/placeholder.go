package content

import (
	"bytes"
	"reflect"
	"strings"

	"artsmap/internal/diag"
)

// PlaceholderText holds the example texts "artsmap new provider" writes
// for a person to replace. It is their one home: the scaffold writes them
// from here, and check refuses a profile that still holds one, so that no
// example sentence is ever published as a provider's own words.
type PlaceholderText struct {
	Summary, ProgrammeTitle, ProgrammeSummary, Sessions, Body string
}

// Placeholders are the example texts of the provider scaffold.
var Placeholders = PlaceholderText{
	Summary:          "Replace this with a sentence about what you offer and who it helps.",
	ProgrammeTitle:   "Name of the activity",
	ProgrammeSummary: "Replace this with one or two sentences about the activity.",
	Sessions:         "For example: 8 weekly sessions of 2 hours",
	Body:             "Replace this with a few paragraphs about your work, in plain words.",
}

// placeholderHint is the fix for every placeholder problem.
const placeholderHint = "replace it with your own words, or remove the setting if it is optional"

// settings are the placeholders a setting may hold.
func (p PlaceholderText) settings() []string {
	return []string{p.Summary, p.ProgrammeTitle, p.ProgrammeSummary, p.Sessions}
}

// reportPlaceholders reports every setting of v (a decoded document) that
// still holds a scaffold's example text, at its value.
func reportPlaceholders(d *decoded, v any, probs *diag.List) {
	walkStrings(reflect.ValueOf(v), "", func(path, name, s string) {
		for _, ph := range Placeholders.settings() {
			if strings.TrimSpace(s) == ph {
				p := d.at(path)
				probs.Errorf(d.path, p.Line, p.Col, "%s is still the example text that artsmap new wrote", name).Hint = placeholderHint
			}
		}
	})
}

// checkPlaceholderBody reports the line of a body (which starts on line
// first) that still holds the scaffold's example text.
func (l *loader) checkPlaceholderBody(p string, body []byte, first int) {
	i := bytes.Index(body, []byte(Placeholders.Body))
	if i < 0 {
		return
	}
	line := first + bytes.Count(body[:i], []byte("\n"))
	l.probs.Errorf(p, line, 1, "the text is still the example that artsmap new wrote").Hint =
		"write about your work here in your own words"
}
