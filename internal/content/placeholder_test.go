package content

import "testing"

// TestPlaceholdersRefused: a profile still holding the example texts of
// "artsmap new provider" is an error at each of them, in plain words.
func TestPlaceholdersRefused(t *testing.T) {
	ph := Placeholders
	quoted := func(s string) string { return `"` + s + `"` }
	runRules(t, []rule{
		{"example summary", edit(providerPath, `"A short summary."`, quoted(ph.Summary)),
			[]prob{e(providerPath, 4, 11, "summary is still the example text that artsmap new wrote", "replace it with your own words")}, ""},
		{"example programme title", edit(providerPath, `title = "Programme"`, "title = "+quoted(ph.ProgrammeTitle)),
			[]prob{e(providerPath, 23, 9, "title is still the example text that artsmap new wrote", "replace it")}, ""},
		{"example sessions", edit(providerPath, `title = "Programme"`, "title = \"Programme\"\nsessions = "+quoted(ph.Sessions)),
			[]prob{e(providerPath, 24, 12, "sessions is still the example text that artsmap new wrote", "replace it")}, ""},
		{"example programme summary", edit(providerPath, `title = "Programme"`, "title = \"Programme\"\nsummary = "+quoted(ph.ProgrammeSummary)),
			[]prob{e(providerPath, 24, 11, "summary is still the example text that artsmap new wrote", "replace it")}, ""},
		{"example body", edit(providerPath, "Body text.\n", "Body text.\n\n"+ph.Body+"\n"),
			[]prob{e(providerPath, 32, 1, "the text is still the example that artsmap new wrote", "in your own words")}, ""},
		{"example venue name and address", all(edit(locPath, `"name": "Hall"`, `"name": "`+ph.Venue+`", "address": "`+ph.Address+`"`)),
			[]prob{
				e(locPath, 3, 26, `the name of venue "hall" is still the example text that artsmap new wrote`, "=write the venue's own name"),
				e(locPath, 3, 58, `the address of venue "hall" is still the example text that artsmap new wrote`, "=write the venue's own address"),
			}, ""},
		{"venue still at the centre of the map", edit(locPath, "[-2.1, 52.1]", "[-2.0, 52.0]"),
			[]prob{w(locPath, 2, 81, `venue "hall" is at the very centre of the map, where artsmap new puts a venue`, "longitude and latitude")}, ""},
		{"example texts of the other scaffolds", all(
			edit(sheetPath, `term = "Social prescribing"`, `term = "`+ph.Term+`"`),
			edit(notePath, `title = "Note"`, `title = "Note"`+"\nauthors = [\""+ph.Authors+`"]`+"\nsummary = \""+ph.LearningSummary+`"`),
			edit(labPath, `title = "Lab"`, `title = "Lab"`+"\nvenue = \""+ph.Venue+`"`),
			put(pagePath, "+++\ntitle = \"About\"\n+++\n"+ph.EventBody+"\n\n"+ph.SheetBody+"\n")),
			[]prob{
				e(labPath, 3, 9, "venue is still the example text that artsmap new wrote", "replace it"),
				e(sheetPath, 5, 8, "term is still the example text that artsmap new wrote", "replace it"),
				e(notePath, 3, 11, "authors is still the example text that artsmap new wrote", "replace it"),
				e(notePath, 4, 11, "summary is still the example text that artsmap new wrote", "replace it"),
				e(pagePath, 4, 1, "the text is still the example that artsmap new wrote", "in your own words"),
				e(pagePath, 6, 1, "the text is still the example that artsmap new wrote", "in your own words"),
			}, ""},
		{"own words that quote part of it", edit(providerPath, `"A short summary."`, `"Name of the activity: singing."`), nil, ""},
	})
}
