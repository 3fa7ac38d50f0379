package slug

import (
	"testing"

	"artsmap/internal/testenv"
)

func TestMake(t *testing.T) {
	tests := []struct {
		in, want string
		bug      string
	}{
		{"Côr Anadl", "cor-anadl", ""},
		{"Mindsong", "mindsong", ""},
		{"Straße", "strasse", ""},
		{"STRAẞE", "strasse", ""},
		{"Kırklareli", "kirklareli", ""},
		{"Children's Arts", "childrens-arts", ""},
		{"O’Brien’s Studio", "obriens-studio", ""},
		{"Rock 'n' Roll", "rock-n-roll", ""},
		{"Art Shape & Artspace", "art-shape-and-artspace", ""},
		{"A&B", "a-and-b", ""},
		{"& Co", "and-co", ""},
		{"  --Mind  song--  ", "mind-song", ""},
		{"...Hello, World!!!", "hello-world", ""},
		{"Łódź Øresund", "lodz-oresund", ""},
		{"Ærø Ångström", "aero-angstrom", ""},
		{"ﬁsh ½", "fish-1-2", ""},
		{"Room 101", "room-101", ""},
		{"snake_case_name", "snake-case-name", ""},
		{"日本", "", ""},
		{"---", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			testenv.KnownBug(t, tt.bug)
			got := Make(tt.in)
			if got != tt.want {
				t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got != "" && !Valid(got) {
				t.Errorf("Make(%q) = %q, which is not a valid slug", tt.in, got)
			}
			if Make(got) != got {
				t.Errorf("Make(Make(%q)) = %q, want it unchanged", tt.in, Make(got))
			}
		})
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"a", true}, {"a-1", true}, {"cor-anadl", true}, {"2027", true},
		{"", false}, {"a--b", false}, {"-a", false}, {"a-", false}, {"A", false}, {"a_b", false},
		{"côr", false}, {"a b", false}, {"a.md", false}, {"a/b", false}, {"a\n", false},
	}
	for _, tt := range tests {
		if got := Valid(tt.s); got != tt.want {
			t.Errorf("Valid(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
