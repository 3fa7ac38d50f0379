package site

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"artsmap/internal/synth"
	"artsmap/internal/testenv"
)

// validatorMessage is one problem html-validate reports.
type validatorMessage struct {
	RuleID   string `json:"ruleId"`
	Message  string `json:"message"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity int    `json:"severity"`
}

// validatorResult is html-validate's JSON report for one file.
type validatorResult struct {
	FilePath string             `json:"filePath"`
	Messages []validatorMessage `json:"messages"`
}

// htmlValidate runs html-validate, as npm installed it, with the
// repository's .htmlvalidate.json over the files, and returns every
// problem as "file:line:col: message (rule)". Without the validator the
// test skips, except under CI=true, where it fails.
func htmlValidate(t *testing.T, dir string, files []string) []string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(root, "node_modules", ".bin", "html-validate")
	if _, err := os.Stat(bin); err != nil {
		testenv.Missing(t, "html-validate is not installed (%v): run make deps", err)
	}
	// Node cuts long output to a pipe short at exit: the report goes to a file.
	report := filepath.Join(t.TempDir(), "report.json")
	args := append([]string{"--config", filepath.Join(root, ".htmlvalidate.json"), "--formatter", "json=" + report}, files...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	data, rerr := os.ReadFile(report)
	var results []validatorResult
	if jerr := json.Unmarshal(data, &results); rerr != nil || jerr != nil {
		t.Fatalf("html-validate: %v %v %v\n%s", err, rerr, jerr, out)
	}
	problems := validatorProblems(dir, results)
	if err != nil && len(problems) == 0 {
		t.Fatalf("html-validate failed with no report: %v\n%s", err, out)
	}
	return problems
}

// validatorProblems formats each message as "file:line:col: message (rule)",
// with the file relative to dir.
func validatorProblems(dir string, results []validatorResult) []string {
	var problems []string
	for _, r := range results {
		name := r.FilePath
		if rel, err := filepath.Rel(dir, name); err == nil && filepath.IsAbs(name) {
			name = rel
		}
		for _, m := range r.Messages {
			problems = append(problems, filepath.ToSlash(name)+":"+strconv.Itoa(m.Line)+":"+strconv.Itoa(m.Column)+": "+m.Message+" ("+m.RuleID+")")
		}
	}
	return problems
}

// htmlFiles lists the .html files under dir, relative to it.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestMarkupValid builds the real site, a synthetic one, a site of script
// payloads and a small region's site, and validates every HTML file with
// html-validate: no problem at all, warnings included.
func TestMarkupValid(t *testing.T) {
	sites := []struct {
		name string
		fsys func(t *testing.T) fs.FS
	}{
		{"content", func(*testing.T) fs.FS { return os.DirFS("../..") }},
		{"synthetic", func(*testing.T) fs.FS { return synth.Site(230, 1) }}, // three directory pages
		{"hostile", func(t *testing.T) fs.FS { return txtarSite(t, "hostile") }},
		{"fellside", func(t *testing.T) fs.FS { return txtarSite(t, "fellside") }},
		{"evidence", func(t *testing.T) fs.FS { return txtarSite(t, "evidence") }},
	}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			out, _ := build(t, s.fsys(t))
			files := htmlFiles(t, out)
			if len(files) < 10 {
				t.Fatalf("only %d pages built", len(files))
			}
			for _, p := range htmlValidate(t, out, files) {
				t.Error(p)
			}
		})
	}
}

// TestMarkupValidatorFails proves the gate reports broken markup, and
// that the rules turned off in .htmlvalidate.json are only those.
func TestMarkupValidatorFails(t *testing.T) {
	head := "<!doctype html><html lang=\"en\"><head><title>x</title></head><body><main>"
	tests := []struct {
		name, body, rule string
	}{
		{"duplicate id", `<p id="a">1</p><p id="a">2</p>`, "no-dup-id"},
		{"image without alt", `<img src="/a.png" width="1" height="1">`, "wcag/h37"},
		{"unclosed element", `<div><span>x</div>`, "close-order"},
		{"button without type", `<button>Go</button>`, "no-implicit-button-type"},
		{"region role on div", `<div role="region" aria-label="x">t</div>`, "prefer-native-element"},
		{"phone that wraps", `<a href="tel:01632960000">01632 960000</a>`, "tel-non-breaking"},
		{"landmarks with one name", `<nav aria-label="a"></nav><nav aria-label="a"></nav>`, "unique-landmark"},
	}
	dir := t.TempDir()
	var files []string
	for i, tt := range tests {
		name := "page" + strconv.Itoa(i) + ".html"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(head+tt.body+"</main></body></html>\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	problems := htmlValidate(t, dir, files)
	for i, tt := range tests {
		found := false
		for _, p := range problems {
			found = found || (strings.HasPrefix(p, "page"+strconv.Itoa(i)+".html:") && strings.HasSuffix(p, "("+tt.rule+")"))
		}
		if !found {
			t.Errorf("%s: html-validate did not report %s:\n%s", tt.name, tt.rule, strings.Join(problems, "\n"))
		}
	}
}
