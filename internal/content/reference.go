package content

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"artsmap/internal/registry"
)

// Reference is a cited publication: a learning output's [[references]] or
// an evidence synopsis's [reference].
type Reference struct {
	Type      string   `toml:"type"` // one of registry.ReferenceTypes; inferred when empty (see Kind)
	Authors   []Author `toml:"authors"`
	Title     string   `toml:"title"`
	Year      int      `toml:"year"`
	Journal   string   `toml:"journal"`
	Book      string   `toml:"book"` // extension: the book a chapter is in
	Publisher string   `toml:"publisher"`
	Volume    string   `toml:"volume"`
	Issue     string   `toml:"issue"`
	Pages     string   `toml:"pages"`
	URL       string   `toml:"url"`
	DOI       string   `toml:"doi"`
}

// Kind is the reference's type: as written, or, for a learning output's
// reference without one, "article" with a journal, "book" with a
// publisher and "webpage" otherwise.
func (r Reference) Kind() string {
	switch {
	case r.Type != "":
		return r.Type
	case r.Journal != "":
		return registry.Article
	case r.Publisher != "":
		return registry.Book
	}
	return registry.WebPage
}

// Author is one author of a reference: a person (Family and Given) or an
// organisation (Name, never split). Text holds the older string form as
// written, already split into Family and Given or kept as a Name.
type Author struct {
	Family  string
	Given   string
	Name    string
	Text    string   // the string form, when the author was written as one
	Unknown []string // keys of an author table that no field takes
	Wrong   []string // keys whose value is not text
}

// UnmarshalTOML takes an author table ({ family = "...", given = "..." } or
// { name = "..." }) or a string ("Family, Given" or "Given Family").
func (a *Author) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*a = AuthorFromText(v)
		return nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			a.set(k, v[k])
		}
		return nil
	}
	return fmt.Errorf("an author should be a table such as { family = \"Fancourt\", given = \"Daisy\" }, not %s", friendlyType(fmt.Sprintf("%T", v)))
}

func (a *Author) set(k string, v any) {
	field := map[string]*string{"family": &a.Family, "given": &a.Given, "name": &a.Name}[k]
	if field == nil {
		a.Unknown = append(a.Unknown, k)
		return
	}
	s, ok := v.(string)
	if !ok {
		a.Wrong = append(a.Wrong, k)
		return
	}
	*field = strings.TrimSpace(s)
}

// AuthorFromText reads the older string form of an author. "Family, Given"
// splits at the comma; "Given Family" takes the last word (with particles
// such as "van" or "de") as the family name; a name with a word such as
// "Council" or "Organization", or of more than four words, is an
// organisation and stays whole.
func AuthorFromText(s string) Author {
	s = strings.Join(strings.Fields(s), " ")
	a := Author{Text: s}
	if corporate(s) {
		a.Name = s
		return a
	}
	if fam, giv, ok := strings.Cut(s, ","); ok && !strings.Contains(giv, ",") {
		a.Family, a.Given = strings.TrimSpace(fam), strings.TrimSpace(giv)
		return a
	}
	w := strings.Fields(s)
	if len(w) < 2 {
		a.Name = s
		return a
	}
	i := len(w) - 1
	for i > 1 && slices.Contains(particles, strings.ToLower(w[i-1])) {
		i--
	}
	a.Family, a.Given = strings.Join(w[i:], " "), strings.Join(w[:i], " ")
	return a
}

var (
	particles     = []string{"van", "von", "de", "der", "den", "da", "di", "del", "du", "la", "le", "ter", "ten"}
	corporateWord = regexp.MustCompile(`(?i)\b(organi[sz]ation|council|department|ministry|group|institute|university|college|society|association|trust|foundation|network|committee|commission|agency|centre|center|service|services|nhs|government|parliament|parliamentary|board|alliance|partnership|office|england|scotland|wales|authority|academy|club|fund|ltd|limited|inc|charity)\b`)
)

func corporate(s string) bool {
	return corporateWord.MatchString(s) || len(strings.Fields(s)) > 4 || strings.Count(s, ",") > 1
}

// Display is the author as a reference list shows it: "Family, Given",
// "Family" or the organisation's name.
func (a Author) Display() string {
	if a.Family == "" {
		return a.Name
	}
	if a.Given == "" {
		return a.Family
	}
	return a.Family + ", " + a.Given
}

// Person reports whether the author is a person (has a family name).
func (a Author) Person() bool { return a.Family != "" }

// AuthorList joins the authors for display, with semicolons between them.
func AuthorList(as []Author) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Display()
	}
	return strings.Join(names, "; ")
}
