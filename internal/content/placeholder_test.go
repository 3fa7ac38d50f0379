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
		{"own words that quote part of it", edit(providerPath, `"A short summary."`, `"Name of the activity: singing."`), nil, ""},
	})
}
