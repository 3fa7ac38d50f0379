package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap/internal/diag"
	"artsmap/internal/testenv"
)

// now is the moment every test loads at, so that "stale" never drifts.
var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// siteTOML is a valid content/site.toml. Line numbers in the tables refer
// to this text (the file starts on line 1).
const siteTOML = `title = "Test Map"
base_url = "https://test.example.org/"
timezone = "Europe/London"

[region]
name = "Testshire"
bounds = [-3.0, 51.0, -1.0, 53.0]

[[vocab.districts]]
id = "north"
label = "North"

[[vocab.districts]]
id = "south"
label = "South"

[[vocab.pathways]]
id = "chronic-pain"
label = "Chronic pain"

[[vocab.pathways]]
id = "respiratory"
label = "Respiratory"

[[vocab.artforms]]
id = "singing"
label = "Singing"

[[vocab.audiences]]
id = "older-people"
label = "Older people"

[[vocab.referral]]
id = "gp"
label = "GP"
`

// provider is a valid profile; each table row changes one thing in it.
// Line numbers in the tables refer to this text (+++ is line 1).
const provider = `+++
name = "Test Provider"
kind = "organisation"
summary = "A short summary."
status = "established"
since = 2012
districts = ["north"]
pathways = ["chronic-pain"]
artforms = ["singing"]
audiences = ["older-people"]
referral = ["gp"]
website = "https://example.org"
email = "a@example.org"
phone = "01632 960000"
publish_contact = true
reviewed = 2026-10-01

[quality]
supervision = "Monthly"

[[programmes]]
id = "prog"
title = "Programme"
status = "pilot"
format = "group"
cost = "free"
started = 2020-01-01
venues = ["hall"]
+++
Body text.
`

// locations holds the one venue the programme uses.
const locations = `{"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": "hall", "geometry": {"type": "Point", "coordinates": [-2.1, 52.1]},
  "properties": {"name": "Hall"}}
]}`

const (
	cfgPath      = "content/site.toml"
	providerPath = "content/providers/p/index.md"
	locPath      = "content/providers/p/locations.geojson"
	sheetPath    = "content/factsheets/terms.md"
	notePath     = "content/learning/note.md"
	packPath     = "content/learning/pack/index.md"
	labPath      = "content/events/lab.md"
	pagePath     = "content/pages/about.md"
)

// Documents of the valid site. Line numbers refer to these texts.
const (
	sheet = `+++
title = "Terms"

[[terms]]
term = "Social prescribing"
definition = "Linking people to activity."
see_also = []
+++
`
	note = `+++
title = "Note"
kind = "learning-note"
date = 2026-01-01
+++
`
	pack = `+++
title = "Pack"
kind = "report"
date = 2026-01-01
attachments = [{ file = "full.pdf", title = "Full report" }]
+++
`
	lab = `+++
title = "Lab"
kind = "creative-lab"
start = 2027-03-12T10:00:00Z
end = 2027-03-12T16:00:00Z
+++
`
	page = "+++\ntitle = \"About\"\n+++\nText.\n"
)

// pngData starts like a PNG file, which is all the loader looks at.
const pngData = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// validSite returns a small site that loads without a single problem.
func validSite() fstest.MapFS {
	return fstest.MapFS{
		cfgPath:                          file(siteTOML),
		providerPath:                     file(provider),
		locPath:                          file(locations),
		sheetPath:                        file(sheet),
		notePath:                         file(note),
		packPath:                         file(pack),
		"content/learning/pack/full.pdf": file("%PDF-1.4"),
		labPath:                          file(lab),
		pagePath:                         file(page),
	}
}

// edit replaces the first old with new in one file of the site. A missing
// old is a mistake in the test, so it panics.
func edit(path, old, new string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		f := fsys[path]
		if f == nil {
			panic("test edit: no file " + path)
		}
		f.Data = []byte(replace(string(f.Data), old, new))
	}
}

// put writes (or overwrites) a file of the site.
func put(path, data string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) { fsys[path] = file(data) }
}

// remove deletes a file of the site.
func remove(path string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		if fsys[path] == nil {
			panic("test remove: no file " + path)
		}
		delete(fsys, path)
	}
}

// all applies several changes in turn.
func all(changes ...func(fstest.MapFS)) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		for _, c := range changes {
			c(fsys)
		}
	}
}

// replace is strings.Replace of the first old, where a missing old is a
// mistake in the test.
func replace(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("test replace: %q not found", old))
	}
	return strings.Replace(s, old, new, 1)
}

// load loads the valid site after change.
func load(t *testing.T, change func(fstest.MapFS)) (*Site, []diag.Problem) {
	t.Helper()
	fsys := validSite()
	if change != nil {
		change(fsys)
	}
	s, probs := Load(fsys, Options{Now: now})
	return s, probs.Items()
}

// prob is an expected problem: everything exact except hint, which the
// problem's hint must contain; "" demands no hint at all and a leading "="
// demands exactly the rest.
type prob struct {
	path      string
	line, col int
	msg, hint string
	warn      bool
}

func (p prob) String() string {
	kind := "error"
	if p.warn {
		kind = "warning"
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s (hint containing %q)", p.path, p.line, p.col, kind, p.msg, p.hint)
}

// rule is one row of a validation table: a change to the valid site and
// the complete list of problems it must cause, in order.
type rule struct {
	name   string
	change func(fstest.MapFS)
	want   []prob
	bug    string // when set, the code is known to get this row wrong
}

func e(path string, line, col int, msg, hint string) prob {
	return prob{path, line, col, msg, hint, false}
}

func w(path string, line, col int, msg, hint string) prob {
	return prob{path, line, col, msg, hint, true}
}

// checkProblems compares every problem of got with want.
func checkProblems(t *testing.T, got []diag.Problem, want []prob) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		g, w := got[i], want[i]
		ok = g.Path == w.path && g.Line == w.line && g.Col == w.col && g.Message == w.msg && g.Warning == w.warn &&
			hintMatches(g.Hint, w.hint)
	}
	if !ok {
		var gs, ws []string
		for _, p := range got {
			gs = append(gs, fmt.Sprintf("%s [warning=%v hint=%q]", p, p.Warning, p.Hint))
		}
		for _, p := range want {
			ws = append(ws, p.String())
		}
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(gs, "\n  "), strings.Join(ws, "\n  "))
	}
}

func hintMatches(got, want string) bool {
	if exact, ok := strings.CutPrefix(want, "="); ok {
		return got == exact
	}
	if want == "" {
		return got == ""
	}
	return strings.Contains(got, want)
}

// runRules runs a validation table.
func runRules(t *testing.T, rules []rule) {
	t.Helper()
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			testenv.KnownBug(t, r.bug)
			_, got := load(t, r.change)
			checkProblems(t, got, r.want)
		})
	}
}

func TestValidSiteIsClean(t *testing.T) {
	s, probs := load(t, nil)
	checkProblems(t, probs, nil)
	if len(s.Providers) != 1 || len(s.Factsheets) != 1 || len(s.Learning) != 2 || len(s.Events) != 1 || len(s.Pages) != 1 {
		t.Errorf("loaded %d providers, %d fact sheets, %d learning, %d events, %d pages; want 1, 1, 2, 1, 1",
			len(s.Providers), len(s.Factsheets), len(s.Learning), len(s.Events), len(s.Pages))
	}
}
