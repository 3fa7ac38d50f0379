package site

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"artsmap/internal/qrcode/qrtest"
)

var svgElement = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// TestHandout: a provider's handout holds its schedules, venue access,
// published contact and last-checked date, and a QR code that decodes,
// with a real decoder, to the profile's absolute address, printed in words
// beside it; a provider without consent shows no email or phone there.
func TestHandout(t *testing.T) {
	out, res := build(t, txtarSite(t, "fellside"))
	if len(res.Problems) > 0 {
		t.Errorf("problems: %v", res.Problems)
	}
	tree := readTree(t, out)
	page := string(tree["providers/breath-choir/handout/index.html"])
	const profile = "https://fellside.example.net/providers/breath-choir/"
	for _, want := range []string{
		"<h1 class=\"handout-title\">Breath Choir</h1>",
		"Wednesdays, 2pm to 3:30pm, weekly, from 13 January to 17 March 2027, at Mill Hall",
		"<strong>Mill Hall</strong>, Mill Lane, Eden, XX1 1AA",
		"<li>Step-free access: Yes</li>", "<li>Hearing loop: No</li>", "<li>Parking: Not stated</li>",
		"<li>Access notes: Level entrance from the car park.</li>",
		"Adults living with a breathing condition", "Ask your doctor, or <em>phone us</em> to book a taster.",
		`<a class="tel" href="tel:01632960001">01632 960001</a>`, `<a href="mailto:sing@example.net">sing@example.net</a>`,
		`Last checked: <time datetime="2026-09-01">1 September 2026</time>`,
		`<a class="handout-url" href="` + profile + `">` + profile + `</a>`,
		`aria-label="QR code of the web address ` + profile + `"`,
		`<meta name="robots" content="noindex">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the handout lacks %s", want)
		}
	}
	if strings.Contains(page, "application/ld+json") {
		t.Error("the handout repeats the profile's structured data")
	}
	svg := svgElement.FindString(page)
	if got, err := qrtest.SVG(svg, 3); err != nil || got != profile {
		t.Errorf("the QR code decodes to %q (%v), want %q", got, err, profile)
	}
	quiet := string(tree["providers/quiet-brush/handout/index.html"])
	for _, leak := range []string{"private@example.net", "01632 960002", "01632960002", "mailto:", "tel:"} {
		if strings.Contains(quiet, leak) {
			t.Errorf("the handout of a provider without publish_contact holds %q", leak)
		}
	}
	for _, want := range []string{"Contact details are not published", "No venue is stated."} {
		if !strings.Contains(quiet, want) {
			t.Errorf("the handout without contact or venues lacks %q", want)
		}
	}
	for name, data := range map[string]string{"breath-choir": page, "quiet-brush": quiet} {
		if strings.Contains(data, " style=") || regexp.MustCompile(`<script(?: type="(?:module|text/javascript)")?>`).MatchString(data) {
			t.Errorf("the handout of %s has an inline style or script, which the CSP blocks", name)
		}
	}
	if strings.Contains(string(tree["sitemap.xml"]), "/handout") {
		t.Error("the sitemap lists handouts, which repeat the profiles")
	}
	if !strings.Contains(string(tree["providers/breath-choir/index.html"]), `<a href="/providers/breath-choir/handout/">Print for a patient`) {
		t.Error("the profile does not link its handout")
	}
	if !strings.Contains(string(tree["providers/handouts/index.html"]), `<div id="handouts"></div>`) {
		t.Error("no page of handouts for the shortlist")
	}
}

// TestShortlistData: the shortlist's data file carries the profile's
// absolute address, when sessions run, venues with access, and contact
// only where it is published.
func TestShortlistData(t *testing.T) {
	out, _ := build(t, txtarSite(t, "fellside"))
	var got struct {
		Providers map[string]shortlistEntry `json:"providers"`
	}
	if err := json.Unmarshal(readTree(t, out)["providers/shortlist.json"], &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]shortlistEntry{
		"breath-choir": {Name: "Breath Choir", URL: "https://fellside.example.net/providers/breath-choir/",
			Email: "sing@example.net", Phone: "01632 960001", Website: "https://breath.example.net",
			When:   []string{"Breathe Easy Singing: Wednesdays, 2pm to 3:30pm, weekly, from 13 January to 17 March 2027, at Mill Hall"},
			Venues: []string{"Mill Hall, Mill Lane, Eden, XX1 1AA (step-free access: yes; hearing loop: no; parking: not stated; access notes: Level entrance from the car park.)"}},
		"quiet-brush": {Name: "Quiet Brush", URL: "https://fellside.example.net/providers/quiet-brush/", When: []string{}, Venues: []string{}},
	}
	for slug, w := range want {
		g, _ := json.Marshal(got.Providers[slug])
		wj, _ := json.Marshal(w)
		if string(g) != string(wj) {
			t.Errorf("%s:\n got %s\nwant %s", slug, g, wj)
		}
	}
}

// TestHandoutPrint: the print size steps down as a handout's text grows.
func TestHandoutPrint(t *testing.T) {
	for _, tc := range []struct {
		summary int
		want    string
	}{{100, ""}, {handoutLarge, "handout-compact"}, {handoutCompact, "handout-small"}} {
		p := &Provider{Name: "P", Summary: strings.Repeat("x", tc.summary)}
		if got := p.HandoutPrint(); got != tc.want {
			t.Errorf("summary of %d characters (length %d): %q, want %q", tc.summary, p.HandoutLength(), got, tc.want)
		}
	}
}
