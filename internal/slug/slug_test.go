package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Côr Anadl", "cor-anadl"},
		{"Mindsong", "mindsong"},
		{"Art Shape & Artspace", "art-shape-and-artspace"},
		{"Children's Arts", "childrens-arts"},
		{"  --Straße  99--  ", "strasse-99"},
		{"Łódź Øresund", "lodz-oresund"},
		{"日本", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Make(tt.in); got != "" && !Valid(got) {
			t.Errorf("Make(%q) = %q, which is not a valid slug", tt.in, got)
		}
	}
	for s, ok := range map[string]bool{"a": true, "a-1": true, "a--b": false, "-a": false, "A": false, "a_b": false, "": false} {
		if Valid(s) != ok {
			t.Errorf("Valid(%q) = %v", s, !ok)
		}
	}
}
