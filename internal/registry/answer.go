package registry

// Answer is one of the three answers to a yes-or-no question of the content
// model (a provider's quality answers, a venue's access answers): Value is
// what the file holds, nil when the key is left out, which means the
// provider has not said.
type Answer struct {
	Value *bool
	Label string
}

// Answers are the three answers, in the order forms offer them: not stated
// first, as it is what a question no one has answered says.
func Answers() []Answer {
	yes, no := true, false
	return []Answer{{nil, "Not stated"}, {&yes, "Yes"}, {&no, "No"}}
}

// AnswerLabel is the label of an answer: "Not stated" for nil.
func AnswerLabel(b *bool) string {
	for _, a := range Answers() {
		if (a.Value == nil) == (b == nil) && (b == nil || *a.Value == *b) {
			return a.Label
		}
	}
	return ""
}
