package registry

// Shape is how a status is drawn: on the map, in its key and beside its
// label, so that colour is never the only signal.
type Shape string

// The shapes a status marker can take.
const (
	Circle   Shape = "circle"
	Triangle Shape = "triangle"
	Diamond  Shape = "diamond"
	Cross    Shape = "cross"
)

// Status is how established a provider's or a programme's work is.
type Status struct {
	Choice
	Provider bool    // a provider may state it of itself (a programme may state any status)
	Ended    bool    // the work has stopped: not active, drawn as an outline
	Shape    Shape   // its marker's shape
	Colour   string  // its marker's and label's colour, as CSS and SVG take it
	Weight   float64 // the weight of a programme in the map's energy layer
	Meaning  string  // what it says of the work, in a few plain words
}

func (s Status) choice() Choice { return s.Choice }

// Statuses, most established first: a venue shows the first status of the
// programmes that run there.
var Statuses = []Status{
	{Choice{"established", "Established"}, true, false, Circle, "#1d5c4b", 1, "running for a while"},
	{Choice{"emerging", "Emerging"}, true, false, Triangle, "#8a4b00", 0.7, "new or growing"},
	{Choice{"pilot", "Pilot"}, false, false, Diamond, "#5a2a82", 0.5, "a trial"},
	{Choice{"ended", "Ended"}, false, true, Cross, "#505a5f", 0.2, "no longer running"},
}

// ProgrammeStatuses are the statuses a programme may have: all of them.
func ProgrammeStatuses() Choices { return choicesOf(Statuses) }

// ProviderStatuses are the statuses a provider may state of itself.
func ProviderStatuses() Choices {
	var out Choices
	for _, s := range Statuses {
		if s.Provider {
			out = append(out, s.Choice)
		}
	}
	return out
}

// StatusOf returns the status with id, and false when there is none.
func StatusOf(id string) (Status, bool) { return rowOf(Statuses, id) }

// Growing reports whether work with status id is going on but not yet
// established (emerging, or a pilot): work that could grow to fill a gap.
func Growing(id string) bool {
	s, ok := StatusOf(id)
	return ok && !s.Ended && s.ID != Statuses[0].ID
}

// Active reports whether work with status id is still going on (an
// unknown status counts as active).
func Active(id string) bool {
	s, ok := StatusOf(id)
	return !ok || !s.Ended
}
