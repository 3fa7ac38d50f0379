package content

import (
	"artsmap/internal/markdown"
	"io/fs"
	"math"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"artsmap/internal/diag"
	"artsmap/internal/registry"
	"artsmap/internal/slug"
)

var (
	doiPattern = regexp.MustCompile(`^10\.\d{4,9}/\S+$`)
	htmlTag    = regexp.MustCompile(`(?i)<\s*/?\s*[a-z][a-z0-9-]*[\s/>]`)
)

func looksLikeHTML(s string) bool { return htmlTag.MatchString(s) }

// inlineMarkdown warns, at the value, about what the site will drop from
// a short Markdown text (a definition, a vocabulary description): raw
// HTML and links that are not http(s), mailto or tel, as for bodies.
func (l *loader) inlineMarkdown(d *decoded, path, text string) {
	if text == "" {
		return
	}
	for _, is := range l.renderer().Check([]byte(text)) {
		l.warnAt(d, path, "%s", is.Message)
	}
}

// bodyMarkdown warns, at its line, about what the site will drop from a
// Markdown file's body (see inlineMarkdown): the load reports it, so that
// a folder taken from the cache reports it again without its body being
// rendered, and the site renders a body only for the files that show it.
func (l *loader) bodyMarkdown(p string, body []byte, bodyLine int) {
	for _, is := range l.renderer().Check(body) {
		l.probs.Warnf(p, bodyLine+is.Line-1, 1, "%s", is.Message)
	}
}

// renderer is the Markdown renderer of the site's base URL's host (as
// the site renders with), made when first asked for, and again when the
// host changed since (a reload).
func (l *loader) renderer() *markdown.Renderer {
	host := ""
	if u, err := url.Parse(l.site.Config.BaseURL); err == nil {
		host = u.Hostname()
	}
	if l.md == nil || l.mdHost != host {
		l.md, l.mdHost = markdown.New(host), host
	}
	return l.md
}

func (l *loader) checkFactsheet(f *Factsheet, d *decoded) {
	l.required(d, "title", f.Title)
	l.summary(d, "summary", f.Summary, false)
	if len(f.Terms) == 0 {
		l.warnAt(d, "title", "the fact sheet defines no terms").Hint = "add [[terms]] tables with term and definition"
	}
	for i := range f.Terms {
		t := &f.Terms[i]
		at := "terms." + itoa(i)
		if !l.required(d, at+".term", t.Term) {
			continue
		}
		t.ID = slug.Make(t.Term)
		if t.ID == "" {
			l.errAt(d, at+".term", "term %q has no letters or digits to make an anchor from", t.Term)
		}
		l.required(d, at+".definition", t.Definition)
		l.inlineMarkdown(d, at+".definition", t.Definition)
	}
}

func (l *loader) checkLearning(lo *Learning, d *decoded) {
	l.required(d, "title", lo.Title)
	l.oneOf(d, "kind", lo.Kind, registry.LearningKindChoices().IDs(), true)
	if lo.Date.IsZero() {
		l.errAt(d, "date", "date is required").Hint = "add date = 2026-06-30"
	}
	l.summary(d, "summary", lo.Summary, false)
	l.vocabList(d, "pathways", lo.Pathways, "pathways", false)
	l.checkAttachments(lo, d)
	l.checkReferences(lo, d)
	l.checkAppraisal(lo, d)
}

func (l *loader) checkAttachments(lo *Learning, d *decoded) {
	if len(lo.Attachments) == 0 {
		return
	}
	if !lo.Bundle {
		l.errAt(d, "attachments", "attachments need the output to be a folder").Hint =
			"move " + lo.Path + " to content/learning/" + lo.Slug + "/index.md and put the files beside it"
		return
	}
	files := lo.Files
	for i := range lo.Attachments {
		a := &lo.Attachments[i]
		at := "attachments." + itoa(i) + ".file"
		switch {
		case a.File == "":
			l.errAt(d, at, "attachment %d has no file", i+1)
		case !slices.Contains(files, a.File):
			l.errAt(d, at, "attachment %q is not in the folder %s", a.File, path.Dir(lo.Path)).Hint =
				"put the file beside index.md" + hintFile(a.File, files)
		default:
			if info, err := fs.Stat(l.fsys, path.Join(path.Dir(lo.Path), a.File)); err == nil {
				a.Size = info.Size()
			}
		}
		if a.Title == "" {
			a.Title = a.File
		}
	}
}

func (l *loader) checkReferences(lo *Learning, d *decoded) {
	for i := range lo.References {
		l.checkReference(d, "references."+itoa(i), &lo.References[i], false)
	}
}

// checkAppraisal checks criteria, options and scores of an options appraisal.
func (l *loader) checkAppraisal(lo *Learning, d *decoded) {
	if k, _ := registry.LearningKindOf(lo.Kind); !k.Appraisal {
		if len(lo.Criteria) > 0 || len(lo.Options) > 0 {
			l.errAt(d, "kind", "criteria and options belong to an options appraisal").Hint = `set kind = "` + registry.AppraisalKind() + `"`
		}
		return
	}
	var ids []string
	for i, c := range lo.Criteria {
		at := "criteria." + itoa(i)
		if l.required(d, at+".id", c.ID) && slices.Contains(ids, c.ID) {
			l.errAt(d, at+".id", "criterion %q is defined twice", c.ID)
		}
		ids = append(ids, c.ID)
		l.required(d, at+".label", c.Label)
		if c.Weight < 1 {
			l.errAt(d, at+".weight", "weight must be a whole number of 1 or more")
		}
	}
	for i, o := range lo.Options {
		at := "options." + itoa(i)
		l.required(d, at+".name", o.Name)
		l.checkScores(d, at+".scores", o, ids)
	}
}

func (l *loader) checkScores(d *decoded, at string, o Option, criteria []string) {
	keys := make([]string, 0, len(o.Scores))
	for k := range o.Scores {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		pos := d.loc().inline(at, k)
		switch v := o.Scores[k]; {
		case !slices.Contains(criteria, k):
			l.probs.Errorf(d.path, pos.Line, pos.Col, "score for unknown criterion %q", k).Hint = diag.OneOf(k, criteria)
		case v < 1 || v > 5:
			l.probs.Errorf(d.path, pos.Line, pos.Col, "score %d for %q is outside 1 to 5", v, k)
		}
	}
	for _, c := range criteria {
		if _, ok := o.Scores[c]; !ok && c != "" {
			l.warnAt(d, at, "option %q has no score for %q, which counts as 0", o.Name, c)
		}
	}
}

func (l *loader) checkEvent(ev *Event, d *decoded) {
	l.required(d, "title", ev.Title)
	l.oneOf(d, "kind", ev.Kind, registry.EventKinds.IDs(), true)
	l.summary(d, "summary", ev.Summary, false)
	if ev.Start.IsZero() {
		l.errAt(d, "start", "start is required").Hint = "add start = 2027-03-12T10:00:00Z"
	} else {
		l.place(d, "start", &ev.Start)
	}
	if !ev.End.IsZero() {
		l.place(d, "end", &ev.End)
		if ev.End.Before(ev.Start.Time) {
			l.errAt(d, "end", "the event ends before it starts")
		}
	}
	l.webURL(d, "booking_url", ev.BookingURL)
	if d.has("location") {
		l.checkLocation(d, ev.Location)
	}
}

// place puts a local date-time in the site's time zone, reporting a time
// that the clocks skip when they go forward (it would silently become
// another time, and an event could end before it starts).
func (l *loader) place(d *decoded, key string, dt *DateTime) {
	wall := dt.Time
	local := dt.Local
	dt.Time, dt.Local = dt.In(l.tz), false
	if !local {
		return
	}
	if got := dt.Time; got.Hour() != wall.Hour() || got.Minute() != wall.Minute() || got.Day() != wall.Day() {
		l.errAt(d, key, "%s does not exist in %s: the clocks go forward an hour that night",
			wall.Format("2006-01-02T15:04:05"), l.tz).Hint =
			"write the time the clocks will show, such as " + got.Format("2006-01-02T15:04:05")
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func (l *loader) checkLocation(d *decoded, loc []float64) {
	if len(loc) != 2 {
		l.errAt(d, "location", "location must be [longitude, latitude]")
		return
	}
	if !finite(loc[0]) || !finite(loc[1]) {
		l.errAt(d, "location", "location must be two ordinary numbers, not nan or inf").Hint =
			"location = [longitude, latitude], for example [-2.2446, 51.8642]"
		return
	}
	b := l.bounds()
	if b.Contains([2]float64{loc[0], loc[1]}) {
		return
	}
	if b.Contains([2]float64{loc[1], loc[0]}) {
		l.errAt(d, "location", "location has longitude and latitude swapped").Hint =
			"longitude comes first: location = [" + num(loc[1]) + ", " + num(loc[0]) + "]"
		return
	}
	l.warnAt(d, "location", "location lies outside the region's bounds")
}

// reserved are the first URL segments the site itself uses, besides the
// vocabularies' (registry.Vocabularies).
var reserved = []string{"providers", "map", "coverage",
	"factsheets", "glossary", "learning", "evidence", "events", "data", "css", "js", "img", "fonts", "admin", "embed",
	"openreferral", "search", "vendor", "static", "sessions", "near", "forms"}

func (l *loader) checkPage(pg *Page, d *decoded) {
	l.required(d, "title", pg.Title)
	l.summary(d, "summary", pg.Summary, false)
	_, vocab := registry.VocabularyOf(pg.Slug)
	if slices.Contains(reserved, pg.Slug) || vocab || strings.HasSuffix(pg.Slug, ".xml") {
		l.probs.Errorf(pg.Path, 1, 1, "the page name %q clashes with a section of the site", pg.Slug).Hint =
			"rename the file, for example to about-" + pg.Slug + ".md"
	}
}
