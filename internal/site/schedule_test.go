package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"artsmap/internal/content"
)

func TestScheduleText(t *testing.T) {
	date := func(s string) content.Date {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return content.Date{Time: d}
	}
	tests := []struct {
		name string
		s    content.Schedule
		want string
	}{
		{"the issue's example", content.Schedule{Days: []string{"wednesday"}, Start: "14:00", End: "15:30", Every: "week",
			From: date("2027-01-13"), Until: date("2027-03-17")},
			"Wednesdays, 2pm to 3:30pm, weekly, from 13 January to 17 March 2027"},
		{"two days, morning", content.Schedule{Days: []string{"monday", "thursday"}, Start: "09:30", End: "11:00", Every: "week"},
			"Mondays and Thursdays, 9:30am to 11am, weekly"},
		{"three days", content.Schedule{Days: []string{"monday", "wednesday", "friday"}, Start: "10:00", End: "10:45", Every: "week"},
			"Mondays, Wednesdays and Fridays, 10am to 10:45am, weekly"},
		{"fortnightly from a date", content.Schedule{Days: []string{"tuesday"}, Start: "18:00", End: "20:00", Every: "fortnight",
			From: date("2027-01-05")}, "Tuesdays, 6pm to 8pm, every two weeks, from 5 January 2027"},
		{"first and third of the month", content.Schedule{Days: []string{"wednesday"}, Start: "14:00", End: "15:30", Every: "month",
			Nth: []int{1, 3}}, "First and third Wednesday of the month, 2pm to 3:30pm"},
		{"last of the month, until", content.Schedule{Days: []string{"saturday"}, Start: "11:00", End: "12:30", Every: "month",
			Nth: []int{-1}, Until: date("2027-06-26")}, "Last Saturday of the month, 11am to 12:30pm, until 26 June 2027"},
		{"midday and across years", content.Schedule{Days: []string{"sunday"}, Start: "12:00", End: "12:05", Every: "week",
			From: date("2026-12-06"), Until: date("2027-02-28")},
			"Sundays, 12pm to 12:05pm, weekly, from 6 December 2026 to 28 February 2027"},
		{"just after midnight", content.Schedule{Days: []string{"friday"}, Start: "00:30", End: "01:00", Every: "week"},
			"Fridays, 12:30am to 1am, weekly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ScheduleText(tt.s); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAgesText(t *testing.T) {
	for _, tt := range []struct {
		lo, hi int
		want   string
	}{{18, 25, "18 to 25"}, {65, 0, "65 and over"}, {0, 11, "up to 11"}, {0, 0, ""}} {
		if got := agesText(tt.lo, tt.hi); got != tt.want {
			t.Errorf("agesText(%d, %d) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
}

// TestSessionsPage: /sessions/ lists each schedule under its days, and
// says so for a day without any.
func TestSessionsPage(t *testing.T) {
	out, _ := build(t, txtarSite(t, "fellside"))
	page, err := os.ReadFile(filepath.Join(out, "sessions", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(page)
	wed := text[strings.Index(text, `<h2 id="wednesday">`):strings.Index(text, `<h2 id="thursday">`)]
	for _, want := range []string{`href="/providers/breath-choir/#programme-breathe-easy">Breathe Easy Singing</a>`, "14:00 (afternoon)",
		"Wednesdays, 2pm to 3:30pm, weekly, from 13 January to 17 March 2027, at Mill Hall", "<td>60 and over</td>"} {
		if !strings.Contains(wed, want) {
			t.Errorf("Wednesday lacks %q:\n%s", want, wed)
		}
	}
	if !strings.Contains(text, "No sessions are listed on Mondays.") {
		t.Error("Monday does not say it has no sessions")
	}
}
