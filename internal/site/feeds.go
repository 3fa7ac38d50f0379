package site

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"time"
)

// sitemap lists every page but the 404 page, the embeds, the handouts, the
// form pages and the pages a form ends on (sitemaps.org protocol).
func (s *Site) sitemap(pages []*Page) []byte {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	var doc struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}
	doc.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	for _, p := range pages {
		if p.Layout == "404" || p.Full != "" || p.NoIndex() {
			continue // not found, an embed of another page, or a page search engines are asked to skip
		}
		u := url{Loc: p.Canonical()}
		if t := p.updated(); !t.IsZero() {
			u.LastMod = t.Format(time.DateOnly)
		}
		doc.URLs = append(doc.URLs, u)
	}
	return marshalXML(doc)
}

// updated is when the page's item last changed, when the content says.
func (p *Page) updated() time.Time {
	switch {
	case p.Provider != nil:
		return p.Provider.Reviewed
	case p.Factsheet != nil:
		return p.Factsheet.Updated
	case p.Learning != nil:
		return p.Learning.Date
	case p.Synopsis != nil:
		return p.Synopsis.Reviewed
	case p.Doc != nil:
		return p.Doc.Updated
	}
	return time.Time{}
}

func (s *Site) robots() []byte {
	rules := "User-agent: *\nAllow: /\n"
	if s.editor != nil {
		rules += "Disallow: /admin/\n"
	}
	return []byte(rules + "\nSitemap: " + s.absURL("/sitemap.xml") + "\n")
}

// feed is an Atom feed (RFC 4287) of learning outputs, fact sheets and events.
func (s *Site) feed() []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary,omitempty"`
		Cat     *struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	}
	var entries []entry
	add := func(title, url, summary, kind string, t time.Time) {
		if t.After(s.Now) {
			t = s.Now // a change cannot have happened after the build
		}
		if summary == "" {
			summary = "Not stated."
		}
		e := entry{Title: title, ID: s.absURL(url), Link: link{Href: s.absURL(url), Rel: "alternate"}, Summary: feedSummary(summary),
			Updated: t.UTC().Format(time.RFC3339)}
		e.Cat = &struct {
			Term string `xml:"term,attr"`
		}{kind}
		entries = append(entries, e)
	}
	for _, l := range s.Learning {
		add(l.Title, l.URL, l.Summary, "learning", l.Date)
	}
	for _, f := range s.Factsheets {
		add(f.Title, f.URL, f.Summary, "factsheet", f.Updated)
	}
	for _, e := range s.Events() {
		add(e.Title, e.URL, e.Description(), "event", e.changed(s.Now))
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		return cmp.Or(strings.Compare(b.Updated, a.Updated), strings.Compare(a.ID, b.ID))
	})
	updated := "1970-01-01T00:00:00Z"
	if len(entries) > 0 {
		updated = entries[0].Updated
	}
	doc := struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Lang    string   `xml:"xml:lang,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []entry `xml:"entry"`
	}{NS: "http://www.w3.org/2005/Atom", Lang: s.Language, Title: s.Title, ID: s.absURL("/"),
		Links: []link{{Href: s.absURL("/feed.xml"), Rel: "self"}, {Href: s.absURL("/")}}, Updated: updated, Entries: entries}
	doc.Author.Name = s.Title
	return marshalXML(doc)
}

// changed is when the event's entry last changed: the date the content
// gives, else its start, or the build's time while the start is still to
// come (an entry cannot have changed in the future).
func (e *Event) changed(now time.Time) time.Time {
	switch {
	case !e.Updated.IsZero():
		return e.Updated
	case e.Start.Before(now):
		return e.Start
	}
	return now
}

// feedSummary shortens a summary taken from a body to about 300
// characters, at a space.
func feedSummary(s string) string {
	const limit = 300
	if len(s) <= limit {
		return s
	}
	cut := strings.LastIndexByte(s[:limit], ' ')
	if cut < 0 {
		cut = limit
	}
	return strings.TrimRight(s[:cut], ",;:") + "…"
}

func marshalXML(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		// Only unsupported Go types fail to encode; the structs above have none.
		panic("site: encoding XML: " + err.Error())
	}
	b.WriteByte('\n')
	return b.Bytes()
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
