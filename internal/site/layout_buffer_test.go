package site

import (
	"runtime"
	"testing"

	"artsmap"
	"artsmap/internal/synth"
)

// TestLayoutBufferSized: a layout's next file starts in a buffer the size
// of its last one, instead of doubling up from nothing. Made again, a
// browse page of the synthetic site (its cards rendered once and kept)
// allocates little more than its own length; doubling took more than
// twice it.
func TestLayoutBufferSized(t *testing.T) {
	p, _, err := planSite(Options{Site: synth.Site(400, 1), Theme: artsmap.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	makePage := p.files["referral/self/index.html"]
	if makePage == nil {
		t.Fatal("no browse page referral/self/ in the synthetic site")
	}
	if _, err := makePage(); err != nil { // renders and keeps the cards
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	page, err := makePage()
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(page))*8/5 {
		t.Errorf("making a %d-byte page allocated %d bytes, want at most 1.6 times its length", len(page), n)
	} else {
		t.Logf("a %d-byte page: %d bytes allocated", len(page), n)
	}
}
