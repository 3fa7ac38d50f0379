package content

import "testing"

// Every value of the wrong type in a file is reported at its own value, and
// the rest of the file is still checked: the decoder alone stops at the first.
func TestEveryTypeMistakeInOneFile(t *testing.T) {
	p := providerPath
	runRules(t, []rule{
		{"four wrong types and a misspelt id", all(
			edit(p, "since = 2012", `since = "2012"`),
			edit(p, `pathways = ["chronic-pain"]`, `pathways = ["chronic-pian"]`),
			edit(p, "reviewed = 2026-10-01", `reviewed = "12/03/2025"`),
			edit(p, `supervision = "Monthly"`, `supervision = 12`),
			edit(p, `venues = ["hall"]`, `venues = "hall"`),
		), []prob{
			e(p, 6, 9, `"since" should be a whole number, not the text "2012"`, "=remove the quotes: since = 2012"),
			e(p, 8, 13, `unknown pathway "chronic-pian"`, `did you mean "chronic-pain"?`),
			e(p, 16, 12, `"12/03/2025" is not a date`, "=write dates as 2025-03-12, year first"),
			e(p, 19, 15, `"supervision" should be text in quotes, not the number 12`, `supervision = "12"`),
			e(p, 28, 10, `"venues" should be a list in [ ], not the text "hall"`, `venues = ["hall"]`),
		}, ""},
		{"a quoted day-first date and time", edit(labPath, "start = 2027-03-12T10:00:00Z", `start = "12/03/2027 9:30"`),
			[]prob{e(labPath, 4, 9, `"12/03/2027 9:30" is not a date and time`, "=write it as 2027-03-12T09:30:00, year first")}, ""},
		{"a quoted day-first date for a date and time", edit(labPath, "start = 2027-03-12T10:00:00Z", `start = "12/03/2027"`),
			[]prob{e(labPath, 4, 9, `"12/03/2027" is not a date and time`, "=write it as 2027-03-12T10:00:00, year first, with the real time after the T")}, ""},
		{"a quoted date and time that cannot be read", edit(labPath, "start = 2027-03-12T10:00:00Z", `start = "12/03/2027 25:30"`),
			[]prob{e(labPath, 4, 9, `"12/03/2027 25:30" is not a date and time`, "=write it as 2027-03-12T10:00:00Z: year first, T, the time, and Z for UTC (without Z, the site's time zone)")}, ""},
		{"an item of a list", edit(p, `artforms = ["singing"]`, `artforms = ["singing", 3]`),
			[]prob{e(p, 9, 24, `"artforms" should be text in quotes, not the number 3`, `artforms = "3"`)}, ""},
		{"a table where a value goes", edit(p, `summary = "A short summary."`, `summary = { text = "A short summary." }`),
			[]prob{e(p, 4, 11, `"summary" should be text in quotes, not a table`, `summary = "..."`)}, ""},
		{"a value where a table goes", all(edit(p, "[quality]\nsupervision = \"Monthly\"\n", ""), edit(p, "since = 2012", "since = 2012\nquality = \"yes\"")),
			[]prob{e(p, 7, 11, `"quality" should be a table, not the text "yes"`, "[quality]")}, ""},
	})
}
