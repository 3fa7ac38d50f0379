package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// breakFile replaces each old with its new in a file of the site, failing
// the test when an old is not there.
func breakFile(t *testing.T, path string, pairs ...string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s holds no %q", path, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEveryMistakeInOneRun: a site with four kinds of mistake in one
// profile (a quoted date written day first, a number where text goes, a
// misspelt pathway, a misspelt setting) and a TOML syntax error in an
// event gets every one reported by one check, each at its line, in plain
// words, with exit status 1. The decoder alone stops a file at its first
// wrongly typed value.
func TestEveryMistakeInOneRun(t *testing.T) {
	dir := copySite(t)
	profile := filepath.Join(dir, "content", "providers", "afterglow-arts", "index.md")
	breakFile(t, profile,
		"reviewed = 2026-03-30", `reviewed = "30/03/2026"`,
		`eligibility = "Adults. Health focus: Long COVID."`, "eligibility = 18",
		`pathways = ["long-covid"]`, `pathways = ["long-covd"]`,
		"reply_days = 5", "reply_dayz = 5")
	breakFile(t, filepath.Join(dir, "content", "events", "learning-event-2027.md"),
		`venue = "Castle Street Rooms"`, `venue = "Castle Street Rooms",`)
	code, out, errOut := run(t, "check", "-site", dir)
	if code != exitContent {
		t.Errorf("check = %d, want %d; stderr %q", code, exitContent, errOut)
	}
	p, ev := "content/providers/afterglow-arts/index.md", "content/events/learning-event-2027.md"
	want := []string{
		p + `:8:13: unknown pathway "long-covd" (did you mean "long-covid"?`,
		p + `:12:15: "eligibility" should be text in quotes, not the number 18 (put the text in double quotes: eligibility = "18")`,
		p + `:16:1: unknown setting "reply_dayz" (did you mean "reply_days"?)`,
		p + `:21:12: "30/03/2026" is not a date (write dates as 2026-03-30, year first)`,
		ev + `:7:30: there is a comma at the end of this line (remove it: each setting goes on a line of its own, with no comma after it)`,
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(l, ": warning: ") {
			got = append(got, l)
		}
	}
	if len(got) != len(want) {
		t.Errorf("check reported %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("check did not report\n  %s\nin\n%s", w, out)
		}
	}
}

// TestCheckListsDrafts: check lists a draft profile as a note and passes;
// build leaves the profile out.
func TestCheckListsDrafts(t *testing.T) {
	dir := copySite(t)
	breakFile(t, filepath.Join(dir, "content", "providers", "afterglow-arts", "index.md"), "+++\n", "+++\ndraft = true\n")
	code, out, errOut := run(t, "check", "-site", dir)
	want := "content/providers/afterglow-arts/index.md:2:9: note: draft: left out of the built site, shown only by serve"
	if code != exitOK || !strings.Contains(out, want) {
		t.Errorf("check = %d, %q, %q; want exit 0 and %q", code, out, errOut, want)
	}
	public := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := run(t, "build", "-site", dir, "-out", public); code != exitOK {
		t.Fatalf("build = %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(public, "providers", "afterglow-arts")); err == nil {
		t.Error("build published the draft profile")
	}
}
