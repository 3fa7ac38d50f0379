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
	maxBuildMemory = 1200 << 20
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
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				return
			}
			if next := nextLimit(int64(sample[0].Value.Uint64()), limit); next != limit {
				limit = next
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return stop
}

// nextLimit is the soft limit for a live heap: unchanged while the heap
// has a quarter of the limit to grow into; else half as much again as
// what is live, never above maxBuildMemory nor below the current limit.
func nextLimit(live, limit int64) int64 {
	if live*4 <= limit*3 {
		return limit
	}
	return max(limit, min(live*3/2, maxBuildMemory))
}
