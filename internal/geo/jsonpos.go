package geo

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// positions maps JSON paths ("features.2.geometry.coordinates") to the
// byte offset where their value starts, so problems can name a line.
type positions struct {
	data    []byte
	offsets map[string]int
}

// indexJSON walks data (already known to be valid JSON) and records where
// every value starts.
// Locate returns the line and column in a GeoJSON file (data) of the value
// at path ("features.0.properties.name"), or of the nearest value that
// holds it.
func Locate(data []byte, path string) (line, col int) { return indexJSON(data).at(path) }

func indexJSON(data []byte) *positions {
	p := &positions{data: data, offsets: map[string]int{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	p.value(dec, "")
	return p
}

// value reads one value at path from dec, recording offsets as it goes.
func (p *positions) value(dec *json.Decoder, path string) {
	p.offsets[path] = p.skipSpace(int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		return
	}
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return
			}
			key, _ := k.(string)
			p.value(dec, join(path, key))
		}
		dec.Token() // the closing brace
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			p.value(dec, join(path, strconv.Itoa(i)))
		}
		dec.Token() // the closing bracket
	}
}

func (p *positions) skipSpace(off int) int {
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// at returns the 1-based line and column of path, falling back to its
// nearest recorded parent.
func (p *positions) at(path string) (line, col int) {
	for {
		if off, ok := p.offsets[path]; ok {
			return lineCol(p.data, off)
		}
		i := bytes.LastIndexByte([]byte(path), '.')
		if i < 0 {
			return 1, 1
		}
		path = path[:i]
	}
}

// lineCol converts a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, len([]rune(string(before[start:]))) + 1
}
