// Package diag owns the problems that loading and checking content report:
// one Problem per mistake, located by path, line and column, with an optional
// hint, printed as "path:line:col: message".
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one mistake (or, with Warning set, one doubt) found in a content file.
type Problem struct {
	Path    string `json:"path"`           // relative to the site folder, slash-separated
	Line    int    `json:"line"`           // 1-based; 0 when unknown
	Col     int    `json:"col"`            // 1-based; 0 when unknown
	Message string `json:"message"`        // what is wrong, in plain words
	Hint    string `json:"hint,omitempty"` // a likely fix, when one is known
	Warning bool   `json:"warning"`        // true for warnings, which do not fail a build
	Note    bool   `json:"note,omitempty"` // true for notes: a warning that is no doubt, only news
}

// String formats p as "path:line:col: [warning: ]message (hint)", for a
// terminal: the path as ShowPath shows it, the message and hint as
// ShowText does.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(ShowPath(p.Path))
	line, col := max(p.Line, 1), max(p.Col, 1)
	fmt.Fprintf(&b, ":%d:%d: ", line, col)
	switch {
	case p.Note:
		b.WriteString("note: ")
	case p.Warning:
		b.WriteString("warning: ")
	}
	b.WriteString(ShowText(p.Message))
	if p.Hint != "" {
		b.WriteString(" (" + ShowText(p.Hint) + ")")
	}
	return b.String()
}

// List collects problems. The zero value is ready to use.
type List struct {
	items []Problem
}

// Add records a problem.
func (l *List) Add(p Problem) { l.items = append(l.items, p) }

// Errorf records an error at path:line:col.
func (l *List) Errorf(path string, line, col int, format string, args ...any) *Problem {
	l.items = append(l.items, Problem{Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
	return &l.items[len(l.items)-1]
}

// Warnf records a warning at path:line:col.
func (l *List) Warnf(path string, line, col int, format string, args ...any) *Problem {
	p := l.Errorf(path, line, col, format, args...)
	p.Warning = true
	return p
}

// Notef records a note at path:line:col: something the reader should know
// that is no mistake (a draft left out). A note is a kind of warning.
func (l *List) Notef(path string, line, col int, format string, args ...any) *Problem {
	p := l.Warnf(path, line, col, format, args...)
	p.Note = true
	return p
}

// Merge appends every problem of other.
func (l *List) Merge(other List) { l.items = append(l.items, other.items...) }

// Items returns the problems sorted by path, line, column and message.
func (l *List) Items() []Problem {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
	seen := map[Problem]bool{}
	return slices.DeleteFunc(out, func(p Problem) bool {
		dup := seen[p]
		seen[p] = true
		return dup
	})
}

// Errors counts the problems that are not warnings.
func (l *List) Errors() int {
	n := 0
	for _, p := range l.items {
		if !p.Warning {
			n++
		}
	}
	return n
}

// ErrorsOnly returns the problems that are not warnings, in order.
func ErrorsOnly(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Len counts every problem, warnings included.
func (l *List) Len() int { return len(l.items) }

// Err returns an error listing every problem when there is at least one error, else nil.
func (l *List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &Error{Problems: l.Items()}
}

// Error is the error a failed load or build returns: every problem found.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
