package main

import (
	"context"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The build's soft memory limit (see docs/performance.md): the garbage
// collector works harder as the heap nears it, instead of letting it grow
// to twice what is live. It starts at buildMemory and rises with what the
// site keeps live, up to maxBuildMemory: a limit below the live heap would
// have the collector run without a pause, so that a site five times larger
// took far more than five times the processor time.
const (
	buildMemory    = 300 << 20
	stepMemory     = 360 << 20
	maxBuildMemory = 1300 << 20
)

// limitMemory sets the soft memory limit for a build, unless GOMEMLIMIT
// already sets one, and raises it as the live heap grows (nextLimit),
// looking every 100 ms until ctx ends or stop is called.
func limitMemory(ctx context.Context) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := int64(buildMemory)
	debug.SetMemoryLimit(limit)
	ctx, stop = context.WithCancel(ctx)
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 || sample[1].Value.Kind() != metrics.KindUint64 {
				return
			}
			live, goal := int64(sample[0].Value.Uint64()), int64(sample[1].Value.Uint64())
			if next := nextLimit(live, goal, limit); next != limit {
				limit = next
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return stop
}

// nextLimit is the soft limit for a live heap, given the collector's heap
// goal under the current limit (the limit less what the runtime holds
// besides the heap, about 70 MB). The first limit stays while the live
// heap is under three quarters of it, so that 10,000 providers stay
// within issue 8's 400 MB; a live heap a little over that (10,000
// providers come within a few MB of it) first gets stepMemory, which
// stays on the same terms, not twice the live heap (some 500 MB). A
// raised limit stays while the goal is half as
// much again as what is live. Otherwise the limit becomes what gives a
// goal of twice what is live (the collector's own default), never above
// maxBuildMemory nor below the current limit. Raising to half as much
// again as the live heap, with no room for what the runtime holds, left
// the goal a few tens of MB above the live heap before each rise, and at
// 50,000 providers the collector ran every 360 MB or so of allocation,
// marking some 670 MB each time.
func nextLimit(live, goal, limit int64) int64 {
	first := limit == buildMemory || limit == stepMemory
	if live*4 <= limit*3 && (first || live*3 <= goal*2) {
		return limit
	}
	if limit == buildMemory && live*4 <= stepMemory*3 {
		return stepMemory
	}
	return max(limit, min(live*2+max(limit-goal, 0), maxBuildMemory))
}
