package workers

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// TestRunReportsLowestIndex: of several failures, the error of the lowest
// index is returned, whatever the order the calls finished in.
func TestRunReportsLowestIndex(t *testing.T) {
	for range 20 {
		err := Run(context.Background(), 50, 4, func(i int) error {
			if i%7 == 3 {
				time.Sleep(time.Duration(50-i) * time.Microsecond)
				return fmt.Errorf("failed %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "failed 3" {
			t.Fatalf("Run = %v, want failed 3", err)
		}
	}
}

// TestRunStopsWithContext: when the context ends, Run returns its error at
// once, without waiting for a call under way, and starts no more calls.
func TestRunStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	block := make(chan struct{})
	defer close(block)
	var started atomic.Int32
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, 100, 2, func(i int) error {
			started.Add(1)
			<-block
			return nil
		})
	}()
	for started.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run waited for the calls under way")
	}
	if n := started.Load(); n > 2 {
		t.Errorf("%d calls started, want 2", n)
	}
}

// TestEachCallsEveryIndexOnce: Each calls do once for every index and
// returns when all have returned.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	counts := make([]atomic.Int32, 1000)
	Each(len(counts), PerCPU(), func(i int) { counts[i].Add(1) })
	for i := range counts {
		if n := counts[i].Load(); n != 1 {
			t.Fatalf("index %d called %d times", i, n)
		}
	}
	Each(0, 4, func(int) { t.Error("called with n = 0") })
}
