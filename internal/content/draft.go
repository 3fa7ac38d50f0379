package content

import "slices"

// Publication is what every document (a profile, fact sheet, learning
// output, synopsis, event or page) says about its own publishing.
type Publication struct {
	// Draft keeps the document out of every file a build writes; check
	// lists it and the preview shows it, marked as a draft.
	Draft bool `toml:"draft"`
}

// IsDraft reports whether the document is a draft.
func (p Publication) IsDraft() bool { return p.Draft }

// drafted is a document that may be a draft.
type drafted interface{ IsDraft() bool }

// draftHint is the fix of the note each draft gets.
const draftHint = "remove draft = true, or set draft = false, when it is ready to publish"

// noteDraft lists v, a decoded document, when it is a draft: a note, not
// an error.
func (l *loader) noteDraft(d *decoded, v any) {
	if dr, ok := v.(drafted); ok && dr.IsDraft() {
		p := d.at("draft")
		l.probs.Notef(d.path, p.Line, p.Col, "draft: left out of the built site, shown only by serve").Hint = draftHint
	}
}

// Published returns the site without its drafts: what a build publishes.
// The lists are new; the documents are shared with s.
func (s *Site) Published() *Site {
	out := *s
	out.Providers = withoutDrafts(s.Providers)
	out.Factsheets = withoutDrafts(s.Factsheets)
	out.Learning = withoutDrafts(s.Learning)
	out.Evidence = withoutDrafts(s.Evidence)
	out.Events = withoutDrafts(s.Events)
	out.Pages = withoutDrafts(s.Pages)
	return &out
}

func withoutDrafts[T drafted](docs []T) []T {
	return slices.DeleteFunc(slices.Clone(docs), func(d T) bool { return d.IsDraft() })
}
