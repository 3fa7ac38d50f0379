package site

import (
	"bytes"
	"encoding/csv"
	"strconv"
)

// CoverageCSVPath is the coverage grid as a spreadsheet.
const CoverageCSVPath = "/data/coverage.csv"

// coverageColumns are the columns of /data/coverage.csv (the specification's).
var coverageColumns = []string{"pathway", "district", "providers_covering", "programmes_running", "online_programmes", "gap"}

// coverageMeaning explains each column on /data/.
var coverageMeaning = map[string]string{
	"pathway":            "pathway id, as in site.toml",
	"district":           "district id, as in site.toml",
	"providers_covering": "providers that list the district and the pathway, or run a programme for it there",
	"programmes_running": "programmes for the pathway, not ended, with a venue in the district (by the district boundary that holds the venue, where boundaries are given)",
	"online_programmes":  "programmes for the pathway, not ended, run online or with no venue, by providers serving the district",
	"gap":                "true when no programme for the pathway runs in the district, at a venue or online; false otherwise",
}

// coverageCSV is the coverage grid, one row per pathway and district, in
// the vocabularies' order: the counts the coverage page shows.
func (s *Site) coverageCSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(coverageColumns) // a bytes.Buffer does not fail
	for _, row := range s.Coverage().Rows {
		for _, c := range row.Cells {
			w.Write(defuse([]string{row.Pathway.ID, c.District.ID, strconv.Itoa(c.Providers),
				strconv.Itoa(c.Programmes), strconv.Itoa(c.Online), strconv.FormatBool(c.Gap())}))
		}
	}
	w.Flush()
	return b.Bytes()
}

func coverageFields() []Field {
	out := make([]Field, len(coverageColumns))
	for i, c := range coverageColumns {
		out[i] = Field{c, coverageMeaning[c]}
	}
	return out
}
