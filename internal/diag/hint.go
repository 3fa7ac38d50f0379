package diag

import (
	"fmt"
	"strings"
)

// Suggest returns a "did you mean ...?" hint naming the candidate closest to
// got, or "" when none is close enough to be a likely typo.
func Suggest(got string, candidates []string) string {
	if got == "" {
		return ""
	}
	best, bestDist := "", -1
	g := strings.ToLower(got)
	for _, c := range candidates {
		d := distance(g, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// A suggestion must keep some of what was typed: at most a third of
	// the letters changed, and never all of them.
	n := len([]rune(got))
	limit := min(max(2, n/3), n-1)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return fmt.Sprintf("did you mean %q?", best)
}

// OneOf returns a hint listing the allowed values, preceded by a
// "did you mean" suggestion when one is close.
func OneOf(got string, allowed []string) string {
	if len(allowed) == 0 {
		return "there are no values to choose from: check the vocabulary in content/site.toml"
	}
	list := "must be one of: " + strings.Join(allowed, ", ")
	if len(allowed) > 12 {
		list = "must be one of: " + strings.Join(allowed[:12], ", ") + ", ..."
	}
	if s := Suggest(got, allowed); s != "" {
		return s + " " + list
	}
	return list
}

// distance is the Levenshtein edit distance between a and b, counting an
// adjacent transposition as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
