package cms

import (
	"slices"

	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// folder is a collection of Markdown files with TOML front matter.
func folder(name, label, singular, dir string, fields ...Field) Collection {
	return Collection{Name: name, Label: label, LabelSingular: singular, Folder: dir, Extension: "md",
		Format: "toml-frontmatter", Create: true, Slug: "{{slug}}", Identifier: "title", Fields: fields}
}

// inBundle makes a collection's images live beside its index.md, as the
// loader expects of a bundle.
func inBundle(c Collection) Collection {
	c.MediaFolder, c.PublicFolder = ptr(""), ptr("")
	return c
}

// providers edits content/providers/<slug>/index.md.
func providers(c *content.Config) Collection {
	v := c.Vocab
	col := inBundle(folder("providers", "Provider profiles", "Provider profile", "content/providers", slices.Concat([]Field{
		str("name", "Name"),
		choice("kind", "Kind", registry.ProviderKindChoices()),
		hint(withPattern(text("summary", "Summary"), summaryPattern), "Plain text, at most 300 characters: what you offer and to whom."),
		choice("status", "Status", registry.ProviderStatuses()),
		optional(hint(year("since", "Working in arts and health since"), "A year, for example 2012.")),
		terms("districts", vocabLabel("districts"), v.Districts, 1),
		terms("pathways", vocabLabel("pathways"), v.Pathways, 1),
		terms("artforms", vocabLabel("artforms"), v.Artforms, 1),
		terms("audiences", vocabLabel("audiences"), v.Audiences, 0),
		terms("referral", vocabLabel("referral"), v.Referral, 0),
		optional(withPattern(str("website", "Website"), webPattern)),
		optional(withPattern(str("email", "Email"), emailPattern)),
		optional(withPattern(str("phone", "Phone"), phonePattern)),
		hint(boolean("publish_contact", "Publish email and phone"), "Only tick this if you agree to your email and phone being shown on the public site."),
		hint(date("reviewed", "Last checked"), "The date you last checked that this profile is right."),
		optional(Field{Name: "logo", Label: "Logo", Widget: "image"}),
		hint(words("tags", "Search words"), "Extra words people might search for, for example copd."),
	}, joining(false), []Field{
		quality(),
		programmes(c),
		body(),
	})...))
	col.Path, col.Identifier, col.Summary = "{{slug}}/index", "name", "{{name}}"
	col.PreviewPath = "providers/{{slug}}/"
	col.SortBy = []string{"name", "reviewed"}
	return col
}

func quality() Field {
	return object("quality", "Quality and safety",
		answer("safeguarding_policy", "Safeguarding policy"),
		answer("dbs_checked", "DBS checked"),
		answer("insurance", "Insurance"),
		optional(str("supervision", "Supervision")),
		words("evaluation", "Evaluation tools"),
		words("training", "Training"),
	)
}

func programmes(c *content.Config) Field {
	v := c.Vocab
	return list("programmes", "Programmes", "{{fields.title}}", slices.Concat([]Field{
		withPattern(hint(str("id", "Short id"), "Unique in this profile, for example singing-for-breathing."), slugPattern),
		str("title", "Title"),
		choice("status", "Status", registry.ProgrammeStatuses()),
		hint(terms("pathways", vocabLabel("pathways"), v.Pathways, 0), "Leave empty to use the profile's."),
		hint(terms("artforms", vocabLabel("artforms"), v.Artforms, 0), "Leave empty to use the profile's."),
		hint(terms("audiences", vocabLabel("audiences"), v.Audiences, 0), "Leave empty to use the profile's."),
		optional(choice("format", "Format", registry.FormatChoices())),
		optional(str("sessions", "Sessions")),
		optional(choice("cost", "Cost", registry.CostChoices())),
		optional(str("commissioner", "Commissioned by")),
		optional(date("started", "Started")),
		optional(date("ended", "Ended")),
		hint(words("venues", "Venue ids"), "Ids of venues in this provider's venues file."),
		optional(text("summary", "Summary")),
		schedule(),
	}, joining(true))...)
}

// venues edits content/providers/<slug>/locations.geojson: one
// FeatureCollection of venues (Point features). A file that also holds
// areas served (polygons) cannot be saved from the editor: the form has no
// way to show a polygon, and the CMS refuses to save rather than drop it.
// Such files are edited as text (docs/editing-in-the-browser.md).
func venues() Collection {
	coords := lonLat("coordinates")
	feature := list("features", "Venues and areas", "{{fields.properties.name}}",
		hidden("type", "Feature"),
		withPattern(hint(str("id", "Venue id"), "Used in a programme's venue ids, for example gloucester-hall."), slugPattern),
		Field{Name: "geometry", Label: "Where", Widget: "object", Fields: []Field{pointOnly(), coords}},
		Field{Name: "properties", Label: "Details", Widget: "object", Fields: []Field{
			str("name", "Name"),
			optional(str("address", "Address")),
			optional(str("postcode", "Postcode")),
			answer("step_free", "Step-free access"),
			answer("hearing_loop", "Hearing loop"),
			answer("parking", "Parking"),
			optional(text("accessibility", "Access notes")),
		}},
	)
	feature.Collapsed = false // a provider has a handful of venues: show them all
	return Collection{Name: "venues", Label: "Venues", LabelSingular: "Venues file",
		Description: "Each provider's venues: the places on the map. The folder name is the provider's.",
		Folder:      "content/providers", Path: "{{slug}}/locations", Extension: "geojson", Format: "json",
		Create: true, Slug: "{{slug}}", Identifier: "type", Summary: "{{dirname}}",
		Fields: []Field{hidden("type", "FeatureCollection"), feature}}
}

func factsheets() Collection {
	return folder("factsheets", "Fact sheets", "Fact sheet", "content/factsheets",
		str("title", "Title"),
		optional(text("summary", "Summary")),
		optional(date("updated", "Updated")),
		words("audience", "Written for"),
		list("terms", "Terms", "{{fields.term}}",
			str("term", "Term"),
			text("definition", "Definition"),
			words("aliases", "Other names"),
			words("see_also", "See also"),
		),
		body(),
	)
}

func learning(c *content.Config) Collection {
	return folder("learning", "Learning", "Learning output", "content/learning",
		str("title", "Title"),
		choice("kind", "Kind", registry.LearningKindChoices()),
		date("date", "Date"),
		words("authors", "Authors"),
		text("summary", "Summary"),
		terms("pathways", vocabLabel("pathways"), c.Vocab.Pathways, 0),
		hint(words("providers", "Providers"), "Folder names of the providers it concerns."),
		list("references", "References", "{{fields.title}}",
			referenceFields(optional(choice("type", "Type", registry.ReferenceTypes)))...),
		body(),
	)
}

func events() Collection {
	return folder("events", "Events", "Event", "content/events",
		str("title", "Title"),
		choice("kind", "Kind", registry.EventKinds),
		optional(text("summary", "Summary")),
		dateTime("start", "Starts"),
		optional(dateTime("end", "Ends")),
		optional(str("venue", "Venue")),
		optional(str("address", "Address")),
		optional(lonLat("location")),
		optional(withPattern(str("booking_url", "Booking page"), webPattern)),
		optional(text("accessibility", "Access notes")),
		optional(date("updated", "Updated")),
		body(),
	)
}

func pages() Collection {
	return folder("pages", "Pages", "Page", "content/pages",
		str("title", "Title"),
		optional(text("summary", "Summary")),
		optional(date("updated", "Updated")),
		body(),
	)
}

// pointOnly is a geometry's type, which must be Point: a file that also
// holds an area served (a Polygon) then cannot be saved, so that the form,
// which cannot show a polygon, never rewrites one. (The position field
// takes any value, so it is this field that refuses.)
func pointOnly() Field {
	f := withPattern(str("type", "Kind of place"), []string{"^Point$",
		"This is an area served, which the form cannot show: edit this file as text, or ask the network's staff"})
	f.Default = "Point"
	f.Hint = "Point: a venue. Leave it as it is."
	return f
}

// lonLat is a GeoJSON position, longitude first, placed by the venue's
// postcode (the "venue-place" field type of VenueScript).
func lonLat(name string) Field {
	return Field{Name: name, Label: "Place on the map", Widget: "venue-place",
		Hint: "Type the venue's postcode and choose Place on the map."}
}
