package content

import (
	"testing"
	"testing/fstest"
)

func TestSiteAndDocumentRules(t *testing.T) {
	const (
		cfg   = "content/site.toml"
		sheet = "content/factsheets/terms.md"
		note  = "content/learning/note.md"
		lab   = "content/events/lab.md"
		page  = "content/pages/about.md"
	)
	appraisal := "+++\ntitle = \"A\"\nkind = \"options-appraisal\"\ndate = 2026-01-01\n\n[[criteria]]\nid = \"quality\"\nlabel = \"Quality\"\nweight = 2\n\n[[options]]\nname = \"Alliance\"\nscores = { quality = 4 }\n+++\n"
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   want
	}{
		{"no site.toml", func(f fstest.MapFS) { delete(f, cfg) }, want{cfg, 0, 0, "no site settings found", "-site FOLDER", false}},
		{"bounds", edit(cfg, "bounds = [-3.0, 51.0, -1.0, 53.0]", "bounds = [-1.0, 51.0, -3.0, 53.0]"), want{cfg, 7, 10, "west < east", "", false}},
		{"time zone", edit(cfg, `timezone = "Europe/London"`, `timezone = "Europe/Gloucester"`), want{cfg, 3, 12, `unknown time zone "Europe/Gloucester"`, "IANA", false}},
		{"vocabulary id twice", edit(cfg, "id = \"singing\"\nlabel = \"Singing\"", "id = \"singing\"\nlabel = \"Singing\"\n\n[[vocab.artforms]]\nid = \"singing\"\nlabel = \"Song\""), want{cfg, 22, 6, `artforms id "singing" is defined twice`, "", false}},
		{"vocabulary id form", func(f fstest.MapFS) {
			f[cfg].Data = append(f[cfg].Data, "\n[[vocab.audiences]]\nid = \"Older People\"\nlabel = \"Older\"\n"...)
		}, want{cfg, 26, 6, `vocabulary id "Older People" must be lower-case`, `"older-people"`, false}},
		{"base url", edit(cfg, `base_url = "https://test.example.org/"`, `base_url = "test.example.org"`), want{cfg, 2, 12, "base_url must be a full web address", "https://example.org/", false}},
		{"term without definition", edit(sheet, "definition = \"Linking people to activity.\"\n", ""), want{sheet, 4, 1, "definition is required", "", false}},
		{"see also unknown", edit(sheet, "see_also = []", `see_also = ["link-workr"]`), want{sheet, 7, 13, `see_also "link-workr" is not a term on any fact sheet`, "", false}},
		{"term twice on the site", func(f fstest.MapFS) {
			f["content/factsheets/more.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"More\"\n\n[[terms]]\nterm = \"Social Prescribing\"\ndefinition = \"Again.\"\n+++\n")}
		}, want{"content/factsheets/terms.md", 5, 8, `term "Social prescribing" has the same anchor "social-prescribing" as a term at content/factsheets/more.md:5`, "once on the whole site", false}},
		{"learning kind", edit(note, `kind = "learning-note"`, `kind = "blog"`), want{note, 3, 8, `kind "blog" is not allowed`, "options-appraisal", false}},
		{"learning date", edit(note, "date = 2026-01-01\n", ""), want{note, 2, 1, "date is required", "", false}},
		{"attachments on a file", edit(note, "date = 2026-01-01", "date = 2026-01-01\nattachments = [{ file = \"x.pdf\", title = \"X\" }]"), want{note, 5, 15, "attachments need the output to be a folder", "content/learning/note/index.md", false}},
		{"attachment missing", func(f fstest.MapFS) {
			f["content/learning/pack/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"P\"\nkind = \"report\"\ndate = 2026-01-01\nattachments = [{ file = \"full.pdf\", title = \"Full\" }]\n+++\n")}
			f["content/learning/pack/Full.pdf"] = &fstest.MapFile{Data: []byte("%PDF")}
		}, want{"content/learning/pack/index.md", 5, 15, `attachment "full.pdf" is not in the folder`, `did you mean "Full.pdf"?`, false}},
		{"score out of range", func(f fstest.MapFS) {
			f["content/learning/a.md"] = &fstest.MapFile{Data: []byte(replace(appraisal, "quality = 4", "quality = 6"))}
		}, want{"content/learning/a.md", 13, 12, `score 6 for "quality" is outside 1 to 5`, "", false}},
		{"score for unknown criterion", func(f fstest.MapFS) {
			f["content/learning/a.md"] = &fstest.MapFile{Data: []byte(replace(appraisal, "quality = 4", "quality = 4, qualty = 3"))}
		}, want{"content/learning/a.md", 13, 25, `score for unknown criterion "qualty"`, `did you mean "quality"?`, false}},
		{"score missing", func(f fstest.MapFS) {
			f["content/learning/a.md"] = &fstest.MapFile{Data: []byte(replace(appraisal, "scores = { quality = 4 }", "scores = {}"))}
		}, want{"content/learning/a.md", 13, 10, `option "Alliance" has no score for "quality"`, "", true}},
		{"criteria elsewhere", func(f fstest.MapFS) {
			f["content/learning/a.md"] = &fstest.MapFile{Data: []byte(replace(appraisal, `kind = "options-appraisal"`, `kind = "report"`))}
		}, want{"content/learning/a.md", 3, 8, "criteria and options belong to an options appraisal", `kind = "options-appraisal"`, false}},
		{"bad DOI", edit(note, "date = 2026-01-01", "date = 2026-01-01\n\n[[references]]\ntitle = \"T\"\ndoi = \"https://doi.org/10.1/x\""), want{note, 8, 7, "is not a DOI", "without https://doi.org/", false}},
		{"unknown provider", edit(note, "date = 2026-01-01", "date = 2026-01-01\nproviders = [\"q\"]"), want{note, 5, 14, `no provider "q"`, "", false}},
		{"event kind", edit(lab, `kind = "creative-lab"`, `kind = "party"`), want{lab, 3, 8, `kind "party" is not allowed`, "peer-review", false}},
		{"event ends first", edit(lab, "end = 2027-03-12T16:00:00Z", "end = 2027-03-12T09:00:00Z"), want{lab, 5, 7, "the event ends before it starts", "", false}},
		{"event location swapped", edit(lab, "+++\ntitle", "+++\nlocation = [52.0, -2.0]\ntitle"), want{lab, 2, 12, "location has longitude and latitude swapped", "location = [-2, 52]", false}},
		{"event location outside", edit(lab, "+++\ntitle", "+++\nlocation = [0.1, 51.5]\ntitle"), want{lab, 2, 12, "location lies outside the region's bounds", "", true}},
		{"event date only", edit(lab, "start = 2027-03-12T10:00:00Z", "start = 2027-03-12"), want{lab, 4, 9, "give a time as well as a date", "", false}},
		{"page title", edit(page, `title = "About"`, `title = ""`), want{page, 2, 9, "title must not be empty", "", false}},
		{"page slug reserved", func(f fstest.MapFS) {
			f["content/pages/map.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Map\"\n+++\n")}
		}, want{"content/pages/map.md", 1, 1, `the page name "map" clashes with a section of the site`, "about-map.md", false}},
		{"stray file", func(f fstest.MapFS) {
			f["content/provider/x.md"] = &fstest.MapFile{Data: []byte("x")}
		}, want{"content/provider", 0, 0, "ignored: not part of the content model", `did you mean "providers"?`, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRule(t, tt.change, tt.want) })
	}
}

// TestLocalEventTime reads a time without an offset in the site's zone.
func TestLocalEventTime(t *testing.T) {
	fsys := validSite()
	edit("content/events/lab.md", "start = 2027-03-12T10:00:00Z\nend = 2027-03-12T16:00:00Z", "start = 2027-07-01T10:00:00")(fsys)
	s, probs := Load(fsys, Options{Now: now})
	if probs.Len() > 0 {
		t.Fatal(probs.Items())
	}
	if got := s.Events[0].Start.UTC().Format("15:04"); got != "09:00" {
		t.Errorf("10:00 in London in July is %s UTC, want 09:00", got)
	}
}

func replace(s, old, new string) string { // like strings.Replace, but a missing old is a bug in the test
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + new + s[i+len(old):]
		}
	}
	panic("replace: no " + old)
}
