package profileform

import (
	"strings"
	"time"

	"artsmap/internal/diag"
	"artsmap/internal/scaffold"
)

// Place finds the position (longitude, latitude) of a postcode.
type Place func(postcode string) (lon, lat float64, ok bool)

// Filled reports whether a submission came from a robot: the honeypot
// field, which people never see, is filled in.
func (s *Submission) Filled() bool { return s.values[Honeypot] != "" }

// Profile turns the submission into a profile stated on the given day,
// or reports, at their cells, the values that cannot be written: an
// access answer other than yes, no or empty, and a venue that cannot be
// placed. Everything else is checked by artsmap check once written.
func (s *Submission) Profile(file string, stated time.Time, place Place) (scaffold.Profile, []diag.Problem) {
	v := s.Value
	p := scaffold.Profile{
		Name: v("name"), Kind: v("kind"), Status: v("status"), Summary: v("summary"), Website: v("website"),
		Email: v("email"), Phone: v("phone"), PublishContact: consent(v("publish_contact")),
		Districts: SplitList(v("districts[]")), Pathways: SplitList(v("pathways[]")), Artforms: SplitList(v("artforms[]")),
		Audiences: SplitList(v("audiences[]")), Referral: SplitList(v("referral[]")), Reviewed: stated,
	}
	var probs diag.List
	if s.given("programme_") {
		p.Programme = &scaffold.ProfileProgramme{Title: v("programme_title"), Summary: v("programme_summary"),
			Status: v("programme_status"), Format: v("programme_format"), Cost: v("programme_cost"), Sessions: v("programme_sessions")}
	}
	if s.given("venue_") {
		p.Venue = s.venue(file, place, &probs)
	}
	return p, probs.Items()
}

// given reports whether any field whose name starts with prefix has a
// value; an access question left at "not stated" has none.
func (s *Submission) given(prefix string) bool {
	for _, f := range Fields {
		if strings.HasPrefix(f.Name, prefix) && s.values[f.Name] != "" {
			return true
		}
	}
	return false
}

func (s *Submission) venue(file string, place Place, probs *diag.List) *scaffold.ProfileVenue {
	v := s.Value
	out := &scaffold.ProfileVenue{Name: v("venue_name"), Address: v("venue_address"),
		Postcode: strings.ToUpper(v("venue_postcode")), Accessibility: v("venue_accessibility")}
	for name, to := range map[string]**bool{"venue_step_free": &out.StepFree, "venue_hearing_loop": &out.HearingLoop, "venue_parking": &out.Parking} {
		switch a := strings.ToLower(v(name)); a {
		case "":
		case answerYes, answerNo:
			b := a == answerYes
			*to = &b
		default:
			line, col := s.At(name)
			probs.Errorf(file, line, col, "row %d, column %q: %q is not an answer", s.Row, name, v(name)).Hint =
				"write yes or no, or leave it empty for not stated"
		}
	}
	line, col := s.At("venue_postcode")
	switch lon, lat, ok := place(out.Postcode); {
	case out.Postcode == "":
		probs.Errorf(file, line, col, "row %d, column %q: the venue has no postcode, so it cannot be placed on the map", s.Row, "venue_postcode").Hint =
			"ask the sender for it and add it to the row, or empty the venue's columns and add the venue to locations.geojson by hand"
	case !ok:
		probs.Errorf(file, line, col, "row %d, column %q: the postcode %q is not in content/areas/postcodes.csv, so the venue cannot be placed", s.Row, "venue_postcode", out.Postcode).Hint =
			"correct the postcode, or empty the venue's columns and add the venue to locations.geojson by hand"
	default:
		out.Lon, out.Lat = lon, lat
	}
	return out
}

// consent reads the publish_contact check box: ticked is "yes" (or
// "on", which browsers send for a box without a value).
func consent(v string) bool {
	switch strings.ToLower(v) {
	case "yes", "on", "true":
		return true
	}
	return false
}

// Column is the form field (the CSV column) a profile setting came from,
// as WriteProfile names the settings.
func Column(setting string) string {
	if c, ok := map[string]string{
		"districts": "districts[]", "pathways": "pathways[]", "artforms": "artforms[]", "audiences": "audiences[]",
		"referral": "referral[]", "programmes": "programme_title", "programmes.venues": "venue_name",
		"reviewed": "name",
	}[setting]; ok {
		return c
	}
	if rest, ok := strings.CutPrefix(setting, "programmes."); ok {
		return "programme_" + rest
	}
	if rest, ok := strings.CutPrefix(setting, "venue."); ok {
		return "venue_" + rest
	}
	if _, ok := field(setting); ok {
		return setting
	}
	return "name"
}
