package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"artsmap/internal/diag"
)

// jargon are words of the TOML decoder and of Go that no message or hint
// may hold: the people who read them write profiles, not parsers.
var jargon = []string{"expected", "token", "bare key", "top-level item", "unmarshal", "reflect", "toml:",
	"incompatible", "destination", "eof", "hash", "integer", "datetime", "terminator", "parse", "newline"}

// noJargon fails when a problem's message or hint holds a word of jargon.
func noJargon(t *testing.T, msg, hint string) {
	t.Helper()
	for _, j := range jargon {
		if strings.Contains(strings.ToLower(msg+" "+hint), j) {
			t.Errorf("%q (%q) holds the jargon %q", msg, hint, j)
		}
	}
}

// The mistakes people make in writing TOML are said in plain words, at the
// line with the mistake, with the fix. The page's settings start on line 2;
// the line under test is line 3.
func TestSyntaxMistakesInPlainWords(t *testing.T) {
	p := pagePath
	at := func(lines string) func(fstest.MapFS) {
		return put(p, "+++\ntitle = \"About\"\n"+lines+"\n+++\nText.\n")
	}
	rows := []rule{
		{"unquoted day-first date", at("date = 12/03/2025"),
			[]prob{e(p, 3, 8, "12/03/2025 is not written as a date", "=write dates as 2025-03-12, year first")}, ""},
		{"unquoted month-first date", at("date = 03/25/2025"),
			[]prob{e(p, 3, 8, "03/25/2025 is not written as a date", "write dates as 2025-03-25")}, ""},
		{"unquoted text", at("summary = Hello world"),
			[]prob{e(p, 3, 11, "text must be in double quotes", `=write summary = "Hello world"`)}, ""},
		{"unquoted text starting with true", at("summary = true story"),
			[]prob{e(p, 3, 11, "text must be in double quotes", `=write summary = "true story"`)}, ""},
		{"missing closing quote", at(`summary = "Hello`),
			[]prob{e(p, 3, 11, "this text has no closing quote", "on the same line")}, ""},
		{"missing closing bracket", at("tags = [\"a\", \"b\"\nsummary = \"x\""),
			[]prob{e(p, 3, 8, "this list has no closing ]", "end the list with ]")}, ""},
		{"missing comma in a list", at(`tags = ["a" "b"]`),
			[]prob{e(p, 3, 13, "a comma is missing between two items of this list", "separate the items with commas")}, ""},
		{"comma at the end of a line", at(`summary = "x",`),
			[]prob{e(p, 3, 14, "there is a comma at the end of this line", "remove it")}, ""},
		{"comma after a list", at(`tags = ["a"],`),
			[]prob{e(p, 3, 13, "there is a comma at the end of this line", "remove it")}, ""},
		{"key written twice", at(`title = "Again"`),
			[]prob{e(p, 3, 1, `"title" is set twice (also on line 2)`, "keep only one")}, ""},
		{"table written twice", at("[t]\na = 1\n[t]\nb = 2"),
			[]prob{e(p, 5, 1, "the table [t] is written twice (also on line 3)", "under one [t]")}, ""},
		{"colon for equals", at(`summary: "x"`),
			[]prob{e(p, 3, 8, "settings are written name = value, not name: value", "write = instead of :")}, ""},
		{"space in a name", at(`my summary = "x"`),
			[]prob{e(p, 3, 4, "a setting is written as name = value, and a name has no spaces", "join the words")}, ""},
		{"thousands comma", at("size = 1,000"),
			[]prob{e(p, 3, 8, "numbers are written without commas", "=write size = 1000")}, ""},
		{"two values", at(`summary = "a" "b"`),
			[]prob{e(p, 3, 15, "there is something after the end of this value", "one pair of quotes")}, ""},
		{"unclosed inline table", at("x = { a = 1"),
			[]prob{e(p, 3, 12, "this { } table has no closing }", "end it with }")}, ""},
		{"unclosed long text", at(`x = """abc`),
			[]prob{e(p, 3, 11, "a text of several lines is never closed", `end it with """`)}, ""},
		{"not a number", at("x = 3."),
			[]prob{e(p, 3, 5, "this is not a number", "2.5")}, ""},
		{"backslash", at(`x = "a\q"`),
			[]prob{e(p, 3, 5, `a backslash \ in text starts a special character, and this one is not one`, `write \\`)}, ""},
		{"two commas", at("x = [1,, 2]"),
			[]prob{e(p, 3, 8, "two commas in a row", "remove one")}, ""},
		{"no name", at("= 3"),
			[]prob{e(p, 3, 1, "this setting has no name before the =", "name = value")}, ""},
		{"table name without ]", at("[quality\na = 1"),
			[]prob{e(p, 3, 9, "this table name has no closing ]", "[quality]")}, ""},
		{"impossible date", at("date = 2025-02-30"),
			[]prob{e(p, 3, 8, "2025-02-30 is not a real date", "check the day and the month")}, ""},
	}
	runRules(t, rows)
	for _, r := range rows {
		for _, w := range r.want {
			noJargon(t, w.msg, w.hint)
		}
		_, got := load(t, r.change)
		for _, g := range got {
			noJargon(t, g.Message, g.Hint)
		}
	}
}

// A syntax error in one file of each kind is reported in plain words at
// its line, and every other file is still checked in the same run.
func TestSyntaxMistakeInEveryKindOfFile(t *testing.T) {
	files := []struct{ path, before string }{
		{cfgPath, "title = "}, {providerPath, "name = "}, {sheetPath, "title = "}, {notePath, "title = "},
		{labPath, "title = "}, {pagePath, "title = "}, {evPath, "title = "},
	}
	for _, f := range files {
		t.Run(f.path, func(t *testing.T) {
			_, got := load(t, all(put(evPath, synopsis), put("content/evidence/fine.md", synopsis),
				edit(f.path, f.before, "when = 12/03/2025\n"+f.before),
				edit(providerPath, `pathways = ["chronic-pain"]`, `pathways = ["chronic-pian"]`)))
			line := 2
			if f.path == cfgPath {
				line = 1
			}
			want := []prob{e(f.path, line, 8, "12/03/2025 is not written as a date", "2025-03-12")}
			if f.path != providerPath {
				want = append(want, e(providerPath, 8, 13, `unknown pathway "chronic-pian"`, "chronic-pain"))
			}
			if f.path == cfgPath { // without the vocabularies, a profile's lists are not checked
				want = want[:1]
			}
			checkProblems(t, got, want)
		})
	}
}

// FuzzDecodeSettings feeds arbitrary settings to the decoder of every
// document: it must never panic, and every problem must be at a line of
// the settings, in words without the decoder's jargon. Like the loader,
// it decodes only settings within the limits of size and nesting.
func FuzzDecodeSettings(f *testing.F) {
	for _, s := range []string{provider, "date = 12/03/2025\n", "tags = [\"a\", \"b\"\nx = 1\n", "[t]\n[t]\n", "a = 1\na = 2\n",
		"summary = \"x\",\n", "name: \"x\"\n", "since = \"2012\"\ntags = [\"a\", 3]\n[[quality]]\n", "x = { a = 1\n", "= 3\n"} {
		f.Add([]byte(strings.TrimPrefix(strings.Split(s, "\n+++\n")[0], "+++\n")))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, line, _ := tomlDepth(src, 1, maxTOMLDepth); line > 0 || len(src) > maxFront {
			return // the loader refuses these before decoding
		}
		var probs diag.List
		decodeTOML("p.md", src, 2, &Provider{}, &probs)
		lines := strings.Count(string(src), "\n") + 2
		for _, p := range probs.Items() {
			if p.Message == "" || p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("malformed problem %+v of %q", p, src)
			}
			for _, j := range []string{"expected", "token", "bare key", "top-level item", "unmarshal", "reflect", "toml:"} {
				if strings.Contains(strings.ToLower(p.Message+" "+p.Hint), j) {
					t.Fatalf("jargon %q in %+v of %q", j, p, src)
				}
			}
		}
	})
}
