package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The index's files, named relative to the entry file: the browser fetches
// the entry (EntryName) and the rest only when a feature needs them.
const (
	EntryName    = "terms.json"    // sizes, chunk boundaries, word groups, places
	FacetsName   = "facets.json"   // slugs, filters and ages; the map reads it too
	ReviewedName = "reviewed.json" // per document: days since 1970, for "most recently reviewed"
	PointsName   = "points.json"   // per document: venue lon, lat, ..., for sorting by distance
)

// ChunkName is the file of term chunk i; WordsName the file of the terms
// of one length and number of digits, which typo matching reads.
func ChunkName(i int) string              { return fmt.Sprintf("terms-%d.json", i) }
func WordsName(length, digits int) string { return fmt.Sprintf("words-%d-%d.txt", length, digits) }

// chunkBytes is about how much postings, as JSON, a term chunk holds: a
// query fetches the chunks its words and their prefixes fall in.
const chunkBytes = 16 << 10

// Terms longer than maxWordLength, or with more than maxWordDigits digits,
// are grouped with those at the cap.
// A word of minTypoLength letters or more may match a term one edit away
// (static/js/directory/match.js, allowedEdits).
const (
	minTypoLength = 4
	maxWordLength = 24
	maxWordDigits = 9
)

// entryJSON is the entry file.
type entryJSON struct {
	Version int         `json:"version"`
	Size    int         `json:"size"`
	Filters []string    `json:"filters"` // the keys of the filters shown, in order
	Chunks  []string    `json:"chunks"`  // the first term of each chunk, ascending
	Words   wordsJSON   `json:"words"`
	Places  []placeJSON `json:"places"`
}

type wordsJSON struct {
	MaxLength int      `json:"maxLength"`
	MaxDigits int      `json:"maxDigits"`
	Groups    [][2]int `json:"groups"` // the (length, digits) groups that have terms
}

type facetsJSON struct {
	Version int         `json:"version"`
	Slugs   []string    `json:"slugs"`
	Facets  []facetJSON `json:"facets"`
	Ages    [][]int     `json:"ages"`
}

type chunkJSON struct {
	Terms    []string `json:"terms"`
	Postings [][]int  `json:"postings"`
}

// Files encodes the index as its files, by name.
func (ix *Index) Files() (map[string][]byte, error) {
	out := map[string][]byte{}
	put := func(name string, v any) error {
		b, err := json.Marshal(v)
		out[name] = b
		return err
	}
	entry := entryJSON{Version: 2, Size: len(ix.Slugs), Filters: []string{}, Chunks: []string{}, Places: ix.Places,
		Words: wordsJSON{MaxLength: maxWordLength, MaxDigits: maxWordDigits, Groups: [][2]int{}}}
	for _, f := range ix.Facets {
		if !f.Hidden {
			entry.Filters = append(entry.Filters, f.Key)
		}
	}
	for i, c := range ix.chunks() {
		entry.Chunks = append(entry.Chunks, c.Terms[0])
		if err := put(ChunkName(i), c); err != nil {
			return nil, err
		}
	}
	for g, terms := range ix.wordGroups() {
		entry.Words.Groups = append(entry.Words.Groups, g)
		out[WordsName(g[0], g[1])] = []byte(strings.Join(terms, "\n"))
	}
	slices.SortFunc(entry.Words.Groups, func(a, b [2]int) int { return (a[0]-b[0])*100 + a[1] - b[1] })
	for name, v := range map[string]any{EntryName: entry, ReviewedName: ix.Reviewed, PointsName: ix.Points,
		FacetsName: facetsJSON{Version: 2, Slugs: ix.Slugs, Facets: ix.Facets, Ages: ix.Ages}} {
		if err := put(name, v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// chunks splits the sorted terms into runs of about chunkBytes of postings.
func (ix *Index) chunks() []chunkJSON {
	var out []chunkJSON
	var cur chunkJSON
	size := 0
	for i, t := range ix.Terms {
		cur.Terms = append(cur.Terms, t)
		cur.Postings = append(cur.Postings, ix.Postings[i])
		size += len(t) + 4
		for _, p := range ix.Postings[i] {
			size += digits(p) + 1
		}
		if size >= chunkBytes {
			out = append(out, cur)
			cur, size = chunkJSON{}, 0
		}
	}
	if len(cur.Terms) > 0 {
		out = append(out, cur)
	}
	return out
}

// wordGroups sorts the terms by length and number of digits (capped).
func (ix *Index) wordGroups() map[[2]int][]string {
	out := map[[2]int][]string{}
	for _, t := range ix.Terms {
		if len(t) >= minTypoLength-1 { // shorter terms are no typo of a word typos are allowed in
			g := WordGroup(t)
			out[g] = append(out[g], t)
		}
	}
	return out
}

// WordGroup is the (length, digits) group of a term, as capped in the files.
func WordGroup(t string) [2]int {
	d := 0
	for _, r := range t {
		if r >= '0' && r <= '9' {
			d++
		}
	}
	return [2]int{min(len(t), maxWordLength), min(d, maxWordDigits)}
}

func digits(n int) int {
	k := 1
	for n >= 10 {
		n /= 10
		k++
	}
	return k
}
