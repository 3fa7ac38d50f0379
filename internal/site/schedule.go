package site

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"artsmap/internal/content"
)

// Schedule is a regular pattern of a programme's sessions, as the profile
// shows it and as the browser reads it (data- attributes) to work out the
// next session date.
type Schedule struct {
	Text  string   // plain English: "Wednesdays, 2pm to 3:30pm, weekly"
	Days  []string // monday .. sunday
	Start string   // HH:MM in the site's timezone
	End   string
	Every string // week | fortnight | month
	Nth   string // "1,3" with every = month
	From  time.Time
	Until time.Time
	Venue *Venue // nil when the schedule names none
	Note  string
}

// Joining is who can join and how, with the programme's values already
// over the provider's.
type Joining struct {
	Eligibility  string
	MinAge       int // 0 when not stated
	MaxAge       int // 0 when not stated
	HowToJoin    template.HTML
	ReferralForm string
	ReplyDays    int // 0 when not stated
	howToJoin    string
}

// Ages describes the ages that can join, or "" when none are stated.
func (j Joining) Ages() string { return agesText(j.MinAge, j.MaxAge) }

// same reports whether two descriptions say the same.
func (j Joining) same(o Joining) bool {
	return j.Eligibility == o.Eligibility && j.MinAge == o.MinAge && j.MaxAge == o.MaxAge &&
		j.howToJoin == o.howToJoin && j.ReferralForm == o.ReferralForm && j.ReplyDays == o.ReplyDays
}

func agesText(lo, hi int) string {
	switch {
	case lo > 0 && hi > 0:
		return strconv.Itoa(lo) + " to " + strconv.Itoa(hi)
	case lo > 0:
		return strconv.Itoa(lo) + " and over"
	case hi > 0:
		return "up to " + strconv.Itoa(hi)
	}
	return ""
}

// joining makes the model's description from the content's.
func (a *assembler) joining(j content.Joining) Joining {
	out := Joining{Eligibility: strings.TrimSpace(j.Eligibility), MinAge: j.MinAge, MaxAge: j.MaxAge,
		ReferralForm: j.ReferralForm, ReplyDays: j.ReplyDays, howToJoin: strings.TrimSpace(j.HowToJoin)}
	if out.howToJoin != "" {
		out.HowToJoin = a.md.Inline(out.howToJoin)
	}
	return out
}

// schedule makes the model's schedule; venues are the provider's by id.
func schedule(cs content.Schedule, venues map[string]*Venue) *Schedule {
	s := &Schedule{Text: ScheduleText(cs), Days: cs.Days, Start: cs.Start, End: cs.End, Every: cs.Every,
		From: cs.From.Time, Until: cs.Until.Time, Venue: venues[cs.Venue], Note: cs.Note}
	nth := make([]string, len(cs.Nth))
	for i, n := range cs.Nth {
		nth[i] = strconv.Itoa(n)
	}
	s.Nth = strings.Join(nth, ",")
	return s
}

// ScheduleText describes a schedule in plain English: "Wednesdays, 2pm to
// 3:30pm, weekly, from 13 January to 17 March 2027".
func ScheduleText(s content.Schedule) string {
	var b strings.Builder
	if s.Every == "month" {
		b.WriteString(upperFirst(nthText(s.Nth)) + " " + listText(dayNames(s.Days, false)) + " of the month")
	} else {
		b.WriteString(listText(dayNames(s.Days, true)))
	}
	b.WriteString(", " + clockText(s.Start) + " to " + clockText(s.End))
	switch s.Every {
	case "week":
		b.WriteString(", weekly")
	case "fortnight":
		b.WriteString(", every two weeks")
	}
	if d := rangeText(s.From.Time, s.Until.Time); d != "" {
		b.WriteString(", " + d)
	}
	return b.String()
}

func dayNames(days []string, plural bool) []string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = upperFirst(d)
		if plural {
			out[i] += "s"
		}
	}
	return out
}

// nthText names weeks of the month: "first and third", "last".
func nthText(nth []int) string {
	names := map[int]string{1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
	out := make([]string, len(nth))
	for i, n := range nth {
		out[i] = names[n]
	}
	return listText(out)
}

// listText joins words the English way: "a", "a and b", "a, b and c".
func listText(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// clockText writes a 24-hour HH:MM the way people say it: 2pm, 9:30am,
// 12pm (midday), 12am (midnight).
func clockText(hhmm string) string {
	m, ok := content.Minutes(hhmm)
	if !ok {
		return hhmm
	}
	h, mins := m/60, m%60
	suffix := "am"
	if h >= 12 {
		suffix = "pm"
	}
	if h = h % 12; h == 0 {
		h = 12
	}
	out := strconv.Itoa(h)
	if mins > 0 {
		out += ":" + hhmm[3:]
	}
	return out + suffix
}

// rangeText describes optional first and last dates: "from 13 January to
// 17 March 2027", "from 13 January 2027", "until 17 March 2027".
func rangeText(from, until time.Time) string {
	switch {
	case !from.IsZero() && !until.IsZero():
		first := from.Format("2 January")
		if from.Year() != until.Year() {
			first = from.Format("2 January 2006")
		}
		return "from " + first + " to " + until.Format("2 January 2006")
	case !from.IsZero():
		return "from " + from.Format("2 January 2006")
	case !until.IsZero():
		return "until " + until.Format("2 January 2006")
	}
	return ""
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// programmeTimes fills in a programme's schedules, its calendar (none
// once it has ended: its sessions no longer happen) and who can join it.
func (a *assembler) programmeTimes(p *Provider, pg *Programme, cp *content.Provider, cg content.Programme, venues map[string]*Venue) {
	for _, cs := range cg.Schedule {
		pg.Schedules = append(pg.Schedules, schedule(cs, venues))
	}
	for _, s := range pg.Schedules {
		if s.Anchored() && running(pg) {
			pg.Calendar = p.URL + pg.ID + ".ics"
		}
	}
	pg.Joining = a.joining(cg.Joining.Or(cp.Joining))
	pg.OwnJoining = !pg.Joining.same(p.Joining)
}

// ScheduleLines describe when a provider's running programmes run, one
// line per schedule: "Singing for Breathing: Wednesdays, 2pm to 3:30pm, weekly".
func (p *Provider) ScheduleLines() []string {
	var out []string
	for _, pg := range p.Running() {
		for _, s := range pg.Schedules {
			out = append(out, pg.Title+": "+s.Text)
		}
	}
	return out
}
