package main

import "testing"

// TestNextLimit: the soft limit stays while the live heap is under three
// quarters of it, then rises to half as much again as the live heap, up
// to the most a build is allowed, and never falls.
func TestNextLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct{ live, limit, want int64 }{
		{100 * mb, buildMemory, buildMemory},
		{225 * mb, buildMemory, buildMemory},
		{250 * mb, buildMemory, 375 * mb},
		{400 * mb, 375 * mb, 600 * mb},
		{1000 * mb, 600 * mb, maxBuildMemory},
		{2000 * mb, maxBuildMemory, maxBuildMemory},
		{10 * mb, 600 * mb, 600 * mb},
	} {
		if got := nextLimit(tc.live, tc.limit); got != tc.want {
			t.Errorf("live %d MB, limit %d MB: %d MB, want %d MB", tc.live/mb, tc.limit/mb, got/mb, tc.want/mb)
		}
	}
}
