package site

import (
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"artsmap"
	"artsmap/internal/synth"
)

// nuMessage is one message of the Nu HTML Checker's JSON report.
type nuMessage struct {
	Type    string `json:"type"`    // error, info or non-document-error
	SubType string `json:"subType"` // "warning" for an info that counts
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"firstColumn"`
	Message string `json:"message"`
}

// nuCheck runs the Nu HTML Checker (npm vnu-jar, on Debian's Java) once
// over the given folders or files, so that one JVM start serves every
// page, and returns each error and warning as "file:line:col: message",
// with the file relative to base. A missing checker or Java fails the
// test: there is no skip.
func nuCheck(t *testing.T, base string, paths []string) []string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	jar := filepath.Join(root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("the Nu HTML Checker is required (%v): run make deps", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("Java is required for the Nu HTML Checker (%v): run make deps", err)
	}
	args := append([]string{"-Xss4m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", "--skip-non-html"}, paths...)
	cmd := exec.Command(java, args...)
	cmd.Dir = base
	out, err := cmd.Output()
	var report struct {
		Messages []nuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &report); err != nil || jerr != nil {
		t.Fatalf("vnu: %v %v\n%s", err, jerr, out)
	}
	var problems []string
	for _, m := range report.Messages {
		if m.Type == "info" && (m.SubType != "warning" || strings.HasPrefix(m.Message, nuAllowedWarning)) {
			continue
		}
		problems = append(problems, nuFile(base, m.URL)+":"+strconv.Itoa(m.Line)+":"+strconv.Itoa(m.Column)+": "+m.Type+": "+m.Message)
	}
	return problems
}

// nuAllowedWarning is the one warning the gate lets through (errors never
// are): a wide table sits in a <section> named by its caption with
// aria-labelledby, a focusable region that keyboard users can scroll
// (WCAG 2.1.1). Nu would have a heading in it or a <div role="region">,
// which html-validate's prefer-native-element rule refuses; a caption is
// the table's heading. See docs/testing.md.
const nuAllowedWarning = "Section lacks heading."

// nuFile turns a report's file: URL into a path relative to base.
func nuFile(base, u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "file" {
		return u
	}
	if rel, err := filepath.Rel(base, p.Path); err == nil {
		return filepath.ToSlash(rel)
	}
	return p.Path
}

// validatorSites are the builds every validator gate checks: the real
// content, a synthetic site of three directory pages, the payload site
// and a small region's site.
var validatorSites = []struct {
	name string
	fsys func(t *testing.T) fs.FS
}{
	{"content", func(*testing.T) fs.FS { return os.DirFS("../..") }},
	{"synthetic", func(*testing.T) fs.FS { return synth.Site(230, 1) }},
	{"hostile", func(t *testing.T) fs.FS { return txtarSite(t, "hostile") }},
	{"fellside", func(t *testing.T) fs.FS { return txtarSite(t, "fellside") }},
}

// buildValidatorSites builds every site of validatorSites into one
// temporary folder, each in a subfolder named for it.
func buildValidatorSites(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	for _, s := range validatorSites {
		out := filepath.Join(base, s.name)
		if _, err := Build(Options{Site: s.fsys(t), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
			t.Fatalf("%s: build failed: %v", s.name, err)
		}
	}
	return base
}

// TestNuValid checks every page of the four builds with the Nu HTML
// Checker in one run: no error and no warning.
func TestNuValid(t *testing.T) {
	base := buildValidatorSites(t)
	var dirs []string
	for _, s := range validatorSites {
		dirs = append(dirs, s.name)
	}
	for _, p := range nuCheck(t, base, dirs) {
		t.Error(p)
	}
}

// TestNuDetects proves the gate reports what html-validate lets through
// or never looks at: a skipped heading level, an element where it may
// not be, a bad attribute value and a stray end tag.
func TestNuDetects(t *testing.T) {
	head := "<!doctype html><html lang=\"en\"><head><title>x</title></head><body><main>"
	tests := []struct{ name, body, want string }{
		{"heading level skipped", `<h1>a</h1><h3>b</h3>`, "skipping 1 heading level"},
		{"div inside a list", `<ul><div>x</div></ul>`, "not allowed as child of element"},
		{"bad date", `<time datetime="2026-13-45">x</time>`, "Bad value"},
		{"stray end tag", `<p>x</p></section>`, "Stray end tag"},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		name := "page" + strconv.Itoa(i) + ".html"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(head+tt.body+"</main></body></html>\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	problems := nuCheck(t, dir, []string{"."})
	for i, tt := range tests {
		found := false
		for _, p := range problems {
			found = found || (strings.HasPrefix(p, "page"+strconv.Itoa(i)+".html:") && strings.Contains(p, tt.want))
		}
		if !found {
			t.Errorf("%s: vnu did not report %q:\n%s", tt.name, tt.want, strings.Join(problems, "\n"))
		}
	}
}
