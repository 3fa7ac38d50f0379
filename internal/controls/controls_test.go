package controls

import "testing"

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want rune
		bad  bool
	}{
		{"plain text", 0, false},
		{"tab\tand\nline", 0, false},
		{"windows\r\nline end", 0, false},
		{"bell\a", '\a', true},
		{"escape \x1b[31m", 0x1b, true},
		{"lone \r return", '\r', true},
		{"C1 \u0085 next line", 0x85, true},
		{"delete \x7f", 0x7f, true},
		{"Côr Anadl — “quoted”", 0, false},
	}
	for _, tt := range tests {
		r, bad := Find(tt.in)
		if r != tt.want || bad != tt.bad {
			t.Errorf("Find(%q) = %U, %v; want %U, %v", tt.in, r, bad, tt.want, tt.bad)
		}
	}
}
