package site

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"

	"artsmap/internal/content"
	"artsmap/internal/geo"
)

// Where the postcode lookup is published: an index of outward codes and
// one small file per outward code, which the browser fetches to look a
// postcode up without sending it anywhere. NearPath is the page of the
// postcode districts; NearPath + "GL14/" lists the providers nearest GL14.
const (
	PostcodeDir   = "/data/postcodes/"
	PostcodeIndex = PostcodeDir + "index.json"
	NearPath      = "/near/"
	// NearListed is how many providers a /near/<code>/ page lists.
	NearListed = 20
)

// Outward is a postcode district ("GL14"): its postcodes, their mean
// point, and the district most of them lie in.
type Outward struct {
	Code      string
	Lon, Lat  float64
	District  *TermPage // nil when the postcode file states none
	URL       string    // its page, /near/GL14/
	postcodes []geo.Postcode
}

// Nearby is a provider and how far its nearest venue lies from a point.
type Nearby struct {
	Provider *Provider
	Venue    *Venue
	Km       float64
}

// Distance is the distance in words, miles first: "2.3 miles (3.7 km)".
func (n Nearby) Distance() string { return distanceText(n.Km) }

// distanceText writes km as miles and kilometres, to one decimal place
// below 10 and whole numbers above (as the browser's script does).
func distanceText(km float64) string {
	f := func(v float64) string {
		if v < 10 {
			return strconv.FormatFloat(v, 'f', 1, 64)
		}
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	}
	miles := km / 1.609344
	unit := "miles"
	if f(miles) == "1.0" {
		unit = "mile"
	}
	return f(miles) + " " + unit + " (" + f(km) + " km)"
}

// assemblePostcodes groups the postcode file by outward code, sorted as
// people read them (GL1, GL2, ..., GL10), and names each one's district.
func (a *assembler) postcodes() {
	byCode := map[string]*TermPage{}
	for _, d := range a.cs.Config.Vocab.Districts {
		if t := a.lookup("districts", []string{d.ID}); d.Code != "" && len(t) == 1 {
			byCode[d.Code] = t[0]
		}
	}
	groups := map[string]*Outward{}
	for _, p := range a.cs.Postcodes {
		o := groups[p.Outward()]
		if o == nil {
			o = &Outward{Code: p.Outward(), URL: NearPath + p.Outward() + "/"}
			groups[o.Code] = o
		}
		o.postcodes = append(o.postcodes, p)
	}
	for _, o := range groups {
		counts := map[string]int{}
		for _, p := range o.postcodes {
			o.Lon += p.Lon / float64(len(o.postcodes))
			o.Lat += p.Lat / float64(len(o.postcodes))
			counts[p.District]++
		}
		best := ""
		for code, n := range counts {
			if code != "" && (n > counts[best] || n == counts[best] && code < best) {
				best = code
			}
		}
		o.District = byCode[best]
		a.site.Postcodes = append(a.site.Postcodes, o)
	}
	slices.SortFunc(a.site.Postcodes, func(x, y *Outward) int { return compareOutward(x.Code, y.Code) })
}

// compareOutward orders outward codes by their letters, then their
// number, then the rest: GL1, GL2, GL10, GL50.
func compareOutward(a, b string) int {
	split := func(s string) (string, int, string) {
		i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
		if i < 0 {
			return s, 0, ""
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n, _ := strconv.Atoi(s[i:j])
		return s[:i], n, s[j:]
	}
	al, an, ar := split(a)
	bl, bn, br := split(b)
	return cmp.Or(strings.Compare(al, bl), cmp.Compare(an, bn), strings.Compare(ar, br))
}

// NearestTo lists the providers with venues nearest the outward code's
// centre, at most NearListed, nearest first (then by name). Only venues
// where something still runs count (RunningVenues), as in coverage.
func (s *Site) NearestTo(o *Outward) []Nearby {
	var out []Nearby
	for _, p := range s.Providers {
		best := Nearby{Provider: p, Km: math.Inf(1)}
		for _, v := range p.RunningVenues() {
			if km := geo.DistanceKm(o.Lon, o.Lat, v.Point[0], v.Point[1]); km < best.Km {
				best.Km, best.Venue = km, v
			}
		}
		if best.Venue != nil {
			out = append(out, best)
		}
	}
	slices.SortStableFunc(out, func(x, y Nearby) int { return cmp.Compare(x.Km, y.Km) })
	return out[:min(len(out), NearListed)]
}

// nearPages are /near/ (the form choosing a postcode district) and one
// page per outward code; none without a postcode file.
func (s *Site) nearPages(home Link) []*Page {
	if len(s.Postcodes) == 0 {
		return nil
	}
	out := []*Page{{Layout: "near", Path: NearPath, Title: "Near a postcode", Crumbs: []Link{home},
		Description: "Choose the first half of a postcode to see the providers nearest to it."}}
	for _, o := range s.Postcodes {
		out = append(out, &Page{Layout: "near", Path: o.URL, Title: "Providers near " + o.Code, Crumbs: []Link{home, {"Near a postcode", NearPath}},
			Description: "The providers with venues nearest the centre of postcode district " + o.Code + ".", Near: o})
	}
	return out
}

// postcodeOutputs plans the postcode index and one file per outward code.
func (s *Site) postcodeOutputs(table map[string]output) {
	if len(s.Postcodes) == 0 {
		return
	}
	districts, index := s.postcodeDistricts()
	table[trim(PostcodeIndex)] = func() ([]byte, error) { return s.postcodeIndex(districts) }
	for _, o := range s.Postcodes {
		table[trim(PostcodeDir)+o.Code+".json"] = func() ([]byte, error) { return o.shard(index) }
	}
}

// postcodeDistricts lists the districts as the index holds them, and each
// one's position in that list by ONS code.
func (s *Site) postcodeDistricts() ([][2]string, map[string]int) {
	var list [][2]string
	index := map[string]int{}
	if t := s.Taxonomy("districts"); t != nil {
		for _, d := range t.Terms {
			if d.Code != "" {
				index[d.Code] = len(list)
				list = append(list, [2]string{d.ID, d.Label})
			}
		}
	}
	return list, index
}

// postcodeIndex is /data/postcodes/index.json:
//
//	{"districts": [[id, label], ...], "outward": [[code, lon, lat, district], ...]}
//
// where district is a position in districts, or -1 when not stated.
func (s *Site) postcodeIndex(districts [][2]string) ([]byte, error) {
	rows := make([][]any, len(s.Postcodes))
	for i, o := range s.Postcodes {
		d := -1
		if o.District != nil {
			d = slices.IndexFunc(districts, func(x [2]string) bool { return x[0] == o.District.ID })
		}
		rows[i] = []any{o.Code, round4(o.Lon), round4(o.Lat), d}
	}
	return json.Marshal(struct {
		Districts [][2]string `json:"districts"`
		Outward   [][]any     `json:"outward"`
	}{append([][2]string{}, districts...), rows})
}

// shard is /data/postcodes/<code>.json: [[inward, lon, lat, district], ...]
// in the file's order, district as in the index.
func (o *Outward) shard(index map[string]int) ([]byte, error) {
	rows := make([][]any, len(o.postcodes))
	for i, p := range o.postcodes {
		d, ok := index[p.District]
		if !ok {
			d = -1
		}
		rows[i] = []any{p.Inward(), round4(p.Lon), round4(p.Lat), d}
	}
	return json.Marshal(rows)
}

// Attributions are the credits site.toml gives for data files, for /data/.
func (s *Site) Attributions() []content.Attribution { return s.Credits }
