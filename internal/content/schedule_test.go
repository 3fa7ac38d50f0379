package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// schedule is a valid [[programmes.schedule]] added after the programme's
// venues (line 28 of provider): its lines are 30 to 38.
const schedule = `venues = ["hall"]

[[programmes.schedule]]
days = ["wednesday"]
start = "14:00"
end = "15:30"
every = "week"
from = 2027-01-13
until = 2027-03-17
venue = "hall"
note = "Not in school holidays"`

// withSchedule adds the valid schedule, with old replaced by new in it.
func withSchedule(old, new string) func(fstest.MapFS) {
	return edit(providerPath, `venues = ["hall"]`, replace(schedule, old, new))
}

// joining adds who-can-join settings to the provider after reviewed (line
// 16), so the first of them is on line 17.
func joining(settings string) func(fstest.MapFS) {
	return edit(providerPath, "reviewed = 2026-10-01\n", "reviewed = 2026-10-01\n"+settings+"\n")
}

// TestScheduleRules covers every rule of a programme's schedule and of who
// can join: each problem at the value's own line and column, with a hint.
func TestScheduleRules(t *testing.T) {
	const p = providerPath
	runRules(t, []rule{
		{"valid schedule", withSchedule("", ""), nil, ""},
		{"monthly on the first and last", withSchedule(`every = "week"`, "every = \"month\"\nnth = [1, -1]"), nil, ""},
		{"no days", withSchedule(`days = ["wednesday"]`, "days = []"),
			[]prob{e(p, 31, 8, "days needs at least one day", `=add days = ["wednesday"]`)}, ""},
		{"unknown day", withSchedule(`"wednesday"`, `"monday", "wensday"`),
			[]prob{e(p, 31, 19, `unknown day "wensday"`, `did you mean "wednesday"?`)}, ""},
		{"day in capitals", withSchedule(`"wednesday"`, `"Wednesday"`),
			[]prob{e(p, 31, 9, `unknown day "Wednesday"`, `did you mean "wednesday"?`)}, ""},
		{"start not HH:MM", withSchedule(`start = "14:00"`, `start = "2pm"`),
			[]prob{e(p, 32, 9, `start "2pm" is not a time written HH:MM`, `like "09:30"`)}, ""},
		{"start one digit hour", withSchedule(`start = "14:00"`, `start = "9:30"`),
			[]prob{e(p, 32, 9, `start "9:30" is not a time written HH:MM`, `like "09:30"`)}, ""},
		{"end missing", withSchedule("end = \"15:30\"\n", ""),
			[]prob{e(p, 30, 1, "end is required", `add end = "14:00"`)}, ""},
		{"end before start", withSchedule(`end = "15:30"`, `end = "13:30"`),
			[]prob{e(p, 33, 7, "end 13:30 is not after start 14:00", "24-hour time")}, ""},
		{"end equal to start", withSchedule(`end = "15:30"`, `end = "14:00"`),
			[]prob{e(p, 33, 7, "end 14:00 is not after start 14:00", "24-hour time")}, ""},
		{"every unknown", withSchedule(`every = "week"`, `every = "weekly"`),
			[]prob{e(p, 34, 9, `every "weekly" is not allowed`, `did you mean "week"?`)}, ""},
		{"every missing", withSchedule("every = \"week\"\n", ""),
			[]prob{e(p, 30, 1, "every is required", "must be one of: week, fortnight, month")}, ""},
		{"fortnight without from", edit(p, `venues = ["hall"]`, strings.NewReplacer("from = 2027-01-13\nuntil = 2027-03-17\n", "", `"week"`, `"fortnight"`).Replace(schedule)),
			[]prob{w(p, 34, 9, "a fortnightly schedule without from: the next session and the calendar cannot say which weeks", "from = 2027-01-13")}, ""},
		{"nth without month", withSchedule(`every = "week"`, "every = \"week\"\nnth = [1, 3]"),
			[]prob{e(p, 35, 7, `nth is only for every = "month"`, `set every = "month"`)}, ""},
		{"month without nth", withSchedule(`every = "week"`, `every = "month"`),
			[]prob{e(p, 34, 9, `every = "month" needs nth: which weeks of the month`, "[1, 3] for the first and third")}, ""},
		{"nth out of range", withSchedule(`every = "week"`, "every = \"month\"\nnth = [5]"),
			[]prob{e(p, 35, 7, "nth 5 is not a week of the month", "-1 for the last")}, ""},
		{"ended without until", func(fsys fstest.MapFS) {
			withSchedule("until = 2027-03-17\n", "")(fsys)
			edit(p, `status = "pilot"`, `status = "ended"`)(fsys)
		}, []prob{w(p, 30, 1, "the programme has ended, but this schedule has no until date, so it reads as still running", "add until = the date of the last session")}, ""},
		{"ended with until", func(fsys fstest.MapFS) {
			withSchedule("", "")(fsys)
			edit(p, `status = "pilot"`, `status = "ended"`)(fsys)
		}, nil, ""},
		{"until before from", withSchedule("until = 2027-03-17", "until = 2026-12-01"),
			[]prob{e(p, 36, 9, "until 2026-12-01 is before from 2027-01-13", "last session")}, ""},
		{"venue not in the programme", withSchedule(`venue = "hall"`, `venue = "hal"`),
			[]prob{e(p, 37, 9, `venue "hal" is not one of the programme's venues`, `did you mean "hall"?`)}, ""},
		{"unknown schedule key", withSchedule(`note = `, `notes = `),
			[]prob{e(p, 38, 1, `unknown setting "notes"`, `did you mean "note"?`)}, ""},
		{"start not text", withSchedule(`start = "14:00"`, `start = 14:00:00`),
			[]prob{e(p, 32, 9, `"start" should be text in quotes, not a date`, "in double quotes")}, ""},

		{"valid joining", joining("eligibility = \"Adults\"\nmin_age = 18\nmax_age = 25\nhow_to_join = \"Phone us.\"\nreferral_form = \"https://example.org/refer\"\nreply_days = 5"), nil, ""},
		{"max_age below min_age", joining("min_age = 18\nmax_age = 12"),
			[]prob{e(p, 18, 11, "max_age 12 is below min_age 18", "swap the two")}, ""},
		{"negative age", joining("min_age = -1"),
			[]prob{e(p, 17, 11, "min_age -1 is not an age", "from 0 to 120")}, ""},
		{"age not a number", joining(`min_age = "18"`),
			[]prob{e(p, 17, 11, `"min_age" should be a whole number, not the text "18"`, "=remove the quotes: min_age = 18")}, ""},
		{"form not http", joining(`referral_form = "javascript:alert(1)"`),
			[]prob{e(p, 17, 17, `"javascript:alert(1)" is not a web address`, "https://")}, ""},
		{"form without scheme", joining(`referral_form = "example.org/refer"`),
			[]prob{e(p, 17, 17, `"example.org/refer" is not a web address`, "https://")}, ""},
		{"negative reply days", joining("reply_days = -2"),
			[]prob{e(p, 17, 14, "reply_days -2 is below 0", "working days")}, ""},
		{"programme max_age below min_age", edit(p, `venues = ["hall"]`, "venues = [\"hall\"]\nmin_age = 60\nmax_age = 5"),
			[]prob{e(p, 30, 11, "max_age 5 is below min_age 60", "swap the two")}, ""},
		{"programme form not http", edit(p, `venues = ["hall"]`, "venues = [\"hall\"]\nreferral_form = \"ftp://example.org\""),
			[]prob{e(p, 29, 17, `"ftp://example.org" is not a web address`, "https://")}, ""},
		{"unknown joining key", joining("min_ages = 18"),
			[]prob{e(p, 17, 1, `unknown setting "min_ages"`, `did you mean "min_age"?`)}, ""},
	})
}

// TestJoiningOr: a programme's own values win; what it leaves out comes
// from the provider.
func TestJoiningOr(t *testing.T) {
	prov := Joining{Eligibility: "Adults", MinAge: 18, HowToJoin: "Ask your GP.", ReferralForm: "https://a", ReplyDays: 5}
	got := Joining{Eligibility: "Young people", MinAge: 11, MaxAge: 25}.Or(prov)
	want := Joining{Eligibility: "Young people", MinAge: 11, MaxAge: 25, HowToJoin: "Ask your GP.", ReferralForm: "https://a", ReplyDays: 5}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := (Joining{Eligibility: " "}).Or(prov); got != prov {
		t.Errorf("an empty programme gets %+v, want the provider's %+v", got, prov)
	}
}

func TestScheduleDecoded(t *testing.T) {
	s, probs := load(t, withSchedule(`every = "week"`, "every = \"month\"\nnth = [1, -1]"))
	checkProblems(t, probs, nil)
	got := s.Providers[0].Programmes[0].Schedule
	if len(got) != 1 || strings.Join(got[0].Days, ",") != "wednesday" || got[0].Start != "14:00" || got[0].End != "15:30" ||
		got[0].Every != "month" || len(got[0].Nth) != 2 || got[0].Nth[1] != -1 || got[0].From.String() != "2027-01-13" ||
		got[0].Until.String() != "2027-03-17" || got[0].Venue != "hall" || got[0].Note != "Not in school holidays" {
		t.Errorf("decoded %+v", got)
	}
}

// FuzzMinutes: a time is read only when written HH:MM, then lies within
// the day and writes back the same.
func FuzzMinutes(f *testing.F) {
	for _, s := range []string{"14:00", "09:30", "9:30", "24:00", "23:59", "00:00", "2pm", "14:00:00", "1400", "", "１４:00", "14:0٠"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := Minutes(s)
		if !ok {
			return
		}
		if m < 0 || m >= 24*60 {
			t.Fatalf("Minutes(%q) = %d, outside the day", s, m)
		}
		if back := fmt.Sprintf("%02d:%02d", m/60, m%60); back != s {
			t.Fatalf("Minutes(%q) = %d, which writes as %q", s, m, back)
		}
	})
}
