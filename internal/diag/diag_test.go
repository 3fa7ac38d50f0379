package diag

import "testing"

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "a.md", Line: 3, Col: 7, Message: "bad"}, "a.md:3:7: bad"},
		{Problem{Path: "a.md", Message: "bad", Hint: "fix it"}, "a.md:1:1: bad (fix it)"},
		{Problem{Path: "a.md", Line: 2, Col: 1, Message: "old", Warning: true}, "a.md:2:1: warning: old"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestListSortsAndDeduplicates(t *testing.T) {
	var l List
	l.Errorf("b.md", 1, 1, "x")
	l.Errorf("a.md", 9, 1, "y")
	l.Errorf("a.md", 2, 5, "z")
	l.Errorf("a.md", 2, 5, "z")
	l.Warnf("a.md", 2, 1, "w")
	items := l.Items()
	want := []string{"a.md:2:1: warning: w", "a.md:2:5: z", "a.md:9:1: y", "b.md:1:1: x"}
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d: %v", len(items), len(want), items)
	}
	for i := range want {
		if items[i].String() != want[i] {
			t.Errorf("item %d = %s, want %s", i, items[i], want[i])
		}
	}
	if l.Errors() != 4 || l.Err() == nil {
		t.Errorf("Errors() = %d, Err() = %v", l.Errors(), l.Err())
	}
	var clean List
	clean.Warnf("a.md", 1, 1, "w")
	if clean.Err() != nil {
		t.Error("warnings alone are not an error")
	}
}

func TestSuggest(t *testing.T) {
	vocab := []string{"chronic-pain", "respiratory", "mental-health", "dementia"}
	tests := []struct{ got, want string }{
		{"chronic-pian", `did you mean "chronic-pain"?`},
		{"demensia", `did you mean "dementia"?`},
		{"Respiratory", `did you mean "respiratory"?`},
		{"gardening", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.got, vocab); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.got, got, tt.want)
		}
	}
	if got := OneOf("demensia", vocab); got != `did you mean "dementia"? must be one of: chronic-pain, respiratory, mental-health, dementia` {
		t.Errorf("OneOf = %q", got)
	}
	if got := OneOf("x", nil); got == "" {
		t.Error("OneOf with no choices says nothing")
	}
}
