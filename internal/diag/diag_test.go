package diag

import (
	"strconv"
	"strings"
	"testing"

	"artsmap/internal/testenv"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "a.md", Line: 3, Col: 7, Message: "bad"}, "a.md:3:7: bad"},
		{Problem{Path: "a.md", Message: "bad", Hint: "fix it"}, "a.md:1:1: bad (fix it)"},
		{Problem{Path: "a.md", Line: 2, Col: 1, Message: "old", Warning: true}, "a.md:2:1: warning: old"},
		{Problem{Path: "a.md", Line: 2, Col: 9, Message: "draft", Warning: true, Note: true}, "a.md:2:9: note: draft"},
		{Problem{Path: "content/p/index.md", Line: 8, Col: 13, Message: `unknown pathway "chronic-pian"`, Hint: `did you mean "chronic-pain"?`, Warning: true},
			`content/p/index.md:8:13: warning: unknown pathway "chronic-pian" (did you mean "chronic-pain"?)`},
		{Problem{Path: "x", Line: -4, Col: -1, Message: "m"}, "x:1:1: m"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestItems(t *testing.T) {
	p := func(path string, line, col int, msg string) Problem {
		return Problem{Path: path, Line: line, Col: col, Message: msg}
	}
	tests := []struct {
		name string
		add  []Problem
		want []string
		bug  string
	}{
		{"empty", nil, nil, ""},
		{"path, line, column, message", []Problem{p("b.md", 1, 1, "x"), p("a.md", 9, 1, "y"), p("a.md", 2, 5, "z"), p("a.md", 2, 1, "w"), p("a.md", 2, 1, "v")},
			[]string{"a.md:2:1: v", "a.md:2:1: w", "a.md:2:5: z", "a.md:9:1: y", "b.md:1:1: x"}, ""},
		{"line 10 after line 9", []Problem{p("a.md", 10, 1, "x"), p("a.md", 9, 1, "y")}, []string{"a.md:9:1: y", "a.md:10:1: x"}, ""},
		{"unknown line first", []Problem{p("a.md", 1, 1, "x"), p("a.md", 0, 0, "y")}, []string{"a.md:1:1: y", "a.md:1:1: x"}, ""},
		{"duplicates removed", []Problem{p("a.md", 2, 5, "z"), p("b.md", 1, 1, "x"), p("a.md", 2, 5, "z")}, []string{"a.md:2:5: z", "b.md:1:1: x"}, ""},
		{"same place, another hint kept", []Problem{{Path: "a", Line: 1, Col: 1, Message: "m", Hint: "h"}, {Path: "a", Line: 1, Col: 1, Message: "m"}},
			[]string{"a:1:1: m (h)", "a:1:1: m"}, ""},
		{"duplicates apart", []Problem{{Path: "a", Line: 1, Col: 1, Message: "m", Hint: "h1"}, {Path: "a", Line: 1, Col: 1, Message: "m", Hint: "h2"}, {Path: "a", Line: 1, Col: 1, Message: "m", Hint: "h1"}},
			[]string{"a:1:1: m (h1)", "a:1:1: m (h2)"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testenv.KnownBug(t, tt.bug)
			var l List
			for _, pr := range tt.add {
				l.Add(pr)
			}
			var got []string
			for _, pr := range l.Items() {
				got = append(got, pr.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Items() =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if l.Len() != len(tt.add) {
				t.Errorf("Len() = %d, want %d (Len counts what was added)", l.Len(), len(tt.add))
			}
		})
	}
}

func TestErrorsAndWarnings(t *testing.T) {
	var l List
	if l.Err() != nil || l.Errors() != 0 || len(l.Items()) != 0 {
		t.Fatal("the zero List is not empty")
	}
	l.Warnf("a.md", 1, 1, "stale %d", 12).Hint = "check it"
	if l.Err() != nil || l.Errors() != 0 || l.Len() != 1 {
		t.Errorf("warnings alone: Err() = %v, Errors() = %d", l.Err(), l.Errors())
	}
	l.Errorf("b.md", 2, 3, "bad %q", "x")
	var other List
	other.Errorf("c.md", 0, 0, "missing")
	l.Merge(other)
	err := l.Err()
	want := "a.md:1:1: warning: stale 12 (check it)\nb.md:2:3: bad \"x\"\nc.md:1:1: missing"
	if err == nil || err.Error() != want || l.Errors() != 2 || l.Len() != 3 {
		t.Errorf("Err() = %v, Errors() = %d, Len() = %d; want\n%s", err, l.Errors(), l.Len(), want)
	}
	if de, ok := err.(*Error); !ok || len(de.Problems) != 3 || !de.Problems[0].Warning {
		t.Errorf("Err() = %#v, want an *Error with every problem", err)
	}
}

func TestSuggest(t *testing.T) {
	vocab := []string{"chronic-pain", "respiratory", "mental-health", "dementia"}
	tests := []struct {
		got        string
		candidates []string
		want       string
		bug        string
	}{
		{"chronic-pian", vocab, `did you mean "chronic-pain"?`, ""},
		{"chronic pain", vocab, `did you mean "chronic-pain"?`, ""},
		{"demensia", vocab, `did you mean "dementia"?`, ""},
		{"Respiratory", vocab, `did you mean "respiratory"?`, ""},
		{"mentalhealth", vocab, `did you mean "mental-health"?`, ""},
		{"gardening", vocab, "", ""},
		{"pain", vocab, "", ""},
		{"", vocab, "", ""},
		{"anything", nil, "", ""},
		{"sinse", []string{"name", "since", "summary"}, `did you mean "since"?`, ""},
		{"gq", []string{"gp", "self"}, `did you mean "gp"?`, ""},
		{"xy", []string{"gp"}, "", ""},
		{"", []string{"gp"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(strconv.Quote(tt.got)+" in "+strings.Join(tt.candidates, ","), func(t *testing.T) {
			testenv.KnownBug(t, tt.bug)
			if got := Suggest(tt.got, tt.candidates); got != tt.want {
				t.Errorf("Suggest(%q, %q) = %q, want %q", tt.got, tt.candidates, got, tt.want)
			}
		})
	}
}

func TestOneOf(t *testing.T) {
	many := strings.Fields("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12 m13")
	tests := []struct {
		got     string
		allowed []string
		want    string
	}{
		{"chronic-pian", []string{"chronic-pain", "respiratory"}, `did you mean "chronic-pain"? must be one of: chronic-pain, respiratory`},
		{"gardening", []string{"chronic-pain", "respiratory"}, "must be one of: chronic-pain, respiratory"},
		{"", []string{"organisation", "freelance"}, "must be one of: organisation, freelance"},
		{"x", nil, "there are no values to choose from: check the vocabulary in content/site.toml"},
		{"zzzzzz", many, "must be one of: a1, b2, c3, d4, e5, f6, g7, h8, i9, j10, k11, l12, ..."},
		{"zzzzzz", many[:12], "must be one of: a1, b2, c3, d4, e5, f6, g7, h8, i9, j10, k11, l12"},
	}
	for _, tt := range tests {
		if got := OneOf(tt.got, tt.allowed); got != tt.want {
			t.Errorf("OneOf(%q, %q) = %q, want %q", tt.got, tt.allowed, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"chronic-pian", "chronic-pain", 1}, {"ab", "ba", 1}, {"côr", "cor", 1}, {"same", "same", 0},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := distance(tt.b, tt.a); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

// TestErrorsOnly keeps the errors, in order, and drops the warnings.
func TestErrorsOnly(t *testing.T) {
	ps := []Problem{{Path: "b", Message: "x"}, {Path: "a", Warning: true}, {Path: "a", Message: "y"}}
	got := ErrorsOnly(ps)
	if len(got) != 2 || got[0] != ps[0] || got[1] != ps[2] {
		t.Errorf("ErrorsOnly = %v", got)
	}
	if ErrorsOnly([]Problem{{Warning: true}}) != nil {
		t.Error("ErrorsOnly of warnings only is not empty")
	}
}
