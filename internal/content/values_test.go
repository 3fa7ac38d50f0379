package content

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBadValues: each value that was accepted wrongly, or reported in the
// decoder's words or at the wrong place, is reported at the value itself
// in plain words with a fix; inputs that are only unusual are accepted.
func TestBadValues(t *testing.T) {
	const tgap = "start = 2027-03-28T01:30:00\nend = 2027-03-28T04:00:00"
	locDir := all(remove(locPath), put(locPath+"/x.json", "{}"))
	runRules(t, []rule{
		{"a time with no date", edit(labPath, "start = 2027-03-12T10:00:00Z", "start = 10:00:00"),
			[]prob{e(labPath, 4, 9, "a time needs a date: write 2027-03-12T10:00:00", "")}, ""},
		{"a date with no time for a date", edit(providerPath, "reviewed = 2026-10-01", "reviewed = 10:00:00"),
			[]prob{e(providerPath, 16, 12, "a date is needed, not a time of day: write 2026-10-01", "")}, ""},
		{"location not finite", edit(labPath, "+++\n", "+++\nlocation = [nan, inf]\n"),
			[]prob{e(labPath, 2, 12, "location must be two ordinary numbers, not nan or inf", "=location = [longitude, latitude], for example [-2.2446, 51.8642]")}, ""},
		{"a local time the clocks skip", edit(labPath, "start = 2027-03-12T10:00:00Z\nend = 2027-03-12T16:00:00Z", tgap),
			[]prob{e(labPath, 4, 9, "2027-03-28T01:30:00 does not exist in Europe/London: the clocks go forward an hour that night", "=write the time the clocks will show, such as 2027-03-28T02:30:00")}, ""},
		{"control character in a summary", edit(labPath, "+++\n", "+++\nsummary = \"Meet \\u0007 the \\u001b[31m artists\"\n"),
			[]prob{e(labPath, 2, 11, "summary holds a control character (U+0007), which would garble the site's downloads", "=remove it: text may hold tabs and line breaks, but no other control characters")}, ""},
		{"carriage return in a title", edit(labPath, `title = "Lab"`, `title = "Lab\rBEGIN:VEVENT"`),
			[]prob{e(labPath, 2, 9, "title holds a control character (U+000D), which would garble the site's downloads", "remove it")}, ""},
		{"control character in a list", edit(providerPath, "[quality]\n", "tags = [\"ok\", \"b\\u0008d\"]\n[quality]\n"),
			[]prob{e(providerPath, 18, 8, "tags holds a control character (U+0008), which would garble the site's downloads", "remove it")}, ""},
		{"control character in a table of a list", edit(providerPath, `title = "Programme"`, `title = "Pro\u001bgramme"`),
			[]prob{e(providerPath, 23, 9, "title holds a control character (U+001B), which would garble the site's downloads", "remove it")}, ""},
		{"control character in site.toml", edit(cfgPath, `label = "GP"`, `label = "G\u0000P"`),
			[]prob{e(cfgPath, 35, 9, "label holds a control character (U+0000), which would garble the site's downloads", "remove it")}, ""},
		{"invalid UTF-8 in a body", put(pagePath, "+++\ntitle = \"About\"\n+++\nText.\n\nBad \xff\xfe byte.\n"),
			[]prob{e(pagePath, 6, 5, "this line is not UTF-8 text (it holds the byte 0xff)", "=save the file as UTF-8: most editors offer it under Save As, Encoding")}, ""},
		{"control character in a body", put(pagePath, "+++\ntitle = \"About\"\n+++\r\nText.\r\n\tTab \x1b[31m red.\n"),
			[]prob{e(pagePath, 5, 6, "this line holds a control character (U+001B), which would garble the site's downloads", "remove it")}, ""},
		{"invalid UTF-8 in front matter", edit(pagePath, `title = "About"`, "title = \"Ab\xffout\""),
			[]prob{e(pagePath, 2, 9, "this line is not UTF-8 text (it holds the byte 0xff)", "=save the file as UTF-8: most editors offer it under Save As, Encoding")}, ""},
		{"an impossible date", edit(providerPath, "reviewed = 2026-10-01", "reviewed = 2025-02-30"),
			[]prob{e(providerPath, 16, 12, "2025-02-30 is not a real date", "=check the day and the month: dates are written YYYY-MM-DD, for example 2026-10-01")}, ""},
		{"year 1", edit(providerPath, "reviewed = 2026-10-01", "reviewed = 0001-01-01"),
			[]prob{e(providerPath, 16, 12, "0001-01-01 is not a plausible date: the year 1 is too early", "=dates are written YYYY-MM-DD, for example 2026-10-01")}, ""},
		{"year 1 quoted", edit(providerPath, "reviewed = 2026-10-01", `reviewed = "0001-01-01"`),
			[]prob{e(providerPath, 16, 12, "0001-01-01 is not a plausible date: the year 1 is too early", "=dates are written YYYY-MM-DD, for example 2026-10-01")}, ""},
		{"whole number too large", edit(providerPath, "since = 2012", "since = 99999999999999999999"),
			[]prob{e(providerPath, 6, 9, "the number 99999999999999999999 is too large", "=write a smaller number")}, ""},
		{"number too large", edit(labPath, "+++\n", "+++\nlocation = [1e309, 52.0]\n"),
			[]prob{e(labPath, 2, 12, "the number 1e309 is too large", "=write a smaller number")}, ""},
		{"byte order mark in GeoJSON", put(locPath, "\xef\xbb\xbf"+locations), nil, ""},
		{"old Mac line ends", put(pagePath, "+++\rtitle = \"About\"\r+++\rText.\r"), nil, ""},
		{"spaces after +++", put(pagePath, "+++ \ntitle = \"About\"\n+++\t\nText.\n"), nil, ""},
		{"locations.geojson is a folder", locDir,
			[]prob{e(locPath, 0, 0, "locations.geojson is a folder, not a file", "=put the venues in a file named locations.geojson, and move the folder's files elsewhere")}, ""},
		{"site.toml is a folder", all(remove(cfgPath), put(cfgPath+"/x", "")),
			[]prob{e(cfgPath, 0, 0, "content/site.toml is a folder, not a file", "=the site settings go in a file named site.toml in content/")}, ""},
		{"unknown vocabulary", edit(cfgPath, `label = "GP"`, "label = \"GP\"\n\n[[vocab.referal]]\nid = \"x\"\nlabel = \"X\"\n\n[[vocab.referal]]\nid = \"y\""),
			[]prob{e(cfgPath, 37, 1, `unknown setting "referal"`, `=did you mean "referral"?`), e(cfgPath, 41, 1, `unknown setting "referal"`, `=did you mean "referral"?`)}, ""},
		{"raw HTML and a script link in a definition", edit(sheetPath, `"Linking people to activity."`, `"Linking <b>people</b> to [x](javascript:alert(1))."`),
			[]prob{
				w(sheetPath, 6, 14, "link to \"javascript:alert(1)\" removed: only http(s), mailto and tel links are allowed", ""),
				w(sheetPath, 6, 14, "raw HTML is not shown on the site; write it in Markdown instead", ""),
			}, ""},
		{"raw HTML and a script link in a provider's text", edit(providerPath, "Body text.", "Body text.\n\n<div>x</div>\n\n[go](javascript:alert(1))"),
			[]prob{
				w(providerPath, 32, 1, "raw HTML is not shown on the site; write it in Markdown instead", ""),
				w(providerPath, 34, 1, "link to \"javascript:alert(1)\" removed: only http(s), mailto and tel links are allowed", ""),
			}, ""},
		{"raw HTML in a vocabulary description", edit(cfgPath, "label = \"Respiratory\"", "label = \"Respiratory\"\ndescription = \"<script>x</script>COPD\""),
			[]prob{w(cfgPath, 24, 15, "raw HTML is not shown on the site; write it in Markdown instead", "")}, ""},
		{"one GeoJSON error, no cascade", put(locPath, `{"type": "FeatureCollection", "features": [`),
			[]prob{e(locPath, 1, 43, "not valid JSON: the file ends before every [ and { is closed", "geojson.io")}, ""},
	})
}

// TestSiteTOMLDanglingLink: a site.toml that is a symbolic link to
// nothing is named as such.
func TestSiteTOMLDanglingLink(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.toml"), filepath.Join(dir, "content", "site.toml")); err != nil {
		t.Fatal(err)
	}
	_, probs := Load(os.DirFS(dir), Options{Now: now})
	checkProblems(t, probs.Items(), []prob{
		e(cfgPath, 0, 0, "content/site.toml is a symbolic link, and links are never followed",
			"=put the site settings file itself at content/site.toml"),
		w(cfgPath, 0, 0, linkMsg, linkHintEq)})
}
