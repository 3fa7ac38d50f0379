package site

import (
	"encoding/json"

	"artsmap/internal/registry"
)

// editorLabels is what the editor's preview script needs to show a
// profile as its page does (/admin/labels.json): the label of every fixed
// choice and of every vocabulary term, by id.
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
		Labels map[string]string            `json:"labels"`
		Terms  map[string]map[string]string `json:"terms"`
	}{registry.Labels(), terms})
}
