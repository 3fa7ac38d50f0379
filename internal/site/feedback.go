package site

import (
	"net/url"
	"strings"

	"artsmap/internal/content"
)

// FeedbackFormName is the name Netlify Forms files the reports under.
const FeedbackFormName = "report-problem"

// FeedbackThanksPath is the page a report sent through Netlify Forms ends on.
const FeedbackThanksPath = "/feedback/thanks/"

// FeedbackReason is one typed reason for reporting a problem with a listing.
type FeedbackReason struct {
	Value string // what the report carries
	Label string // what the reader ticks
}

// FeedbackReasons are the reasons the report form offers, in its order.
var FeedbackReasons = []FeedbackReason{
	{"details-wrong", "Details are wrong or out of date"},
	{"contact-wrong", "Contact details are wrong"},
	{"service-closed", "The service has closed or stopped"},
	{"area-wrong", "The area or venue is wrong"},
	{"other", "Something else"},
}

// Feedback is where "Report a problem with this listing" sends reports:
// exactly one of Netlify, Email and URL is set (site.toml's [feedback]).
type Feedback struct {
	Netlify bool
	Email   string
	URL     string
}

// feedback is the model of [feedback]; nil without it, so no form shows.
func feedback(f *content.FeedbackSettings) *Feedback {
	if f == nil {
		return nil
	}
	return &Feedback{Netlify: f.Netlify, Email: f.Email, URL: f.URL}
}

// Reasons are the typed reasons, for the form.
func (f *Feedback) Reasons() []FeedbackReason { return FeedbackReasons }

// Action is where the form posts: the thank-you page on Netlify, else the
// form service's address.
func (f *Feedback) Action() string {
	if f.Netlify {
		return FeedbackThanksPath
	}
	return f.URL
}

// FormName is the name Netlify Forms files the reports under.
func (f *Feedback) FormName() string { return FeedbackFormName }

// Mailto is the mailto: address of a report about p, its subject and body
// filled in, for a site whose reports go by email.
func (s *Site) Mailto(p *Provider) string {
	if s.Feedback == nil || s.Feedback.Email == "" {
		return ""
	}
	var reasons []string
	for _, r := range FeedbackReasons {
		reasons = append(reasons, r.Label)
	}
	body := "Listing: " + p.Name + " (" + p.Slug + ")\n" + s.absURL(p.URL) + "\n\n" +
		"What is wrong (" + strings.ToLower(strings.Join(reasons, "; ")) + "):\n\n\n" +
		"Details:\n\n\n" +
		"Please do not include anything about a patient.\n"
	return "mailto:" + s.Feedback.Email + "?subject=" + mailEscape("Problem with the listing: "+p.Name) + "&body=" + mailEscape(body)
}

// mailEscape percent-encodes s for a mailto: header value (RFC 6068):
// spaces as %20, line ends as %0D%0A.
func mailEscape(s string) string {
	s = strings.ReplaceAll(s, "\n", "\r\n")
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
