package browser

import (
	"fmt"
	"strings"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/geo"
)

// The files TestEditorAnswers edits, and what it seeds them with: a
// profile that answers one quality question of three, and a venue that
// answers none of the access questions.
const (
	answersProfile = "content/providers/hollowmead-village-hall/index.md"
	answersVenues  = "content/providers/hollowmead-village-hall/locations.geojson"
	answersGeoJSON = `{"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": "hollowmead-hall",
   "geometry": {"type": "Point", "coordinates": [-1.71051, 51.98624]},
   "properties": {"name": "Hollowmead Village Hall", "postcode": "GL56 0LB"}}
]}
`
)

// TestEditorAnswers: in the editor, a yes-or-no question (a profile's
// quality answers, a venue's access answers) nobody answered stays not
// stated: saving an entry without touching it leaves its key out of the
// file, where a boolean switch would write false, "No", a claim the
// provider never made. Choosing Yes or No writes true or false, choosing
// Not stated removes the key, and the loader reads what was saved.
func TestEditorAnswers(t *testing.T) {
	root := RepoRoot(t)
	profile := strings.Replace(string(readFile(t, root+"/"+answersProfile)), "safeguarding_policy = true\n", "", 1)
	e := openEditorWith(t, Start(t), true, map[string]string{answersProfile: profile, answersVenues: answersGeoJSON})

	e.edit(t, "providers/entries/hollowmead-village-hall/index", "summary", "A village hall that offers warm, accessible space.", answersProfile)
	q := answersOf(t, root, answersProfile, e.file(t, answersProfile))
	if q.SafeguardingPolicy != nil || q.DBSChecked != nil || q.Insurance == nil || !*q.Insurance {
		t.Errorf("saved without touching the answers, the profile reads safeguarding %s, DBS %s, insurance %s; want not stated, not stated, yes:\n%s",
			show(q.SafeguardingPolicy), show(q.DBSChecked), show(q.Insurance), e.file(t, answersProfile))
	}

	e.open(t, "providers/entries/hollowmead-village-hall/index")
	e.expand(t, "quality")
	e.choose(t, "quality.safeguarding_policy", "No")
	e.choose(t, "quality.dbs_checked", "Yes")
	e.choose(t, "quality.insurance", "Not stated")
	e.save(t, answersProfile)
	q = answersOf(t, root, answersProfile, e.file(t, answersProfile))
	if q.SafeguardingPolicy == nil || *q.SafeguardingPolicy || q.DBSChecked == nil || !*q.DBSChecked || q.Insurance != nil {
		t.Errorf("after choosing No, Yes and Not stated, the profile reads safeguarding %s, DBS %s, insurance %s:\n%s",
			show(q.SafeguardingPolicy), show(q.DBSChecked), show(q.Insurance), e.file(t, answersProfile))
	}

	e.edit(t, "venues/entries/hollowmead-village-hall/locations", "features.0.properties.name", "Hollowmead Hall", answersVenues)
	v := venueOf(t, root, e.file(t, answersVenues))
	if v.StepFree != nil || v.HearingLoop != nil || v.Parking != nil || strings.Contains(string(e.file(t, answersVenues)), "step_free") {
		t.Errorf("saved without touching the answers, the venue reads step-free %s, hearing loop %s, parking %s; want none stated:\n%s",
			show(v.StepFree), show(v.HearingLoop), show(v.Parking), e.file(t, answersVenues))
	}

	e.open(t, "venues/entries/hollowmead-village-hall/locations")
	e.choose(t, "features.0.properties.step_free", "Yes")
	e.choose(t, "features.0.properties.parking", "No")
	e.save(t, answersVenues)
	v = venueOf(t, root, e.file(t, answersVenues))
	if v.StepFree == nil || !*v.StepFree || v.HearingLoop != nil || v.Parking == nil || *v.Parking {
		t.Errorf("after choosing Yes for step-free access and No for parking, the venue reads step-free %s, hearing loop %s, parking %s:\n%s",
			show(v.StepFree), show(v.HearingLoop), show(v.Parking), e.file(t, answersVenues))
	}
	for _, b := range e.blocked(t) {
		t.Errorf("blocked by the Content-Security-Policy: %s", b)
	}
}

// answersOf loads the site with a saved profile and returns its quality
// answers (none when it has no [quality] table).
func answersOf(t *testing.T, root, file string, data []byte) content.Quality {
	t.Helper()
	p := itemOf(t, loadWith(t, root, file, data), file).(*content.Provider)
	if p.Quality == nil {
		return content.Quality{}
	}
	return *p.Quality
}

// venueOf loads the site with a saved venues file and returns its venue.
func venueOf(t *testing.T, root string, data []byte) geo.Venue {
	t.Helper()
	p := itemOf(t, loadWith(t, root, answersVenues, data), answersProfile).(*content.Provider)
	if len(p.Venues) != 1 {
		t.Fatalf("%d venues, want 1:\n%s", len(p.Venues), data)
	}
	return p.Venues[0]
}

func show(b *bool) string {
	if b == nil {
		return "not stated"
	}
	return fmt.Sprint(*b)
}

// open opens an entry afresh and waits for its fields. It loads the
// editor's page again first, signing in to the test backend, so that
// nothing is left of a save just made: after one, the editor was seen to
// set up the entry again a moment later, losing an answer clicked then.
func (e *editor) open(t *testing.T, entry string) {
	t.Helper()
	e.tab.Go(t, e.base+"/admin/")
	signIn := `document.querySelector('button[data-label="Work with Test Repository"]')`
	e.tab.WaitFor(t, signIn+` || document.querySelector('[role=row]')`)
	Eval[bool](t, e.tab, `(`+signIn+`?.click(), true)`)
	e.tab.WaitFor(t, `document.querySelector('[role=row]')`)
	e.tab.Go(t, e.base+"/admin/#/collections/"+entry)
	e.tab.WaitFor(t, `document.querySelector('[data-key-path] :is(input, textarea)')`)
	e.pause(t)
}

// pause waits half a second, as a person would between seeing a field,
// clicking and saving: the editor finishes setting up a field, and
// records a click in the entry, a moment after the page shows it. Without
// it, an answer clicked within milliseconds of its field appearing (just
// after the group holding it was opened), or of another click, was now
// and then shown chosen beside the old answer but not saved (measured
// with Sveltia CMS 0.221.1; a person does not click that fast).
func (e *editor) pause(t *testing.T) {
	t.Helper()
	Eval[bool](t, e.tab, `new Promise(r => setTimeout(() => r(true), 500))`)
}

// reveal waits for a field, scrolling down the form, which draws its
// fields as they come into view.
func (e *editor) reveal(t *testing.T, keyPath string) {
	t.Helper()
	e.tab.WaitFor(t, fmt.Sprintf(`(() => {
		const f = document.querySelector('[data-key-path=%q]');
		if (f) return (f.scrollIntoView(), true);
		const all = document.querySelectorAll('[data-key-path]');
		all[all.length - 1].scrollIntoView();
		return false;
	})()`, keyPath))
	e.pause(t)
}

// expand opens a collapsed object field.
func (e *editor) expand(t *testing.T, keyPath string) {
	t.Helper()
	e.reveal(t, keyPath)
	Eval[bool](t, e.tab, fmt.Sprintf(`(document.querySelector('[data-key-path=%q] button[aria-label=Expand]').click(), true)`, keyPath))
}

// choose picks the answer labelled label of a select shown as radio
// buttons, as a person clicking it would, and checks that it is chosen.
func (e *editor) choose(t *testing.T, keyPath, label string) {
	t.Helper()
	e.reveal(t, keyPath)
	radio := fmt.Sprintf(`[...document.querySelectorAll('[data-key-path=%q] [role=radio]')].find(b => document.getElementById(b.getAttribute('aria-labelledby'))?.textContent === %q)`, keyPath, label)
	Eval[bool](t, e.tab, `(`+radio+`.click(), true)`)
	// Only the answer chosen is shown chosen: a click the field missed
	// leaves the old answer shown chosen beside it.
	e.tab.WaitFor(t, fmt.Sprintf(`[...document.querySelectorAll('[data-key-path=%q] [role=radio][aria-checked=true]')].length === 1 && `, keyPath)+
		radio+`.getAttribute('aria-checked') === 'true'`)
	e.pause(t)
}

// save clicks Save and waits for file to change, failing if it does not.
func (e *editor) save(t *testing.T, file string) {
	t.Helper()
	before := e.file(t, file)
	e.pause(t)
	Eval[bool](t, e.tab, `([...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Save').click(), true)`)
	for i := 0; i < 100; i++ {
		if string(e.file(t, file)) != string(before) {
			return
		}
		Eval[bool](t, e.tab, `new Promise(r => setTimeout(() => r(true), 50))`)
	}
	t.Fatalf("saving did not change %s (the page says: %s)", file,
		Eval[string](t, e.tab, `[...document.querySelectorAll('[aria-invalid=true], [role=alert]')].map(e => e.textContent).join('; ')`))
}
