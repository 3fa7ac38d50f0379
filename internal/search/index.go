package search

import (
	"bytes"
	"maps"
	"math"
	"slices"
	"strings"

	"artsmap/internal/workers"
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
	Words    []Word              // when not nil, Words(Texts), worked out before (Texts is then not read)
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

// Index is the directory's index before it is split into files (see
// Files): the words with their postings, the filters and the
// per-document data, each part fetched by the browser only when needed.
type Index struct {
	Slugs    []string
	Terms    []string // sorted
	Postings [][]int  // per term: (doc delta * 16 + weight), ascending docs
	Facets   []facetJSON
	Ages     [][]int // per doc: min, max, min, max, ... (max NoAgeLimit: none); empty: all ages
	Reviewed []int
	Points   [][]float64 // per doc: lon, lat, lon, lat, ...
	Places   []placeJSON
}

type facetJSON struct {
	Key    string      `json:"key"`
	Label  string      `json:"label"`
	Values []valueJSON `json:"values"`
	Hidden bool        `json:"hidden,omitempty"`
}

// valueJSON is a filter value and its documents, as ascending deltas or,
// when shorter, as runs (gap before the run, run length, ...).
type valueJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Docs  []int  `json:"docs,omitempty"`
	Runs  []int  `json:"runs,omitempty"`
}

type placeJSON [4]any // id, label, lon, lat

// Build makes the index of docs.
func Build(docs []Doc, facets []Facet, places []Place) *Index {
	ix := &Index{Slugs: []string{}, Terms: []string{}, Postings: [][]int{}, Facets: []facetJSON{},
		Ages: [][]int{}, Reviewed: []int{}, Points: [][]float64{}, Places: []placeJSON{}}
	best := map[string]map[int]int{} // term -> doc -> weight
	weights := make([][]Word, len(docs))
	workers.Each(len(docs), workers.PerCPU(), func(i int) {
		if weights[i] = docs[i].Words; weights[i] == nil {
			weights[i] = Words(docs[i].Texts)
		}
	})
	for i, d := range docs {
		ix.Slugs = append(ix.Slugs, d.Slug)
		ix.Ages = append(ix.Ages, ageList(d.Ages))
		ix.Reviewed = append(ix.Reviewed, d.Reviewed)
		pts := []float64{}
		for _, p := range d.Points {
			pts = append(pts, round(p[0]), round(p[1]))
		}
		ix.Points = append(ix.Points, pts)
		for _, w := range weights[i] {
			if best[w.Term] == nil {
				best[w.Term] = map[int]int{}
			}
			best[w.Term][i] = w.Weight
		}
	}
	for tok := range best {
		ix.Terms = append(ix.Terms, tok)
	}
	slices.Sort(ix.Terms)
	for _, tok := range ix.Terms {
		ix.Postings = append(ix.Postings, encodePostings(best[tok]))
	}
	ix.Facets = make([]facetJSON, len(facets))
	workers.Each(len(facets), workers.PerCPU(), func(i int) { ix.Facets[i] = facetOf(facets[i], docs) })
	for _, p := range places {
		ix.Places = append(ix.Places, placeJSON{p.ID, p.Label, round(p.Lon), round(p.Lat)})
	}
	return ix
}

// Word is a word of a document and the weight of its best match.
type Word struct {
	Term   string
	Weight int
}

// Words lists the words of texts (see Tokens), each with the highest
// weight of the texts it is in (at most 15), in term order.
func Words(texts []Text) []Word {
	w := map[string]int{}
	for _, t := range texts {
		for _, tok := range Tokens(t.Text) {
			w[tok] = max(w[tok], min(t.Weight, 15))
		}
	}
	out := make([]Word, 0, len(w))
	for _, tok := range slices.Sorted(maps.Keys(w)) {
		out = append(out, Word{tok, w[tok]})
	}
	return out
}

// AppendWords appends words to b as ParseWords reads them: a line each,
// its weight as one hexadecimal digit, then its term.
func AppendWords(b []byte, words []Word) []byte {
	for _, w := range words {
		b = append(b, hexDigits[w.Weight&15])
		b = append(b, w.Term...)
		b = append(b, '\n')
	}
	return b
}

const hexDigits = "0123456789abcdef"

// ParseWords reads what AppendWords wrote; false when b is not that.
func ParseWords(b []byte) ([]Word, bool) {
	out := make([]Word, 0, bytes.Count(b, []byte{'\n'}))
	for len(b) > 0 {
		line, rest, ok := bytes.Cut(b, []byte{'\n'})
		if !ok || len(line) < 3 {
			return nil, false
		}
		weight := strings.IndexByte(hexDigits, line[0])
		if weight < 1 || slices.ContainsFunc(line[1:], notTermByte) {
			return nil, false
		}
		out = append(out, Word{string(line[1:]), weight})
		b = rest
	}
	return out, true
}

// notTermByte reports whether c cannot be in a term: terms are lower-case
// ASCII letters and digits.
func notTermByte(c byte) bool { return !('a' <= c && c <= 'z' || '0' <= c && c <= '9') }

// facetOf lists, for each value of f, the documents that have it.
func facetOf(f Facet, docs []Doc) facetJSON {
	fj := facetJSON{Key: f.Key, Label: f.Label, Values: []valueJSON{}, Hidden: f.Hidden}
	for _, v := range f.Values {
		var members []int
		for i, d := range docs {
			if slices.Contains(d.Facets[f.Key], v.ID) {
				members = append(members, i)
			}
		}
		vj := valueJSON{ID: v.ID, Label: v.Label}
		if runs := runsOf(members); len(runs) < len(members) {
			vj.Runs = runs
		} else {
			vj.Docs = deltas(members)
		}
		fj.Values = append(fj.Values, vj)
	}
	return fj
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

// runsOf writes ascending documents as runs of consecutive numbers: the
// gap since the end of the previous run, then the run's length.
func runsOf(sorted []int) []int {
	var out []int
	end := 0 // one past the previous run
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j] == sorted[j-1]+1 {
			j++
		}
		out = append(out, sorted[i]-end, j-i)
		end = sorted[j-1] + 1
		i = j
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
