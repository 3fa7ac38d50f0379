package content

import (
	"crypto/sha256"
	"reflect"

	json "github.com/goccy/go-json"
	"github.com/paulmach/orb/geojson"

	"artsmap/internal/diag"
	"artsmap/internal/geo"
)

// unitRecord is what a provider folder's load left in its unit of the
// loader (see loader.unit), as it is kept in a FolderCache.
type unitRecord struct {
	Providers []providerRecord
	Problems  []diag.Problem
}

// providerRecord is one provider with what is not among its exported
// fields: its areas' geometry (an interface) and its flags.
type providerRecord struct {
	Provider *Provider // Areas left out: see Areas
	Areas    []areaRecord
	Broken   bool
	NoVenues bool
	Doc      *docRecord // nil when its document was not decoded
}

type areaRecord struct {
	ID, Name, Code string
	Geometry       *geojson.Geometry
}

// docRecord is a decoded document once settled: its text, which problems
// found later are located in. (A document with values left out for their
// type has errors, and is not stored.)
type docRecord struct {
	Path  string
	Text  string
	First int
}

// loadFolder loads the provider folder dir (slug s) into the unit l,
// taking it from the cache when its key is unchanged, and storing it
// when it can be.
func (l *loader) loadFolder(dir, s string) {
	c := l.opts.Cache
	if c == nil {
		l.loadProviderDir(dir, s)
		return
	}
	key, recent, keyed := c.folderKey(l.fsys, l.shared, dir)
	if keyed && c.take(l, dir, key) {
		return
	}
	l.loadProviderDir(dir, s)
	if !keyed || recent || l.probs.Errors() > 0 || !c.store(l, dir, key) {
		c.count(&c.stats.Loaded)
	}
}

// take fills the unit l with the folder's entry when its key is key.
func (c *FolderCache) take(l *loader, dir string, key [sha256.Size]byte) bool {
	e, ok := c.entry(dir)
	if !ok || e.key != key {
		return false
	}
	var r unitRecord
	if json.Unmarshal(e.unit, &r) != nil {
		return false
	}
	r.fill(l)
	c.mu.Lock()
	c.taken = append(c.taken, c.spans[dir])
	c.mu.Unlock()
	if c.Seen != nil {
		c.Seen(dir, e.note)
	}
	c.count(&c.stats.Taken)
	return true
}

// store keeps what the unit l loaded from dir under key, unless its
// encoding would not give it back exactly.
func (c *FolderCache) store(l *loader, dir string, key [sha256.Size]byte) bool {
	r := recordUnit(l)
	data, err := json.Marshal(r)
	if err != nil {
		return false
	}
	var back unitRecord
	if json.Unmarshal(data, &back) != nil {
		return false
	}
	again := l.unit()
	back.fill(again)
	if !reflect.DeepEqual(again.site.Providers, l.site.Providers) || !reflect.DeepEqual(again.probs.Items(), l.probs.Items()) ||
		!sameDocs(again, l) {
		return false
	}
	e := cacheEntry{key: key, unit: data}
	if c.Note != nil {
		e.note = c.Note(dir)
	}
	c.write(e.encode(dir))
	c.count(&c.stats.Stored)
	return true
}

// sameDocs reports whether a and b hold the same documents for their
// providers, once settled.
func sameDocs(a, b *loader) bool {
	for i, p := range b.site.Providers {
		da, db := a.docs[a.site.Providers[i]], b.docs[p]
		if (da == nil) != (db == nil) {
			return false
		}
		if db != nil && (len(db.bad) > 0 || !reflect.DeepEqual(recordDoc(da), recordDoc(db))) {
			return false
		}
	}
	return len(a.docs) == len(b.docs)
}

// recordUnit records what the unit l loaded.
func recordUnit(l *loader) unitRecord {
	r := unitRecord{Problems: l.probs.Items()}
	for _, p := range l.site.Providers {
		pr := providerRecord{Broken: p.broken, NoVenues: p.noVenues, Doc: recordDoc(l.docs[p])}
		bare := *p
		bare.Areas = nil
		pr.Provider = &bare
		for _, a := range p.Areas {
			pr.Areas = append(pr.Areas, areaRecord{ID: a.ID, Name: a.Name, Code: a.Code, Geometry: geojson.NewGeometry(a.Geometry)})
		}
		r.Providers = append(r.Providers, pr)
	}
	return r
}

func recordDoc(d *decoded) *docRecord {
	if d == nil {
		return nil
	}
	return &docRecord{Path: d.path, Text: d.text, First: d.first}
}

// fill puts what r records into the unit l.
func (r unitRecord) fill(l *loader) {
	for _, p := range r.Problems {
		l.probs.Add(p)
	}
	for _, pr := range r.Providers {
		p := pr.Provider
		if p == nil {
			p = &Provider{}
		}
		p.broken, p.noVenues = pr.Broken, pr.NoVenues
		for _, a := range pr.Areas {
			area := geo.Area{ID: a.ID, Name: a.Name, Code: a.Code}
			if a.Geometry != nil {
				area.Geometry = a.Geometry.Geometry()
			}
			p.Areas = append(p.Areas, area)
		}
		if d := pr.Doc; d != nil {
			l.docs[p] = d.decoded()
		}
		l.site.Providers = append(l.site.Providers, p)
	}
}

func (r *docRecord) decoded() *decoded { return &decoded{path: r.Path, text: r.Text, first: r.First} }
