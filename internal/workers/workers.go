// Package workers is the build's one worker pool: it calls a function for
// each index 0 ... n-1 on a few goroutines.
package workers

import (
	"context"
	"runtime"
	"sync"
)

// PerCPU is two workers for each processor, so that one can work while the
// other waits for the disk.
func PerCPU() int { return 2 * runtime.GOMAXPROCS(0) }

// Run runs do(0) ... do(n-1) on up to workers goroutines and returns the
// error of the lowest index that failed, so that the error reported is the
// same from run to run. When ctx ends it returns ctx's error at once,
// without waiting for the calls under way, and starts no more.
func Run(ctx context.Context, n, workers int, do func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = do(i)
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range n {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		if err := ctx.Err(); err != nil {
			return err
		}
		return firstError(errs)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Each runs do(0) ... do(n-1) on up to workers goroutines and returns when
// every call has.
func Each(n, workers int, do func(i int)) {
	_ = Run(context.Background(), n, workers, func(i int) error { do(i); return nil }) // never fails: do returns no error and the context never ends
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
