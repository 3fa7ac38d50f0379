package site

import (
	"bytes"
	"os"
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
		t.Skip("no events in content/")
	}
	name := entries[0].Name()
	return name[:len(name)-len(".md")]
}
