package artsmap

import (
	"testing"

	"artsmap/internal/netlify"
)

// TestCitationContentTypes checks that netlify.toml serves the reference
// exports of learning outputs, synopses and the evidence library with the
// content types citation managers expect.
func TestCitationContentTypes(t *testing.T) {
	h, err := netlify.Load("netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/evidence/references.bib":                   "application/x-bibtex; charset=utf-8",
		"/evidence/references.ris":                   "application/x-research-info-systems; charset=utf-8",
		"/evidence/references.json":                  "application/vnd.citationstyles.csl+json; charset=utf-8",
		"/evidence/singing-copd/references.ris":      "application/x-research-info-systems; charset=utf-8",
		"/learning/evidence-synopsis/references.bib": "application/x-bibtex; charset=utf-8",
	} {
		if got := h.For(path).Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
	}
}
