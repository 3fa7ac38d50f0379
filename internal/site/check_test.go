package site

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"artsmap"
	"artsmap/internal/diag"
)

// TestCheckFindsBuildFailures: whatever makes a build fail makes check
// fail too, with the same problem at the file that causes it, and the
// build writes nothing.
func TestCheckFindsBuildFailures(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // every problem, as printed
	}{
		{"layout syntax error", map[string]string{
			"layouts/page.html": "{{define \"main\"}}\n<p>{{with .Doc}</p>\n{{end}}",
		}, []string{`layouts/page.html:2:1: this layout cannot be read: a single "}" where "}}" should end the action (correct the template here, or remove layouts/page.html to use the built-in one)`}},
		{"layout runtime error", map[string]string{
			"layouts/page.html": "{{define \"main\"}}\n<p>{{.Nope}}</p>\n{{end}}",
		}, []string{`layouts/page.html:2:6: {{.Nope}} fails: can't evaluate field Nope in type *site.Page while making /about/ (correct the template here, or remove layouts/page.html to use the built-in one)`}},
		{"runtime error in a partial", map[string]string{
			"layouts/page.html":           "{{define \"main\"}}\n{{template \"extra\" .}}\n{{end}}",
			"layouts/partials/extra.html": "{{define \"extra\"}}\n\n  <b>{{.Doc.Nope}}</b>{{end}}",
		}, []string{`layouts/partials/extra.html:3:12: {{.Doc.Nope}} fails: can't evaluate field Nope in type *site.DocPage while making /about/ (correct the template here, or remove layouts/partials/extra.html to use the built-in one)`}},
		{"static page over a generated page", map[string]string{
			"static/providers/index.html": "<p>mine</p>",
			"static/feed.xml":             "<feed/>",
		}, []string{
			`static/feed.xml:1:1: this file would be published at /feed.xml, which the site already makes from its content (rename or remove static/feed.xml)`,
			`static/providers/index.html:1:1: this file would be published at /providers/, which the site already makes from its content (rename or remove static/providers/index.html)`,
		}},
		{"layout error beside a content error", map[string]string{
			"layouts/page.html":      "{{define \"main\"}}{{end}",
			"content/pages/about.md": "+++\n+++\n",
		}, []string{
			`content/pages/about.md:2:1: title is required (add title = "...")`,
			`layouts/page.html:1:1: this layout cannot be read: a single "}" where "}}" should end the action (correct the template here, or remove layouts/page.html to use the built-in one)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			for name, data := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
			}
			opts := Options{Site: fsys, Theme: artsmap.Theme, Now: testNow, Out: filepath.Join(t.TempDir(), "public")}
			res, err := Check(opts)
			assertProblems(t, "check", res, err, tc.want)
			res, err = Build(opts)
			assertProblems(t, "build", res, err, tc.want)
			if _, err := os.Stat(opts.Out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a failed build wrote %s", opts.Out)
			}
		})
	}
}

func assertProblems(t *testing.T, what string, res Result, err error, want []string) {
	t.Helper()
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Errorf("%s: err = %v, want content errors", what, err)
	}
	var got []string
	for _, p := range res.Problems {
		if !p.Warning {
			got = append(got, p.String())
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: problems\n%q\nwant\n%q", what, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s:\n got %s\nwant %s", what, got[i], want[i])
		}
	}
}

// TestCheckEmptyStaticFolder: an empty folder in static/ that the theme
// does not have is not a failure (it was: "open providers: file does not exist").
func TestCheckEmptyStaticFolder(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	fsys["static/providers"] = &fstest.MapFile{Mode: os.ModeDir | 0o755}
	fsys["static/empty"] = &fstest.MapFile{Mode: os.ModeDir | 0o755}
	if _, err := Check(Options{Site: fsys, Theme: artsmap.Theme, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	build(t, fsys)
}
