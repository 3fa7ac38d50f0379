package content

import "artsmap/internal/geo"

// Config is content/site.toml: the site's settings and vocabularies.
type Config struct {
	Title       string            `toml:"title"`
	Description string            `toml:"description"` // extension: one sentence for the home page and metadata
	BaseURL     string            `toml:"base_url"`
	Language    string            `toml:"language"`
	Timezone    string            `toml:"timezone"`
	SampleData  bool              `toml:"sample_data"`
	Region      Region            `toml:"region"`
	Data        DataSettings      `toml:"data"`
	CMS         CMSSettings       `toml:"cms"`      // extension: the browser editor at /admin/
	Feedback    *FeedbackSettings `toml:"feedback"` // extension: "Report a problem"; nil without [feedback]
	Forms       FormSettings      `toml:"forms"`    // extension: "Join the map" and "Update this profile" forms
	Map         MapSettings       `toml:"map"`
	Vocab       Vocab             `toml:"vocab"`
	Attribution []Attribution     `toml:"attribution"` // extension: whose data the files in content/ hold
}

// Attribution credits the source of data files under content/ (boundaries,
// postcodes), as their licence asks: /data/ lists every one, and the map
// shows those of the boundary files it draws.
type Attribution struct {
	Files []string `toml:"files"` // paths under content/, such as "areas/postcodes.csv"
	Text  string   `toml:"text"`
	URL   string   `toml:"url"` // the licence or source, http(s)
}

// Region names the area the site covers and bounds it.
type Region struct {
	Name   string    `toml:"name"`
	Bounds []float64 `toml:"bounds"` // west, south, east, north
}

// DataSettings describes the open-data downloads.
type DataSettings struct {
	Licence    string `toml:"licence"`
	LicenceURL string `toml:"licence_url"` // extension: where the licence's text is
}

// CMSSettings connect the browser editor at /admin/ to the Git repository
// that holds the site. Without a repository there is no editor.
type CMSSettings struct {
	Repo    string `toml:"repo"`     // owner/name on GitHub
	Branch  string `toml:"branch"`   // default main
	AuthURL string `toml:"auth_url"` // OAuth provider; default https://api.netlify.com
}

// FormSettings switch on the forms through which people without a Git
// account join the map or ask for their profile to be changed. Without
// netlify = true the site has no such forms.
type FormSettings struct {
	Netlify bool `toml:"netlify"` // Netlify Forms: the forms post to the site's own host
}

// MapSettings configures the interactive map.
type MapSettings struct {
	Tiles       string    `toml:"tiles"`
	Attribution string    `toml:"attribution"`
	Center      []float64 `toml:"center"` // lon, lat
	Zoom        int       `toml:"zoom"`
}

// Vocab holds the controlled vocabularies that profile list fields use.
type Vocab struct {
	Districts []Term `toml:"districts"`
	Pathways  []Term `toml:"pathways"`
	Artforms  []Term `toml:"artforms"`
	Audiences []Term `toml:"audiences"`
	Referral  []Term `toml:"referral"`
}

// Term is one value of a vocabulary.
type Term struct {
	ID          string `toml:"id"`
	Label       string `toml:"label"`
	Code        string `toml:"code"`        // ONS code, districts only
	Description string `toml:"description"` // Markdown inline
}

// Source says where a document came from.
type Source struct {
	Path     string // relative to the site, e.g. content/providers/mindsong/index.md
	Slug     string
	Body     []byte // Markdown after the front matter
	BodyLine int    // line of the file on which Body starts
}

// Provider is a profile: content/providers/<slug>/index.md.
type Provider struct {
	Publication
	Source         `toml:"-"`
	Name           string      `toml:"name"`
	Kind           string      `toml:"kind"`
	Summary        string      `toml:"summary"`
	Status         string      `toml:"status"`
	Since          int         `toml:"since"`
	Districts      []string    `toml:"districts"`
	Pathways       []string    `toml:"pathways"`
	Artforms       []string    `toml:"artforms"`
	Audiences      []string    `toml:"audiences"`
	Referral       []string    `toml:"referral"`
	Website        string      `toml:"website"`
	Email          string      `toml:"email"`
	Phone          string      `toml:"phone"`
	PublishContact bool        `toml:"publish_contact"`
	Reviewed       Date        `toml:"reviewed"`
	Logo           string      `toml:"logo"`
	Tags           []string    `toml:"tags"`
	Quality        *Quality    `toml:"quality"`
	Programmes     []Programme `toml:"programmes"`
	Joining                    // who can join and how (eligibility.go)

	Venues []geo.Venue `toml:"-"` // Point features of locations.geojson
	Areas  []geo.Area  `toml:"-"` // Polygon and MultiPolygon features
	Files  []string    `toml:"-"` // other files in the bundle, relative to it

	broken bool // the file could not be read: only Slug and Path are set
	// noVenues is set when locations.geojson has errors: its venues are
	// then not checked against, so that one mistake is reported once.
	noVenues bool
}

// Quality is what commissioners ask about a provider's practice.
type Quality struct {
	SafeguardingPolicy *bool    `toml:"safeguarding_policy"`
	DBSChecked         *bool    `toml:"dbs_checked"`
	Insurance          *bool    `toml:"insurance"`
	Supervision        string   `toml:"supervision"`
	Evaluation         []string `toml:"evaluation"`
	Training           []string `toml:"training"`
}

// Programme is an activity a provider runs.
type Programme struct {
	ID           string   `toml:"id"`
	Title        string   `toml:"title"`
	Status       string   `toml:"status"`
	Pathways     []string `toml:"pathways"`
	Artforms     []string `toml:"artforms"`
	Audiences    []string `toml:"audiences"`
	Format       string   `toml:"format"`
	Sessions     string   `toml:"sessions"`
	Cost         string   `toml:"cost"`
	Commissioner string   `toml:"commissioner"`
	Started      Date     `toml:"started"`
	Ended        Date     `toml:"ended"`
	Venues       []string `toml:"venues"`
	Summary      string   `toml:"summary"`

	Schedule []Schedule `toml:"schedule"` // when the sessions run (schedule.go)
	Joining             // the programme's own value wins over the provider's
}

// Factsheet is content/factsheets/<slug>.md.
type Factsheet struct {
	Publication
	Source   `toml:"-"`
	Title    string          `toml:"title"`
	Summary  string          `toml:"summary"`
	Updated  Date            `toml:"updated"`
	Audience []string        `toml:"audience"`
	Terms    []FactsheetTerm `toml:"terms"`
}

// FactsheetTerm is one defined term. Its ID is the slug of Term.
type FactsheetTerm struct {
	ID         string   `toml:"-"`
	Term       string   `toml:"term"`
	Definition string   `toml:"definition"`
	Aliases    []string `toml:"aliases"`
	SeeAlso    []string `toml:"see_also"`
}

// Learning is a learning output: content/learning/<slug>.md or <slug>/index.md.
type Learning struct {
	Publication
	Source      `toml:"-"`
	Bundle      bool         `toml:"-"`
	Files       []string     `toml:"-"` // files beside index.md in a bundle
	Title       string       `toml:"title"`
	Kind        string       `toml:"kind"`
	Date        Date         `toml:"date"`
	Authors     []string     `toml:"authors"`
	Summary     string       `toml:"summary"`
	Pathways    []string     `toml:"pathways"`
	Providers   []string     `toml:"providers"` // extension: provider slugs it concerns
	Attachments []Attachment `toml:"attachments"`
	References  []Reference  `toml:"references"`
	Criteria    []Criterion  `toml:"criteria"`
	Options     []Option     `toml:"options"`
}

// Attachment is a file in a learning bundle offered for download.
type Attachment struct {
	File  string `toml:"file"`
	Title string `toml:"title"`
	Size  int64  `toml:"-"`
}

// Criterion is a weighted criterion of an options appraisal.
type Criterion struct {
	ID     string `toml:"id"`
	Label  string `toml:"label"`
	Weight int    `toml:"weight"`
}

// Option is one option in an options appraisal.
type Option struct {
	Name    string         `toml:"name"`
	Summary string         `toml:"summary"`
	Pros    []string       `toml:"pros"`
	Cons    []string       `toml:"cons"`
	Scores  map[string]int `toml:"scores"`
}

// Event is content/events/<slug>.md.
type Event struct {
	Publication
	Source        `toml:"-"`
	Title         string    `toml:"title"`
	Kind          string    `toml:"kind"`
	Summary       string    `toml:"summary"` // extension
	Start         DateTime  `toml:"start"`
	End           DateTime  `toml:"end"`
	Venue         string    `toml:"venue"`
	Address       string    `toml:"address"`
	Location      []float64 `toml:"location"`
	BookingURL    string    `toml:"booking_url"`
	Accessibility string    `toml:"accessibility"`
	Updated       Date      `toml:"updated"` // extension: when the details last changed
}

// Page is content/pages/<slug>.md.
type Page struct {
	Publication
	Source  `toml:"-"`
	Title   string `toml:"title"`
	Summary string `toml:"summary"` // extension
	Updated Date   `toml:"updated"` // extension
}

// Site is everything loaded from a site's content folder. While there are
// errors, Providers may hold placeholders for profiles that could not be
// read, so that references to them are not reported twice.
type Site struct {
	Config     Config
	Providers  []*Provider
	Factsheets []*Factsheet
	Learning   []*Learning
	Evidence   []*Evidence
	Events     []*Event
	Pages      []*Page
	Areas      []AreaFile
	Postcodes  []geo.Postcode // from content/areas/postcodes.csv, in file order
}

// AreaFile is a boundary file from content/areas/.
type AreaFile struct {
	Path     string
	Features []geo.Area // ID holds the feature's code property when present
}
