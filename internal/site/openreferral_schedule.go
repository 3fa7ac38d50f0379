package site

import (
	"time"

	"artsmap/internal/openreferral"
)

// orJoining is who can join and how, in plain text, for the export.
func (s *Site) orJoining(j Joining) openreferral.Joining {
	return openreferral.Joining{Eligibility: j.Eligibility, MinAge: j.MinAge, MaxAge: j.MaxAge,
		HowToJoin: htmlText(j.HowToJoin), ReferralForm: webURL(j.ReferralForm), ReplyDays: j.ReplyDays}
}

// orRecurrences are a programme's schedules for the export. The first
// session is known when the schedule gives its first date; the offset is
// the site's zone's at that session, or at the build date.
func (s *Site) orRecurrences(pg *Programme) []openreferral.Recurrence {
	var out []openreferral.Recurrence
	for _, sc := range pg.Schedules {
		r := openreferral.Recurrence{Freq: "WEEKLY", Interval: 1, ByDay: sc.byDay(), Opens: sc.Start, Closes: sc.End,
			Until: sc.Until, Description: sc.Text + ". Times are " + s.Location.String() + " local time."}
		switch sc.Every {
		case "fortnight":
			r.Interval = 2
		case "month":
			r.Freq = "MONTHLY"
		}
		if sc.Note != "" {
			r.Description = sc.Text + ". " + sc.Note + ". Times are " + s.Location.String() + " local time."
		}
		at := s.Now
		if !sc.From.IsZero() {
			if first, ok := sc.firstSession(sc.From); ok {
				r.First = first
				at = time.Date(first.Year(), first.Month(), first.Day(), 12, 0, 0, 0, s.Location)
			}
		}
		_, off := at.In(s.Location).Zone()
		r.Offset = float64(off) / 3600
		if sc.Venue != nil {
			r.Venue = sc.Venue.ID
		}
		out = append(out, r)
	}
	return out
}
