package site

import (
	"slices"
	"strings"

	"artsmap/internal/content"
	"artsmap/internal/profileform"
	"artsmap/internal/registry"
)

// FormThanksPath is the page the profile forms post to, which thanks the
// sender and says what happens next.
const FormThanksPath = "/forms/thanks/"

// ProfileForm is one of the forms through which people without a Git
// account join the map or ask for a change to their profile (Netlify
// Forms, no JavaScript). Its fields are profileform.Fields.
type ProfileForm struct {
	Name     string // the form's name in Netlify: profileform.JoinForm or UpdateForm
	Action   string // the thank-you page
	Honeypot string
	Profile  string    // the profile's slug on the update form; "" on the join form
	Provider *Provider // the profile the update form is about; nil on the join form
	Groups   []FormGroup
}

// FormGroup is one fieldset of a form.
type FormGroup struct {
	Legend string
	Fields []FormField
}

// FormField is one field, with its options and, on the update form, the
// profile's published value.
type FormField struct {
	profileform.Field
	ID       string // the element's id
	Required bool   // the browser may insist on it (a required field outside the optional fieldsets)
	Marked   bool   // labelled "(required)": the profile needs it
	Value    string
	Options  []FormOption
}

// FormOption is one choice of a field.
type FormOption struct {
	ID, Label string
	Checked   bool
}

// Is reports the kind of a field, for the layouts: {{if .Is "any-of"}}.
func (f FormField) Is(kind string) bool {
	return map[string]profileform.Kind{"text": profileform.Text, "long-text": profileform.LongText,
		"email": profileform.Email, "phone": profileform.Phone, "url": profileform.WebURL, "one-of": profileform.OneOf,
		"any-of": profileform.AnyOf, "consent": profileform.Consent, "answer": profileform.Answer}[kind] == f.Kind
}

// formsOn reports whether the site has the profile forms.
func formsOn(c *content.Config) bool { return c.Forms.Netlify }

// HasForms reports whether the site has the profile forms ([forms]
// netlify = true).
func (s *Site) HasForms() bool { return s.forms }

// JoinForm is the "Join the map" form, or nil when the site has no forms.
func (s *Site) JoinForm() *ProfileForm {
	if !s.forms {
		return nil
	}
	return s.profileForm(profileform.JoinForm, nil)
}

// UpdateForm is the "Update this profile" form of p, filled in with what
// the profile publishes, or nil when the site has no forms.
func (s *Site) UpdateForm(p *Provider) *ProfileForm {
	if !s.forms || p == nil {
		return nil
	}
	return s.profileForm(profileform.UpdateForm, p)
}

func (s *Site) profileForm(name string, p *Provider) *ProfileForm {
	f := &ProfileForm{Name: name, Action: FormThanksPath, Honeypot: profileform.Honeypot}
	if p != nil {
		f.Profile, f.Provider = p.Slug, p
	}
	values := profileValues(p)
	for _, legend := range profileform.Groups() {
		g := FormGroup{Legend: legend}
		for _, fd := range profileform.Fields {
			if fd.Group != legend {
				continue
			}
			ff := FormField{Field: fd, ID: name + "-" + trimBrackets(fd.Name), Value: values[fd.Name]}
			ff.Marked = fd.Required && !profileform.Optional(fd)
			ff.Required = ff.Marked && fd.Kind != profileform.AnyOf // a browser cannot insist on one box of several
			ff.Options = s.formOptions(fd, values[fd.Name])
			g.Fields = append(g.Fields, ff)
		}
		f.Groups = append(f.Groups, g)
	}
	return f
}

// formOptions are the choices of a field, with their labels; the ones in
// value (a comma-separated list) are checked.
func (s *Site) formOptions(fd profileform.Field, value string) []FormOption {
	var ids, labels []string
	switch fd.Kind {
	case profileform.Answer:
		ids = profileform.Answers // in the order of registry.Answers
		for _, a := range registry.Answers() {
			labels = append(labels, a.Label)
		}
	case profileform.OneOf:
		for _, c := range fixedChoices[fd.Choices]() {
			ids, labels = append(ids, c.ID), append(labels, c.Label)
		}
	case profileform.AnyOf:
		if t := s.Taxonomy(fd.Choices); t != nil {
			for _, term := range t.Terms {
				ids, labels = append(ids, term.ID), append(labels, term.Label)
			}
		}
	}
	chosen := splitValues(value)
	var out []FormOption
	for i, id := range ids {
		checked := slices.Contains(chosen, id)
		if fd.Kind == profileform.Answer {
			checked = id == value // "" is not stated, chosen until someone answers
		}
		out = append(out, FormOption{ID: id, Label: labels[i], Checked: checked})
	}
	return out
}

// fixedChoices are the fixed lists the form's choice fields offer, as the
// checker accepts them.
var fixedChoices = map[string]func() registry.Choices{
	profileform.ChoiceKind: registry.ProviderKindChoices, profileform.ChoiceStatus: registry.ProviderStatuses,
	profileform.ChoiceProgrammeStatus: registry.ProgrammeStatuses, profileform.ChoiceFormat: registry.FormatChoices,
	profileform.ChoiceCost: registry.CostChoices,
}

// profileValues are the published values of p by form field, for the
// update form. Unpublished contact details are not in the model, so they
// cannot be filled in; nor are programmes and venues, which the form
// adds one at a time.
func profileValues(p *Provider) map[string]string {
	if p == nil {
		return nil
	}
	ids := func(ts []*TermPage) string {
		var out []string
		for _, t := range ts {
			out = append(out, t.ID)
		}
		return strings.Join(out, ",")
	}
	v := map[string]string{"name": p.Name, "kind": p.Kind, "status": p.Status, "summary": p.Summary,
		"website": p.Website, "districts[]": ids(p.Districts), "pathways[]": ids(p.Pathways),
		"artforms[]": ids(p.Artforms), "audiences[]": ids(p.Audiences), "referral[]": ids(p.Referral),
		"email": p.Email, "phone": p.Phone}
	if p.Email != "" || p.Phone != "" {
		v["publish_contact"] = "yes"
	}
	return v
}

func trimBrackets(name string) string {
	if len(name) > 2 && name[len(name)-2:] == "[]" {
		return name[:len(name)-2]
	}
	return name
}

func splitValues(v string) []string { return profileform.SplitList(v) }

// formPages are the update page of every profile and the thank-you page,
// when the site has the forms.
func (s *Site) formPages(home Link) []*Page {
	if !s.forms {
		return nil
	}
	out := []*Page{{Layout: "form-thanks", Path: FormThanksPath, Title: "Thank you", Crumbs: []Link{home},
		Description: "Your details have reached the network."}}
	providers := Link{"Providers", "/providers/"}
	for _, p := range s.Providers {
		out = append(out, &Page{Layout: "profile-form", Path: p.URL + "update/", Title: "Update " + p.Name,
			Description: "Ask the network to change the profile of " + p.Name + ".",
			Crumbs:      []Link{home, providers, {p.Name, p.URL}}, Form: s.UpdateForm(p)})
	}
	return out
}
