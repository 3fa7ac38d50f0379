package content

import "testing"

// A draft is listed by check as a note (a warning, so not an error) at its
// draft setting, and Published leaves it out.
func TestDrafts(t *testing.T) {
	s, got := load(t, all(edit(providerPath, "+++\n", "+++\ndraft = true\n"), edit(pagePath, "+++\n", "+++\ndraft = true\n")))
	checkProblems(t, got, []prob{
		w(pagePath, 2, 9, "draft: left out of the built site, shown only by serve", "=remove draft = true, or set draft = false, when it is ready to publish"),
		w(providerPath, 2, 9, "draft: left out of the built site, shown only by serve", "remove draft = true"),
	})
	for _, p := range got {
		if !p.Note {
			t.Errorf("%s is not a note", p)
		}
	}
	pub := s.Published()
	if len(s.Providers) != 1 || len(s.Pages) != 1 || len(pub.Providers) != 0 || len(pub.Pages) != 0 || len(pub.Events) != 1 {
		t.Errorf("loaded %d providers and %d pages, published %d, %d and %d events; want 1, 1, 0, 0, 1",
			len(s.Providers), len(s.Pages), len(pub.Providers), len(pub.Pages), len(pub.Events))
	}
	if _, got := load(t, edit(providerPath, "+++\n", "+++\ndraft = false\n")); len(got) != 0 {
		t.Errorf("draft = false: %v", got)
	}
}
