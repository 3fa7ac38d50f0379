package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// atomText is an Atom text construct or a plain element's text.
type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
}

type atomEntry struct {
	IDs       []string   `xml:"id"`
	Titles    []atomText `xml:"title"`
	Updated   []string   `xml:"updated"`
	Published []string   `xml:"published"`
	Summary   []atomText `xml:"summary"`
	Content   []atomText `xml:"content"`
	Links     []atomLink `xml:"link"`
	Authors   []struct {
		Name string `xml:"name"`
	} `xml:"author"`
}

type atomFeed struct {
	XMLName xml.Name
	IDs     []string   `xml:"id"`
	Titles  []atomText `xml:"title"`
	Updated []string   `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Authors []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

// checkAtom applies the rules of RFC 4287 that a reader depends on, with a
// real XML parser: the Atom namespace; exactly one id (an absolute IRI),
// title and updated (an RFC 3339 date, never after the build) on the feed
// and on each entry; ids unique; an author on the feed or on every entry;
// a rel="self" link on the feed and an alternate link on every entry
// (both absolute); a non-empty summary or content on every entry
// (readers show nothing else); published not after updated; and the
// feed's updated the newest of its entries'.
func checkAtom(data []byte, built time.Time) []string {
	var f atomFeed
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return []string{"not well-formed XML: " + err.Error()}
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.XMLName.Local != "feed" {
		bad("the root is %s in %q, not an Atom feed", f.XMLName.Local, f.XMLName.Space)
	}
	feedUpdated := atomOne(bad, "feed", f.IDs, len(f.Titles), f.Updated, built)
	if !atomHasLink(f.Links, "self") {
		bad("feed: no absolute rel=\"self\" link")
	}
	ids := map[string]bool{}
	var newest time.Time
	for i, e := range f.Entries {
		where := fmt.Sprintf("entry %d", i+1)
		if len(e.IDs) == 1 {
			where += " (" + e.IDs[0] + ")"
			if ids[e.IDs[0]] {
				bad("%s: id used by another entry", where)
			}
			ids[e.IDs[0]] = true
		}
		u := atomOne(bad, where, e.IDs, len(e.Titles), e.Updated, built)
		if u.After(newest) {
			newest = u
		}
		if !atomHasLink(e.Links, "alternate") {
			bad("%s: no absolute alternate link", where)
		}
		if len(f.Authors) == 0 && len(e.Authors) == 0 {
			bad("%s: no author, and the feed has none", where)
		}
		if !atomHasText(e.Summary) && !atomHasText(e.Content) {
			bad("%s: no summary or content", where)
		}
		for _, p := range e.Published {
			if t, err := time.Parse(time.RFC3339, p); err != nil || t.After(u) {
				bad("%s: published %q is not an RFC 3339 date before updated", where, p)
			}
		}
	}
	if len(f.Entries) > 0 && !feedUpdated.Equal(newest) {
		bad("feed: updated %s is not its newest entry's, %s", feedUpdated.Format(time.RFC3339), newest.Format(time.RFC3339))
	}
	return problems
}

// atomOne checks one id, title and updated of a feed or entry and returns
// the updated time.
func atomOne(bad func(string, ...any), where string, ids []string, titles int, updated []string, built time.Time) time.Time {
	if len(ids) != 1 {
		bad("%s: %d ids, want one", where, len(ids))
	} else if u, err := url.Parse(strings.TrimSpace(ids[0])); err != nil || !u.IsAbs() {
		bad("%s: id %q is not an absolute IRI", where, ids[0])
	}
	if titles != 1 {
		bad("%s: %d titles, want one", where, titles)
	}
	if len(updated) != 1 {
		bad("%s: %d updated, want one", where, len(updated))
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(updated[0]))
	if err != nil {
		bad("%s: updated %q is not an RFC 3339 date", where, updated[0])
	} else if t.After(built) {
		bad("%s: updated %s is after the build (%s): a change cannot be in the future", where, updated[0], built.Format(time.RFC3339))
	}
	return t
}

func atomHasLink(links []atomLink, rel string) bool {
	for _, l := range links {
		r := l.Rel
		if r == "" {
			r = "alternate"
		}
		if u, err := url.Parse(l.Href); r == rel && err == nil && u.IsAbs() {
			return true
		}
	}
	return false
}

func atomHasText(ts []atomText) bool {
	return len(ts) == 1 && strings.TrimSpace(ts[0].Text) != ""
}

// TestAtomValid checks the feed of each of the four builds.
func TestAtomValid(t *testing.T) {
	base := buildValidatorSites(t)
	for _, s := range validatorSites {
		data, err := os.ReadFile(filepath.Join(base, s.name, "feed.xml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range checkAtom(data, testNow) {
			t.Errorf("%s/feed.xml: %s", s.name, p)
		}
	}
}

// TestAtomDetects proves the checker reports each rule broken.
func TestAtomDetects(t *testing.T) {
	entry := `<entry><id>https://a.example/e/</id><title>E</title><updated>2026-01-01T00:00:00Z</updated><link href="https://a.example/e/"/><summary>s</summary></entry>`
	feed := func(entries string) string {
		return `<feed xmlns="http://www.w3.org/2005/Atom"><id>https://a.example/</id><title>T</title><updated>2026-01-01T00:00:00Z</updated><author><name>A</name></author><link rel="self" href="https://a.example/feed.xml"/>` + entries + `</feed>`
	}
	tests := []struct{ name, doc, want string }{
		{"entry without id", feed(strings.Replace(entry, "<id>https://a.example/e/</id>", "", 1)), "0 ids"},
		{"relative id", feed(strings.Replace(entry, "<id>https://a.example/e/</id>", "<id>/e/</id>", 1)), "not an absolute IRI"},
		{"entry in the future", feed(strings.Replace(entry, "2026-01-01", "2027-01-01", 1)), "after the build"},
		{"entry without summary", feed(strings.Replace(entry, "<summary>s</summary>", "", 1)), "no summary or content"},
		{"two entries, one id", feed(entry + entry), "id used by another entry"},
		{"not a date", feed(strings.Replace(entry, "2026-01-01T00:00:00Z", "1 January 2026", 1)), "not an RFC 3339 date"},
		{"feed older than an entry", feed(strings.Replace(entry, "2026-01-01", "2026-02-01", 1)), "not its newest entry's"},
		{"no self link", strings.Replace(feed(entry), `rel="self"`, `rel="related"`, 1), "no absolute rel=\"self\" link"},
		{"not Atom", strings.Replace(feed(entry), "2005/Atom", "2005/Atomic", 1), "not an Atom feed"},
		{"not XML", feed(entry)[:60], "not well-formed"},
	}
	if p := checkAtom([]byte(feed(entry)), testNow); len(p) != 0 {
		t.Fatalf("a valid feed fails: %v", p)
	}
	for _, tt := range tests {
		got := strings.Join(checkAtom([]byte(tt.doc), testNow), "\n")
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
