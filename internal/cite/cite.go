// Package cite writes references for citation managers: BibTeX, RIS and
// CSL-JSON. Keys come from the first author's family name (or an
// organisation's first word) and the year; a person is written family name
// first and an organisation as one name that is never split.
package cite

import (
	"strconv"
	"strings"

	"artsmap/internal/content"
	"artsmap/internal/registry"
	"artsmap/internal/slug"
)

// Keys returns a citation key for each reference: "fancourt2019", with
// "a", "b", ... added when two references would share one.
func Keys(refs []content.Reference) []string {
	base := make([]string, len(refs))
	count := map[string]int{}
	for i, r := range refs {
		base[i] = baseKey(r)
		count[base[i]]++
	}
	keys := make([]string, len(refs))
	seen := map[string]int{}
	for i, b := range base {
		keys[i] = b
		if count[b] > 1 {
			keys[i] += string(rune('a' + seen[b]%26))
			if seen[b] >= 26 {
				keys[i] += strconv.Itoa(seen[b] / 26)
			}
			seen[b]++
		}
	}
	return keys
}

func baseKey(r content.Reference) string {
	name := "anon"
	if len(r.Authors) > 0 {
		a := r.Authors[0]
		if a.Person() {
			name = a.Family
		} else if w := strings.Fields(a.Name); len(w) > 0 {
			name = w[0]
		}
	}
	name = strings.ReplaceAll(slug.Make(name), "-", "")
	if name == "" {
		name = "anon"
	}
	year := "nd"
	if r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	return name + year
}

// DOIURL is the web address of a DOI.
func DOIURL(doi string) string {
	if doi == "" {
		return ""
	}
	return "https://doi.org/" + doi
}

// typeOf is the registry's entry for a reference's type.
func typeOf(r content.Reference) registry.ReferenceType {
	t, _ := registry.ReferenceTypeOf(r.Kind())
	return t
}
