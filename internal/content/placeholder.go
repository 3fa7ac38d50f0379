package content

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"artsmap/internal/diag"
	"artsmap/internal/geo"
)

// PlaceholderText holds the example texts "artsmap new" writes for a
// person to replace, in every kind of file it makes. It is their one home:
// the scaffolds write them from here, and check refuses a document that
// still holds one, so that no example sentence is ever published as
// someone's own words.
type PlaceholderText struct {
	// A provider's profile.
	Summary, ProgrammeTitle, ProgrammeSummary, Sessions, Body string
	// A fact sheet.
	SheetSummary, Term, Definition, SheetBody string
	// A learning output.
	Authors, LearningSummary, LearningBody string
	// An event.
	EventSummary, Venue, Address, EventBody string
	// An evidence synopsis.
	EvidenceBody string
}

// Placeholders are the example texts of the scaffolds.
var Placeholders = PlaceholderText{
	Summary:          "Replace this with a sentence about what you offer and who it helps.",
	ProgrammeTitle:   "Name of the activity",
	ProgrammeSummary: "Replace this with one or two sentences about the activity.",
	Sessions:         "For example: 8 weekly sessions of 2 hours",
	Body:             "Replace this with a few paragraphs about your work, in plain words.",

	SheetSummary: "Replace this with one sentence saying what the sheet covers.",
	Term:         "The term",
	Definition:   "Replace this with what the term means, in one to three plain sentences.",
	SheetBody:    "Replace this with an introduction to the sheet: who it is for and how to use it.",

	Authors:         "Your name or team",
	LearningSummary: "Replace this with one or two sentences about what it found.",
	LearningBody:    "Replace this with the text of the output.",

	EventSummary: "Replace this with one or two sentences about the event.",
	Venue:        "Name of the venue",
	Address:      "Street, town, postcode",
	EventBody:    "Replace this with what will happen, and who it is for.",

	EvidenceBody: "Replace this with what was done, with whom, what was found, and its limits, in plain English.",
}

// placeholderHint is the fix for every placeholder problem.
const placeholderHint = "replace it with your own words, or remove the setting if it is optional"

// settings are the placeholders a setting may hold.
func (p PlaceholderText) settings() []string {
	return []string{p.Summary, p.ProgrammeTitle, p.ProgrammeSummary, p.Sessions,
		p.SheetSummary, p.Term, p.Definition, p.Authors, p.LearningSummary, p.EventSummary, p.Venue, p.Address}
}

// bodies are the placeholders a text below the settings may hold.
func (p PlaceholderText) bodies() []string {
	return []string{p.Body, p.SheetBody, p.LearningBody, p.EventBody, p.EvidenceBody}
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
// first) that still holds a scaffold's example text.
func (l *loader) checkPlaceholderBody(p string, body []byte, first int) {
	for _, ph := range Placeholders.bodies() {
		i := bytes.Index(body, []byte(ph))
		if i < 0 {
			continue
		}
		line := first + bytes.Count(body[:i], []byte("\n"))
		l.probs.Errorf(p, line, 1, "the text is still the example that artsmap new wrote").Hint =
			"write the text here in your own words"
	}
}

// checkPlaceholderVenues reports each venue of a locations.geojson (data,
// at p) whose name or address is still a scaffold's example text, and
// warns of one that is where the scaffold puts it, the centre of the
// site's map (a real venue could be there, so it is not an error).
func (l *loader) checkPlaceholderVenues(p string, data []byte, venues []geo.Venue) {
	at := func(v geo.Venue, path string) (int, int) {
		return geo.Locate(data, fmt.Sprintf("features.%d.%s", v.Feature, path))
	}
	for _, v := range venues {
		for key, s := range map[string]string{"name": v.Name, "address": v.Address} {
			if slices.Contains(Placeholders.settings(), strings.TrimSpace(s)) {
				line, col := at(v, "properties."+key)
				l.probs.Errorf(p, line, col, "the %s of venue %q is still the example text that artsmap new wrote", key, v.ID).Hint = "write the venue's own " + key
			}
		}
		if c := l.site.Config.Map.Center; len(c) == 2 && v.Point[0] == c[0] && v.Point[1] == c[1] {
			line, col := at(v, "geometry.coordinates")
			l.probs.Warnf(p, line, col, "venue %q is at the very centre of the map, where artsmap new puts a venue", v.ID).Hint =
				"give the venue's own longitude and latitude, as [longitude, latitude]"
		}
	}
}
