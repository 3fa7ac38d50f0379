package site

import (
	"bytes"
	"runtime"
	"testing"

	"artsmap/internal/synth"
)

// TestLayoutBufferSized: a layout's next file starts in a buffer the size
// of its last one, instead of doubling up from nothing. Made again, a
// browse page of the synthetic site (its cards rendered once and kept)
// allocates much less than the same page made into an empty buffer (1.3
// against 3.2 times its length).
func TestLayoutBufferSized(t *testing.T) {
	s, ts := preparedSite(t, synth.Site(400, 1))
	var page *Page
	for _, p := range s.pages() {
		if p.Path == "/referral/self/" {
			page = p
		}
	}
	if page == nil {
		t.Fatal("no browse page /referral/self/ in the synthetic site")
	}
	if _, err := ts.execute(page); err != nil { // renders and keeps the cards
		t.Fatal(err)
	}
	sized := allocated(func() { _, _ = ts.execute(page) })
	doubled := allocated(func() {
		var b bytes.Buffer
		_ = ts[page.Layout].ExecuteTemplate(&b, "base", page)
	})
	if sized*4 > doubled*3 {
		t.Errorf("making the page allocated %d bytes, into an empty buffer %d: want under three quarters of it", sized, doubled)
	}
}

// allocated is how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
