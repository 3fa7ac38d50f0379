// Package openreferral maps the map's providers, programmes, venues and
// vocabularies onto the Open Referral Human Services Data Specification
// (HSDS 3.0) and lays the result out as static JSON files that answer the
// read-only HSDS API: a root document, paginated lists and one document per
// item. It knows nothing of the site model: the site package fills a
// Directory with what may be published and asks for the files.
package openreferral

// Version is the HSDS version the export follows.
const Version = "3.0"

// Organization is an HSDS organization: a provider.
type Organization struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Email       string      `json:"email,omitempty"`
	Website     string      `json:"website,omitempty"`
	Logo        string      `json:"logo,omitempty"`
	URI         string      `json:"uri,omitempty"`
	Phones      []Phone     `json:"phones,omitempty"`
	Locations   []Location  `json:"locations,omitempty"`
	Attributes  []Attribute `json:"attributes,omitempty"`
	Services    []Service   `json:"services,omitempty"` // fully nested documents only, as in the HSDS examples

	links links // the terms its attributes name, made into Attributes for its own document
}

// Service is an HSDS service: a programme, or a provider's general offer.
type Service struct {
	ID                     string              `json:"id"`
	OrganizationID         string              `json:"organization_id"`
	Name                   string              `json:"name"`
	Description            string              `json:"description,omitempty"`
	URL                    string              `json:"url,omitempty"`
	Email                  string              `json:"email,omitempty"`
	Status                 string              `json:"status"`
	ApplicationProcess     string              `json:"application_process,omitempty"`
	FeesDescription        string              `json:"fees_description,omitempty"`
	EligibilityDescription string              `json:"eligibility_description,omitempty"`
	MinimumAge             *int                `json:"minimum_age,omitempty"`
	MaximumAge             *int                `json:"maximum_age,omitempty"`
	AssuredDate            string              `json:"assured_date,omitempty"`
	LastModified           string              `json:"last_modified,omitempty"`
	Phones                 []Phone             `json:"phones,omitempty"`
	Schedules              []Schedule          `json:"schedules,omitempty"`
	ServiceAreas           []ServiceArea       `json:"service_areas,omitempty"`
	ServiceAtLocations     []ServiceAtLocation `json:"service_at_locations,omitempty"`
	Organization           *Organization       `json:"organization,omitempty"`
	Funding                []Funding           `json:"funding,omitempty"`
	CostOptions            []CostOption        `json:"cost_options,omitempty"`
	Attributes             []Attribute         `json:"attributes,omitempty"`

	links links // the terms its attributes name, made into Attributes for its own document
}

// Location is an HSDS location: a venue.
type Location struct {
	ID             string          `json:"id"`
	LocationType   string          `json:"location_type"`
	URL            string          `json:"url,omitempty"`
	OrganizationID string          `json:"organization_id,omitempty"`
	Name           string          `json:"name,omitempty"`
	Latitude       float64         `json:"latitude"`
	Longitude      float64         `json:"longitude"`
	Addresses      []Address       `json:"addresses,omitempty"`
	Accessibility  []Accessibility `json:"accessibility,omitempty"`
}

// ServiceAtLocation links a service to a location where it is delivered.
type ServiceAtLocation struct {
	ID          string     `json:"id"`
	ServiceID   string     `json:"service_id"`
	LocationID  string     `json:"location_id"`
	Description string     `json:"description,omitempty"`
	Schedules   []Schedule `json:"schedules,omitempty"` // when the service runs there
	Location    *Location  `json:"location,omitempty"`  // fully nested documents only
	Service     *Service   `json:"service,omitempty"`   // fully nested documents only, as in the HSDS examples
}

// Address is a location's postal address. HSDS requires every field but
// address_2; the ones the content does not give are empty.
type Address struct {
	ID            string `json:"id"`
	LocationID    string `json:"location_id"`
	Address1      string `json:"address_1"`
	City          string `json:"city"`
	StateProvince string `json:"state_province"`
	PostalCode    string `json:"postal_code"`
	Country       string `json:"country"`
	AddressType   string `json:"address_type"`
}

// Accessibility describes a location's access arrangements.
type Accessibility struct {
	ID          string `json:"id"`
	LocationID  string `json:"location_id"`
	Description string `json:"description,omitempty"`
	Details     string `json:"details,omitempty"`
}

// Phone is a published telephone number.
type Phone struct {
	ID     string `json:"id"`
	Number string `json:"number"`
}

// Schedule says when a service runs: in words and dates, and for a
// regular pattern as a recurrence (freq, interval, byday, opens_at, ...).
type Schedule struct {
	ID                  string   `json:"id"`
	ServiceID           string   `json:"service_id,omitempty"`
	ServiceAtLocationID string   `json:"service_at_location_id,omitempty"`
	ValidFrom           string   `json:"valid_from,omitempty"`
	ValidTo             string   `json:"valid_to,omitempty"`
	DTStart             string   `json:"dtstart,omitempty"`
	Timezone            *float64 `json:"timezone,omitempty"` // hours from UTC
	Until               string   `json:"until,omitempty"`
	WKST                string   `json:"wkst,omitempty"`
	Freq                string   `json:"freq,omitempty"`
	Interval            int      `json:"interval,omitempty"`
	ByDay               string   `json:"byday,omitempty"`
	Description         string   `json:"description,omitempty"`
	OpensAt             string   `json:"opens_at,omitempty"`
	ClosesAt            string   `json:"closes_at,omitempty"`
	AttendingType       string   `json:"attending_type,omitempty"`
	Notes               string   `json:"notes,omitempty"`
}

// ServiceArea is a district or an area served; Extent holds a GeoJSON
// geometry when the area has one.
type ServiceArea struct {
	ID          string `json:"id"`
	ServiceID   string `json:"service_id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Extent      string `json:"extent,omitempty"`
	ExtentType  string `json:"extent_type,omitempty"`
	URI         string `json:"uri,omitempty"`
}

// Funding names who pays for a service.
type Funding struct {
	ID        string `json:"id"`
	ServiceID string `json:"service_id"`
	Source    string `json:"source"`
}

// CostOption is what a service costs the participant. Amount is set only
// when it is known (zero for free and funded services).
type CostOption struct {
	ID        string   `json:"id"`
	ServiceID string   `json:"service_id"`
	Option    string   `json:"option"`
	Currency  string   `json:"currency,omitempty"`
	Amount    *float64 `json:"amount,omitempty"`
}

// Attribute links a service or organization to a taxonomy term.
type Attribute struct {
	ID             string        `json:"id"`
	LinkID         string        `json:"link_id"`
	TaxonomyTermID string        `json:"taxonomy_term_id"`
	LinkType       string        `json:"link_type"`
	LinkEntity     string        `json:"link_entity"`
	TaxonomyTerm   *TaxonomyTerm `json:"taxonomy_term,omitempty"`
}

// Taxonomy is a vocabulary.
type Taxonomy struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	URI         string `json:"uri,omitempty"`
}

// TaxonomyTerm is one value of a vocabulary.
type TaxonomyTerm struct {
	ID          string `json:"id"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Taxonomy    string `json:"taxonomy"`
	TaxonomyID  string `json:"taxonomy_id"`
	Language    string `json:"language,omitempty"`
	TermURI     string `json:"term_uri,omitempty"`

	vocab string // the key of its vocabulary, as attributes name it
}

// Root is the API root document, /openreferral/index.json.
type Root struct {
	Version    string `json:"version"`
	Profile    string `json:"profile"`
	OpenAPIURL string `json:"openapi_url"`
}

// Page is the HSDS envelope of a paginated list.
type Page[T any] struct {
	TotalItems int  `json:"total_items"`
	TotalPages int  `json:"total_pages"`
	PageNumber int  `json:"page_number"`
	Size       int  `json:"size"`
	FirstPage  bool `json:"first_page"`
	LastPage   bool `json:"last_page"`
	Empty      bool `json:"empty"`
	Contents   []T  `json:"contents"`
}
