package site

import (
	"bytes"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
)

// TestCalendarParses reads /events.ics and one event's .ics with an
// iCalendar parser and checks every event's required properties.
func TestCalendarParses(t *testing.T) {
	out, _ := build(t, os.DirFS("../.."))
	tree := readTree(t, out)
	cal, err := ical.NewDecoder(bytes.NewReader(tree["events.ics"])).Decode()
	if err != nil {
		t.Fatalf("events.ics: %v", err)
	}
	events := cal.Events()
	if len(events) == 0 {
		t.Fatal("no events")
	}
	uids := map[string]bool{}
	for _, ev := range events {
		uid, err := ev.Props.Text(ical.PropUID)
		if err != nil || uid == "" || uids[uid] {
			t.Errorf("event without a unique UID: %q (%v)", uid, err)
		}
		uids[uid] = true
		start, err := ev.DateTimeStart(nil)
		if err != nil || start.Location().String() != "UTC" {
			t.Errorf("%s: start %v in %v (%v), want UTC", uid, start, start.Location(), err)
		}
		if _, err := ev.Props.Text(ical.PropSummary); err != nil {
			t.Errorf("%s: no summary: %v", uid, err)
		}
	}
	single, err := ical.NewDecoder(bytes.NewReader(tree["events/"+slugOfFirstEvent(t)+"/event.ics"])).Decode()
	if err != nil || len(single.Events()) != 1 {
		t.Errorf("an event's own .ics: %v", err)
	}
}

func slugOfFirstEvent(t *testing.T) string {
	t.Helper()
	entries, err := os.ReadDir("../../content/events")
	if err != nil || len(entries) == 0 {
		t.Fatal("no events in content/: the test needs one")
	}
	name := entries[0].Name()
	return name[:len(name)-len(".md")]
}

// TestEventTextInFeedAndCalendar: an event without a summary gets its
// body's text as its feed entry's summary and its calendar DESCRIPTION
// (escaped and folded, so a parser reads it back exactly), and its entry's
// updated is the date the content gives, not its start.
func TestEventTextInFeedAndCalendar(t *testing.T) {
	out, _ := build(t, txtarSite(t, "fellside"))
	tree := readTree(t, out)
	const text = `Carve, ink; print and take home a set of cards, with tea and “biscuits” for everyone who comes along: 3 < 4.`
	for _, name := range []string{"events.ics", "events/workshop/event.ics"} {
		cal, err := ical.NewDecoder(bytes.NewReader(tree[name])).Decode()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, ev := range cal.Events() {
			if uid, _ := ev.Props.Text(ical.PropUID); strings.HasPrefix(uid, "workshop@") {
				found = true
				if got, err := ev.Props.Text(ical.PropDescription); got != text {
					t.Errorf("%s: DESCRIPTION %q (%v), want %q", name, got, err, text)
				}
			}
		}
		if !found {
			t.Errorf("%s: no workshop event", name)
		}
	}
	var feed atomFeed
	if err := xml.Unmarshal(tree["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	for _, e := range feed.Entries {
		if len(e.IDs) == 1 && strings.HasSuffix(e.IDs[0], "/events/workshop/") {
			if len(e.Summary) != 1 || e.Summary[0].Text != text || len(e.Updated) != 1 || e.Updated[0] != "2026-09-15T00:00:00Z" {
				t.Errorf("workshop entry: summary %+v, updated %v; want the body's text and 2026-09-15", e.Summary, e.Updated)
			}
			return
		}
	}
	t.Error("no feed entry for the workshop")
}
