package registry

// ReferenceType is a kind of publication a reference may be, with its
// name in each format the site exports references in.
type ReferenceType struct {
	Choice
	BibTeX, RIS, CSL string // the entry type in BibTeX, RIS and CSL-JSON
	Schema           string // the schema.org type in JSON-LD
}

func (r ReferenceType) choice() Choice { return r.Choice }

// The reference types whose fields the exports place by type (the journal
// of an article, the book a chapter is in, the institution of a report),
// and those a reference without a type is taken to be.
const (
	Article = "article"
	Book    = "book"
	Chapter = "chapter"
	Report  = "report"
	WebPage = "webpage"
)

// ReferenceTypeList is every reference type.
var ReferenceTypeList = []ReferenceType{
	{Choice{Article, "Journal article"}, "article", "JOUR", "article-journal", "ScholarlyArticle"},
	{Choice{Book, "Book"}, "book", "BOOK", "book", "Book"},
	{Choice{Chapter, "Chapter in a book"}, "incollection", "CHAP", "chapter", "Chapter"},
	{Choice{Report, "Report"}, "techreport", "RPRT", "report", "Report"},
	{Choice{WebPage, "Web page"}, "misc", "ELEC", "webpage", "WebPage"},
}

// ReferenceTypes are the reference types' ids and labels.
var ReferenceTypes = choicesOf(ReferenceTypeList)

// ReferenceTypeOf returns the reference type with id, and false when there
// is none.
func ReferenceTypeOf(id string) (ReferenceType, bool) { return rowOf(ReferenceTypeList, id) }
