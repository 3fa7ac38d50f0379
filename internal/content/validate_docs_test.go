package content

import (
	"testing"
	"testing/fstest"
)

// TestSiteRules covers content/site.toml (see siteTOML for line numbers).
func TestSiteRules(t *testing.T) {
	const c = cfgPath
	runRules(t, []rule{
		{"site.toml missing", remove(c),
			[]prob{e(c, 0, 0, "no site settings found", "give -site FOLDER")}, ""},
		{"site.toml TOML syntax error hides nothing else to check", edit(c, `title = "Test Map"`, `title = "Test Map`),
			[]prob{e(c, 1, 9, "this text has no closing quote", "end the text with a quote")}, ""},
		{"unknown key", edit(c, `timezone = "Europe/London"`, "timezone = \"Europe/London\"\nlangauge = \"en\""),
			[]prob{e(c, 4, 1, `unknown setting "langauge"`, `=did you mean "language"?`)}, ""},
		{"unknown key in a vocabulary", edit(c, `label = "Respiratory"`, `lable = "Respiratory"`),
			[]prob{e(c, 21, 1, "label is required", `=add label = "..."`), e(c, 23, 1, `unknown setting "lable"`, `=did you mean "label"?`)}, ""},
		{"type mismatch", edit(c, "bounds = [-3.0, 51.0, -1.0, 53.0]", `bounds = "-3, 51, -1, 53"`),
			[]prob{e(c, 7, 10, `"bounds" should be a list in [ ], not the text "-3, 51, -1, 53"`, "square brackets")}, ""},
		{"title missing", edit(c, "title = \"Test Map\"\n", ""),
			[]prob{e(c, 1, 1, "title is required", `=add title = "..."`)}, ""},
		{"base_url missing", edit(c, "base_url = \"https://test.example.org/\"\n", ""),
			[]prob{w(c, 1, 9, "base_url is not set, so the sitemap, feed and calendar hold relative addresses", `add base_url = "https://your-site.example/"`)}, ""},
		{"base_url without scheme", edit(c, `base_url = "https://test.example.org/"`, `base_url = "test.example.org"`),
			[]prob{e(c, 2, 12, "base_url must be a full web address", `=for example "https://example.org/"`)}, ""},
		{"bounds missing", edit(c, "bounds = [-3.0, 51.0, -1.0, 53.0]\n", ""),
			[]prob{e(c, 5, 1, "region.bounds is required", "=bounds = [west, south, east, north] in degrees")}, ""},
		{"bounds of three numbers", edit(c, "bounds = [-3.0, 51.0, -1.0, 53.0]", "bounds = [-3.0, 51.0, -1.0]"),
			[]prob{e(c, 7, 10, "bounds must be four numbers: west, south, east, north, with west < east and south < north", "")}, ""},
		{"bounds west of east", edit(c, "bounds = [-3.0, 51.0, -1.0, 53.0]", "bounds = [-1.0, 51.0, -3.0, 53.0]"),
			[]prob{e(c, 7, 10, "bounds must be four numbers: west, south, east, north, with west < east and south < north", "")}, ""},
		{"region name missing", edit(c, "name = \"Testshire\"\n", ""),
			[]prob{e(c, 5, 1, "region.name is required", "[region]")}, ""},
		{"unknown time zone", edit(c, `timezone = "Europe/London"`, `timezone = "Europe/Gloucester"`),
			[]prob{e(c, 3, 12, `unknown time zone "Europe/Gloucester"`, "=use an IANA name such as Europe/London")}, ""},
		{"language tags", edit(c, `timezone = "Europe/London"`, "timezone = \"Europe/London\"\nlanguage = \"sr-Latn-RS\""), nil, ""},
		{"language with an underscore", edit(c, `timezone = "Europe/London"`, "timezone = \"Europe/London\"\nlanguage = \"en_GB\""),
			[]prob{e(c, 4, 12, `language "en_GB" is not a language tag`, `=did you mean "en-GB"?`)}, ""},
		{"language as a name", edit(c, `timezone = "Europe/London"`, "timezone = \"Europe/London\"\nlanguage = \"Welsh\""),
			[]prob{e(c, 4, 12, `language "Welsh" is not a language tag`, `use a tag such as "en-GB"`)}, ""},
		{"time zone of the build machine", edit(c, `timezone = "Europe/London"`, `timezone = "Local"`),
			[]prob{e(c, 3, 12, `unknown time zone "Local"`, "IANA")}, ""},
		{"editor settings", edit(c, "[region]", "[cms]\nrepo = \"county-arts/arts-map\"\nbranch = \"live\"\n\n[region]"), nil, ""},
		{"editor repository not owner/name", edit(c, "[region]", "[cms]\nrepo = \"https://github.com/county-arts\"\n\n[region]"),
			[]prob{e(c, 6, 8, `cms.repo "https://github.com/county-arts" must be a GitHub repository as owner/name`, `for example "county-arts/arts-map"`)}, ""},
		{"editor branch without a repository", edit(c, "[region]", "[cms]\nbranch = \"main\"\n\n[region]"),
			[]prob{e(c, 5, 1, "cms.repo is required for the editor", "GitHub repository")}, ""},
		{"editor sign-in over http", edit(c, "[region]", "[cms]\nrepo = \"a/b\"\nauth_url = \"http://auth.example\"\n\n[region]"),
			[]prob{e(c, 7, 12, "cms.auth_url must be an https address", "api.netlify.com")}, ""},
		{"map settings", edit(c, "[region]", "[map]\ncenter = [0.0, 0.0]\nzoom = 22\ntiles = \"http://tiles.example/{z}/{x}/{y}.png\"\n\n[region]"),
			[]prob{
				e(c, 6, 10, "map.center must be [longitude, latitude] inside the region's bounds", ""),
				e(c, 7, 8, "map.zoom must be between 1 and 19", ""),
				e(c, 8, 9, "map.tiles must be an https address with {z}, {x} and {y}", ""),
			}, ""},
		{"licence address not a web address", edit(c, "[region]", "[data]\nlicence = \"OGL\"\nlicence_url = \"ogl.example\"\n\n[region]"),
			[]prob{e(c, 7, 15, "data.licence_url must be a web address", "for example")}, ""},
		{"licence address without a licence", edit(c, "[region]", "[data]\nlicence_url = \"https://ogl.example/\"\n\n[region]"),
			[]prob{w(c, 6, 15, "data.licence_url is set but data.licence, the licence's name, is not", "")}, ""},
		{"vocabulary id twice", edit(c, `id = "south"`, `id = "north"`),
			[]prob{e(c, 14, 6, `districts id "north" is defined twice`, "")}, ""},
		{"vocabulary id not a slug", edit(c, `id = "south"`, `id = "South Side"`),
			[]prob{e(c, 14, 6, `vocabulary id "South Side" must be lower-case letters, digits and single hyphens`, `=for example "south-side"`)}, ""},
		{"vocabulary empty", edit(c, "[[vocab.artforms]]\nid = \"singing\"\nlabel = \"Singing\"\n", ""),
			[]prob{
				e(providerPath, 9, 13, `unknown art form "singing"`, "check the vocabulary in content/site.toml"),
				e(c, 1, 1, "the artforms vocabulary is empty", "=add [[vocab.artforms]] tables with id and label"),
			}, ""},
	})
}

// TestDocumentRules covers fact sheets, learning outputs, events, pages
// and the folders that hold them (see helpers_test.go for line numbers).
func TestDocumentRules(t *testing.T) {
	const appraisal = `+++
title = "A"
kind = "options-appraisal"
date = 2026-01-01

[[criteria]]
id = "quality"
label = "Quality"
weight = 2

[[options]]
name = "Alliance"
scores = { quality = 4 }
+++
`
	const a = "content/learning/a.md"
	appraise := func(old, new string) func(fstest.MapFS) { return put(a, replace(appraisal, old, new)) }
	ref := func(lines string) func(fstest.MapFS) {
		return edit(notePath, "date = 2026-01-01", "date = 2026-01-01\n\n[[references]]\ntitle = \"T\"\n"+lines)
	}
	coded := edit(cfgPath, `label = "South"`, "label = \"South\"\ncode = \"E2\"")
	const southArea = `{"type": "FeatureCollection", "features": [{"type": "Feature",
 "geometry": {"type": "Polygon", "coordinates": [[[-2.5, 51.5], [-1.5, 51.5], [-1.5, 52.5], [-2.5, 52.5], [-2.5, 51.5]]]},
 "properties": {"code": "E2", "name": "South"}}]}`
	runRules(t, []rule{
		// Fact sheets.
		{"fact sheet title missing", edit(sheetPath, "title = \"Terms\"\n", ""),
			[]prob{e(sheetPath, 2, 1, "title is required", `=add title = "..."`)}, ""},
		{"definition missing", edit(sheetPath, "definition = \"Linking people to activity.\"\n", ""),
			[]prob{e(sheetPath, 4, 1, "definition is required", `=add definition = "..."`)}, ""},
		{"term missing", edit(sheetPath, "term = \"Social prescribing\"\n", ""),
			[]prob{e(sheetPath, 4, 1, "term is required", `=add term = "..."`)}, ""},
		{"term without letters", edit(sheetPath, `term = "Social prescribing"`, `term = "!!!"`),
			[]prob{e(sheetPath, 5, 8, `term "!!!" has no letters or digits to make an anchor from`, "")}, ""},
		{"unknown key in a term", edit(sheetPath, "definition =", "defintion ="),
			[]prob{e(sheetPath, 4, 1, "definition is required", `=add definition = "..."`), e(sheetPath, 6, 1, `unknown setting "defintion"`, `=did you mean "definition"?`)}, ""},
		{"term id twice across two sheets", put("content/factsheets/more.md", "+++\ntitle = \"More\"\n\n[[terms]]\nterm = \"Social Prescribing\"\ndefinition = \"Again.\"\n+++\n"),
			[]prob{e(sheetPath, 5, 8, `term "Social prescribing" has the same anchor "social-prescribing" as a term at content/factsheets/more.md:5`, "=each term may be defined once on the whole site")}, ""},
		{"term id twice in one sheet", edit(sheetPath, "see_also = []\n+++", "see_also = []\n\n[[terms]]\nterm = \"Social  Prescribing!\"\ndefinition = \"Again.\"\n+++"),
			[]prob{e(sheetPath, 10, 8, `term "Social  Prescribing!" has the same anchor "social-prescribing" as a term at content/factsheets/terms.md:5`, "once on the whole site")}, ""},
		{"see_also unknown", edit(sheetPath, "see_also = []", `see_also = ["social-prescribing", "social-prescribin"]`),
			[]prob{e(sheetPath, 7, 35, `see_also "social-prescribin" is not a term on any fact sheet`, `=did you mean "social-prescribing"?`)}, ""},
		{"no terms", put("content/factsheets/more.md", "+++\ntitle = \"More\"\n+++\n"),
			[]prob{w("content/factsheets/more.md", 2, 9, "the fact sheet defines no terms", "=add [[terms]] tables with term and definition")}, ""},

		// Learning outputs.
		{"learning title missing", edit(notePath, "title = \"Note\"\n", ""),
			[]prob{e(notePath, 2, 1, "title is required", `=add title = "..."`)}, ""},
		{"learning name not a slug", put("content/learning/Note 2.md", note),
			[]prob{e("content/learning/Note 2.md", 0, 0, `"Note 2" cannot be used in a web address`, `rename it to "note-2"`)}, ""},
		{"learning folder without index.md", put("content/learning/empty/notes.txt", "x"),
			[]prob{e("content/learning/empty", 0, 0, "the learning folder has no index.md", "content/learning/empty/index.md")}, ""},
		{"learning file and folder of one name", put("content/learning/note/index.md", note),
			[]prob{e("content/learning/note", 0, 0, `the learning output "note" is both content/learning/note.md and this folder: both would be published at /learning/note/`, "=keep one: move the text of content/learning/note.md into content/learning/note/index.md, or remove the folder")}, ""},
		{"learning kind", edit(notePath, `kind = "learning-note"`, `kind = "blog"`),
			[]prob{e(notePath, 3, 8, `kind "blog" is not allowed`, "=must be one of: report, options-appraisal, quality-framework, recommendations, workforce-plan, case-study, evidence, learning-note")}, ""},
		{"learning date missing", edit(notePath, "date = 2026-01-01\n", ""),
			[]prob{e(notePath, 2, 1, "date is required", "=add date = 2026-06-30")}, ""},
		{"learning pathway unknown", edit(notePath, "date = 2026-01-01", "date = 2026-01-01\npathways = [\"chronic-pian\"]"),
			[]prob{e(notePath, 5, 13, `unknown pathway "chronic-pian"`, `did you mean "chronic-pain"?`)}, ""},
		{"attachments on a leaf file", edit(notePath, "date = 2026-01-01", "date = 2026-01-01\nattachments = [{ file = \"x.pdf\", title = \"X\" }]"),
			[]prob{e(notePath, 5, 15, "attachments need the output to be a folder", "=move content/learning/note.md to content/learning/note/index.md and put the files beside it")}, ""},
		{"attachment not in the bundle", edit(packPath, `file = "full.pdf"`, `file = "report.pdf"`),
			[]prob{e(packPath, 5, 15, `attachment "report.pdf" is not in the folder content/learning/pack`, "=put the file beside index.md")}, ""},
		{"attachment without a file", edit(packPath, `file = "full.pdf", `, ""),
			[]prob{e(packPath, 5, 15, "attachment 1 has no file", "")}, ""},
		{"attachment in another case", edit(packPath, `file = "full.pdf"`, `file = "Full.pdf"`),
			[]prob{e(packPath, 5, 15, `attachment "Full.pdf" is not in the folder content/learning/pack`, `names are case-sensitive: did you mean "full.pdf"?`)}, ""},
		{"attachment as [[attachments]] table", put(packPath, "+++\ntitle = \"Pack\"\nkind = \"report\"\ndate = 2026-01-01\n\n[[attachments]]\nfile = \"report.pdf\"\ntitle = \"Report\"\n+++\n"),
			[]prob{e(packPath, 7, 8, `attachment "report.pdf" is not in the folder content/learning/pack`, "beside index.md")}, ""},
		{"unknown key in an inline table", edit(packPath, `title = "Full report" }`, `titel = "Full report" }`),
			[]prob{e(packPath, 5, 37, `unknown setting "titel"`, `did you mean "title"?`)}, ""},
		{"score above 5", appraise("quality = 4", "quality = 6"),
			[]prob{e(a, 13, 12, `score 6 for "quality" is outside 1 to 5`, "")}, ""},
		{"score below 1", appraise("quality = 4", "quality = 0"),
			[]prob{e(a, 13, 12, `score 0 for "quality" is outside 1 to 5`, "")}, ""},
		{"score for unknown criterion", appraise("quality = 4", "quality = 4, qualty = 3"),
			[]prob{e(a, 13, 25, `score for unknown criterion "qualty"`, `=did you mean "quality"? must be one of: quality`)}, ""},
		{"score missing", appraise("scores = { quality = 4 }", "scores = {}"),
			[]prob{w(a, 13, 10, `option "Alliance" has no score for "quality", which counts as 0`, "")}, ""},
		{"score in a sub-table", appraise("scores = { quality = 4 }", "\n[options.scores]\nquality = 6"),
			[]prob{e(a, 15, 1, `score 6 for "quality" is outside 1 to 5`, "")}, ""},
		{"option name missing", appraise("name = \"Alliance\"\n", ""),
			[]prob{e(a, 11, 1, "name is required", `=add name = "..."`)}, ""},
		{"criterion label missing", appraise("label = \"Quality\"\n", ""),
			[]prob{e(a, 6, 1, "label is required", `=add label = "..."`)}, ""},
		{"criterion weight", appraise("weight = 2", "weight = 0"),
			[]prob{e(a, 9, 10, "weight must be a whole number of 1 or more", "")}, ""},
		{"criterion twice", appraise("weight = 2", "weight = 2\n\n[[criteria]]\nid = \"quality\"\nlabel = \"Again\"\nweight = 1"),
			[]prob{e(a, 12, 6, `criterion "quality" is defined twice`, "")}, ""},
		{"criteria on a report", appraise(`kind = "options-appraisal"`, `kind = "report"`),
			[]prob{e(a, 3, 8, "criteria and options belong to an options appraisal", `=set kind = "options-appraisal"`)}, ""},
		{"DOI as a web address", ref(`doi = "https://doi.org/10.1234/x"`),
			[]prob{e(notePath, 8, 7, `"https://doi.org/10.1234/x" is not a DOI`, "=a DOI looks like 10.1234/abcd, without https://doi.org/")}, ""},
		{"reference title missing", edit(notePath, "date = 2026-01-01", "date = 2026-01-01\n\n[[references]]\nyear = 2017"),
			[]prob{e(notePath, 6, 1, "title is required", `=add title = "..."`)}, ""},
		{"DOI valid", ref(`doi = "10.1136/bmj.k2432"`), nil, ""},
		{"reference url and year", ref("url = \"javascript:x\"\nyear = 1200"),
			[]prob{e(notePath, 8, 7, `"javascript:x" is not a web address`, "start with https://"), e(notePath, 9, 8, "year 1200 is not plausible", "")}, ""},
		{"learning providers unknown", edit(notePath, "date = 2026-01-01", "date = 2026-01-01\nproviders = [\"p\", \"test-provider\"]"),
			[]prob{e(notePath, 5, 19, `no provider "test-provider"`, "")}, ""},

		// Events.
		{"event title missing", edit(labPath, "title = \"Lab\"\n", ""),
			[]prob{e(labPath, 2, 1, "title is required", `=add title = "..."`)}, ""},
		{"event kind", edit(labPath, `kind = "creative-lab"`, `kind = "party"`),
			[]prob{e(labPath, 3, 8, `kind "party" is not allowed`, "=must be one of: peer-review, creative-lab, creative-gathering, training, learning-event")}, ""},
		{"event start missing", edit(labPath, "start = 2027-03-12T10:00:00Z\n", ""),
			[]prob{e(labPath, 2, 1, "start is required", "=add start = 2027-03-12T10:00:00Z")}, ""},
		{"event start without a time", edit(labPath, "start = 2027-03-12T10:00:00Z", "start = 2027-03-12"),
			[]prob{e(labPath, 4, 9, "give a time as well as a date, for example 2027-03-12T10:00:00Z", "")}, ""},
		{"event ends before it starts", edit(labPath, "end = 2027-03-12T16:00:00Z", "end = 2027-03-12T09:00:00Z"),
			[]prob{e(labPath, 5, 7, "the event ends before it starts", "")}, ""},
		{"event location swapped", edit(labPath, "end = 2027-03-12T16:00:00Z", "end = 2027-03-12T16:00:00Z\nlocation = [52.0, -2.0]"),
			[]prob{e(labPath, 6, 12, "location has longitude and latitude swapped", "=longitude comes first: location = [-2, 52]")}, ""},
		{"event location outside", edit(labPath, "end = 2027-03-12T16:00:00Z", "end = 2027-03-12T16:00:00Z\nlocation = [0.1, 51.5]"),
			[]prob{w(labPath, 6, 12, "location lies outside the region's bounds", "")}, ""},
		{"event location of three numbers", edit(labPath, "end = 2027-03-12T16:00:00Z", "end = 2027-03-12T16:00:00Z\nlocation = [-2.0, 52.0, 10.0]"),
			[]prob{e(labPath, 6, 12, "location must be [longitude, latitude]", "")}, ""},
		{"event booking_url", edit(labPath, "end = 2027-03-12T16:00:00Z", "end = 2027-03-12T16:00:00Z\nbooking_url = \"javascript:alert(1)\""),
			[]prob{e(labPath, 6, 15, `"javascript:alert(1)" is not a web address`, "start with https://")}, ""},

		// Pages.
		{"page slug of the sessions page", put("content/pages/sessions.md", "+++\ntitle = \"Sessions\"\n+++\n"),
			[]prob{e("content/pages/sessions.md", 1, 1, `the page name "sessions" clashes with a section of the site`, "about-sessions.md")}, ""},
		{"page slug of the referral routes", put("content/pages/referral.md", "+++\ntitle = \"Referral\"\n+++\n"),
			[]prob{e("content/pages/referral.md", 1, 1, `the page name "referral" clashes with a section of the site`, "about-referral.md")}, ""},
		{"page slug reserved", put("content/pages/map.md", "+++\ntitle = \"Map\"\n+++\n"),
			[]prob{e("content/pages/map.md", 1, 1, `the page name "map" clashes with a section of the site`, "=rename the file, for example to about-map.md")}, ""},
		{"page slug glossary", put("content/pages/glossary.md", "+++\ntitle = \"Glossary\"\n+++\n"),
			[]prob{e("content/pages/glossary.md", 1, 1, `the page name "glossary" clashes with a section of the site`, "about-glossary.md")}, ""},
		{"page name not a slug", put("content/pages/About Us.md", "+++\ntitle = \"About us\"\n+++\n"),
			[]prob{e("content/pages/About Us.md", 0, 0, `"About Us" cannot be used in a web address`, `rename it to "about-us"`)}, ""},
		{"page title empty", edit(pagePath, `title = "About"`, `title = ""`),
			[]prob{e(pagePath, 2, 9, "title must not be empty", "")}, ""},

		// Boundaries in content/areas and the districts venues lie in.
		{"venue outside the profile's districts", all(coded, put("content/areas/d.geojson", southArea)),
			[]prob{w(providerPath, 7, 13, `venue "hall" lies in South, which the profile's districts do not list`, `=add "south" to districts, or check the venue's coordinates`)}, ""},
		{"venue inside the profile's districts", all(coded, put("content/areas/d.geojson", southArea), edit(providerPath, `districts = ["north"]`, `districts = ["north", "south"]`)), nil, ""},
		{"boundary file not JSON", put("content/areas/d.geojson", "{"),
			[]prob{e("content/areas/d.geojson", 1, 1, "not valid JSON: the file ends before every [ and { is closed", "geojson.io")}, ""},

		// Files nothing reads.
		{"stray folder in content", put("content/provider/x/index.md", provider),
			[]prob{w("content/provider", 0, 0, "ignored: not part of the content model", `=did you mean "providers"?`)}, ""},
		{"stray file in content", put("content/README.md", "notes"),
			[]prob{w("content/README.md", 0, 0, "ignored: not part of the content model", "")}, ""},
		{"stray file in factsheets", put("content/factsheets/notes.txt", "x"),
			[]prob{w("content/factsheets/notes.txt", 0, 0, "ignored: only <name>.md files are read here", "")}, ""},
		{"stray file in learning", put("content/learning/notes.txt", "x"),
			[]prob{w("content/learning/notes.txt", 0, 0, "ignored: only <name>.md files and <name>/index.md folders are read here", "")}, ""},
		{"stray file in areas", put("content/areas/readme.txt", "x"),
			[]prob{w("content/areas/readme.txt", 0, 0, "ignored: only .geojson boundary files and postcodes.csv are read here", "")}, ""},
		{"hidden file in content", put("content/.DS_Store", "x"), nil, ""},
	})
}
