package registry

import "testing"

// TestAnswerLabel: each of the three answers has its own label, nil
// (the key left out) being "Not stated".
func TestAnswerLabel(t *testing.T) {
	yes, no := true, false
	for _, c := range []struct {
		b    *bool
		want string
	}{{nil, "Not stated"}, {&yes, "Yes"}, {&no, "No"}} {
		if got := AnswerLabel(c.b); got != c.want {
			t.Errorf("AnswerLabel(%v) = %q, want %q", c.b, got, c.want)
		}
	}
}
