// Package profileform owns the profile form, the way into the map without
// a Git account: the one table of its fields (which the site's "Join the
// map" and "Update this profile" forms are made from), and the reading of
// the form service's CSV export of submissions into profiles for
// "artsmap new provider --from FILE.csv".
package profileform

import "strings"

// Kind is what a field asks for, and so how it is shown.
type Kind int

// The kinds of field.
const (
	Text     Kind = iota // one line of text
	LongText             // a few lines of plain text
	Email                // an email address
	Phone                // a phone number
	WebURL               // a web address
	OneOf                // one choice of a fixed list (radio buttons)
	AnyOf                // any choices of a list (check boxes); the name ends in []
	Consent              // one check box that says yes
	Answer               // yes, no or not stated (radio buttons, "not stated" chosen)
)

// Field is one field of the form. Its Name is the form field's name, and
// so the column of the form service's CSV export.
type Field struct {
	Name     string
	Label    string
	Hint     string
	Kind     Kind
	Required bool   // the profile needs it (for a programme or venue: once that is given)
	Choices  string // for OneOf and AnyOf: which list, see the Choice constants
	Max      int    // the most characters, when limited
	Group    string // the fieldset it belongs to
}

// The lists a choice field takes its options from. The site fills them in
// with the labels it shows everywhere else.
const (
	ChoiceKind             = "kind"
	ChoiceStatus           = "status"
	ChoiceProgrammeStatus  = "programme-status"
	ChoiceFormat           = "format"
	ChoiceCost             = "cost"
	ChoiceDistricts        = "districts"
	ChoicePathways         = "pathways"
	ChoiceArtforms         = "artforms"
	ChoiceAudiences        = "audiences"
	ChoiceReferral         = "referral"
	answerYes, answerNo    = "yes", "no"
	groupAbout, groupReach = "About you", "Where and for whom"
	groupContact           = "Contact"
	groupProgramme         = "One activity you run (optional)"
	groupVenue             = "Where it happens (optional)"
)

// Hidden fields and form names.
const (
	// Honeypot is the field people never see; a submission that fills it
	// in is from a robot (Netlify's netlify-honeypot).
	Honeypot = "bot-field"
	// FormNameField carries the form's name, as Netlify Forms needs
	// without JavaScript.
	FormNameField = "form-name"
	// ProfileField carries the profile's slug on the update form.
	ProfileField = "profile"
	// JoinForm and UpdateForm are the forms' names: each is a form of its
	// own in Netlify, with its own export.
	JoinForm   = "join-the-map"
	UpdateForm = "update-profile"
)

// Answers are the values of an Answer field: "" is not stated.
var Answers = []string{"", answerYes, answerNo}

// Fields are the form's fields, in order. They mirror the profile:
// index.md's settings and one venue of locations.geojson.
var Fields = []Field{
	{Name: "name", Label: "Your name", Hint: "As people know you: the organisation's name, or your own.", Kind: Text, Required: true, Max: 120, Group: groupAbout},
	{Name: "kind", Label: "What you are", Kind: OneOf, Choices: ChoiceKind, Required: true, Group: groupAbout},
	{Name: "status", Label: "How long you have done this work", Kind: OneOf, Choices: ChoiceStatus, Required: true, Group: groupAbout},
	{Name: "summary", Label: "What you do, for whom", Hint: "One or two plain sentences, at most 300 characters.", Kind: LongText, Required: true, Max: 300, Group: groupAbout},
	{Name: "website", Label: "Website", Hint: "Starting with https://", Kind: WebURL, Group: groupAbout},
	{Name: "districts[]", Label: "Where you work", Hint: "At least one.", Kind: AnyOf, Choices: ChoiceDistricts, Required: true, Group: groupReach},
	{Name: "pathways[]", Label: "Health conditions and pathways you support", Hint: "At least one.", Kind: AnyOf, Choices: ChoicePathways, Required: true, Group: groupReach},
	{Name: "artforms[]", Label: "Your art forms", Hint: "At least one.", Kind: AnyOf, Choices: ChoiceArtforms, Required: true, Group: groupReach},
	{Name: "audiences[]", Label: "Who your work is for", Kind: AnyOf, Choices: ChoiceAudiences, Group: groupReach},
	{Name: "referral[]", Label: "How people can join", Kind: AnyOf, Choices: ChoiceReferral, Group: groupReach},
	{Name: "email", Label: "Email", Kind: Email, Group: groupContact},
	{Name: "phone", Label: "Phone", Kind: Phone, Group: groupContact},
	{Name: "publish_contact", Label: "Yes, publish this email and phone number on the map", Hint: "Leave it unticked and the network keeps them to contact you, but they appear nowhere on the site.", Kind: Consent, Group: groupContact},
	{Name: "programme_title", Label: "Name of the activity", Kind: Text, Max: 120, Group: groupProgramme},
	{Name: "programme_summary", Label: "What happens, for whom", Hint: "At most 300 characters.", Kind: LongText, Max: 300, Group: groupProgramme},
	{Name: "programme_status", Label: "How far along it is", Kind: OneOf, Choices: ChoiceProgrammeStatus, Required: true, Group: groupProgramme},
	{Name: "programme_format", Label: "Format", Kind: OneOf, Choices: ChoiceFormat, Group: groupProgramme},
	{Name: "programme_cost", Label: "Cost to the participant", Kind: OneOf, Choices: ChoiceCost, Group: groupProgramme},
	{Name: "programme_sessions", Label: "Sessions", Hint: "For example: 10 weekly sessions of 90 minutes.", Kind: Text, Max: 200, Group: groupProgramme},
	{Name: "venue_name", Label: "Venue's name", Kind: Text, Max: 120, Group: groupVenue},
	{Name: "venue_address", Label: "Address", Kind: Text, Max: 200, Group: groupVenue},
	{Name: "venue_postcode", Label: "Postcode", Hint: "Needed to place the venue on the map.", Kind: Text, Required: true, Max: 10, Group: groupVenue},
	{Name: "venue_step_free", Label: "Step-free access", Kind: Answer, Group: groupVenue},
	{Name: "venue_hearing_loop", Label: "Hearing loop", Kind: Answer, Group: groupVenue},
	{Name: "venue_parking", Label: "Parking", Kind: Answer, Group: groupVenue},
	{Name: "venue_accessibility", Label: "How to get in, toilets, a quiet space", Kind: LongText, Max: 300, Group: groupVenue},
}

// Groups are the fieldsets, in order.
func Groups() []string {
	return []string{groupAbout, groupReach, groupContact, groupProgramme, groupVenue}
}

// field returns the field of the given name.
func field(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Optional reports whether f belongs to a fieldset that may be left out
// as a whole (the activity, the venue): its Required applies only when
// some field of the fieldset is given.
func Optional(f Field) bool { return f.Group == groupProgramme || f.Group == groupVenue }

// SplitList splits the value of a check-box field as the form service
// exports it: the ticked values joined by commas (or semicolons).
func SplitList(v string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
