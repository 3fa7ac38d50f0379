// Package scaffold owns "artsmap new": it writes a ready-to-edit content
// file, with every field explained, for a provider, fact sheet, learning
// output, event or evidence synopsis, and never overwrites anything.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"artsmap/internal/content"
	"artsmap/internal/registry"
	"artsmap/internal/slug"
)

//go:embed templates
var templatesFS embed.FS

// Kinds are the things "new" can make.
var Kinds = []string{"provider", "factsheet", "learning", "event", "evidence"}

// Request says what to make.
type Request struct {
	Kind   string          // one of Kinds
	Title  string          // the name or title, as the user typed it
	Site   string          // the site folder
	Config *content.Config // the site's settings, for vocabulary choices; may be nil
	Now    time.Time
}

// data is what the templates see.
type data struct {
	Title, Slug, Today, Year string
	P                        content.PlaceholderText // example texts check refuses
	Vocab                    content.Vocab
	Center                   []float64
	First                    func(terms []content.Term, def string) string
	IDs                      func(terms []content.Term) string
	Lists                    lists // what the fixed settings may be
}

// lists are the registry's lists as the templates name them.
type lists struct {
	ProviderKinds, ProgrammeStatuses, Formats, Costs, LearningKinds, EventKinds, Designs, Certainties string
	ProviderStatuses                                                                                  string // each explained
}

func listsOf() lists {
	meaning := func(id string) string { s, _ := registry.StatusOf(id); return s.Meaning }
	return lists{
		ProviderKinds: registry.ProviderKindChoices().OrList(), ProgrammeStatuses: registry.ProgrammeStatuses().OrList(),
		Formats: registry.FormatChoices().OrList(), Costs: registry.CostChoices().OrList(),
		LearningKinds: registry.LearningKindChoices().OrList(), EventKinds: registry.EventKinds.OrList(),
		Designs: registry.DesignChoices().OrList(), Certainties: registry.CertaintyChoices().OrList(),
		ProviderStatuses: registry.ProviderStatuses().Explained(meaning),
	}
}

// Write makes the files for r and returns their paths. It refuses to
// replace an existing file or folder.
func Write(r Request) ([]string, error) {
	s := slug.Make(r.Title)
	if s == "" {
		return nil, fmt.Errorf("%q has no letters or digits to make a file name from", r.Title)
	}
	files, err := r.files(s)
	if err != nil {
		return nil, err
	}
	var written []string
	for _, f := range files {
		full := filepath.Join(r.Site, filepath.FromSlash(f.path))
		if _, err := os.Stat(full); err == nil {
			return written, fmt.Errorf("%s already exists: choose another title, or edit the file", f.path)
		}
	}
	if r.Kind == "provider" {
		if _, err := os.Stat(filepath.Join(r.Site, "content", "providers", s)); err == nil {
			return nil, fmt.Errorf("content/providers/%s already exists: choose another name, or edit that profile", s)
		}
	}
	for _, f := range files {
		full := filepath.Join(r.Site, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return written, err
		}
		if err := writeNew(full, f.data); err != nil {
			return written, err
		}
		written = append(written, f.path)
	}
	return written, nil
}

// writeNew creates a file that must not exist yet.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists", name)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type file struct {
	path string
	data []byte
}

// files renders the templates for the request's kind.
func (r Request) files(s string) ([]file, error) {
	d := r.data(s)
	var names map[string]string
	switch r.Kind {
	case "provider":
		names = map[string]string{"provider.md": "content/providers/" + s + "/index.md", "locations.geojson": "content/providers/" + s + "/locations.geojson"}
	case "factsheet":
		names = map[string]string{"factsheet.md": "content/factsheets/" + s + ".md"}
	case "learning":
		names = map[string]string{"learning.md": "content/learning/" + s + ".md"}
	case "event":
		names = map[string]string{"event.md": "content/events/" + s + ".md"}
	case "evidence":
		names = map[string]string{"evidence.md": "content/evidence/" + s + ".md"}
	default:
		return nil, fmt.Errorf("cannot make a %q: choose one of %s", r.Kind, strings.Join(Kinds, ", "))
	}
	var out []file
	for _, tmpl := range []string{"provider.md", "locations.geojson", "factsheet.md", "learning.md", "event.md", "evidence.md"} {
		dest, ok := names[tmpl]
		if !ok {
			continue
		}
		t, err := template.ParseFS(templatesFS, "templates/"+tmpl)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, d); err != nil {
			return nil, err
		}
		out = append(out, file{dest, b.Bytes()})
	}
	return out, nil
}

func (r Request) data(s string) data {
	now := r.Now
	if now.IsZero() {
		now = time.Now()
	}
	d := data{Title: tomlString(r.Title), Slug: s, Today: now.Format(time.DateOnly), Year: now.Format("2006"),
		Center: []float64{0, 0}, P: content.Placeholders, Lists: listsOf(),
		First: func(terms []content.Term, def string) string {
			if len(terms) > 0 {
				return terms[0].ID
			}
			return def
		},
		IDs: func(terms []content.Term) string {
			ids := make([]string, len(terms))
			for i, t := range terms {
				ids[i] = t.ID
			}
			return strings.Join(ids, ", ")
		},
	}
	if r.Config != nil {
		d.Vocab = r.Config.Vocab
		if len(r.Config.Map.Center) == 2 {
			d.Center = r.Config.Map.Center
		}
	}
	return d
}

// tomlString escapes s for use inside a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			// control characters have no place in a title
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
