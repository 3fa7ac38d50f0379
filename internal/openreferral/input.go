package openreferral

import (
	"time"

	"github.com/paulmach/orb"
)

// Directory is what the export is made from. It must hold only what may
// be published: the caller leaves out contact details a provider has not
// agreed to publish. Addresses are absolute.
type Directory struct {
	Region       string       // the region's name: the state_province of every address
	Country      string       // ISO 3166-1 alpha-2 code of addresses, or ""
	Language     string       // the site's language tag, e.g. en-GB
	Providers    []Provider   // in a stable order
	Vocabularies []Vocabulary // in a stable order

	// Count and At, when At is set, give Count more providers after
	// Providers, each made when asked (at any time, from several
	// goroutines at once), in a stable order: Map keeps only what it makes of each,
	// and StreamFiles holds none of them, so that a large directory is
	// never held twice.
	Count int
	At    func(i int) Provider

	// Noted, when not nil, gives what StreamFiles notes of the provider
	// at i (its items' paths and list entries, in a form of its own): what
	// make gives, or what make gave in an earlier build when nothing the
	// provider is made from has changed since. It is called from several
	// goroutines at once. What it gives that StreamFiles cannot read is
	// made again.
	Noted func(i int, make func() ([]byte, error)) ([]byte, error)
}

// count is how many providers d gives.
func (d Directory) count() int {
	if d.At == nil {
		return len(d.Providers)
	}
	return len(d.Providers) + d.Count
}

// provider is the i-th provider d gives, counting Providers first.
func (d Directory) provider(i int) Provider {
	if i < len(d.Providers) {
		return d.Providers[i]
	}
	return d.At(i - len(d.Providers))
}

// Vocabulary is one controlled list: districts, pathways and so on.
type Vocabulary struct {
	Key         string // "pathways": the taxonomy's key in ids
	Name        string
	Description string
	URL         string
	Terms       []Term
}

// Term is one value of a vocabulary.
type Term struct {
	ID          string
	Label       string
	Description string // plain text
	URL         string
}

// Provider is a published profile.
type Provider struct {
	Slug       string
	Name       string
	Summary    string
	URL        string // the profile page
	Website    string
	Email      string // only when published
	Phone      string // only when published
	Logo       string
	Reviewed   time.Time
	Terms      []TermRef // the vocabulary values the profile lists
	Programmes []Programme
	Venues     []Venue
	Areas      []Area
	Joining    Joining // for a provider without programmes
}

// Programme is an activity on a profile.
type Programme struct {
	ID           string
	Title        string
	Summary      string
	Status       string // established | emerging | pilot | ended
	URL          string
	Format       string // group | one-to-one | online | drop-in, or ""
	FormatLabel  string
	Sessions     string
	Cost         string // free | funded | low-cost | paid, or ""
	CostLabel    string
	Commissioner string
	Started      time.Time
	Ended        time.Time
	Terms        []TermRef // the vocabulary values the programme lists
	Venues       []string  // venue ids
	Areas        []string  // ids of areas served
	Recurrences  []Recurrence
	Joining      Joining
}

// Recurrence is a regular pattern of a programme's sessions.
type Recurrence struct {
	Freq        string    // WEEKLY | MONTHLY
	Interval    int       // 1, or 2 for every other week
	ByDay       string    // RFC 5545 BYDAY: "WE", "1WE,3WE", "-1SA"
	Opens       string    // HH:MM local time
	Closes      string    // HH:MM local time
	First       time.Time // the date of the first session; zero when not known
	Until       time.Time // the last date; zero when open-ended
	Offset      float64   // hours from UTC of the site's zone at the first session
	Description string    // in plain English, with the zone's name
	Venue       string    // venue id, or "" for the programme as a whole
}

// Joining is who can join and how, in plain text.
type Joining struct {
	Eligibility  string
	MinAge       int // 0 when not stated
	MaxAge       int // 0 when not stated
	HowToJoin    string
	ReferralForm string // absolute http(s) address, or ""
	ReplyDays    int    // 0 when not stated
}

// TermRef names a term of a vocabulary.
type TermRef struct {
	Vocabulary string // the vocabulary's key
	ID         string
}

// Venue is a place where programmes run.
type Venue struct {
	ID            string
	Name          string
	Address       string // the first line(s), without the town
	Town          string
	Postcode      string
	Point         orb.Point // lon, lat
	URL           string
	Access        string // the access facts in words: "Step-free access: yes. ..."
	Accessibility string // free text
}

// Area is an area served, with its shape.
type Area struct {
	ID       string
	Name     string
	Geometry orb.Geometry
}
