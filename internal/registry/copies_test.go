package registry

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// scannedIDs are the ids that must have one home, this package: every
// status, kind (of provider, learning output and event), format, cost,
// study design, certainty and reference type.
func scannedIDs() []string {
	var ids []string
	for _, cs := range []Choices{ProgrammeStatuses(), ProviderKindChoices(), FormatChoices(), CostChoices(),
		LearningKindChoices(), EventKinds, DesignChoices(), CertaintyChoices(), ReferenceTypes} {
		for _, id := range cs.IDs() {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// homonyms are the places where an id's word is written for something
// else: a setting's or a folder's name, a word of a sentence. Each is
// counted, so that a copy of the id added beside one is still found.
var homonyms = map[string]map[string]int{
	"venue": { // the provider kind; also a place where sessions run
		"internal/cms/collections.go":  1, // an event's venue setting
		"internal/cms/joining.go":      1, // a schedule's venue setting
		"internal/site/exports.go":     2, // the GeoJSON feature kind "venue" and its property
		"layouts/home.html":            1, // {{plural .Venues "venue" "venues"}}
		"layouts/partials/map.html":    1, // likewise
		"layouts/provider.html":        1, // class="venue"
		"layouts/venues.html":          2, // plural
		"static/css/site.css":          6, // .venue, the venue's block on a profile, .venue-marker and .handout-venue
		"static/css/print.css":         1, // .venue
		"static/js/map/inview.js":      1, // 'venue' : 'venues'
		"internal/scaffold/profile.go": 1, // the id of a form's venue without a name
	},
	"evidence": { // the learning kind; also the evidence library, its folder and pages
		"internal/cms/evidence.go":        1, // the collection's name
		"internal/content/docs.go":        1, // a page slug the library takes
		"internal/content/load.go":        1, // content/evidence/
		"internal/scaffold/scaffold.go":   2, // artsmap new evidence
		"internal/site/evidence_pages.go": 1, // the synopsis layout
		"internal/site/templates.go":      1, // likewise
		"layouts/partials/evidence.html":  2, // the section's id
		"static/css/site.css":             4, // the library's classes
	},
	"ended": {
		"internal/cms/collections.go": 1, // a programme's ended date
		"internal/site/exports.go":    1, // likewise, in the GeoJSON
	},
	"report": { // the learning kind; also "Report a problem with this listing"
		"static/css/site.css":          9, // the report form's classes
		"layouts/partials/report.html": 4, // the form's template, id and class
		"layouts/provider.html":        1, // {{template "report" $}}
	},
	"article":  {"static/js/admin/preview.js": 2},                            // the HTML element
	"training": {"internal/cms/collections.go": 1},                           // the quality table's training setting
	"online":   {"internal/openreferral/schedule.go": 1},                     // HSDS's attending type
	"group":    {"layouts/coverage.html": 1, "layouts/partials/map.html": 1}, // role="group"
	"book":     {"internal/cms/evidence.go": 1},                              // a reference's book setting
}

// TestOneHome scans the source (Go files other than tests outside this
// package, layouts/, static/js/ and static/css/) for a second copy of any
// id of the registry: a Go or template string that is the id, a script's
// quoted id or object key, a class name or custom property in CSS or a
// template. Adding a value to a list is then one edit, here.
func TestOneHome(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]map[string]int{} // id -> file -> count
	for _, f := range sourceFiles(t, root) {
		for id, n := range copiesIn(t, root, f, scannedIDs()) {
			if found[id] == nil {
				found[id] = map[string]int{}
			}
			found[id][f] += n
		}
	}
	for id, files := range found {
		for f, n := range files {
			if n > homonyms[id][f] {
				t.Errorf("%s: %d copies of the registry's id %q (%d known homonyms): read it from internal/registry instead",
					f, n, id, homonyms[id][f])
			}
		}
	}
	for id, files := range homonyms {
		for f, n := range files {
			if found[id][f] < n {
				t.Errorf("homonyms: %s lists %d uses of %q, found %d: lower the count", f, n, id, found[id][f])
			}
		}
	}
}

// sourceFiles lists the files scanned, relative to root.
func sourceFiles(t *testing.T, root string) []string {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch {
			case rel == ".":
				return nil
			case strings.HasPrefix(d.Name(), "."), rel == "node_modules", rel == "static/vendor", rel == "content",
				rel == "internal/registry", d.Name() == "testdata":
				return fs.SkipDir
			}
			return nil
		}
		if scanned(rel) {
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 50 {
		t.Fatalf("found only %d source files under %s: is this the repository?", len(out), root)
	}
	return out
}

func scanned(rel string) bool {
	switch {
	case strings.HasSuffix(rel, ".go"):
		return !strings.HasSuffix(rel, "_test.go")
	case strings.HasPrefix(rel, "layouts/"):
		return strings.HasSuffix(rel, ".html")
	case strings.HasPrefix(rel, "static/js/"):
		return strings.HasSuffix(rel, ".js")
	case strings.HasPrefix(rel, "static/css/"):
		return strings.HasSuffix(rel, ".css")
	}
	return false
}

// copiesIn counts the copies of each id in one file.
func copiesIn(t *testing.T, root, rel string, ids []string) map[string]int {
	src, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	if strings.HasSuffix(rel, ".go") {
		strs := goStrings(t, rel, src)
		for _, id := range ids {
			class := classOf(id)
			for _, s := range strs {
				if s == id || class.MatchString(s) {
					out[id]++
				}
			}
		}
		return out
	}
	for _, id := range ids {
		if n := len(patternOf(id, path.Ext(rel)).FindAllIndex(src, -1)); n > 0 {
			out[id] = n
		}
	}
	return out
}

// patternOf matches a copy of id in a file of a kind (".html", ".js",
// ".css"): quoted, a status class, and in a script an object key, in a
// stylesheet a class or custom property.
func patternOf(id, ext string) *regexp.Regexp {
	q := regexp.QuoteMeta(id)
	alts := []string{"[\"'`]" + q + "[\"'`]", classOf(id).String()}
	switch ext {
	case ".js":
		alts = append(alts, `[{,]\s*`+q+`\s*:`)
	case ".css":
		alts = append(alts, `--`+q+`\b`, `\.`+q+`\b`)
	}
	return regexp.MustCompile("(" + strings.Join(alts, ")|(") + ")")
}

// classOf matches a class name made from a status id.
func classOf(id string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^a-z0-9-])(status|m)-` + regexp.QuoteMeta(id) + `($|[^a-z0-9-])`)
}

// goStrings lists the string literals of a Go file, struct tags left out.
func goStrings(t *testing.T, rel string, src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), rel, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if field, ok := n.(*ast.Field); ok && field.Tag != nil {
			ast.Inspect(field.Type, func(m ast.Node) bool { return collect(m, &out) })
			return false
		}
		return collect(n, &out)
	})
	return out
}

func collect(n ast.Node, out *[]string) bool {
	if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if s, err := strconv.Unquote(lit.Value); err == nil {
			*out = append(*out, s)
		}
	}
	return true
}
