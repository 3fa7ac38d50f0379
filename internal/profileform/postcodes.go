package profileform

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"artsmap/internal/sitefs"
)

// PostcodesPath is the site's postcode file: one row per postcode with its
// position, header postcode,lat,lon (and optionally district). It places a
// submitted venue. (The postcode search reads the same file; when its
// loader is on main, this reader should give way to it.)
const PostcodesPath = "content/areas/postcodes.csv"

const maxPostcodes = 20 << 20

// Postcodes reads the site's postcode file from the site folder fsys and
// returns the lookup of a postcode, written with or without its space in
// any case. Without the file every lookup fails.
func Postcodes(fsys fs.FS) (Place, error) {
	data, err := sitefs.ReadFile(fsys, PostcodesPath, maxPostcodes)
	if errors.Is(err, fs.ErrNotExist) {
		return func(string) (float64, float64, bool) { return 0, 0, false }, nil
	}
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", PostcodesPath, err)
	}
	col := func(name string) int {
		return slices.IndexFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), name) })
	}
	pc, lat, lon := col("postcode"), col("lat"), col("lon")
	if pc < 0 || lat < 0 || lon < 0 {
		return nil, fmt.Errorf("%s: the first line must name the columns postcode, lat and lon", PostcodesPath)
	}
	pos := map[string][2]float64{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", PostcodesPath, err)
		}
		y, err1 := strconv.ParseFloat(rec[lat], 64)
		x, err2 := strconv.ParseFloat(rec[lon], 64)
		if err1 == nil && err2 == nil {
			pos[postcodeKey(rec[pc])] = [2]float64{x, y}
		}
	}
	return func(postcode string) (float64, float64, bool) {
		p, ok := pos[postcodeKey(postcode)]
		return p[0], p[1], ok
	}, nil
}

func postcodeKey(s string) string { return strings.ToUpper(strings.ReplaceAll(s, " ", "")) }
