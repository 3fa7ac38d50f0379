package site

import (
	"encoding/json"

	"artsmap/internal/registry"
)

// editorLabels is what the editor's preview script needs to show a
// profile as its page does (/admin/labels.json): the label of every fixed
// choice and of every vocabulary term, by id, and the words of the three
// answers to a yes-or-no question.
func (s *Site) editorLabels() ([]byte, error) {
	terms := map[string]map[string]string{}
	for _, t := range s.Taxonomies {
		m := map[string]string{}
		for _, term := range t.Terms {
			m[term.ID] = term.Label
		}
		terms[t.Key] = m
	}
	return json.Marshal(struct {
		Labels  map[string]string            `json:"labels"`
		Terms   map[string]map[string]string `json:"terms"`
		Answers map[string]string            `json:"answers"`
	}{registry.Labels(), terms, answerWords()})
}

// answerWords are the answers' labels under the keys the preview script
// asks for: not_stated, yes and no.
func answerWords() map[string]string {
	m := map[string]string{}
	for _, a := range registry.Answers() {
		key := "not_stated"
		if a.Value != nil && *a.Value {
			key = "yes"
		} else if a.Value != nil {
			key = "no"
		}
		m[key] = a.Label
	}
	return m
}
