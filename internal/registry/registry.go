// Package registry owns the fixed lists of the content model: every value a
// setting may take from a list that artsmap defines (statuses, kinds of
// provider, learning output and event, formats, costs, study designs and
// certainties, schedule days and repetitions) and the five vocabularies a
// site defines in site.toml, each as one table of ids, labels and what the
// pages, the map, the styles and the browser editor need.
//
// It is the one home of these ids: content validation, site rendering, the
// editor's configuration and the scripts (through the JSON the site writes)
// all read it, so adding a value is one edit here. It imports nothing of
// artsmap's.
package registry

import "strings"

// Choice is one fixed value: the id written in content files and the
// label readers see.
type Choice struct {
	ID    string
	Label string
}

// Choices is a fixed list, in the order pages and the editor show it.
type Choices []Choice

// IDs lists the ids in order.
func (cs Choices) IDs() []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// Has reports whether id is one of the choices.
func (cs Choices) Has(id string) bool {
	_, ok := cs.find(id)
	return ok
}

// Label is the label of id, or id itself when it is not one of the choices.
func (cs Choices) Label(id string) string {
	if c, ok := cs.find(id); ok {
		return c.Label
	}
	return id
}

func (cs Choices) find(id string) (Choice, bool) {
	for _, c := range cs {
		if c.ID == id {
			return c, true
		}
	}
	return Choice{}, false
}

// choicesOf lists the Choice of each row of a table.
func choicesOf[T interface{ choice() Choice }](rows []T) Choices {
	out := make(Choices, len(rows))
	for i, r := range rows {
		out[i] = r.choice()
	}
	return out
}

// OrList writes the ids of a list as a sentence names them: "a, b or c".
func (cs Choices) OrList() string {
	ids := cs.IDs()
	if len(ids) < 2 {
		return strings.Join(ids, "")
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " or " + ids[len(ids)-1]
}

// Explained writes the ids of a list as a sentence names them, each with
// a few words from explain: "a (what a is) or b (what b is)".
func (cs Choices) Explained(explain func(id string) string) string {
	out := make(Choices, len(cs))
	for i, c := range cs {
		out[i] = Choice{ID: c.ID + " (" + explain(c.ID) + ")"}
	}
	return out.OrList()
}

// profileChoices gives each choice of the fixed lists of a profile, in
// order: a provider's kind and status, and a programme's status, format
// and cost. It copies nothing: Label runs for every programme of every
// page and export document, and copying the lists each time was some
// hundreds of megabytes allocated at 50,000 providers.
func profileChoices(yield func(Choice) bool) {
	_ = each(ProviderKinds, yield) && each(Statuses, yield) && each(Formats, yield) && each(Costs, yield)
}

// each gives the choice of each row until yield returns false, reporting
// whether it never did.
func each[T interface{ choice() Choice }](rows []T, yield func(Choice) bool) bool {
	for _, r := range rows {
		if !yield(r.choice()) {
			return false
		}
	}
	return true
}

// Label is the label of a provider's kind or status, or of a programme's
// status, format or cost, or id itself when it is none of these.
func Label(id string) string {
	for c := range profileChoices {
		if c.ID == id {
			return c.Label
		}
	}
	return id
}

// Labels are the labels of every id Label knows, by id (for scripts).
func Labels() map[string]string {
	out := map[string]string{}
	for c := range profileChoices {
		out[c.ID] = c.Label
	}
	return out
}
