package scaffold

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"artsmap/internal/slug"
)

// Profile is a provider's profile from what someone sent (a form
// submission): every value as they gave it, nothing added that they did
// not state.
type Profile struct {
	Name, Kind, Status, Summary, Website, Email, Phone string
	PublishContact                                     bool
	Districts, Pathways, Artforms, Audiences, Referral []string
	Reviewed                                           time.Time // when the sender stated the details
	Programme                                          *ProfileProgramme
	Venue                                              *ProfileVenue
}

// ProfileProgramme is the one activity a submission describes.
type ProfileProgramme struct {
	Title, Summary, Status, Format, Cost, Sessions string
}

// ProfileVenue is the one venue a submission describes. An access answer
// left nil is not stated, and so not written.
type ProfileVenue struct {
	Name, Address, Postcode, Accessibility string
	StepFree, HearingLoop, Parking         *bool
	Lon, Lat                               float64
}

// Written says what WriteProfile wrote: the folder, its files, and for
// each file the setting each line holds ("summary", "programmes.title",
// "venue.postcode"), so that a problem found later can be traced back.
type Written struct {
	Dir   string                    // content/providers/<slug>
	Files []string                  // slash paths under the site folder
	Keys  map[string]map[int]string // file -> line -> setting
}

// WriteProfile writes p as a new profile folder under content/providers/
// of the site folder. It refuses a folder that already exists, and writes
// nothing then.
func WriteProfile(site string, p Profile) (Written, error) {
	s := slug.Make(p.Name)
	if s == "" {
		return Written{}, fmt.Errorf("the name %q has no letters or digits to make a folder name from", p.Name)
	}
	w := Written{Dir: "content/providers/" + s, Keys: map[string]map[int]string{}}
	dir := filepath.Join(site, filepath.FromSlash(w.Dir))
	if err := os.Mkdir(dir, 0o755); err != nil {
		if errors.Is(err, os.ErrExist) {
			return Written{}, fmt.Errorf("%s already exists: an existing profile is never replaced", w.Dir)
		}
		return Written{}, err
	}
	files := map[string][]byte{}
	index, keys := profileIndex(p)
	files["index.md"], w.Keys[w.Dir+"/index.md"] = index, keys
	if p.Venue != nil {
		geo, gkeys := profileVenues(p.Venue)
		files["locations.geojson"], w.Keys[w.Dir+"/locations.geojson"] = geo, gkeys
	}
	for _, name := range []string{"index.md", "locations.geojson"} {
		data, ok := files[name]
		if !ok {
			continue
		}
		if err := writeNew(filepath.Join(dir, name), data); err != nil {
			RemoveProfile(site, w)
			return Written{}, err
		}
		w.Files = append(w.Files, w.Dir+"/"+name)
	}
	return w, nil
}

// RemoveProfile removes what WriteProfile wrote, and the folder only when
// nothing else has been put in it.
func RemoveProfile(site string, w Written) error {
	var errs []error
	for _, f := range w.Files {
		if err := os.Remove(filepath.Join(site, filepath.FromSlash(f))); err != nil {
			errs = append(errs, err)
		}
	}
	if err := os.Remove(filepath.Join(site, filepath.FromSlash(w.Dir))); err != nil {
		errs = append(errs, err) // not empty: what someone else put there stays
	}
	return errors.Join(errs...)
}

// tomlText is s as a TOML basic string: quotes, backslashes and control
// characters escaped, so that no value can end the string or add a setting.
func tomlText(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r) // check reports it at this line
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlList(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = tomlText(it)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// lines builds a TOML file, remembering the setting on each line.
type lines struct {
	b    strings.Builder
	n    int
	keys map[int]string
}

func (l *lines) add(key, text string) {
	l.n++
	if key != "" {
		l.keys[l.n] = key
	}
	l.b.WriteString(text + "\n")
}

func (l *lines) set(key, name, value string) { l.add(key, name+" = "+value) }

func profileIndex(p Profile) ([]byte, map[int]string) {
	l := &lines{keys: map[int]string{}}
	l.add("", "+++")
	l.add("", "# Written by artsmap new provider --from, from a form submission: check it with the provider.")
	l.add("", "# A draft is not published: remove draft = true once staff have checked it.")
	l.set("", "draft", "true")
	l.set("name", "name", tomlText(p.Name))
	l.set("kind", "kind", tomlText(p.Kind))
	l.set("summary", "summary", tomlText(p.Summary))
	l.set("status", "status", tomlText(p.Status))
	for _, v := range []struct {
		key  string
		list []string
	}{{"districts", p.Districts}, {"pathways", p.Pathways}, {"artforms", p.Artforms}, {"audiences", p.Audiences}, {"referral", p.Referral}} {
		l.set(v.key, v.key, tomlList(v.list))
	}
	for _, v := range [][2]string{{"website", p.Website}, {"email", p.Email}, {"phone", p.Phone}} {
		if v[1] != "" {
			l.set(v[0], v[0], tomlText(v[1]))
		}
	}
	l.set("publish_contact", "publish_contact", strconv.FormatBool(p.PublishContact))
	l.set("reviewed", "reviewed", p.Reviewed.Format(time.DateOnly))
	if pg := p.Programme; pg != nil {
		profileProgramme(l, pg, p.Venue)
	}
	l.add("", "+++")
	return []byte(l.b.String()), l.keys
}

func profileProgramme(l *lines, pg *ProfileProgramme, v *ProfileVenue) {
	l.add("", "")
	l.add("programmes", "[[programmes]]")
	id := slug.Make(pg.Title)
	if id == "" {
		id = "programme"
	}
	l.set("programmes.title", "id", tomlText(id))
	for _, kv := range [][3]string{{"title", pg.Title}, {"status", pg.Status}, {"format", pg.Format},
		{"cost", pg.Cost}, {"sessions", pg.Sessions}, {"summary", pg.Summary}} {
		if kv[1] != "" || kv[0] == "title" || kv[0] == "status" {
			l.set("programmes."+kv[0], kv[0], tomlText(kv[1]))
		}
	}
	if v != nil {
		l.set("programmes.venues", "venues", tomlList([]string{venueID(v)}))
	}
}

func venueID(v *ProfileVenue) string {
	if id := slug.Make(v.Name); id != "" {
		return id
	}
	return "venue"
}

// profileVenues is locations.geojson with the one venue, its access
// answers only where the sender gave them.
func profileVenues(v *ProfileVenue) ([]byte, map[int]string) {
	props := map[string]any{"name": v.Name}
	for k, s := range map[string]string{"address": v.Address, "postcode": v.Postcode, "accessibility": v.Accessibility} {
		if s != "" {
			props[k] = s
		}
	}
	for k, b := range map[string]*bool{"step_free": v.StepFree, "hearing_loop": v.HearingLoop, "parking": v.Parking} {
		if b != nil {
			props[k] = *b
		}
	}
	doc := map[string]any{"type": "FeatureCollection", "features": []any{map[string]any{
		"type": "Feature", "id": venueID(v), "properties": props,
		"geometry": map[string]any{"type": "Point", "coordinates": []float64{v.Lon, v.Lat}},
	}}}
	data, _ := json.MarshalIndent(doc, "", "  ") // maps of strings, numbers and booleans: cannot fail
	keys := map[int]string{}
	inCoords := false
	for i, line := range strings.Split(string(data), "\n") {
		keys[i+1] = "venue.name"
		for _, k := range []string{"address", "postcode", "accessibility", "step_free", "hearing_loop", "parking"} {
			if strings.Contains(line, `"`+k+`":`) {
				keys[i+1] = "venue." + k
			}
		}
		inCoords = inCoords || strings.Contains(line, `"coordinates"`)
		if inCoords {
			keys[i+1] = "venue.postcode" // the position comes from the postcode
			inCoords = !strings.Contains(line, "]")
		}
	}
	return append(data, '\n'), keys
}
