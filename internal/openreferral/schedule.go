package openreferral

import (
	"cmp"
	"strconv"
	"strings"

	"artsmap/internal/registry"
)

// recurrences maps a programme's regular patterns to HSDS schedules, and
// reports, by venue id, those that name a venue, for its
// service-at-location. Without a pattern it falls back to the schedule in
// words that schedules makes.
func recurrences(pg Programme, serviceID, key string) (all []Schedule, byVenue map[string][]Schedule) {
	if len(pg.Recurrences) == 0 {
		return schedules(pg, serviceID, key), nil
	}
	byVenue = map[string][]Schedule{}
	notes := strings.TrimSpace(strings.Join(nonEmpty(pg.FormatLabel, pg.Sessions), ". "))
	for i, r := range pg.Recurrences {
		offset := r.Offset
		sc := Schedule{ID: ID("schedule", key+"/"+strconv.Itoa(i+1)), ServiceID: serviceID,
			ValidFrom: date(r.First), ValidTo: date(r.Until), DTStart: date(r.First), Until: date(r.Until),
			Timezone: &offset, WKST: "MO", Freq: r.Freq, Interval: r.Interval, ByDay: r.ByDay,
			OpensAt: r.Opens, ClosesAt: r.Closes, Description: r.Description, Notes: notes,
			AttendingType: attendingType(pg.Format)}
		all = append(all, sc)
		if r.Venue != "" {
			sc.ServiceID = ""
			sc.ServiceAtLocationID = ID("service_at_location", key+"@"+r.Venue)
			byVenue[r.Venue] = append(byVenue[r.Venue], sc)
		}
	}
	return all, byVenue
}

func attendingType(format string) string {
	if format == "" {
		return ""
	}
	if f, _ := registry.FormatOf(format); f.Online {
		return "online"
	}
	return "in person"
}

// joining fills in who can use a service and how to apply: eligibility
// and ages, the routes and how to join, and the referral form as its url.
func (m *mapper) joining(s *Service, pg Programme) {
	j := pg.Joining
	s.EligibilityDescription = strings.Join(nonEmpty(sentenceOf(j.Eligibility),
		sentence("Designed for: ", m.labels(pg.Terms, audiencesKey))), " ")
	reply := ""
	if j.ReplyDays > 0 {
		reply = "Referrals are answered within " + strconv.Itoa(j.ReplyDays) + " working " +
			map[bool]string{true: "day", false: "days"}[j.ReplyDays == 1] + "."
	}
	s.ApplicationProcess = strings.Join(nonEmpty(sentence("Referral routes: ", m.labels(pg.Terms, referralKey)),
		sentenceOf(j.HowToJoin), reply), " ")
	if j.MinAge > 0 {
		s.MinimumAge = &j.MinAge
	}
	if j.MaxAge > 0 {
		s.MaximumAge = &j.MaxAge
	}
	s.URL = cmp.Or(j.ReferralForm, s.URL)
}

// sentenceOf ends a plain text with a full stop if it has none.
func sentenceOf(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

func nonEmpty(items ...string) []string {
	var out []string
	for _, s := range items {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
