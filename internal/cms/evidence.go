package cms

import (
	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// evidence edits content/evidence/<slug>.md, one synopsis per study.
func evidence(c *content.Config) Collection {
	v := c.Vocab
	return folder("evidence", "Evidence library", "Evidence synopsis", "content/evidence",
		hint(str("title", "Title of the study"), "As published."),
		terms("pathways", vocabLabel("pathways"), v.Pathways, 1),
		terms("artforms", vocabLabel("artforms"), v.Artforms, 0),
		choice("design", "Study design", registry.DesignChoices()),
		hint(str("population", "Who took part"), "Plain words, for example: Adults with COPD."),
		optional(Field{Name: "participants", Label: "How many took part", Widget: "number", ValueType: "int", Min: ptr(1)}),
		optional(str("setting", "Setting")),
		hint(words("measures", "Outcome measures"), "As the study names them, for example WEMWBS."),
		choice("certainty", "How much to trust it", registry.CertaintyChoices()),
		hint(text("finding", "What it found"), "One or two plain sentences, at most 400 characters."),
		hint(date("reviewed", "Last checked against the study"), "The date you wrote or checked this synopsis."),
		Field{Name: "reference", Label: "The study", Widget: "object", Collapsed: true,
			Fields: referenceFields(choice("type", "Type", registry.ReferenceTypes))},
		body(),
	)
}

// referenceFields are the fields of a reference, typ first (required on
// evidence, optional on a learning output's references).
func referenceFields(typ Field) []Field {
	return []Field{
		typ,
		list("authors", "Authors", "{{fields.family}}{{fields.name}}",
			optional(hint(str("family", "Family name"), "For a person.")),
			optional(str("given", "Given names")),
			optional(hint(str("name", "Organisation"), "For an organisation, instead of family and given names.")),
		),
		str("title", "Title"),
		optional(year("year", "Year")),
		optional(str("journal", "Journal")),
		optional(hint(str("book", "Book"), "For a chapter: the book it is in.")),
		optional(str("publisher", "Publisher")),
		optional(str("volume", "Volume")),
		optional(str("issue", "Issue")),
		optional(str("pages", "Pages")),
		optional(withPattern(str("url", "Web address"), webPattern)),
		optional(hint(str("doi", "DOI"), "For example 10.1038/npjpcrm.2016.80, without https://doi.org/.")),
	}
}
