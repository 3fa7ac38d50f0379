package content

import (
	"testing"
	"testing/fstest"
)

const evPath = "content/evidence/singing.md"

// synopsis is a valid evidence synopsis; line numbers refer to it.
const synopsis = `+++
title = "Singing for lung health"
pathways = ["respiratory"]
artforms = ["singing"]
design = "rct"
population = "Adults with COPD"
participants = 120
setting = "Community groups"
measures = ["SGRQ", "HADS"]
certainty = "moderate"
finding = "Breathing-related quality of life improved more with singing than with usual care."
reviewed = 2026-11-01

[reference]
type = "article"
authors = [{ family = "Fancourt", given = "Daisy" }, { name = "World Health Organization" }]
year = 2019
title = "A study"
journal = "A Journal"
doi = "10.1000/abc"
+++
The synopsis.
`

func TestEvidenceRules(t *testing.T) {
	const p = evPath
	set := put(p, synopsis)
	with := func(old, new string) func(fstest.MapFS) { return all(set, edit(p, old, new)) }
	runRules(t, []rule{
		{"valid synopsis", set, nil, ""},
		{"unknown design", with(`design = "rct"`, `design = "randomised"`),
			[]prob{e(p, 5, 10, `design "randomised" is not allowed`, "rct")}, ""},
		{"unknown certainty", with(`certainty = "moderate"`, `certainty = "medium"`),
			[]prob{e(p, 10, 13, `certainty "medium" is not allowed`, "moderate")}, ""},
		{"design missing", with("design = \"rct\"\n", ""),
			[]prob{e(p, 2, 1, "design is required", "systematic-review")}, ""},
		{"unknown pathway", with(`pathways = ["respiratory"]`, `pathways = ["respiratry"]`),
			[]prob{e(p, 3, 13, `unknown pathway "respiratry"`, `did you mean "respiratory"?`)}, ""},
		{"no pathway", with(`pathways = ["respiratory"]`, `pathways = []`),
			[]prob{e(p, 3, 12, "pathways needs at least one value", "chronic-pain")}, ""},
		{"reference missing", with("[reference]\ntype = \"article\"\nauthors = [{ family = \"Fancourt\", given = \"Daisy\" }, { name = \"World Health Organization\" }]\nyear = 2019\ntitle = \"A study\"\njournal = \"A Journal\"\ndoi = \"10.1000/abc\"\n", ""),
			[]prob{e(p, 14, 1, "the synopsis has no [reference]: the study it describes", "add a [reference] table")}, ""},
		{"two references", with("[reference]", "[[reference]]"),
			[]prob{e(p, 14, 1, "there can be only one [reference] table, written with single brackets, not [[reference]]", "write [reference] once")}, ""},
		{"reference without a type", with("type = \"article\"\n", ""),
			[]prob{e(p, 14, 1, "type is required", "article")}, ""},
		{"author with neither family nor name", with(`{ name = "World Health Organization" }`, `{ given = "WHO" }`),
			[]prob{e(p, 16, 54, "author 2 has neither a family name nor a name", "family")}, ""},
		{"DOI that is not a DOI", with(`doi = "10.1000/abc"`, `doi = "doi:10.1000/abc"`),
			[]prob{e(p, 20, 7, `"doi:10.1000/abc" is not a DOI`, "10.1234/abcd")}, ""},
		{"neither DOI nor URL", with("doi = \"10.1000/abc\"\n", ""),
			[]prob{w(p, 14, 1, "the reference has neither a doi nor a url, so readers cannot find the study", "doi =")}, ""},
		{"participants zero", with("participants = 120", "participants = 0"),
			[]prob{e(p, 7, 16, "participants must be a whole number of 1 or more", "leave participants out")}, ""},
		{"finding missing", with(`finding = "Breathing-related quality of life improved more with singing than with usual care."`, `finding = ""`),
			[]prob{e(p, 11, 11, "finding must not be empty", "")}, ""},
		{"reviewed missing", with("reviewed = 2026-11-01\n", ""),
			[]prob{e(p, 2, 1, "reviewed is required: the date the synopsis was written or checked", "reviewed = 2026-11-23")}, ""},
		{"unknown key", with("setting = ", "settings = "),
			[]prob{e(p, 8, 1, `unknown setting "settings"`, `did you mean "setting"?`)}, ""},
		{"measure twice", with(`measures = ["SGRQ", "HADS"]`, `measures = ["SGRQ", "SGRQ"]`),
			[]prob{w(p, 9, 21, `"SGRQ" is listed twice in measures`, "")}, ""},
	})
}
