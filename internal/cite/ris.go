package cite

import (
	"fmt"
	"strconv"
	"strings"

	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// RIS writes refs in the RIS format, with CRLF line ends.
func RIS(refs []content.Reference) []byte {
	var b strings.Builder
	line := func(tag, v string) {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", tag, v)
		}
	}
	for i, key := range Keys(refs) {
		r := refs[i]
		line("TY", typeOf(r).RIS)
		line("ID", key)
		for _, a := range r.Authors {
			line("AU", risName(a))
		}
		line("TI", r.Title)
		if r.Year != 0 {
			line("PY", strconv.Itoa(r.Year))
		}
		switch r.Kind() {
		case registry.Article:
			line("JO", r.Journal)
		case registry.Chapter:
			line("T2", r.Book)
		default:
			line("T2", r.Journal)
		}
		line("VL", r.Volume)
		line("IS", r.Issue)
		risPages(r.Pages, line)
		line("PB", r.Publisher)
		line("DO", r.DOI)
		line("UR", r.URL)
		b.WriteString("ER  - \r\n\r\n")
	}
	return []byte(b.String())
}

// risName writes a person as "Family, Given". RIS has no way to write an
// organisation whose name holds a comma (readers split the name there), so
// its commas are dropped and it stays one name.
func risName(a content.Author) string {
	if !a.Person() {
		return strings.ReplaceAll(a.Name, ",", "")
	}
	if a.Given == "" {
		return a.Family
	}
	return a.Family + ", " + a.Given
}

func risPages(p string, line func(tag, v string)) {
	p = strings.ReplaceAll(p, "–", "-")
	start, end, ok := strings.Cut(p, "-")
	if !ok {
		line("SP", p)
		return
	}
	line("SP", strings.TrimSpace(start))
	line("EP", strings.Trim(strings.TrimSpace(end), "-"))
}
