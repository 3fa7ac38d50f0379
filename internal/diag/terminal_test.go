package diag

import "testing"

func TestShowPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"content/providers/mindsong/index.md", "content/providers/mindsong/index.md"},
		{"content/providers/côr anadl/index.md", "content/providers/côr anadl/index.md"},
		{"site\x1b[31mred", `"site\x1b[31mred"`},
		{"a\x1b]0;title\x07b", `"a\x1b]0;title\ab"`},
		{"line\nbreak", `"line\nbreak"`},
		{"bad\xffutf8", `"bad\xffutf8"`},
		{"bidi\u202etxt.exe", `"bidi\u202etxt.exe"`},
	}
	for _, tt := range tests {
		if got := ShowPath(tt.in); got != tt.want {
			t.Errorf("ShowPath(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got, want := ShowText("open site\x1b[2J/x: not \xff here \ufffd ok"), `open site\x1b[2J/x: not \xff here � ok`; got != want {
		t.Errorf("ShowText = %s, want %s", got, want)
	}
	p := Problem{Path: "content/\x1b[2Jx.md", Line: 1, Col: 1, Message: "m\x07", Hint: "h\x1b"}
	if got, want := p.String(), `"content/\x1b[2Jx.md":1:1: m\a (h\x1b)`; got != want {
		t.Errorf("Problem.String() = %s, want %s", got, want)
	}
}
