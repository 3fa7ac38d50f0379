package cms

import (
	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// joining are the fields of who can join and how, on a provider and on a
// programme (where a programme's values win).
func joining(programme bool) []Field {
	h := ""
	if programme {
		h = " Leave empty to use the profile's."
	}
	age := func(name, label string) Field {
		return optional(hint(Field{Name: name, Label: label, Widget: "number", ValueType: "int", Min: ptr(0), Max: ptr(120)},
			"Whole years."+h))
	}
	return []Field{
		optional(hint(text("eligibility", "Who can join"), "Plain text, for example: adults living with a breathing condition."+h)),
		age("min_age", "Youngest age"),
		age("max_age", "Oldest age"),
		optional(hint(text("how_to_join", "How to join or refer"), "For example: ask your GP or link worker, or phone us to book a taster."+h)),
		optional(hint(withPattern(str("referral_form", "Referral form"), webPattern), "The web address of a referral form."+h)),
		optional(hint(Field{Name: "reply_days", Label: "Days to reply", Widget: "number", ValueType: "int", Min: ptr(0)},
			"Working days it takes to reply to a referral."+h)),
	}
}

// schedule is a programme's regular sessions: [[programmes.schedule]].
func schedule() Field {
	var days []content.Term
	for _, d := range registry.Weekdays {
		days = append(days, content.Term{ID: d.ID, Label: d.Label})
	}
	dayList := terms("days", "Days", days, 1)
	clock := func(name, label string) Field {
		return hint(withPattern(str(name, label), []string{`^([01][0-9]|2[0-3]):[0-5][0-9]$`, "24-hour time, like 09:30 or 14:00"}),
			"24-hour time, like 14:00.")
	}
	return list("schedule", "When the sessions run", "{{fields.days}} {{fields.start}}",
		dayList,
		clock("start", "Starts at"),
		clock("end", "Ends at"),
		choice("every", "Every", registry.Repetitions),
		optional(hint(Field{Name: "nth", Label: "Weeks of the month", Widget: "list",
			Field: &Field{Name: "value", Label: "Week", Widget: "number", ValueType: "int", Min: ptr(-1), Max: ptr(4)}},
			"Only with every month: 1 to 4, or -1 for the last.")),
		optional(date("from", "First session")),
		optional(date("until", "Last session")),
		optional(hint(str("venue", "Venue id"), "One of the programme's venues.")),
		optional(str("note", "Note")),
	)
}
