package content

import (
	"io/fs"
	"net/url"
	"path"
	"strings"

	"artsmap/internal/geo"
)

// PostcodesPath is the optional file of the region's postcodes and their
// points, which the site publishes in small files for the browser to look
// a postcode up in (see docs/content-model.md).
const PostcodesPath = "content/areas/postcodes.csv"

// loadPostcodes reads content/areas/postcodes.csv, checking every row
// against region.bounds and the districts' ONS codes.
func (l *loader) loadPostcodes() {
	data, ok := l.read(PostcodesPath, maxPostcodes, "the postcode file")
	if !ok {
		return
	}
	var codes []string
	for _, d := range l.site.Config.Vocab.Districts {
		if d.Code != "" {
			codes = append(codes, d.Code)
		}
	}
	l.site.Postcodes = geo.ParsePostcodes(PostcodesPath, data, l.bounds(), codes, l.probs)
}

// checkAttribution checks the [[attribution]] tables of site.toml: each
// names files under content/ that exist, and says in text whose data they
// hold; url, when given, is an http(s) address.
func (l *loader) checkAttribution(d *decoded, c *Config) {
	for i, a := range c.Attribution {
		at := "attribution." + itoa(i)
		l.required(d, at+".text", a.Text)
		if a.URL != "" {
			if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				l.errAt(d, at+".url", "attribution url must be a full web address").Hint = `for example "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"`
			}
		}
		if len(a.Files) == 0 {
			l.errAt(d, at, "the attribution lists no files").Hint = `add files = ["areas/postcodes.csv"], the files under content/ that the text is about`
		}
		for j, f := range a.Files {
			pos := d.loc().elementN(at+".files", f, countBefore(a.Files, j))
			l.checkAttributed(pos, d.path, f)
		}
	}
}

// checkAttributed reports a file an attribution names that is not a
// regular file under content/.
func (l *loader) checkAttributed(pos Pos, doc, name string) {
	clean := path.Clean(name)
	if name == "" || path.IsAbs(name) || clean == "." || strings.HasPrefix(clean, "../") || clean == ".." {
		l.probs.Errorf(doc, pos.Line, pos.Col, "%q is not a file under content/", name).Hint = `give the path from content/, such as "areas/postcodes.csv"`
		return
	}
	info, err := fs.Lstat(l.fsys, path.Join("content", clean))
	if err != nil || !info.Mode().IsRegular() {
		l.probs.Errorf(doc, pos.Line, pos.Col, "content/%s does not exist", clean).Hint = "correct the path, which starts from content/, or remove it from files"
	}
}

// countBefore is how many times list[i] appears before index i.
func countBefore(list []string, i int) int {
	n := 0
	for _, s := range list[:i] {
		if s == list[i] {
			n++
		}
	}
	return n
}
