package openreferral

import (
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/paulmach/orb"
)

// richer is sample(n) with a provider of each other shape: one without
// programmes (its general offer is a service), one with a phone, an email
// and an area served, and one with no venues; the last five are given one
// at a time (Directory.At).
func richer(n int) Directory {
	d := sample(n)
	d.Providers[0].Programmes = nil
	p := &d.Providers[1]
	p.Phone, p.Email, p.Website = "01234 567890", "hello@example.org", "https://example.org/"
	p.Areas = []Area{{ID: "vale", Name: "The Vale", Geometry: orb.Polygon{{{-2, 51}, {-1, 51}, {-1, 52}, {-2, 51}}}}}
	p.Programmes[0].Areas = []string{"vale"}
	p.Programmes[0].Cost, p.Programmes[0].Format, p.Programmes[0].Sessions = "free", "group", "Weekly"
	d.Providers[2].Venues = nil
	rest := slices.Clone(d.Providers[n-5:])
	d.Providers, d.Count, d.At = d.Providers[:n-5], len(rest), func(i int) Provider { return rest[i] }
	return d
}

// TestStreamFiles: the same files as Map(d).Files, in the same order,
// with the same owners and the same bytes, at several page sizes.
func TestStreamFiles(t *testing.T) {
	d := richer(40)
	for _, size := range []int{0, 1, 3, 50} {
		want, got := Map(d).Files(Dir, size), StreamFiles(d, Dir, size)
		if len(got) != len(want) {
			t.Fatalf("page size %d: %d files, want %d", size, len(got), len(want))
		}
		for i := range want {
			w, err := want[i].Encode()
			if err != nil {
				t.Fatal(err)
			}
			g, err := got[i].Encode()
			if err != nil {
				t.Fatal(err)
			}
			if got[i].Path != want[i].Path || got[i].Owner != want[i].Owner || string(g) != string(w) {
				t.Errorf("page size %d, file %d: %s (owner %q) %s, want %s (owner %q) %s", size, i,
					got[i].Path, got[i].Owner, g, want[i].Path, want[i].Owner, w)
			}
		}
	}
}

// TestStreamFilesAskOnlyTheirProviders: once planned, an item's document
// is made from its own provider alone, and a list page from none (its
// entries were encoded when the paths were planned); a build therefore
// never holds the export.
func TestStreamFilesAskOnlyTheirProviders(t *testing.T) {
	d, all := sample(30), sample(30).Providers
	var asked []int
	var mu sync.Mutex
	d.Providers, d.Count, d.At = nil, len(all), func(i int) Provider {
		mu.Lock()
		defer mu.Unlock()
		asked = append(asked, i)
		return all[i]
	}
	bySlug := map[string]int{}
	for i, p := range all {
		bySlug[p.Slug] = i
	}
	files := StreamFiles(d, Dir, 4)
	if len(asked) != 30 {
		t.Errorf("planning asked for %d providers, want each of the 30 once", len(asked))
	}
	items := 0
	for _, f := range files {
		asked = nil
		if _, err := f.Encode(); err != nil {
			t.Fatal(err)
		}
		if at, owned := bySlug[f.Owner]; owned {
			items++
			if len(asked) != 1 || asked[0] != at {
				t.Errorf("%s (of provider %d) asked for providers %v", f.Path, at, asked)
			}
		} else if len(asked) > 0 {
			t.Errorf("%s asked for providers %v", f.Path, asked)
		}
	}
	if items != 30*5 {
		t.Errorf("%d item documents made from their providers, want 150", items)
	}
}

// TestStreamFilesHoldNoExport: making the files holds nothing more than
// planning them did: halfway through, less than a tenth of the mapped
// export more (LazyFiles held the whole export again by then).
func TestStreamFilesHoldNoExport(t *testing.T) {
	d := sample(2000)
	before := heapInUse()
	export := Map(d).Files(Dir, 0)
	mapped := heapInUse() - before
	runtime.KeepAlive(export)
	export = nil
	files := StreamFiles(d, Dir, 0)
	planned := heapInUse()
	for _, f := range files[:len(files)/2] {
		if _, err := f.Encode(); err != nil {
			t.Fatal(err)
		}
	}
	held := heapInUse() - planned
	runtime.KeepAlive(files)
	if held*10 > mapped {
		t.Errorf("making half the files holds %d KB more, the mapped export is %d KB: the export is kept", held>>10, mapped>>10)
	}
}
