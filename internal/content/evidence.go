package content

import (
	"slices"
	"strings"
	"unicode/utf8"

	"artsmap/internal/registry"
)

// maxFinding is the longest finding, in characters: one or two sentences.
const maxFinding = 400

// Evidence is a synopsis of one study or review: content/evidence/<slug>.md.
type Evidence struct {
	Publication
	Source       `toml:"-"`
	Title        string     `toml:"title"`
	Pathways     []string   `toml:"pathways"`
	Artforms     []string   `toml:"artforms"`
	Design       string     `toml:"design"`
	Population   string     `toml:"population"`
	Participants int        `toml:"participants"`
	Setting      string     `toml:"setting"`
	Measures     []string   `toml:"measures"`
	Certainty    string     `toml:"certainty"`
	Finding      string     `toml:"finding"`
	Reviewed     Date       `toml:"reviewed"`
	Reference    *Reference `toml:"reference"`
}

func (l *loader) loadEvidence(p, s string) {
	ev := &Evidence{}
	if d := l.readDoc(p, ev, &ev.Source); d != nil {
		ev.Slug = s
		l.checkEvidence(ev, d)
		l.site.Evidence = append(l.site.Evidence, ev)
	}
}

// checkEvidence checks a synopsis: each problem at its value.
func (l *loader) checkEvidence(ev *Evidence, d *decoded) {
	l.required(d, "title", ev.Title)
	l.vocabList(d, "pathways", ev.Pathways, "pathways", true)
	l.vocabList(d, "artforms", ev.Artforms, "artforms", false)
	l.oneOf(d, "design", ev.Design, registry.DesignChoices().IDs(), true)
	l.oneOf(d, "certainty", ev.Certainty, registry.CertaintyChoices().IDs(), true)
	l.required(d, "population", ev.Population)
	if d.has("participants") && ev.Participants < 1 {
		l.errAt(d, "participants", "participants must be a whole number of 1 or more").Hint =
			"leave participants out when the study does not say"
	}
	l.warnHTML(d, "population", ev.Population)
	l.warnHTML(d, "setting", ev.Setting)
	l.checkMeasures(d, ev.Measures)
	if l.required(d, "finding", ev.Finding) {
		l.warnHTML(d, "finding", ev.Finding)
		if n := utf8.RuneCountInString(ev.Finding); n > maxFinding {
			l.errAt(d, "finding", "finding is %d characters long; the limit is %d", n, maxFinding).Hint =
				"say what it found in one or two sentences and put the rest in the text below the +++"
		}
	}
	l.checkEvidenceReviewed(ev, d)
	if ev.Reference == nil {
		if d.has("reference") { // written, but of the wrong type: reported
			return
		}
		end := d.first + strings.Count(d.text, "\n") // the closing +++
		l.probs.Errorf(d.path, end, 1, "the synopsis has no [reference]: the study it describes").Hint =
			"add a [reference] table with type, authors, year, title, journal and doi before this +++"
		return
	}
	l.checkReference(d, "reference", ev.Reference, true)
	if ev.Reference.DOI == "" && ev.Reference.URL == "" {
		l.warnAt(d, "reference", "the reference has neither a doi nor a url, so readers cannot find the study").Hint =
			`add doi = "10.xxxx/..." or url = "https://..."`
	}
}

// warnHTML warns about HTML in a plain-text setting, which is shown as written.
func (l *loader) warnHTML(d *decoded, key, s string) {
	if strings.ContainsAny(s, "<>") && looksLikeHTML(s) {
		l.warnAt(d, key, "%s contains HTML, which is shown as plain text", key)
	}
}

func (l *loader) checkMeasures(d *decoded, ms []string) {
	for i, m := range ms {
		n := countOf(ms[:i], m)
		switch {
		case strings.TrimSpace(m) == "":
			p := d.loc().elementN("measures", m, n)
			l.probs.Errorf(d.path, p.Line, p.Col, "measure %d is empty", i+1).Hint = "remove it, or name the outcome measure"
		case slices.Contains(ms[:i], m):
			p := d.loc().elementN("measures", m, n)
			l.probs.Warnf(d.path, p.Line, p.Col, "%q is listed twice in measures", m)
		}
	}
}

func (l *loader) checkEvidenceReviewed(ev *Evidence, d *decoded) {
	if ev.Reviewed.IsZero() {
		l.errAt(d, "reviewed", "reviewed is required: the date the synopsis was written or checked").Hint =
			"add reviewed = " + l.opts.Now.Format("2006-01-02")
		return
	}
	if ev.Reviewed.After(l.opts.Now.AddDate(0, 0, 1)) {
		l.warnAt(d, "reviewed", "reviewed %s is in the future", ev.Reviewed)
	}
}
