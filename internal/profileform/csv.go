package profileform

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"artsmap/internal/diag"
)

// Limits of the export read: a larger file, or more rows, is refused
// before anything is written.
const (
	MaxCSV  = 5 << 20 // bytes
	MaxRows = 1000    // submissions
	maxCell = 10_000  // characters in one value
)

// Submission is one row of the export: the values of the form's fields.
type Submission struct {
	Row    int               // 1 for the first row under the header
	Broken bool              // the row cannot be read (reported): it makes no profile
	values map[string]string // by field name
	cells  map[string][2]int // line and column of each value in the file
	line   int               // the row's first line
}

// Value is the value of the named field, "" when the export has no such column.
func (s *Submission) Value(name string) string { return s.values[name] }

// At is the line and column of the named field's value in the file (the
// row's start when the export has no such column).
func (s *Submission) At(name string) (line, col int) {
	if c, ok := s.cells[name]; ok {
		return c[0], c[1]
	}
	return s.line, 1
}

// required are the columns an export of either form has.
var required = []string{"name", "kind", "status", "summary", "districts[]", "pathways[]", "artforms[]"}

// ReadCSV reads the form service's CSV export named name. The columns read
// are the form's field names (a check-box field's also without its []),
// form-name, profile and bot-field; any other column (the service's own:
// dates, ids, addresses) is left alone. Every problem is at its line and
// column in the file.
func ReadCSV(name string, data []byte) ([]*Submission, []diag.Problem) {
	var probs diag.List
	if len(data) > MaxCSV {
		probs.Errorf(name, 1, 1, "the file is %d KB; the limit is %d KB", len(data)>>10, MaxCSV>>10).Hint =
			"export fewer submissions at a time"
		return nil, probs.Items()
	}
	if !utf8.Valid(data) {
		probs.Errorf(name, 1, 1, "the file is not UTF-8 text").Hint = "export it again from the form service, or save it as CSV UTF-8"
		return nil, probs.Items()
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	header, err := r.Read()
	if err != nil {
		csvProblem(&probs, name, err)
		return nil, probs.Items()
	}
	cols := columns(name, header, &probs)
	if len(probs.Items()) > 0 {
		return nil, probs.Items()
	}
	var out []*Submission
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			csvProblem(&probs, name, err)
			break
		}
		if len(out) == MaxRows {
			probs.Errorf(name, 1, 1, "the file has more than %d submissions", MaxRows).Hint = "export fewer submissions at a time"
			return nil, probs.Items()
		}
		line, _ := r.FieldPos(0)
		s := &Submission{Row: len(out) + 1, values: map[string]string{}, cells: map[string][2]int{}, line: line}
		out = append(out, s)
		if err != nil {
			probs.Errorf(name, line, 1, "row %d has %d values where the header names %d columns", s.Row, len(rec), len(header)).Hint =
				"export the submissions again: a value may have lost its quotes"
			s.Broken = true
			continue
		}
		for i, v := range rec {
			if f, ok := cols[i]; ok {
				l, c := r.FieldPos(i)
				s.values[f], s.cells[f] = strings.TrimSpace(v), [2]int{l, c}
				if utf8.RuneCountInString(v) > maxCell {
					probs.Errorf(name, l, c, "row %d: the value of %q is longer than %d characters", s.Row, f, maxCell)
					s.Broken = true
				}
			}
		}
	}
	return out, probs.Items()
}

// columns maps the header's column numbers to the fields they hold.
func columns(name string, header []string, probs *diag.List) map[int]string {
	cols := map[int]string{}
	seen := map[string]bool{}
	known := []string{FormNameField, ProfileField, Honeypot}
	for _, f := range Fields {
		known = append(known, f.Name)
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if !slices.Contains(known, h) && slices.Contains(known, h+"[]") {
			h += "[]" // a check-box field, exported without its []
		}
		if !slices.Contains(known, h) {
			continue // the form service's own column
		}
		if seen[h] {
			probs.Errorf(name, 1, i+1, "the column %q is there twice", h).Hint = "keep one of them"
		}
		seen[h], cols[i] = true, h
	}
	for _, f := range required {
		if !seen[f] {
			probs.Errorf(name, 1, 1, "the file has no column %q", strings.TrimSuffix(f, "[]")).Hint =
				"give the CSV export of the site's " + JoinForm + " or " + UpdateForm + " form, with its first line of column names"
		}
	}
	return cols
}

// csvProblem reports an error of the CSV reader in plain words.
func csvProblem(probs *diag.List, name string, err error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		probs.Errorf(name, 1, 1, "the file cannot be read: %v", err)
		return
	}
	msg, line, col := fmt.Sprint(pe.Err), pe.Line, pe.Column
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = "a quote mark \" in a value that does not start with one"
	case errors.Is(pe.Err, csv.ErrQuote):
		msg, line, col = "a value that starts with a quote mark \" is never closed", pe.StartLine, 1 // where its row starts
	}
	probs.Errorf(name, line, max(col, 1), "%s", msg).Hint =
		"export the submissions again from the form service; a value with quote marks must be in quotes, with each \" written twice"
}
