package openreferral

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// sample is a directory of n providers, each with two venues and two
// programmes that list terms of two vocabularies.
func sample(n int) Directory {
	d := Directory{Region: "Synthshire", Country: "GB", Language: "en-GB"}
	for _, key := range []string{"districts", "pathways"} {
		v := Vocabulary{Key: key, Name: key}
		for i := range 8 {
			v.Terms = append(v.Terms, Term{ID: key + strconv.Itoa(i), Label: "Term " + strconv.Itoa(i)})
		}
		d.Vocabularies = append(d.Vocabularies, v)
	}
	for i := range n {
		slug := "p" + strconv.Itoa(i)
		refs := []TermRef{{"districts", "districts" + strconv.Itoa(i%8)}, {"pathways", "pathways" + strconv.Itoa(i%7)}, {"pathways", "pathways7"}}
		p := Provider{Slug: slug, Name: "Provider " + slug, Summary: "Singing for breathing.", Terms: refs,
			Reviewed: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
		for v := range 2 {
			p.Venues = append(p.Venues, Venue{ID: "v" + strconv.Itoa(v), Name: "Hall", Address: "1 High Street",
				Town: "Stroud", Postcode: "GL5 1AA", Point: orb.Point{-2.2, 51.7}})
			p.Programmes = append(p.Programmes, Programme{ID: "g" + strconv.Itoa(v), Title: "Group", Status: "established",
				Terms: refs, Venues: []string{"v" + strconv.Itoa(v)}})
		}
		d.Providers = append(d.Providers, p)
	}
	return d
}

// TestAttributesOnlyInOwnDocuments: an item's attributes are in its own
// document, with their terms, and in no list page.
func TestAttributesOnlyInOwnDocuments(t *testing.T) {
	e := Map(sample(3))
	files := decodeFiles(t, e.Files("or", 0))
	for _, id := range []string{"or/services/" + e.Services[0].ID, "or/organizations/" + e.Organizations[0].ID} {
		doc := string(files[id])
		if strings.Count(doc, `"taxonomy_term":{`) != 3 {
			t.Errorf("%s: want 3 attributes with their terms: %s", id, doc)
		}
	}
	for path, data := range files {
		if strings.Contains(path, "/page-") && strings.Contains(string(data), `"attributes"`) {
			t.Errorf("%s lists attributes", path)
		}
	}
}

// BenchmarkExport maps a directory and makes every file of its export.
// held-MB is what the export holds between the two: what a build keeps
// in memory while it writes the site.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			d := sample(n)
			b.ReportAllocs()
			for b.Loop() {
				before := heapInUse()
				files := Map(d).Files("or", 0)
				held := heapInUse() - before
				for _, f := range files {
					if _, err := f.Encode(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(held)/1e6, "held-MB")
				b.ReportMetric(float64(len(files)), "files")
			}
		})
	}
}

func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
