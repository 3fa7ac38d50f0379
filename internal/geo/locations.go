package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"artsmap/internal/diag"
	"artsmap/internal/slug"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// file is one GeoJSON file being read: its path, bytes and value offsets.
type file struct {
	path  string
	data  []byte
	index *positions // made when a problem first needs a position
	probs *diag.List
}

// pos indexes where each value of the file starts, the first time a
// problem needs it: a file without problems is never indexed.
func (f *file) pos() *positions {
	if f.index == nil {
		f.index = indexJSON(f.data)
	}
	return f.index
}

func (f *file) errorf(at, format string, args ...any) *diag.Problem {
	line, col := f.pos().at(at)
	return f.probs.Errorf(f.path, line, col, format, args...)
}

func (f *file) warnf(at, format string, args ...any) *diag.Problem {
	line, col := f.pos().at(at)
	return f.probs.Warnf(f.path, line, col, format, args...)
}

// readCollection checks that data is valid JSON holding a FeatureCollection
// and decodes it with orb. It returns nil after reporting when it cannot.
func readCollection(path string, data []byte, probs *diag.List) (*geojson.FeatureCollection, *file) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte order mark, which some editors write
	if !json.Valid(data) {
		var raw json.RawMessage
		err := json.Unmarshal(data, &raw)
		line, col := 1, 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col = lineCol(data, int(se.Offset)-1)
		}
		msg := err.Error()
		if msg == "unexpected end of JSON input" {
			msg = "the file ends before every [ and { is closed"
		}
		probs.Errorf(path, line, col, "not valid JSON: %s", msg).Hint =
			"a comma after the last item of a list, or a missing quote, is the usual cause; geojson.io can check the file"
		return nil, nil
	}
	f := &file{path: path, data: data, probs: probs}
	var head struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(data, &head); head.Type != "FeatureCollection" {
		f.errorf("type", "the file must be a GeoJSON FeatureCollection, found type %q", head.Type).Hint =
			`start the file with {"type": "FeatureCollection", "features": [ ... ]}`
		return nil, nil
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		f.errorf("features", "cannot read the features: %v", err).Hint =
			"each feature needs \"type\": \"Feature\", a \"geometry\" and \"properties\""
		return nil, nil
	}
	return fc, f
}

// featureIDs reads every feature's id, reporting missing, malformed and
// duplicate ones. ids[i] is "" where feature i has no usable id.
func (f *file) featureIDs(fc *geojson.FeatureCollection) []string {
	ids := make([]string, len(fc.Features))
	first := map[string]int{}
	for i, feat := range fc.Features {
		at := "features." + strconv.Itoa(i)
		id, ok := feat.ID.(string)
		switch {
		case feat.ID == nil:
			f.errorf(at, "feature %d has no \"id\"", i+1).Hint = `add "id": "a-short-name" beside "type": "Feature"`
			continue
		case !ok:
			f.errorf(at+".id", "the feature id must be text in quotes, found %v", feat.ID)
			continue
		case id == "":
			f.errorf(at+".id", "feature %d has an empty id", i+1).Hint = `give it a short name, like "main-hall"`
			continue
		case !slug.Valid(id):
			f.errorf(at+".id", "feature id %q must use lower-case letters, digits and single hyphens", id).Hint =
				"for example \"" + slug.Make(id) + "\""
			continue
		}
		if j, dup := first[id]; dup {
			f.errorf(at+".id", "feature id %q is used twice (first by feature %d)", id, j+1)
			continue
		}
		first[id] = i
		ids[i] = id
	}
	return ids
}

// checkPoint reports a point outside the region, naming swapped axes.
func (f *file) checkPoint(at string, p orb.Point, region Bounds) bool {
	if region.Contains(p) {
		return true
	}
	pr := f.errorf(at, "point [%s, %s] lies outside the region's bounds", num(p[0]), num(p[1]))
	if region.Contains(orb.Point{p[1], p[0]}) {
		pr.Message = fmt.Sprintf("point [%s, %s] has longitude and latitude swapped", num(p[0]), num(p[1]))
		pr.Hint = fmt.Sprintf("GeoJSON puts longitude first: write [%s, %s]", num(p[1]), num(p[0]))
	} else {
		pr.Hint = fmt.Sprintf("the region runs from longitude %s to %s and latitude %s to %s",
			num(region.West), num(region.East), num(region.South), num(region.North))
	}
	return false
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
