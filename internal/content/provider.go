package content

import (
	"artsmap/internal/diag"
	"artsmap/internal/filetype"
	"artsmap/internal/registry"
	"artsmap/internal/slug"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

const maxSummary = 300

// checkProvider applies every rule of a provider profile.
func (l *loader) checkProvider(p *Provider, d *decoded) {
	l.required(d, "name", p.Name)
	l.oneOf(d, "kind", p.Kind, registry.ProviderKindChoices().IDs(), true)
	l.summary(d, "summary", p.Summary, true)
	l.oneOf(d, "status", p.Status, registry.ProviderStatuses().IDs(), true)
	if p.Since != 0 && (p.Since < 1800 || p.Since > l.opts.Now.Year()+1) {
		l.errAt(d, "since", "since %d is not a plausible year", p.Since).Hint = "give the year the work began, like 2012"
	}
	l.vocabList(d, "districts", p.Districts, "districts", true)
	l.vocabList(d, "pathways", p.Pathways, "pathways", true)
	l.vocabList(d, "artforms", p.Artforms, "artforms", true)
	l.vocabList(d, "audiences", p.Audiences, "audiences", false)
	l.vocabList(d, "referral", p.Referral, "referral", false)
	l.webURL(d, "website", p.Website)
	l.email(d, "email", p.Email)
	l.phone(d, "phone", p.Phone)
	if (p.Email != "" || p.Phone != "") && !d.has("publish_contact") {
		at := "email"
		if p.Email == "" {
			at = "phone"
		}
		l.warnAt(d, at, "the email and phone stay hidden until publish_contact is set").Hint =
			"add publish_contact = true once the provider agrees to publish them, or false to keep them private"
	}
	l.checkReviewed(p, d)
	l.checkLogo(p, d)
	for i, t := range p.Tags {
		if strings.TrimSpace(t) == "" {
			l.errAt(d, "tags", "tag %d is empty", i+1)
		}
	}
	l.checkJoining(d, "", p.Joining)
	l.checkProgrammes(p, d)
}

// summary checks a plain-text summary: required or not, at most 300 characters.
func (l *loader) summary(d *decoded, key, s string, required bool) {
	if required && !l.required(d, key, s) {
		return
	}
	name := key[strings.LastIndex(key, ".")+1:]
	if n := utf8.RuneCountInString(s); n > maxSummary {
		l.errAt(d, key, "%s is %d characters long; the limit is %d", name, n, maxSummary).Hint =
			"keep it to a sentence or two and put the rest in the text below the +++"
	}
	if strings.ContainsAny(s, "<>") && looksLikeHTML(s) {
		l.warnAt(d, key, "%s contains HTML, which is shown as plain text", name)
	}
}

// StaleFrom is the first day on which a profile reviewed on the date
// reviewed counts as not reviewed for over 12 months: a year and a day
// later. The build marks a profile stale from then on, check warns, and the
// browser re-checks the same date (the pages carry it) against today.
func StaleFrom(reviewed time.Time) time.Time { return reviewed.AddDate(1, 0, 1) }

func (l *loader) checkReviewed(p *Provider, d *decoded) {
	if p.Reviewed.IsZero() {
		l.errAt(d, "reviewed", "reviewed is required: the date the profile was last checked").Hint = "add reviewed = 2026-10-01"
		return
	}
	now := l.opts.Now
	if p.Reviewed.After(now.AddDate(0, 0, 1)) {
		l.warnAt(d, "reviewed", "reviewed %s is in the future", p.Reviewed)
	} else if !now.Before(StaleFrom(p.Reviewed.Time)) {
		l.warnAt(d, "reviewed", "the profile was last reviewed on %s, over 12 months ago", p.Reviewed).Hint =
			"check every detail with the provider, then set reviewed to today's date"
	}
}

func (l *loader) checkLogo(p *Provider, d *decoded) {
	if p.Logo == "" {
		return
	}
	switch {
	case !filetype.IsImage(p.Logo):
		l.errAt(d, "logo", "logo %q must be an image: %s", p.Logo, filetype.Images()).Hint =
			"SVG and other formats can carry scripts; export the logo as PNG"
	case !slices.Contains(p.Files, p.Logo):
		l.errAt(d, "logo", "logo %q is not in the provider's folder", p.Logo).Hint = "put the file beside index.md" + hintFile(p.Logo, p.Files)
	}
}

func hintFile(name string, files []string) string {
	for _, f := range files {
		if strings.EqualFold(f, name) {
			return "; names are case-sensitive: did you mean \"" + f + "\"?"
		}
	}
	return ""
}

// checkProgrammes applies the programme rules and fills in defaults.
func (l *loader) checkProgrammes(p *Provider, d *decoded) {
	seen := map[string]bool{}
	for i := range p.Programmes {
		pg := &p.Programmes[i]
		at := "programmes." + itoa(i)
		if l.required(d, at+".id", pg.ID) {
			switch {
			case !slug.Valid(pg.ID):
				l.errAt(d, at+".id", "programme id %q must be lower-case letters, digits and single hyphens", pg.ID)
			case seen[pg.ID]:
				l.errAt(d, at+".id", "programme id %q is used twice in this profile", pg.ID)
			}
			seen[pg.ID] = true
		}
		l.required(d, at+".title", pg.Title)
		l.oneOf(d, at+".status", pg.Status, registry.ProgrammeStatuses().IDs(), true)
		l.oneOf(d, at+".format", pg.Format, registry.FormatChoices().IDs(), false)
		l.oneOf(d, at+".cost", pg.Cost, registry.CostChoices().IDs(), false)
		l.vocabList(d, at+".pathways", pg.Pathways, "pathways", false)
		l.vocabList(d, at+".artforms", pg.Artforms, "artforms", false)
		l.vocabList(d, at+".audiences", pg.Audiences, "audiences", false)
		pg.Pathways = orDefault(pg.Pathways, p.Pathways)
		pg.Artforms = orDefault(pg.Artforms, p.Artforms)
		pg.Audiences = orDefault(pg.Audiences, p.Audiences)
		if !pg.Started.IsZero() && !pg.Ended.IsZero() && pg.Ended.Before(pg.Started.Time) {
			l.errAt(d, at+".ended", "the programme ends (%s) before it starts (%s)", pg.Ended, pg.Started)
		}
		l.summary(d, at+".summary", pg.Summary, false)
		l.checkVenueIDs(p, d, at, pg.Venues)
		l.checkJoining(d, at, pg.Joining)
		l.checkSchedules(d, at, pg)
	}
}

// checkVenueIDs checks that every venue id names a feature of locations.geojson.
func (l *loader) checkVenueIDs(p *Provider, d *decoded, at string, ids []string) {
	if p.noVenues {
		return // locations.geojson has errors, reported there
	}
	var known []string
	for _, v := range p.Venues {
		known = append(known, v.ID)
	}
	for _, a := range p.Areas {
		known = append(known, a.ID)
	}
	for _, id := range ids {
		if slices.Contains(known, id) {
			continue
		}
		pos := d.loc().element(at+".venues", id)
		pr := l.probs.Errorf(d.path, pos.Line, pos.Col, "venue %q is not in locations.geojson", id)
		if len(known) == 0 {
			pr.Hint = "add a Feature with \"id\": \"" + id + "\" to " + path.Join(path.Dir(p.Path), "locations.geojson")
		} else {
			pr.Hint = diag.OneOf(id, known)
		}
	}
}

func orDefault(list, def []string) []string {
	if len(list) == 0 {
		return def
	}
	return list
}
