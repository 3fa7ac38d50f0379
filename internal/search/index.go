package search

import (
	"encoding/json"
	"math"
	"slices"
)

// Field weights: where a word appears says how much a match there counts.
const (
	WeightName      = 10
	WeightTags      = 6
	WeightVocab     = 5 // pathway, art form and other vocabulary labels
	WeightProgramme = 5 // programme titles
	WeightPlace     = 4 // venue names, towns and postcodes
	WeightSummary   = 3 // the provider's and its programmes' summaries
	WeightBody      = 1 // the profile text
)

// Text is some text of a document and the weight of a match in it.
type Text struct {
	Text   string
	Weight int
}

// Doc is one provider as the index sees it. Docs are indexed in the order
// given, which is the directory's A to Z order.
type Doc struct {
	Slug     string
	Texts    []Text
	Facets   map[string][]string // facet key -> value ids
	Reviewed int                 // days since 1970-01-01
	Points   [][2]float64        // venue positions, lon/lat
	Ages     [][2]int            // age ranges (min, max; max 0 for no limit); none: all ages
}

// Facet is a filter of the directory: a URL parameter and its values.
type Facet struct {
	Key    string // the URL parameter, e.g. "pathway"
	Label  string
	Values []Value
	Hidden bool // used by the script, never shown as a filter
}

// Value is one value of a facet.
type Value struct {
	ID    string
	Label string
}

// Place is somewhere the directory can sort by distance from.
type Place struct {
	ID    string
	Label string
	Lon   float64
	Lat   float64
}

// Index is what the directory and the map load, in two parts: Facets
// (documents, filters, places) is small and always loaded; Text (terms and
// postings) is loaded only where words are searched.
type Index struct {
	Facets FacetIndex
	Text   TextIndex
}

// FacetIndex is the documents in A to Z order with their filter values:
// all the map needs.
type FacetIndex struct {
	Version int         `json:"version"`
	Slugs   []string    `json:"slugs"`
	Facets  []facetJSON `json:"facets"`
	Ages    [][]int     `json:"ages"` // per doc: min, max, min, max, ... (max 999: no limit); empty: all ages
}

// TextIndex is what the directory needs besides: the inverted index of the
// documents' words, review dates and places for sorting.
type TextIndex struct {
	Version  int         `json:"version"`
	Terms    []string    `json:"terms"`    // sorted
	Postings [][]int     `json:"postings"` // per term: (doc delta * 16 + weight), ascending docs
	Reviewed []int       `json:"reviewed"`
	Points   [][]float64 `json:"points"` // per doc: lon, lat, lon, lat, ...
	Places   []placeJSON `json:"places"`
}

type facetJSON struct {
	Key    string      `json:"key"`
	Label  string      `json:"label"`
	Values []valueJSON `json:"values"`
	Hidden bool        `json:"hidden,omitempty"`
}

type valueJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Docs  []int  `json:"docs"` // doc index deltas, ascending
}

type placeJSON [4]any // id, label, lon, lat

// Build makes the index of docs.
func Build(docs []Doc, facets []Facet, places []Place) *Index {
	ix := &Index{Facets: FacetIndex{Version: 1, Slugs: []string{}, Facets: []facetJSON{}, Ages: [][]int{}},
		Text: TextIndex{Version: 1, Terms: []string{}, Postings: [][]int{}, Reviewed: []int{}, Points: [][]float64{}, Places: []placeJSON{}}}
	fi, ti := &ix.Facets, &ix.Text
	best := map[string]map[int]int{} // term -> doc -> weight
	for i, d := range docs {
		fi.Slugs = append(fi.Slugs, d.Slug)
		fi.Ages = append(fi.Ages, ageList(d.Ages))
		ti.Reviewed = append(ti.Reviewed, d.Reviewed)
		pts := []float64{}
		for _, p := range d.Points {
			pts = append(pts, round(p[0]), round(p[1]))
		}
		ti.Points = append(ti.Points, pts)
		for _, t := range d.Texts {
			for _, tok := range Tokens(t.Text) {
				if best[tok] == nil {
					best[tok] = map[int]int{}
				}
				best[tok][i] = max(best[tok][i], min(t.Weight, 15))
			}
		}
	}
	for tok := range best {
		ti.Terms = append(ti.Terms, tok)
	}
	slices.Sort(ti.Terms)
	for _, tok := range ti.Terms {
		ti.Postings = append(ti.Postings, encodePostings(best[tok]))
	}
	for _, f := range facets {
		fj := facetJSON{Key: f.Key, Label: f.Label, Values: []valueJSON{}, Hidden: f.Hidden}
		for _, v := range f.Values {
			var members []int
			for i, d := range docs {
				if slices.Contains(d.Facets[f.Key], v.ID) {
					members = append(members, i)
				}
			}
			fj.Values = append(fj.Values, valueJSON{ID: v.ID, Label: v.Label, Docs: deltas(members)})
		}
		fi.Facets = append(fi.Facets, fj)
	}
	for _, p := range places {
		ti.Places = append(ti.Places, placeJSON{p.ID, p.Label, round(p.Lon), round(p.Lat)})
	}
	return ix
}

// encodePostings packs doc -> weight pairs as ascending (delta*16 + weight).
func encodePostings(m map[int]int) []int {
	docs := make([]int, 0, len(m))
	for d := range m {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	out := make([]int, len(docs))
	prev := 0
	for i, d := range docs {
		out[i] = (d-prev)*16 + m[d]
		prev = d
	}
	return out
}

func deltas(sorted []int) []int {
	out := make([]int, len(sorted))
	prev := 0
	for i, d := range sorted {
		out[i] = d - prev
		prev = d
	}
	return out
}

// NoAgeLimit stands for "no oldest age" in the index's age ranges.
const NoAgeLimit = 999

// ageList flattens age ranges for the index: min, max, min, max, ...
func ageList(ranges [][2]int) []int {
	out := []int{}
	for _, r := range ranges {
		hi := r[1]
		if hi == 0 {
			hi = NoAgeLimit
		}
		out = append(out, r[0], hi)
	}
	return out
}

func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// JSON encodes the two parts of the index.
func (ix *Index) JSON() (facets, text []byte, err error) {
	if facets, err = json.Marshal(ix.Facets); err != nil {
		return nil, nil, err
	}
	text, err = json.Marshal(ix.Text)
	return facets, text, err
}
