// Package cms owns the browser editor at /admin/: the configuration of the
// Git-based CMS (Sveltia CMS, which reads Decap CMS's format), generated from
// a site's settings so that every vocabulary field is a pick-list of the
// site's own terms, and the page that loads the editor.
//
// The configuration is written as JSON, which is also YAML, so the CMS
// reads it from config.yml as it expects.
package cms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"

	"artsmap/internal/content"
)

// Paths of the editor's files in the built site.
const (
	IndexPath  = "/admin/index.html"
	ConfigPath = "/admin/config.yml"
	// ScriptPath is where the build's vendor step puts the CMS bundle.
	ScriptPath = "/vendor/sveltia-cms/sveltia-cms.js"
	// PreviewScript registers the site's stylesheet and the profile
	// layout for the editor's preview.
	PreviewScript = "/js/admin/preview.js"
	// VenueScript places a venue by its postcode (the "venue-place" field).
	VenueScript = "/js/admin/venue.js"
	// ReactChunk and ImmutableGlob are what the CMS loads for a custom
	// preview template (React DOM, and Immutable.js for the entry), which
	// the vendor step copies beside the bundle.
	ReactChunk    = "/vendor/sveltia-cms/chunks/react-dom.js"
	ImmutableGlob = "/vendor/npm/immutable@*/dist/immutable.es.js"
	// LabelsPath holds the labels the preview shows for ids (the site
	// writes it, as only the site knows them).
	LabelsPath = "/admin/labels.json"
)

// Defaults for the [cms] settings.
const (
	DefaultBranch  = "main"
	DefaultAuthURL = "https://api.netlify.com"
)

// Document is the CMS configuration (Decap CMS format).
type Document struct {
	Backend      Backend      `json:"backend"`
	PublishMode  string       `json:"publish_mode"`
	MediaFolder  string       `json:"media_folder"`
	PublicFolder string       `json:"public_folder"`
	SiteURL      string       `json:"site_url,omitempty"`
	DisplayURL   string       `json:"display_url,omitempty"`
	Slug         SlugOptions  `json:"slug"`
	Output       Output       `json:"output"`
	Collections  []Collection `json:"collections"`
}

// Output says how the CMS writes files. Optional fields left empty are
// left out, as a person would, rather than written as "" or [] (which the
// loader would otherwise have to treat as "not given").
type Output struct {
	OmitEmptyOptional bool        `json:"omit_empty_optional_fields"`
	JSON              JSONOptions `json:"json"`
}

// JSONOptions format the venues files like the hand-written ones.
type JSONOptions struct {
	IndentStyle string `json:"indent_style"`
	IndentSize  int    `json:"indent_size"`
}

// Backend says where the content lives and how editors sign in: GitHub,
// with Netlify's OAuth provider handing out the token.
type Backend struct {
	Name         string `json:"name"`
	Repo         string `json:"repo"`
	Branch       string `json:"branch"`
	BaseURL      string `json:"base_url,omitempty"`
	AuthEndpoint string `json:"auth_endpoint,omitempty"`
	// SquashMerges keeps the history readable when staff publish a change.
	SquashMerges bool `json:"squash_merges"`
}

// SlugOptions make new file names the way artsmap does: ASCII, accents
// transliterated, lower case.
type SlugOptions struct {
	Encoding     string `json:"encoding"`
	CleanAccents bool   `json:"clean_accents"`
	Sanitize     string `json:"sanitize_replacement"`
}

// Collection is one kind of content the editor can list and edit.
type Collection struct {
	Name          string   `json:"name"`
	Label         string   `json:"label"`
	LabelSingular string   `json:"label_singular"`
	Description   string   `json:"description,omitempty"`
	Folder        string   `json:"folder"`
	Path          string   `json:"path,omitempty"`
	Extension     string   `json:"extension"`
	Format        string   `json:"format"`
	Create        bool     `json:"create"`
	Slug          string   `json:"slug"`
	Identifier    string   `json:"identifier_field"`
	Summary       string   `json:"summary,omitempty"`
	MediaFolder   *string  `json:"media_folder,omitempty"`
	PublicFolder  *string  `json:"public_folder,omitempty"`
	PreviewPath   string   `json:"preview_path,omitempty"`
	SortBy        []string `json:"sortable_fields,omitempty"`
	Fields        []Field  `json:"fields"`
}

// settingsOf are what the site's [cms] table says, with defaults applied.
type settingsOf struct {
	Repo, Branch, AuthURL string
}

// Build returns the CMS configuration for a site. The site must have
// loaded without errors, so its vocabularies are known to be sound.
func Build(c *content.Config) Document {
	s := settings(c)
	return Document{
		Backend: Backend{Name: "github", Repo: s.Repo, Branch: s.Branch, BaseURL: s.AuthURL,
			AuthEndpoint: "auth", SquashMerges: true},
		PublishMode:  "editorial_workflow",
		MediaFolder:  "static/uploads",
		PublicFolder: "/uploads",
		SiteURL:      c.BaseURL,
		DisplayURL:   c.BaseURL,
		Slug:         SlugOptions{Encoding: "ascii", CleanAccents: true, Sanitize: "-"},
		Output:       Output{OmitEmptyOptional: true, JSON: JSONOptions{IndentStyle: "space", IndentSize: 2}},
		Collections: []Collection{
			providers(c), venues(), factsheets(), learning(c), evidence(c), events(), pages(),
		},
	}
}

func settings(c *content.Config) settingsOf {
	s := settingsOf{Repo: c.CMS.Repo, Branch: c.CMS.Branch, AuthURL: c.CMS.AuthURL}
	if s.Branch == "" {
		s.Branch = DefaultBranch
	}
	if s.AuthURL == "" {
		s.AuthURL = DefaultAuthURL
	}
	return s
}

// Enabled reports whether the site asks for the editor ([cms] repo is set).
func Enabled(c *content.Config) bool { return c.CMS.Repo != "" }

// Marshal writes the configuration as indented JSON (valid YAML).
func (d Document) Marshal() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# Generated by artsmap from content/site.toml: edit that file, not this one.\n")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("cms config: %w", err)
	}
	return b.Bytes(), nil
}

// IndexHTML is the page at /admin/ that loads the editor. It holds no
// inline script, so the site's Content-Security-Policy still applies.
func IndexHTML(siteTitle string) []byte {
	return []byte(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Edit | ` + html.EscapeString(siteTitle) + `</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
</head>
<body>
<noscript><p>The editor needs JavaScript. You can also edit the files in content/ with any text editor: see docs/editing-your-profile.md.</p></noscript>
<script src="` + ScriptPath + `"></script>
<script src="` + PreviewScript + `"></script>
<script src="` + VenueScript + `"></script>
</body>
</html>
`)
}
