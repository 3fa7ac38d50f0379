package main

import "testing"

// TestNextLimit: the first limit stays while the live heap is under
// three quarters of it, and so does the step above it; a raised one while
// the heap's goal is half as much again as the live heap. Then it rises to give a goal of twice the
// live heap, up to the most a build is allowed, and never falls.
func TestNextLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct{ live, goal, limit, want int64 }{
		{100 * mb, 230 * mb, buildMemory, buildMemory},
		{225 * mb, 230 * mb, buildMemory, buildMemory}, // 10,000 providers: issue 8's budget
		{250 * mb, 230 * mb, buildMemory, stepMemory},  // a step first: still within 400 MB
		{270 * mb, 290 * mb, stepMemory, stepMemory},   // three quarters of the step
		{280 * mb, 290 * mb, stepMemory, 630 * mb},     // 2 × 280 + the 70 MB the runtime holds
		{290 * mb, 230 * mb, buildMemory, 650 * mb},    // past the step at once: 2 × 290 + 70
		{300 * mb, 500 * mb, 570 * mb, 570 * mb},
		{340 * mb, 500 * mb, 570 * mb, 750 * mb},
		{1000 * mb, 1100 * mb, 1170 * mb, maxBuildMemory},
		{2000 * mb, 1230 * mb, maxBuildMemory, maxBuildMemory},
		{10 * mb, 500 * mb, 570 * mb, 570 * mb},
	} {
		if got := nextLimit(tc.live, tc.goal, tc.limit); got != tc.want {
			t.Errorf("live %d MB, goal %d MB, limit %d MB: %d MB, want %d MB", tc.live/mb, tc.goal/mb, tc.limit/mb, got/mb, tc.want/mb)
		}
	}
}
