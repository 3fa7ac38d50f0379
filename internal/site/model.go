package site

import (
	"html/template"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"artsmap/internal/cms"
	"artsmap/internal/content"
	"artsmap/internal/geo"
	"artsmap/internal/registry"
)

// Link is a labelled address.
type Link struct {
	Label string
	URL   string
}

// Site is the in-memory model every template sees: typed, sorted, with all
// text already rendered and nothing unpublishable in it.
type Site struct {
	Title       string
	Description string
	BaseURL     string // absolute, with a trailing slash
	Language    string
	Region      string
	Sample      bool
	Licence     string
	LicenceURL  string
	Now         time.Time
	Location    *time.Location

	Providers  []*Provider // by name
	Taxonomies []*Taxonomy // districts, pathways, artforms, audiences, referral
	Factsheets []*Factsheet
	Glossary   []*Letter
	Learning   []*Learning // newest first
	Evidence   []*Synopsis // by certainty, design, title
	Upcoming   []*Event    // soonest first
	Past       []*Event    // most recent first
	Pages      []*DocPage  // by title
	Counts     Counts

	bundles     []bundle              // folders whose files are published beside their page
	bounds      geo.Bounds            // the region
	boundaries  []geo.Area            // from content/areas, for the drawn map
	Tiles       string                // map tile URL template
	Attribution string                // map tile attribution
	Credits     []content.Attribution // [[attribution]]: sources of data files under content/
	Center      []float64             // lon, lat
	Zoom        int
	Leaflet     bool      // the map library is among the static files
	Feedback    *Feedback // where "Report a problem" sends reports; nil: no form

	Postcodes []*Outward // postcode districts of content/areas/postcodes.csv, GL1, GL2, ..., GL10

	editor     *cms.Document // the browser editor's configuration; nil when [cms] is not set
	forms      bool          // the profile forms are on ([forms] netlify = true)
	derived    derived       // computed from the whole model when first asked for
	inputs     *inputs       // what the load read, when it was recorded (a build's)
	fromCache  int           // provider folders the load took from the cache
	cache      *folderCache  // a build's cache, when it has one
	pieces     *cardStore    // what its files are made of, kept between builds (see cardStore); nil for none
	ownLayouts bool          // the site has layouts of its own (see pageListed)
}

// bundle is a content folder whose images (and listed attachments) are
// published at url.
type bundle struct {
	dir         string // in the site folder
	url         string // with trailing slash
	files       []string
	attachments []string
}

// Counts are the headline numbers on the home page.
type Counts struct {
	Providers, Programmes, Venues int
	ByStatus                      []StatusCount // providers of each status a provider may state
}

// StatusCount is how many providers state a status.
type StatusCount struct {
	ID, Label string
	N         int
}

// Taxonomy is one vocabulary and its browse pages.
type Taxonomy struct {
	Key      string // "pathways": the URL segment
	Title    string // "Clinical pathways"
	Singular string // "pathway"
	URL      string
	Intro    string
	Terms    []*TermPage
}

// TermPage is one vocabulary value: /pathways/<id>/.
type TermPage struct {
	ID          string
	Label       string
	Code        string
	Description template.HTML
	URL         string
	Taxonomy    *Taxonomy
	Providers   []*Provider
	Programmes  int
}

// Body is the provider's Markdown text, rendered when first asked for
// (only the files that show it ask: a rebuild that keeps them renders
// none); empty for a provider made without one.
func (p *Provider) Body() template.HTML {
	if p.body == nil {
		return ""
	}
	return p.body()
}

// Provider is a published profile. Email and Phone are empty unless the
// provider consented to publishing them.
type Provider struct {
	Draft      bool // shown only by serve
	Slug       string
	URL        string
	Name       string
	Kind       string
	KindLabel  string
	Summary    string
	Status     string
	Since      int
	body       func() template.HTML // see Body
	Districts  []*TermPage
	Pathways   []*TermPage
	Artforms   []*TermPage
	Audiences  []*TermPage
	Referral   []*TermPage
	Website    string
	Email      string
	Phone      string
	PhoneURI   template.URL // tel: address built from digits only
	Reviewed   time.Time
	StaleFrom  time.Time // the first day the profile counts as not reviewed for over 12 months
	Stale      bool      // by the build's clock; the page's script checks StaleFrom again
	LogoURL    string
	Tags       []string
	Quality    *content.Quality
	Programmes []*Programme
	Venues     []*Venue
	Areas      []geo.Area
	Joining    Joining // who can join and how (schedule.go)
	folder     string  // in the site folder: content/providers/<name>
}

// Programme is an activity on a profile.
type Programme struct {
	ID           string
	Title        string
	Status       string
	Summary      string
	Pathways     []*TermPage
	Artforms     []*TermPage
	Audiences    []*TermPage
	Format       string
	Sessions     string
	Cost         string
	Commissioner string
	Started      time.Time
	Ended        time.Time
	Venues       []*Venue
	areaIDs      []string // ids of areas served the programme names in venues

	Schedules  []*Schedule
	Calendar   string  // the .ics of the schedules; "" without any
	Joining    Joining // with the provider's values where the programme states none
	OwnJoining bool    // the programme's description differs from the provider's
}

// Venue is a place on a profile.
type Venue struct {
	geo.Venue
	Anchor string // fragment id on the profile page
}

// DocPage is a page from content/pages.
type DocPage struct {
	Draft   bool // shown only by serve
	Slug    string
	URL     string
	Title   string
	Summary string
	Updated time.Time
	Body    template.HTML
}

// AbsURL is the absolute address of a site path.
func (s *Site) AbsURL(p string) string { return s.absURL(p) }

// absURL joins the base URL and a site path.
func (s *Site) absURL(p string) string {
	u, err := url.Parse(s.BaseURL)
	if err != nil || s.BaseURL == "/" {
		return p
	}
	u.Path = path.Join(u.Path, p)
	if strings.HasSuffix(p, "/") && !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String()
}

// AttributionsFor are the credits of the data files whose path under
// content/ starts with prefix ("areas/" and ".geojson" for the map's
// boundaries: both must match).
func (s *Site) AttributionsFor(prefix, suffix string) []content.Attribution {
	var out []content.Attribution
	for _, a := range s.Credits {
		if slices.ContainsFunc(a.Files, func(f string) bool {
			return strings.HasPrefix(f, prefix) && strings.HasSuffix(f, suffix)
		}) {
			out = append(out, a)
		}
	}
	return out
}

// Taxonomy returns the taxonomy with the given key.
func (s *Site) Taxonomy(key string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Key == key {
			return t
		}
	}
	return nil
}

// label is the readable name of a provider's kind or status, or of a
// programme's status, format or cost.
func label(s string) string { return registry.Label(s) }

func sortByName[T any](items []T, name func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int {
		return strings.Compare(strings.ToLower(name(a)), strings.ToLower(name(b)))
	})
}
