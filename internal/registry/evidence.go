package registry

// Grade is a fixed value of an evidence synopsis with a plain explanation
// of what it means for how far a reader can trust a study.
type Grade struct {
	Choice
	Explain string
}

func (g Grade) choice() Choice { return g.Choice }

// Designs are the study designs of a synopsis, strongest first.
var Designs = []Grade{
	{Choice{"systematic-review", "Systematic review"}, "It gathers and weighs every study it could find on the question, so it rests on more than one group of people."},
	{Choice{"rct", "Randomised controlled trial"}, "People were put into groups by chance and compared, the fairest single test of whether an activity causes a change."},
	{Choice{"controlled", "Controlled study"}, "People who took part were compared with people who did not, but the groups were not formed by chance, so they may have differed from the start."},
	{Choice{"cohort", "Cohort study"}, "A group of people was followed over time; it shows links between taking part and health, not that one causes the other."},
	{Choice{"before-after", "Before and after study"}, "People were measured before and after taking part, with no comparison group, so some change may have happened anyway."},
	{Choice{"qualitative", "Qualitative study"}, "People described their experience in interviews or groups; it shows what taking part meant to them, not how much changed."},
	{Choice{"mixed-methods", "Mixed methods study"}, "It combines measurements with people's own accounts; its strength depends on how each part was done."},
	{Choice{"case-study", "Case study"}, "It describes one project or a few people in depth; it shows what can happen, not what usually happens."},
	{Choice{"report", "Report"}, "A report, inquiry or guidance that draws on evidence and experience rather than a single study of its own."},
}

// Certainties say how much to trust a synopsis's finding, most first.
var Certainties = []Grade{
	{Choice{"high", "High certainty"}, "Further research is very unlikely to change this finding."},
	{Choice{"moderate", "Moderate certainty"}, "The finding is probably close to the truth, but further research could change it."},
	{Choice{"low", "Low certainty"}, "The true effect may be quite different: treat the finding as a promising sign, not a proven result."},
	{Choice{"very-low", "Very low certainty"}, "The finding is very uncertain: it is a starting point for questions, not an answer."},
}

// DesignChoices are the designs' ids and labels.
func DesignChoices() Choices { return choicesOf(Designs) }

// CertaintyChoices are the certainties' ids and labels.
func CertaintyChoices() Choices { return choicesOf(Certainties) }
