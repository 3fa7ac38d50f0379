package content

import (
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"artsmap/internal/geo"
	"artsmap/internal/registry"
	"artsmap/internal/slug"
)

// vocabSets holds each vocabulary's ids in their site.toml order.
type vocabSets map[string][]string

const configPath = "content/site.toml"

// loadConfig reads and checks content/site.toml. It returns false when the
// rest of the site cannot be checked without it.
func (l *loader) loadConfig() bool {
	if !l.plain(configPath) {
		l.noConfig()
		return false
	}
	data, ok := l.read(configPath, maxConfig, "site.toml")
	if !ok || !l.tomlWithin(configPath, data, 1) {
		return false
	}
	d := decodeTOML(configPath, data, 1, &l.site.Config, l.probs)
	if d == nil {
		return false
	}
	l.shared = sharedKey(data, l.opts.Now)
	c := &l.site.Config
	l.required(d, "title", c.Title)
	l.checkBaseURL(d, c)
	l.checkLanguage(d, c)
	l.tz = time.UTC
	if c.Timezone != "" {
		if tz, err := time.LoadLocation(c.Timezone); err == nil && c.Timezone != "Local" {
			l.tz = tz
		} else {
			l.errAt(d, "timezone", "unknown time zone %q", c.Timezone).Hint = "use an IANA name such as Europe/London"
		}
	}
	l.checkRegion(d, c)
	l.checkMap(d, c)
	l.checkData(d, c)
	l.checkVocab(d, c)
	l.checkCMS(d, c)
	l.checkAttribution(d, c)
	l.checkFeedback(d, c)
	return true
}

// noConfig reports why content/site.toml could not be read: it is a
// folder, a symbolic link to nothing, unreadable, not there at all, or
// (a regular file once more) it changed while it was looked at.
func (l *loader) noConfig() {
	info, err := fs.Lstat(l.fsys, configPath)
	switch {
	case err != nil:
		l.probs.Errorf(configPath, 0, 0, "no site settings found").Hint =
			"run artsmap in the site folder (the one holding content/), or give -site FOLDER"
	case info.IsDir():
		l.probs.Errorf(configPath, 0, 0, "content/site.toml is a folder, not a file").Hint =
			"the site settings go in a file named site.toml in content/"
	case info.Mode()&fs.ModeSymlink != 0:
		l.probs.Errorf(configPath, 0, 0, "content/site.toml is a symbolic link, and links are never followed").Hint =
			"put the site settings file itself at content/site.toml"
	case !info.Mode().IsRegular():
		l.probs.Errorf(configPath, 0, 0, "content/site.toml is not a regular file").Hint =
			"put the site settings in an ordinary text file named site.toml in content/"
	default: // a file again: it changed while the site was being read
		l.probs.Errorf(configPath, 0, 0, "content/site.toml changed while the site was being read").Hint =
			"run the command again once every file is saved"
	}
}

// languageTag is a well-formed language tag (BCP 47): a language of two or
// three letters, then subtags of one to eight letters or digits, each after
// a hyphen ("cy", "en-GB", "sr-Latn-RS").
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// checkLanguage defaults the language to "en" and checks that it is a
// language tag: every page's lang attribute holds it, and screen readers
// choose their voice by it.
func (l *loader) checkLanguage(d *decoded, c *Config) {
	if c.Language == "" {
		c.Language = "en"
		return
	}
	if languageTag.MatchString(c.Language) {
		return
	}
	pr := l.errAt(d, "language", "language %q is not a language tag", c.Language)
	if fixed := strings.ReplaceAll(strings.TrimSpace(c.Language), "_", "-"); languageTag.MatchString(fixed) {
		pr.Hint = `did you mean "` + fixed + `"?`
	} else {
		pr.Hint = `use a tag such as "en-GB", "cy" or "fr": the language's two-letter code, then optionally a hyphen and the country`
	}
}

func (l *loader) checkBaseURL(d *decoded, c *Config) {
	if c.BaseURL == "" {
		c.BaseURL = "/"
		l.warnAt(d, "title", "base_url is not set, so the sitemap, feed and calendar hold relative addresses").Hint =
			`add base_url = "https://your-site.example/" with the address the site is published at`
		return
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		l.errAt(d, "base_url", "base_url must be a full web address").Hint = `for example "https://example.org/"`
		return
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if u.Path != "" && u.Path != "/" {
		l.warnAt(d, "base_url", "the site's pages link from the root of the host, so it must be published at %s://%s/", u.Scheme, u.Host).Hint =
			"publish the site at the root of its own host name; the path " + u.Path + " is only used in the sitemap and feeds"
	}
}

func (l *loader) checkRegion(d *decoded, c *Config) {
	l.required(d, "region.name", c.Region.Name)
	if !d.has("region", "bounds") {
		l.errAt(d, "region", "region.bounds is required").Hint = "bounds = [west, south, east, north] in degrees"
		return
	}
	if !l.regionValid() {
		l.errAt(d, "region.bounds", "bounds must be four numbers: west, south, east, north, with west < east and south < north")
	}
}

// bounds returns the region's bounds, or the whole globe when unset.
func (l *loader) bounds() geo.Bounds {
	world := geo.Bounds{West: -180, South: -90, East: 180, North: 90}
	b := l.site.Config.Region.Bounds
	if len(b) != 4 {
		return world
	}
	if r := (geo.Bounds{West: b[0], South: b[1], East: b[2], North: b[3]}); r.Valid() {
		return r
	}
	return world // reported once, in checkRegion; nothing else is checked against it
}

// regionValid reports whether region.bounds is a usable box.
func (l *loader) regionValid() bool {
	b := l.site.Config.Region.Bounds
	return len(b) == 4 && (geo.Bounds{West: b[0], South: b[1], East: b[2], North: b[3]}).Valid()
}

func (l *loader) checkData(d *decoded, c *Config) {
	if c.Data.LicenceURL == "" {
		return
	}
	if u, err := url.Parse(c.Data.LicenceURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		l.errAt(d, "data.licence_url", "data.licence_url must be a web address").Hint =
			`for example "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"`
	}
	if c.Data.Licence == "" {
		l.warnAt(d, "data.licence_url", "data.licence_url is set but data.licence, the licence's name, is not")
	}
}

func (l *loader) checkMap(d *decoded, c *Config) {
	m := &c.Map
	if m.Tiles != "" {
		u, err := url.Parse(strings.NewReplacer("{", "", "}", "").Replace(m.Tiles))
		if err != nil || u.Scheme != "https" || u.Host == "" {
			l.errAt(d, "map.tiles", "map.tiles must be an https address with {z}, {x} and {y}")
		}
	}
	if len(m.Center) == 0 && l.regionValid() {
		b := c.Region.Bounds
		m.Center = []float64{(b[0] + b[2]) / 2, (b[1] + b[3]) / 2}
	}
	if len(m.Center) != 2 && l.regionValid() || len(m.Center) == 2 && !l.bounds().Contains([2]float64{m.Center[0], m.Center[1]}) {
		l.errAt(d, "map.center", "map.center must be [longitude, latitude] inside the region's bounds")
	}
	if m.Zoom == 0 {
		m.Zoom = 9
	}
	if m.Zoom < 1 || m.Zoom > 19 {
		l.errAt(d, "map.zoom", "map.zoom must be between 1 and 19")
	}
}

// checkVocab checks each vocabulary and indexes its ids.
func (l *loader) checkVocab(d *decoded, c *Config) {
	l.vocab = vocabSets{}
	lists := []struct {
		name  string
		terms []Term
	}{
		{"districts", c.Vocab.Districts}, {"pathways", c.Vocab.Pathways}, {"artforms", c.Vocab.Artforms},
		{"audiences", c.Vocab.Audiences}, {"referral", c.Vocab.Referral},
	}
	for _, list := range lists {
		base := "vocab." + list.name
		if v, _ := registry.VocabularyOf(list.name); len(list.terms) == 0 && v.Required {
			l.errAt(d, "vocab", "the %s vocabulary is empty", list.name).Hint =
				"add [[" + base + "]] tables with id and label"
		}
		ids := []string{}
		for i, t := range list.terms {
			at := base + "." + itoa(i)
			switch {
			case !slug.Valid(t.ID):
				l.errAt(d, at+".id", "vocabulary id %q must be lower-case letters, digits and single hyphens", t.ID).Hint =
					"for example \"" + cmpOr(slug.Make(t.ID), slug.Make(t.Label), "a-name") + "\""
			case slices.Contains(ids, t.ID):
				l.errAt(d, at+".id", "%s id %q is defined twice", list.name, t.ID)
			default:
				ids = append(ids, t.ID)
			}
			l.required(d, at+".label", t.Label)
			l.inlineMarkdown(d, at+".description", t.Description)
		}
		l.vocab[list.name] = ids
	}
}

func cmpOr(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

var repoName = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)

// checkCMS checks the [cms] table that connects the editor to GitHub.
func (l *loader) checkCMS(d *decoded, c *Config) {
	m := c.CMS
	if m.Repo == "" {
		if m.Branch != "" || m.AuthURL != "" {
			l.errAt(d, "cms", "cms.repo is required for the editor").Hint = `repo = "owner/name", the GitHub repository that holds this site`
		}
		return
	}
	if !repoName.MatchString(m.Repo) {
		l.errAt(d, "cms.repo", "cms.repo %q must be a GitHub repository as owner/name", m.Repo).Hint = `for example "county-arts/arts-map"`
	}
	if m.AuthURL != "" {
		if u, err := url.Parse(m.AuthURL); err != nil || u.Scheme != "https" || u.Host == "" {
			l.errAt(d, "cms.auth_url", "cms.auth_url must be an https address").Hint = "leave it out to use Netlify's OAuth provider, https://api.netlify.com"
		}
	}
}
