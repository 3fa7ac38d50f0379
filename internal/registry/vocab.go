package registry

// Vocabulary is one of the five lists of terms a site defines in
// site.toml ([[vocab.<key>]]): the terms are the site's, the table is ours.
type Vocabulary struct {
	Key         string // its key in site.toml and in settings, and its URL segment: /<key>/<id>/
	Title       string // the heading of its index page
	Singular    string // one term, in messages and on term pages: "art form"
	Param       string // the directory's filter parameter: /providers/?<param>=<id>
	FilterLabel string // the directory's filter heading
	EditorLabel string // the browser editor's field label
	Intro       string // the first sentence of its index page
	Required    bool   // site.toml must define terms, and a provider must name one
}

// Vocabularies in the order the site lists them.
var Vocabularies = []Vocabulary{
	{"pathways", "Health conditions and pathways", "pathway", "pathway", "Condition or pathway", "Conditions (pathways)",
		"Find creative activity by the health condition or clinical pathway it supports.", true},
	{"artforms", "Art forms", "art form", "artform", "Art form", "Art forms",
		"Find creative activity by the kind of art people take part in.", true},
	{"districts", "Districts", "district", "district", "District", "Districts",
		"Find creative activity by where it happens.", true},
	{"audiences", "Who it is for", "audience", "audience", "Who it is for", "Who it is for",
		"Find creative activity by who it is designed for.", false},
	{"referral", "Referral routes", "referral route", "referral", "Referral route", "Referral routes",
		"Find creative activity by how people can be referred or join.", false},
}

// VocabularyOf returns the vocabulary with key, and false when there is none.
func VocabularyOf(key string) (Vocabulary, bool) {
	for _, v := range Vocabularies {
		if v.Key == key {
			return v, true
		}
	}
	return Vocabulary{}, false
}
