package site

import (
	"testing"
	"unsafe"

	"artsmap/internal/synth"
)

// TestCardsSharedAcrossLayouts: the directory's layout and the browse
// pages' layout each render a provider's card once, and keep one copy of
// it between them when it is the same; a layout whose card differs keeps
// its own.
func TestCardsSharedAcrossLayouts(t *testing.T) {
	s, ts := preparedSite(t, synth.Site(3, 1))
	texts := &cardTexts{m: map[*Provider]string{}}
	dir := &cards{t: ts["providers"].Template, m: map[*Provider]*card{}, texts: texts}
	browse := &cards{t: ts["term"].Template, m: map[*Provider]*card{}, texts: texts}
	p := s.Providers[0]
	a, errA := dir.render(p)
	b, errB := browse.render(p)
	if errA != nil || errB != nil || a == "" || a != b {
		t.Fatalf("the two layouts' cards differ or failed: %v, %v", errA, errB)
	}
	if unsafe.StringData(string(a)) != unsafe.StringData(string(b)) {
		t.Error("the same card is kept twice, once for each layout")
	}
	if other := texts.keep(p, []byte("<article>another card</article>")); other != "<article>another card</article>" || texts.m[p] != string(a) {
		t.Errorf("a layout with a different card got %q; the kept card is now %q", other, texts.m[p])
	}
}
