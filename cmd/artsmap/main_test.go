package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"artsmap/internal/content"
	"artsmap/internal/diag"
)

// run runs the command line and returns its exit status and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := NewMain(&out, &errOut)
	code := m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

// copySite copies the Gloucestershire content into a temporary site folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"bild"}, exitUsage, `unknown command "bild" (did you mean "build"?)`},
		{[]string{"chekc", "-site", "."}, exitUsage, `(did you mean "check"?)`},
		{[]string{"build", "-h"}, exitOK, "artsmap build"},
		{[]string{"check", "--help"}, exitOK, "artsmap check"},
		{[]string{"serve", "-help"}, exitOK, "artsmap serve"},
		{[]string{"new", "provider", "-h"}, exitOK, "artsmap new"},
		{[]string{"new", "provider", "Two", "Words"}, exitUsage, `unexpected argument "Words" (put a title of several words in quotes)`},
		{[]string{"help"}, exitOK, "artsmap build"},
		{[]string{"build", "-nope"}, exitUsage, "flag provided but not defined"},
		{[]string{"build", "extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"check", "-format", "xml"}, exitUsage, "-format must be text or json"},
		{[]string{"new"}, exitUsage, "say what to make"},
		{[]string{"new", "poem", "Ode", "-site", t.TempDir()}, exitContent, "no site settings"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("artsmap %v = %d, %q; want %d and %q", tt.args, code, out+errOut, tt.code, tt.want)
		}
	}
}

func TestBuildAndCheck(t *testing.T) {
	dir := copySite(t)
	if code, out, errOut := run(t, "check", "-site", dir); code != exitOK || !strings.Contains(out, "no problems found") {
		t.Fatalf("check = %d\n%s%s", code, out, errOut)
	}
	out := filepath.Join(dir, "public")
	if code, _, errOut := run(t, "build", "-site", dir); code != exitOK {
		t.Fatalf("build = %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "providers", "mindsong", "index.html")); err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(dir, "content", "providers", "mindsong", "index.md")
	src, _ := os.ReadFile(profile)
	broken := strings.Replace(string(src), `pathways = ["respiratory"`, `pathways = ["respiratry"`, 1)
	if broken == string(src) {
		t.Fatal("the test could not break the profile")
	}
	os.WriteFile(profile, []byte(broken), 0o644)
	code, stdout, _ := run(t, "check", "-site", dir)
	if code != exitContent || !strings.Contains(stdout, `content/providers/mindsong/index.md:`) ||
		!strings.Contains(stdout, `unknown pathway "respiratry" (did you mean "respiratory"?`) {
		t.Errorf("check of a broken profile = %d:\n%s", code, stdout)
	}
	code, stdout, _ = run(t, "check", "-site", dir, "-format", "json")
	var probs []diag.Problem
	if err := json.Unmarshal([]byte(stdout), &probs); err != nil || code != exitContent || len(probs) == 0 || probs[0].Line == 0 {
		t.Errorf("check -format json = %d, %v, %+v", code, err, probs)
	}
	if code, _, errOut := run(t, "build", "-site", dir); code != exitContent || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("build of a broken site = %d: %s", code, errOut)
	}
}

func TestNew(t *testing.T) {
	dir := copySite(t)
	for _, kind := range []string{"provider", "factsheet", "learning", "event"} {
		if code, out, errOut := run(t, "new", kind, "Côr Anadl "+kind, "-site", dir); code != exitOK {
			t.Fatalf("new %s = %d: %s%s", kind, code, out, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "providers", "cor-anadl-provider", "locations.geojson")); err != nil {
		t.Error(err)
	}
	if code, _, errOut := run(t, "new", "provider", "Côr Anadl provider", "-site", dir); code != exitUsage || !strings.Contains(errOut, "already exists") {
		t.Errorf("second new = %d: %s", code, errOut)
	}
	// Every example text of the scaffolds, and every required setting they
	// leave empty, is an error at its line in the new files; nothing else is.
	news := []string{"content/providers/cor-anadl-provider/index.md", "content/providers/cor-anadl-provider/locations.geojson",
		"content/factsheets/cor-anadl-factsheet.md", "content/learning/cor-anadl-learning.md", "content/events/cor-anadl-event.md"}
	code, out, _ := run(t, "check", "-site", dir)
	if code != exitContent || strings.Count(out, "still the example") != 18 {
		t.Errorf("check after new = %d, want 1 and 18 example texts named:\n%s", code, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(line, "warning:") && !slices.ContainsFunc(news, func(n string) bool { return strings.HasPrefix(line, n+":") }) {
			t.Errorf("an error outside the new files: %s", line)
		}
	}
	for _, n := range news {
		fillNew(t, filepath.Join(dir, filepath.FromSlash(n)))
	}
	if code, out, _ := run(t, "check", "-site", dir); code != exitOK {
		t.Errorf("check after writing over the examples = %d:\n%s", code, out)
	}
}

// fillNew writes over what a file made by "new" leaves for a person to
// give (the example texts, which check refuses, the required settings left
// empty and the venue's position), as a person would.
func fillNew(t *testing.T, name string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	kind := ""
	for section, k := range map[string]string{"providers": "organisation", "learning": "report", "events": "training"} {
		if strings.Contains(filepath.ToSlash(name), "/content/"+section+"/") {
			kind = k
		}
	}
	ph := content.Placeholders
	text := strings.NewReplacer(ph.Summary, "Singing for people with COPD.", ph.ProgrammeTitle, "Singing for Breathing",
		ph.ProgrammeSummary, "Songs and breathing exercises.", ph.Sessions, "Weekly, 90 minutes", ph.Body, "We run singing groups.",
		ph.SheetSummary, "Terms for commissioners.", ph.Term, "Anadl term", ph.Definition, "A word we use.", ph.SheetBody, "Read me.",
		ph.Authors, "The network", ph.LearningSummary, "What we found.", ph.LearningBody, "The findings.",
		ph.EventSummary, "A day of singing.", ph.Venue, "Village Hall", ph.Address, "1 High Street, Stroud", ph.EventBody, "Come along.",
		`kind = ""`, `kind = "`+kind+`"`, `date = ""`, "date = 2026-06-30", `start = ""`, "start = 2027-06-10T10:00:00Z",
		"districts = []", `districts = ["stroud"]`, "pathways = []", `pathways = ["respiratory"]`, "artforms = []", `artforms = ["singing"]`,
	).Replace(string(data))
	text = regexp.MustCompile(`(?m)^status = ""`).ReplaceAllString(text, `status = "emerging"`)
	text = regexp.MustCompile(`"coordinates": \[[^\]]*\]`).ReplaceAllString(text, `"coordinates": [-2.1, 51.75]`)
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalEscapes builds and checks a site whose folder and one of
// whose files are named with terminal control sequences: nothing printed
// carries the escape character.
func TestTerminalEscapes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site\x1b]0;pwned\x07\x1b[2J")
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "build", "-site", dir)
	if code != exitOK || strings.ContainsRune(out+errOut, 0x1b) {
		t.Errorf("build = %d, printed %q", code, out+errOut)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "pages", "x\x1b[31m.md"), []byte("no front matter"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = run(t, "check", "-site", dir)
	if code != exitContent || strings.ContainsRune(out+errOut, 0x1b) || !strings.Contains(out, `\x1b[31m.md`) {
		t.Errorf("check = %d, printed %q", code, out+errOut)
	}
}

// TestBuildRefusesThroughCommand checks that the command line passes the
// site folder on: build -out SITE and -out SITE/content are refused, exit
// 1, and so is a file, each with every file left as it was.
func TestBuildRefusesThroughCommand(t *testing.T) {
	dir := copySite(t)
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dir)
	for _, out := range []string{dir, filepath.Join(dir, "content"), filepath.Join(dir, "content", "providers"), notes, filepath.Dir(dir)} {
		code, stdout, errOut := run(t, "build", "-site", dir, "-out", out)
		if code != exitContent || !strings.Contains(errOut, "will not build into") || !strings.Contains(errOut, "nothing was changed") {
			t.Errorf("build -out %s = %d: %s%s", out, code, stdout, errOut)
		}
	}
	after := tree(t, dir)
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed", name)
		}
	}
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCheckMeansBuild: a site whose layout fails at run time and whose
// static file takes a page's address fails check as it fails build (check
// said "no problems found"), and the build writes nothing.
func TestCheckMeansBuild(t *testing.T) {
	dir := copySite(t)
	for name, data := range map[string]string{
		"layouts/page.html": "{{define \"main\"}}\n<p>{{.Nope}}</p>\n{{end}}",
		"static/feed.xml":   "<feed/>",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"layouts/page.html:2:6: {{.Nope}} fails:", "static/feed.xml:1:1: this file would be published at /feed.xml"}
	code, stdout, _ := run(t, "check", "-site", dir)
	for _, w := range want {
		if code != exitContent || !strings.Contains(stdout, w) || strings.Contains(stdout, "no problems found") {
			t.Errorf("check = %d, want %d and %q in:\n%s", code, exitContent, w, stdout)
		}
	}
	// The build stops at the clash, before making pages; without it, at the layout.
	for i := len(want) - 1; i >= 0; i-- {
		code, _, errOut := run(t, "build", "-site", dir)
		if code != exitContent || !strings.Contains(errOut, want[i]) {
			t.Errorf("build = %d, want %d and %q in:\n%s", code, exitContent, want[i], errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
			t.Error("a failed build wrote public/")
		}
		os.Remove(filepath.Join(dir, "static", "feed.xml"))
	}
}

// TestNewHelpWritesNothing: "new provider -h" prints the usage and makes
// no provider called "h" (it used to).
func TestNewHelpWritesNothing(t *testing.T) {
	dir := copySite(t)
	code, out, _ := run(t, "new", "provider", "-h", "-site", dir)
	if code != exitOK || !strings.Contains(out, "Usage:") {
		t.Errorf("new provider -h = %d, %q; want the usage and 0", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "providers", "h")); err == nil {
		t.Error(`"new provider -h" wrote content/providers/h`)
	}
}

// TestErrorCountSingular: one error is "1 error", not "1 errors".
func TestErrorCountSingular(t *testing.T) {
	dir := copySite(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "pages", "untitled.md"), []byte("+++\n+++\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "build", "-site", dir)
	if code != exitContent || !strings.Contains(errOut, "artsmap: 1 error; nothing was written") {
		t.Errorf("build = %d, %q; want exit 1 and \"1 error\"", code, errOut)
	}
}

// TestNewClaimsNothing: a profile made by "new provider" and built as it
// stands says "Not stated" about quality and access, never "Yes" (the
// scaffold used to set safeguarding, DBS, insurance and step-free access
// to true).
func TestNewClaimsNothing(t *testing.T) {
	dir := copySite(t)
	if code, _, errOut := run(t, "new", "provider", "Plain Claims", "-site", dir); code != exitOK {
		t.Fatalf("new = %d: %s", code, errOut)
	}
	fillNew(t, filepath.Join(dir, "content", "providers", "plain-claims", "index.md"))
	fillNew(t, filepath.Join(dir, "content", "providers", "plain-claims", "locations.geojson"))
	out := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := run(t, "build", "-site", dir, "-out", out); code != exitOK {
		t.Fatalf("build = %d: %s", code, errOut)
	}
	page, err := os.ReadFile(filepath.Join(out, "providers", "plain-claims", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, fact := range []string{"Safeguarding policy", "DBS-checked staff", "Insurance", "Step-free access", "Hearing loop", "Parking"} {
		if !strings.Contains(string(page), "<dt>"+fact+"</dt><dd>Not stated</dd>") {
			t.Errorf("the new profile does not say %q is not stated", fact)
		}
	}
}

// TestBuildSaysWhatTheCacheGave: a second build of a site written before
// (more than the 2 s a folder must be old to be kept) takes every
// provider folder from the cache and says so; with ARTSMAP_CACHE=off it
// says nothing of a cache, and the cache is never in the output.
func TestBuildSaysWhatTheCacheGave(t *testing.T) {
	dir := copySite(t)
	t.Setenv("ARTSMAP_CACHE", t.TempDir())
	time.Sleep(2100 * time.Millisecond)
	if code, _, errOut := run(t, "build", "-site", dir); code != exitOK {
		t.Fatalf("build = %d: %s", code, errOut)
	}
	providers, _ := os.ReadDir(filepath.Join(dir, "content", "providers"))
	code, out, errOut := run(t, "build", "-site", dir)
	want := fmt.Sprintf("; %d provider folders unchanged, taken from the cache)", len(providers))
	if code != exitOK || !strings.Contains(out, want) {
		t.Errorf("the second build = %d, want %q:\n%s%s", code, want, out, errOut)
	}
	t.Setenv("ARTSMAP_CACHE", "off")
	if code, out, _ := run(t, "build", "-site", dir); code != exitOK || strings.Contains(out, "cache") {
		t.Errorf("ARTSMAP_CACHE=off = %d: %s", code, out)
	}
	for p := range tree(t, filepath.Join(dir, "public")) {
		if name := filepath.Base(p); name == "folders" || name == "cards" {
			t.Errorf("the cache is in the output: %s", p)
		}
	}
}
