package site

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"artsmap"
)

// buildAt builds the fellside site with the build's clock set to now.
func buildAt(t *testing.T, now string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	at, err := time.Parse(time.DateOnly, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Out: out, Now: at}); err != nil {
		t.Fatalf("build failed: %v", err)
	}
	return readTree(t, out)
}

// element returns the start tag of the first element whose tag holds attr.
func element(page []byte, attr string) string {
	return regexp.MustCompile(`<[a-z]+[^>]*` + regexp.QuoteMeta(attr) + `[^>]*>`).FindString(string(page))
}

const staleText = "Last checked 1 May 2026, over a year ago:</strong> confirm with the provider before referring."

// TestStaleProfileAtBuild: a profile reviewed over 12 months before the
// build date shows the notice on its page and the mark on its card in
// every listing, in words; one reviewed within the year carries the same
// notice hidden, with the day it turns stale for the page's script.
func TestStaleProfileAtBuild(t *testing.T) {
	fresh := buildAt(t, "2026-12-07")
	for _, name := range []string{"providers/quiet-brush/index.html", "providers/index.html", "districts/border-city/index.html"} {
		tag := element(fresh[name], `data-stale-from="2027-05-02"`)
		if tag == "" || !strings.Contains(tag, " hidden") {
			t.Errorf("%s: the notice for review on 2026-05-01 is missing or shown a year early: %q", name, tag)
		}
	}
	stale := buildAt(t, "2027-05-02")
	for _, name := range []string{"providers/quiet-brush/index.html", "providers/index.html", "districts/border-city/index.html", "pathways/low-mood/index.html"} {
		tag := element(stale[name], `data-stale-from="2027-05-02"`)
		if tag == "" || strings.Contains(tag, " hidden") {
			t.Errorf("%s: a profile last reviewed a year and a day ago is not marked stale: %q", name, tag)
		}
		if !strings.Contains(string(stale[name]), staleText) {
			t.Errorf("%s: no words say the profile is old", name)
		}
	}
	if tag := element(stale["providers/breath-choir/index.html"], `data-stale-from="2027-09-02"`); !strings.Contains(tag, " hidden") {
		t.Errorf("a profile reviewed 2026-09-01 is marked stale on 2027-05-02: %q", tag)
	}
}

// TestPastEventAtBuild: an event over by the build date says it took place,
// has no booking link (in the page or its JSON-LD) and is listed under
// Past events; before then it has both and carries its end for the script.
func TestPastEventAtBuild(t *testing.T) {
	before := buildAt(t, "2026-12-07")
	page := string(before["events/gathering/index.html"])
	if !strings.Contains(page, "Book a place") || !strings.Contains(element(before["events/gathering/index.html"], `class="took-place"`), " hidden") {
		t.Errorf("an upcoming event lost its booking link or says it took place:\n%s", page)
	}
	if !strings.Contains(page, `data-over-at="2027-04-01T13:00:00`) {
		t.Error("the event page does not carry when the event is over")
	}
	list := string(before["events/index.html"])
	if i, j := strings.Index(list, "Spring gathering"), strings.Index(list, `id="past"`); i < 0 || i > j {
		t.Errorf("an upcoming event is not under Coming up:\n%s", list)
	}

	after := buildAt(t, "2027-04-02")
	page = string(after["events/gathering/index.html"])
	if strings.Contains(page, "fellside.example.net/book") || strings.Contains(page, "Book a place") {
		t.Errorf("a past event still offers booking:\n%s", page)
	}
	if tag := element(after["events/gathering/index.html"], `class="took-place"`); tag == "" || strings.Contains(tag, " hidden") ||
		!strings.Contains(page, "This event took place on 1 April 2027.") {
		t.Errorf("a past event does not say it took place: %q", tag)
	}
	list = string(after["events/index.html"])
	if i, j := strings.Index(list, "Spring gathering"), strings.Index(list, `id="past"`); j < 0 || i < j {
		t.Errorf("a past event is not under Past events:\n%s", list)
	}
	if strings.Contains(string(after["index.html"]), "Spring gathering") {
		t.Error("the home page lists a past event as coming up")
	}
}
