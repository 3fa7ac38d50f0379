package site

import (
	"strconv"

	"artsmap/internal/openreferral"
	"artsmap/internal/registry"
)

// Download is an open-data file, as the /data/ page describes it.
type Download struct {
	ID          string // the heading's anchor
	Title       string
	URL         string
	Format      string
	Description string
	Fields      []Field
}

// Field is one column or property of a download.
type Field struct {
	Name, Meaning string
}

// OpenReferralPageSize is how many items a page of an Open Referral list holds.
const OpenReferralPageSize = openreferral.DefaultPageSize

// Downloads lists the open-data files with their fields, for /data/.
func (s *Site) Downloads() []Download {
	return append([]Download{
		{ID: "geojson", Title: "Venues and areas served (GeoJSON)", URL: GeoJSONPath, Format: "GeoJSON (RFC 7946), WGS84 longitude and latitude",
			Description: "One feature per venue (a point) and per area served (a polygon), with the provider and programmes it belongs to.",
			Fields:      geoJSONFields},
		{ID: "csv", Title: "Providers (CSV)", URL: CSVPath, Format: "CSV, UTF-8, one row per provider; lists joined with \"; \"",
			Description: "Every provider with its vocabularies, published contact details and counts.", Fields: csvFields()},
		{ID: "coverage", Title: "Coverage by pathway and district (CSV)", URL: CoverageCSVPath, Format: "CSV, UTF-8, one row per pathway and district",
			Description: "The coverage grid of /coverage/: for each pathway and district, the providers covering it, the programmes running there at venues and online, and whether it is a gap.",
			Fields:      coverageFields()},
		{ID: "openreferral", Title: "Open Referral (HSDS 3.0)", URL: "/" + OpenReferralDir + "/index.json", Format: "JSON, Human Services Data Specification 3.0",
			Description: "The directory as organizations, services, locations, services at locations, taxonomies and taxonomy terms, for " +
				"social prescribing and referral systems. Lists are paged, " + strconv.Itoa(OpenReferralPageSize) + " items to a page.",
			Fields: openReferralFields},
		{ID: "glossary", Title: "Glossary (JSON)", URL: GlossaryPath, Format: "JSON array",
			Description: "Every term defined on the fact sheets.", Fields: glossaryFields},
	}, s.evidenceDownloads()...)
}

var geoJSONFields = []Field{
	{"id", "provider slug / venue or area id"},
	{"feature", "venue or area-served"},
	{"provider, name, kind, status, since", "the provider: slug, name, kind, status and the year it started"},
	{"pathways, artforms, districts", "vocabulary ids of the provider"},
	{"url", "the provider's profile"},
	{"venue, address, postcode, district", "the venue (venues only); district is found from the boundaries where they are given"},
	{"area", "the area's name (areas served only)"},
	{"step_free, hearing_loop, parking, accessibility", "access at the venue, where stated"},
	{"programmes, programme_details", "the programmes that run there: id, title, status, start and end dates, pathways"},
}

// csvMeaning explains each column of the CSV download.
var csvMeaning = map[string]string{
	"slug": "the provider's id (its address)", "name": "name", "kind": registry.ProviderKindChoices().OrList(),
	"status": registry.ProviderStatuses().OrList(), "since": "year it started", "districts": "district ids",
	"pathways": "health condition or pathway ids", "artforms": "art form ids", "audiences": "audience ids",
	"referral": "referral route ids", "website": "web address", "email": "email, only where the provider agreed to publish it",
	"phone": "phone, only where the provider agreed to publish it", "programmes": "number of programmes",
	"venues": "number of venues", "reviewed": "date the profile was last checked", "url": "the profile's address",
	"districts_running": "district ids where its programmes, not ended, run: at their venues, or its districts for those online or without a venue",
}

func csvFields() []Field {
	out := make([]Field, len(csvColumns))
	for i, c := range csvColumns {
		out[i] = Field{c, csvMeaning[c]}
	}
	return out
}

var openReferralFields = []Field{
	{"/openreferral/index.json", "the API root: version, profile, openapi_url"},
	{"/openreferral/<kind>/page-<n>.json", "a page of a list: total_items, total_pages, page_number, size, first_page, last_page, empty, contents"},
	{"/openreferral/<kind>/<id>", "one item, with the items it links to nested"},
	{"organizations", "providers; email and phone only where published"},
	{"services", "programmes, and one general service for a provider with none; cost, referral routes, schedules, areas served"},
	{"locations", "venues with address, coordinates and access, nested in organizations and service_at_locations (HSDS 3.0 lists them nowhere else)"},
	{"service_at_locations", "where each service runs"},
	{"taxonomies, taxonomy_terms", "the vocabularies: districts, conditions, art forms, audiences, referral routes"},
}

var glossaryFields = []Field{
	{"id", "the term's anchor"}, {"term", "the term"}, {"definition_html", "its definition, as HTML"},
	{"aliases", "other forms of the term"}, {"see_also", "ids of related terms"}, {"url", "where it is defined"},
}

// EmbedExample is a district id for the embed snippet on /data/.
func (s *Site) EmbedExample() string {
	if t := s.Taxonomy("districts"); t != nil && len(t.Terms) > 0 {
		return t.Terms[0].ID
	}
	return ""
}
