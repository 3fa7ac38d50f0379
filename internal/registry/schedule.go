package registry

// Weekdays are the days a schedule's sessions may fall on, Monday first.
var Weekdays = Choices{
	{"monday", "Monday"}, {"tuesday", "Tuesday"}, {"wednesday", "Wednesday"}, {"thursday", "Thursday"},
	{"friday", "Friday"}, {"saturday", "Saturday"}, {"sunday", "Sunday"},
}

// Repetitions are how often a schedule's sessions repeat.
var Repetitions = Choices{{"week", "Every week"}, {"fortnight", "Every fortnight"}, {"month", "Every month"}}
