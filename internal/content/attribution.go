package content

import (
	"net/url"
	"path"
	"strings"
)

// checkAttribution checks each [[attribution]]: text is required, url must
// be a web address, and every file listed must be a file under content/.
func (l *loader) checkAttribution(d *decoded, c *Config) {
	for i, a := range c.Attribution {
		at := "attribution." + itoa(i)
		if strings.TrimSpace(a.Text) == "" {
			l.errAt(d, at+".text", "the attribution has no text").Hint =
				`add text = "...", the credit the data's licence asks for, such as "Source: Office for National Statistics licensed under the Open Government Licence v.3.0"`
		}
		if a.URL != "" {
			if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				l.errAt(d, at+".url", "the attribution's url must be a web address").Hint =
					`for example "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"`
			}
		}
		if len(a.Files) == 0 {
			l.errAt(d, at, "the attribution lists no files").Hint = `add files = ["areas/districts.geojson"], the files under content/ it credits`
		}
		for j, f := range a.Files {
			l.checkAttributed(d, at+".files", j, f)
		}
	}
}

// checkAttributed checks that one attributed file is a file under content/.
func (l *loader) checkAttributed(d *decoded, at string, j int, f string) {
	pos := d.loc().nthItem(at, j)
	clean := path.Clean(f)
	switch {
	case f == "" || path.IsAbs(f) || clean != f || strings.HasPrefix(clean, "../") || clean == "..":
		l.probs.Errorf(d.path, pos.Line, pos.Col, "attribution file %q must be a path under content/, such as \"areas/districts.geojson\"", f)
	case !l.plain("content/" + clean):
		l.probs.Errorf(d.path, pos.Line, pos.Col, "attribution file %q is not in content/", f).Hint =
			"put the file at content/" + clean + ", or correct the path (it is relative to content/)"
	}
}
