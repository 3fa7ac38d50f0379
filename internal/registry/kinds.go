package registry

// ProviderKind is what sort of provider a profile describes.
type ProviderKind struct {
	Choice
	Person bool // one artist: schema.org describes a Person, not an Organization
}

func (k ProviderKind) choice() Choice { return k.Choice }

// ProviderKinds are the kinds of provider.
var ProviderKinds = []ProviderKind{
	{Choice{"organisation", "Organisation"}, false},
	{Choice{"freelance", "Freelance artist"}, true},
	{Choice{"collective", "Artists' collective"}, false},
	{Choice{"venue", "Venue"}, false},
}

// ProviderKindOf returns the kind with id, and false when there is none.
func ProviderKindOf(id string) (ProviderKind, bool) { return rowOf(ProviderKinds, id) }

// Format is how a programme's sessions are run.
type Format struct {
	Choice
	Online bool // attended online, not at a venue
}

func (f Format) choice() Choice { return f.Choice }

// Formats are the ways a programme's sessions are run.
var Formats = []Format{
	{Choice{"group", "Group sessions"}, false},
	{Choice{"one-to-one", "One-to-one"}, false},
	{Choice{"online", "Online"}, true},
	{Choice{"drop-in", "Drop-in"}, false},
}

// FormatOf returns the format with id, and false when there is none.
func FormatOf(id string) (Format, bool) { return rowOf(Formats, id) }

// Cost is what taking part costs.
type Cost struct {
	Choice
	Free bool // free to the participant
}

func (c Cost) choice() Choice { return c.Choice }

// Costs are what taking part in a programme may cost.
var Costs = []Cost{
	{Choice{"free", "Free"}, true},
	{Choice{"funded", "Funded (free to the participant)"}, true},
	{Choice{"low-cost", "Low cost"}, false},
	{Choice{"paid", "Paid"}, false},
}

// CostOf returns the cost with id, and false when there is none.
func CostOf(id string) (Cost, bool) { return rowOf(Costs, id) }

// LearningKind is what sort of learning output a document is.
type LearningKind struct {
	Choice
	Article   bool // schema.org describes an Article, not a Report
	Appraisal bool // it may hold an options appraisal's criteria and options
}

func (k LearningKind) choice() Choice { return k.Choice }

// LearningKinds are the kinds of learning output, in the order the
// learning list's filters show them.
var LearningKinds = []LearningKind{
	{Choice: Choice{"report", "Report"}},
	{Choice: Choice{"options-appraisal", "Options appraisal"}, Appraisal: true},
	{Choice: Choice{"quality-framework", "Quality framework"}},
	{Choice: Choice{"recommendations", "Recommendations"}},
	{Choice: Choice{"workforce-plan", "Workforce plan"}},
	{Choice: Choice{"case-study", "Case study"}, Article: true},
	{Choice: Choice{"evidence", "Evidence"}},
	{Choice: Choice{"learning-note", "Learning note"}, Article: true},
}

// LearningKindOf returns the kind with id, and false when there is none.
func LearningKindOf(id string) (LearningKind, bool) { return rowOf(LearningKinds, id) }

// AppraisalKind is the id of the learning kind that holds an options
// appraisal, for the hint that tells a writer to set it.
func AppraisalKind() string {
	for _, k := range LearningKinds {
		if k.Appraisal {
			return k.ID
		}
	}
	return ""
}

// EventKinds are the kinds of event.
var EventKinds = Choices{
	{"peer-review", "Peer review"},
	{"creative-lab", "Creative Lab"},
	{"creative-gathering", "Creative Gathering"},
	{"training", "Training"},
	{"learning-event", "Learning event"},
}

// rowOf finds the row of a table with id.
func rowOf[T interface{ choice() Choice }](rows []T, id string) (T, bool) {
	for _, r := range rows {
		if r.choice().ID == id {
			return r, true
		}
	}
	var zero T
	return zero, false
}

// ProviderKindChoices are the provider kinds' ids and labels.
func ProviderKindChoices() Choices { return choicesOf(ProviderKinds) }

// FormatChoices are the formats' ids and labels.
func FormatChoices() Choices { return choicesOf(Formats) }

// CostChoices are the costs' ids and labels.
func CostChoices() Choices { return choicesOf(Costs) }

// LearningKindChoices are the learning kinds' ids and labels.
func LearningKindChoices() Choices { return choicesOf(LearningKinds) }
