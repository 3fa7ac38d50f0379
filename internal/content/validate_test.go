package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// TestProviderRules covers every rule of a provider profile: each row
// changes one thing in the valid profile (see provider in helpers_test.go
// for the line numbers) and lists every problem Load must report.
func TestProviderRules(t *testing.T) {
	const p = providerPath
	kinds := "=must be one of: organisation, freelance, collective, venue"
	runRules(t, []rule{
		// Unknown settings, with a did-you-mean hint, wherever they are.
		{"unknown key", edit(p, "since = 2012", "sinse = 2012"),
			[]prob{e(p, 6, 1, `unknown setting "sinse"`, `=did you mean "since"?`)}, ""},
		{"unknown key in programme", edit(p, `title = "Programme"`, "title = \"Programme\"\ntitel = \"x\""),
			[]prob{e(p, 24, 1, `unknown setting "titel"`, `=did you mean "title"?`)}, ""},
		{"unknown key in quality", edit(p, `supervision = "Monthly"`, `supervison = "Monthly"`),
			[]prob{e(p, 19, 1, `unknown setting "supervison"`, `=did you mean "supervision"?`)}, ""},
		{"unknown table", edit(p, "[quality]", "[qualty]"),
			[]prob{e(p, 18, 1, `unknown setting "qualty"`, `=did you mean "quality"?`)}, ""},
		{"unknown key far from any", edit(p, "since = 2012", "colour = \"red\"\nsince = 2012"),
			[]prob{e(p, 6, 1, `unknown setting "colour"`, "")}, ""},

		// Types and syntax.
		{"type mismatch", edit(p, "since = 2012", `since = "2012"`),
			[]prob{e(p, 6, 9, `"since" should be a whole number, not the text "2012"`, "=remove the quotes: since = 2012")}, ""},
		{"type mismatch in programme", edit(p, `venues = ["hall"]`, `venues = "hall"`),
			[]prob{e(p, 28, 10, `"venues" should be a list in [ ], not the text "hall"`, `venues = ["hall"]`)}, ""},
		{"type mismatch for true or false", edit(p, `supervision = "Monthly"`, `dbs_checked = "yes"`),
			[]prob{e(p, 19, 15, `"dbs_checked" should be true or false, not the text "yes"`, "without quotes")}, ""},
		{"TOML syntax error", edit(p, `name = "Test Provider"`, `name = "Test Provider`),
			[]prob{e(p, 2, 8, "this text has no closing quote", "end the text with a quote")}, ""},
		{"no opening +++", edit(p, "+++\nname", "name"),
			[]prob{e(p, 1, 1, "front matter must start on the first line with a line of exactly +++", "a content file starts with +++")}, ""},
		{"YAML front matter", put(p, strings.ReplaceAll(provider, "+++", "---")),
			[]prob{e(p, 1, 1, "front matter must start on the first line with a line of exactly +++", "a content file starts with +++")}, ""},
		{"unclosed +++", edit(p, "+++\nBody", "Body"),
			[]prob{e(p, 1, 1, "front matter is not closed: add a line of exactly +++ after the last setting", "a content file starts with +++")}, ""},
		{"empty file", put(p, ""),
			[]prob{e(p, 1, 1, "the file is empty: it must start with a line of exactly +++", "a content file starts with +++")}, ""},

		// Required settings.
		{"name missing", edit(p, "name = \"Test Provider\"\n", ""), []prob{e(p, 2, 1, "name is required", `=add name = "..."`)}, ""},
		{"name blank", edit(p, `name = "Test Provider"`, `name = " "`), []prob{e(p, 2, 8, "name must not be empty", "")}, ""},
		{"kind missing", edit(p, "kind = \"organisation\"\n", ""), []prob{e(p, 2, 1, "kind is required", kinds)}, ""},
		{"summary missing", edit(p, "summary = \"A short summary.\"\n", ""), []prob{e(p, 2, 1, "summary is required", `=add summary = "..."`)}, ""},
		{"status missing", edit(p, "status = \"established\"\n", ""), []prob{e(p, 2, 1, "status is required", "=must be one of: established, emerging")}, ""},
		{"districts missing", edit(p, "districts = [\"north\"]\n", ""), []prob{e(p, 2, 1, "districts needs at least one value", "=must be one of: north, south")}, ""},
		{"pathways empty", edit(p, `pathways = ["chronic-pain"]`, "pathways = []"), []prob{e(p, 8, 12, "pathways needs at least one value", "=must be one of: chronic-pain, respiratory")}, ""},
		{"artforms missing", edit(p, "artforms = [\"singing\"]\n", ""), []prob{e(p, 2, 1, "artforms needs at least one value", "=must be one of: singing")}, ""},
		{"reviewed missing", edit(p, "reviewed = 2026-10-01\n", ""), []prob{e(p, 2, 1, "reviewed is required: the date the profile was last checked", "=add reviewed = 2026-10-01")}, ""},
		{"programme id missing", edit(p, "id = \"prog\"\n", ""), []prob{e(p, 21, 1, "id is required", `=add id = "..."`)}, ""},
		{"programme title missing", edit(p, "title = \"Programme\"\n", ""), []prob{e(p, 21, 1, "title is required", `=add title = "..."`)}, ""},
		{"programme status missing", edit(p, "status = \"pilot\"\n", ""), []prob{e(p, 21, 1, "status is required", "=must be one of: established, emerging, pilot, ended")}, ""},

		// Fixed choices.
		{"kind", edit(p, `kind = "organisation"`, `kind = "organization"`),
			[]prob{e(p, 3, 8, `kind "organization" is not allowed`, `=did you mean "organisation"? must be one of: organisation, freelance, collective, venue`)}, ""},
		{"status", edit(p, `status = "established"`, `status = "new"`),
			[]prob{e(p, 5, 10, `status "new" is not allowed`, "=must be one of: established, emerging")}, ""},
		{"programme status", edit(p, `status = "pilot"`, `status = "paused"`),
			[]prob{e(p, 24, 10, `status "paused" is not allowed`, "=must be one of: established, emerging, pilot, ended")}, ""},
		{"programme format", edit(p, `format = "group"`, `format = "groups"`),
			[]prob{e(p, 25, 10, `format "groups" is not allowed`, `=did you mean "group"? must be one of: group, one-to-one, online, drop-in`)}, ""},
		{"programme cost", edit(p, `cost = "free"`, `cost = "fre"`),
			[]prob{e(p, 26, 8, `cost "fre" is not allowed`, `=did you mean "free"? must be one of: free, funded, low-cost, paid`)}, ""},

		// Summaries.
		{"summary of 301 characters", edit(p, `summary = "A short summary."`, `summary = "`+strings.Repeat("x", 301)+`"`),
			[]prob{e(p, 4, 11, "summary is 301 characters long; the limit is 300", "sentence or two")}, ""},
		{"summary of 300 characters", edit(p, `summary = "A short summary."`, `summary = "`+strings.Repeat("x", 300)+`"`), nil, ""},
		{"summary of 300 accented characters", edit(p, `summary = "A short summary."`, `summary = "`+strings.Repeat("é", 300)+`"`), nil, ""},
		{"summary with HTML", edit(p, `summary = "A short summary."`, `summary = "A <b>short</b> summary."`),
			[]prob{w(p, 4, 11, "summary contains HTML, which is shown as plain text", "")}, ""},
		{"programme summary of 301 characters", edit(p, "venues = [\"hall\"]\n", "venues = [\"hall\"]\nsummary = \""+strings.Repeat("x", 301)+"\"\n"),
			[]prob{e(p, 29, 11, "summary is 301 characters long; the limit is 300", "sentence or two")}, ""},

		// Vocabularies: the column is the quoted value's.
		{"district unknown", edit(p, `districts = ["north"]`, `districts = ["north", "east"]`),
			[]prob{e(p, 7, 23, `unknown district "east"`, "=must be one of: north, south")}, ""},
		{"pathway unknown", edit(p, `pathways = ["chronic-pain"]`, `pathways = ["chronic-pian"]`),
			[]prob{e(p, 8, 13, `unknown pathway "chronic-pian"`, `=did you mean "chronic-pain"? must be one of: chronic-pain, respiratory`)}, ""},
		{"art form unknown in a multi-line list", edit(p, `artforms = ["singing"]`, "artforms = [\n  \"singing\",\n  \"dancing\",\n]"),
			[]prob{e(p, 11, 3, `unknown art form "dancing"`, "=must be one of: singing")}, ""},
		{"audience unknown", edit(p, `audiences = ["older-people"]`, `audiences = ["older-peeple"]`),
			[]prob{e(p, 10, 14, `unknown audience "older-peeple"`, `did you mean "older-people"?`)}, ""},
		{"referral unknown", edit(p, `referral = ["gp"]`, `referral = ['doctor']`),
			[]prob{e(p, 11, 13, `unknown referral route "doctor"`, "=must be one of: gp")}, ""},
		{"programme pathway unknown", edit(p, `format = "group"`, "format = \"group\"\npathways = [\"respiratory\", \"asthma\"]"),
			[]prob{e(p, 26, 28, `unknown pathway "asthma"`, "=must be one of: chronic-pain, respiratory")}, ""},
		{"programme art form unknown", edit(p, `format = "group"`, "format = \"group\"\nartforms = [\"sining\"]"),
			[]prob{e(p, 26, 13, `unknown art form "sining"`, `did you mean "singing"?`)}, ""},
		{"programme audience unknown", edit(p, `format = "group"`, "format = \"group\"\naudiences = [\"teens\"]"),
			[]prob{e(p, 26, 14, `unknown audience "teens"`, "=must be one of: older-people")}, ""},
		{"value listed twice", edit(p, `districts = ["north"]`, `districts = ["north", "north"]`),
			[]prob{w(p, 7, 23, `"north" is listed twice in districts`, "")}, ""},
		{"column counts characters", edit(p, `districts = ["north"]`, `districts = ["nörth", "sóuth"]`),
			[]prob{e(p, 7, 14, `unknown district "nörth"`, `did you mean "north"?`), e(p, 7, 23, `unknown district "sóuth"`, `did you mean "south"?`)}, ""},

		// Contact details.
		{"website javascript:", edit(p, `website = "https://example.org"`, `website = "javascript:alert(1)"`),
			[]prob{e(p, 12, 11, `"javascript:alert(1)" is not a web address`, "=web addresses start with https:// (or http://)")}, ""},
		{"website ftp:", edit(p, `website = "https://example.org"`, `website = "ftp://example.org"`),
			[]prob{e(p, 12, 11, `"ftp://example.org" is not a web address`, "start with https://")}, ""},
		{"website without scheme", edit(p, `website = "https://example.org"`, `website = "www.example.org"`),
			[]prob{e(p, 12, 11, `"www.example.org" is not a web address`, "start with https://")}, ""},
		{"email with a name", edit(p, `email = "a@example.org"`, `email = "Ann <a@example.org>"`),
			[]prob{e(p, 13, 9, `"Ann <a@example.org>" is not an email address`, "=write just the address, like hello@example.org")}, ""},
		{"email malformed", edit(p, `email = "a@example.org"`, `email = "a@@example"`),
			[]prob{e(p, 13, 9, `"a@@example" is not an email address`, "hello@example.org")}, ""},
		{"phone", edit(p, `phone = "01632 960000"`, `phone = "call us"`),
			[]prob{e(p, 14, 9, `"call us" is not a phone number`, "=use digits and spaces, like 01632 960123")}, ""},
		{"phone international", edit(p, `phone = "01632 960000"`, `phone = "+44 (0)1632 960000"`), nil, ""},
		{"publish_contact missing", edit(p, "publish_contact = true\n", ""),
			[]prob{w(p, 13, 9, "the email and phone stay hidden until publish_contact is set", "add publish_contact = true")}, ""},
		{"publish_contact false", edit(p, "publish_contact = true", "publish_contact = false"), nil, ""},
		{"publish_contact missing, phone only", all(edit(p, "email = \"a@example.org\"\n", ""), edit(p, "publish_contact = true\n", "")),
			[]prob{w(p, 13, 9, "the email and phone stay hidden until publish_contact is set", "add publish_contact = true")}, ""},

		// Dates.
		{"reviewed over 12 months ago", edit(p, "reviewed = 2026-10-01", "reviewed = 2025-11-22"),
			[]prob{w(p, 16, 12, "the profile was last reviewed on 2025-11-22, over 12 months ago", "set reviewed to today's date")}, ""},
		{"reviewed exactly 12 months ago", edit(p, "reviewed = 2026-10-01", "reviewed = 2025-11-23"), nil, ""},
		{"reviewed in the future", edit(p, "reviewed = 2026-10-01", "reviewed = 2026-11-25"),
			[]prob{w(p, 16, 12, "reviewed 2026-11-25 is in the future", "")}, ""},
		{"reviewed tomorrow", edit(p, "reviewed = 2026-10-01", "reviewed = 2026-11-24"), nil, ""},
		{"reviewed quoted", edit(p, "reviewed = 2026-10-01", `reviewed = "2026-10-01"`), nil, ""},
		{"reviewed left empty by a CMS", edit(p, "reviewed = 2026-10-01", `reviewed = ""`),
			[]prob{e(p, 16, 12, "reviewed is required: the date the profile was last checked", "add reviewed = 2026-10-01")}, ""},
		{"ended left empty by a CMS", edit(p, "started = 2020-01-01", "started = 2020-01-01\nended = \"\""), nil, ""},
		{"programme lists left empty by a CMS", edit(p, "started = 2020-01-01", "started = 2020-01-01\nartforms = []\naudiences = []"), nil, ""},
		{"reviewed as a date-time", edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01T09:30:00Z"), nil, ""},
		{"reviewed not a date", edit(p, "reviewed = 2026-10-01", `reviewed = "01/10/2026"`),
			[]prob{e(p, 16, 12, `"01/10/2026" is not a date`, "=write dates as 2026-10-01, year first")}, ""},
		{"reviewed a number", edit(p, "reviewed = 2026-10-01", "reviewed = 20261001"),
			[]prob{e(p, 16, 12, "this should be a date such as 2026-10-01, not a whole number", "without quotes")}, ""},
		{"reviewed month 13", edit(p, "reviewed = 2026-10-01", "reviewed = 2026-13-01"),
			[]prob{e(p, 16, 12, "2026-13-01 is not a real date", "check the day and the month")}, ""},
		{"since implausible", edit(p, "since = 2012", "since = 1700"),
			[]prob{e(p, 6, 9, "since 1700 is not a plausible year", "=give the year the work began, like 2012")}, ""},
		{"since next year", edit(p, "since = 2012", "since = 2027"), nil, ""},

		// Programmes and venues.
		{"programme id malformed", edit(p, `id = "prog"`, `id = "Prog 1"`),
			[]prob{e(p, 22, 6, `programme id "Prog 1" must be lower-case letters, digits and single hyphens`, "")}, ""},
		{"programme id twice", edit(p, "venues = [\"hall\"]\n+++", "venues = [\"hall\"]\n\n[[programmes]]\nid = \"prog\"\ntitle = \"Again\"\nstatus = \"pilot\"\n+++"),
			[]prob{e(p, 31, 6, `programme id "prog" is used twice in this profile`, "")}, ""},
		{"venue not in locations.geojson", edit(p, `venues = ["hall"]`, `venues = ["hal"]`),
			[]prob{e(p, 28, 11, `venue "hal" is not in locations.geojson`, `=did you mean "hall"? must be one of: hall`)}, ""},
		{"venue without locations.geojson", all(edit(p, `venues = ["hall"]`, `venues = ["hall", "hut"]`), remove(locPath)),
			[]prob{
				e(p, 28, 11, `venue "hall" is not in locations.geojson`, `=add a Feature with "id": "hall" to content/providers/p/locations.geojson`),
				e(p, 28, 19, `venue "hut" is not in locations.geojson`, `=add a Feature with "id": "hut" to content/providers/p/locations.geojson`),
			}, ""},
		{"ended before started", edit(p, "started = 2020-01-01", "started = 2020-01-01\nended = 2019-07-31"),
			[]prob{e(p, 28, 9, "the programme ends (2019-07-31) before it starts (2020-01-01)", "")}, ""},
		{"ended after started", edit(p, "started = 2020-01-01", "started = 2020-01-01\nended = 2020-07-31"), nil, ""},

		// Files in the bundle.
		{"logo missing", edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\nlogo = \"logo.png\""),
			[]prob{e(p, 17, 8, `logo "logo.png" is not in the provider's folder`, "=put the file beside index.md")}, ""},
		{"logo in another case", all(edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\nlogo = \"logo.png\""), put("content/providers/p/Logo.png", pngData)),
			[]prob{e(p, 17, 8, `logo "logo.png" is not in the provider's folder`, `names are case-sensitive: did you mean "Logo.png"?`)}, ""},
		{"logo SVG", all(edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\nlogo = \"logo.svg\""), put("content/providers/p/logo.svg", "<svg/>")),
			[]prob{e(p, 17, 8, `logo "logo.svg" must be an image: PNG, JPEG, GIF, WebP, AVIF`, "SVG and other formats can carry scripts")}, ""},
		{"logo present", all(edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\nlogo = \"img/logo.PNG\""), put("content/providers/p/img/logo.PNG", pngData)), nil, ""},
		{"image as a symbolic link", all(edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\nlogo = \"logo.png\""),
			func(fsys fstest.MapFS) {
				fsys["content/providers/p/logo.png"] = &fstest.MapFile{Data: []byte("../../../../etc/passwd"), Mode: fs.ModeSymlink}
			}),
			[]prob{
				e(p, 17, 8, `logo "logo.png" is not in the provider's folder`, "=put the file beside index.md"),
				w("content/providers/p/logo.png", 0, 0, "ignored: a symbolic link is never followed, as it can point at any file of the machine that builds the site", "=replace the link with the file itself"),
			}, ""},
		{"tag empty", edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\ntags = [\"copd\", \" \"]"),
			[]prob{e(p, 17, 8, "tag 2 is empty", "")}, ""},

		// Folders.
		{"folder name not a slug", put("content/providers/Bad Name/index.md", provider),
			[]prob{e("content/providers/Bad Name", 0, 0, `"Bad Name" cannot be used in a web address`, `=rename it to "bad-name": lower-case letters, digits and single hyphens`)}, ""},
		{"folder name taken by the site", put("content/providers/handouts/index.md", provider),
			[]prob{e("content/providers/handouts", 0, 0, `the folder name "handouts" clashes with a page of the site at /providers/handouts/`, `=rename the folder, for example to handouts-arts`)}, ""},
		{"folder without index.md", put("content/providers/empty/notes.txt", "x"),
			[]prob{e("content/providers/empty", 0, 0, "the provider folder has no index.md", `=run: artsmap new provider "Name"`)}, ""},
		{"file instead of a folder", put("content/providers/q.md", provider),
			[]prob{w("content/providers/q.md", 0, 0, "ignored: each provider is a folder holding index.md", "content/providers/<name>/index.md")}, ""},
	})
}
