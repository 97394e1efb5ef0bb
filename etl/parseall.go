package etl

import (
	"context"
	"runtime"
	"sync"

	"golang.org/x/sync/semaphore"
)

// startWorkers starts n goroutines of the load's worker pool: each takes
// inputs from ins, applies work and sends the result to outs, until ins is
// closed or ctx is done. wg counts them.
func startWorkers[I, O any](ctx context.Context, n int, wg *sync.WaitGroup, ins <-chan I, outs chan<- O, work func(I) O) {
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range ins {
				o := work(in)
				select {
				case outs <- o:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
}

// sequenced is an input or a result tagged with its position in the walk.
type sequenced[T any] struct {
	n      int
	weight int64
	v      T
}

// ParseInputs walks paths as Load does (files, directories, archives, "-"
// for standard input) and applies work to every input on workers
// goroutines of the load's worker pool (0: GOMAXPROCS), then calls emit
// with the results in the order the inputs were walked, on the calling
// goroutine. The input bytes held (walked but not yet emitted) are bounded
// by maxInflight (0: the load's default, 32 MiB; an input larger than that
// passes alone). An error from emit stops the walk and is returned.
func ParseInputs[T any](ctx context.Context, paths []string, workers int, maxInflight int64, work func(Input) T, emit func(T) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if maxInflight <= 0 {
		maxInflight = defaultMaxInflightBytes
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	budget := semaphore.NewWeighted(maxInflight)
	ins := make(chan sequenced[Input], workers)
	outs := make(chan sequenced[T], workers)
	var walkErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(ins)
		n := 0
		walkErr = walkInputs(ctx, paths, defaultWalkConfig(), func(in Input) bool {
			w := min(max(in.size(), 1), maxInflight)
			if budget.Acquire(ctx, w) != nil {
				return false
			}
			select {
			case ins <- sequenced[Input]{n: n, weight: w, v: in}:
				n++
				return true
			case <-ctx.Done():
				budget.Release(w)
				return false
			}
		})
	}()
	startWorkers(ctx, workers, &wg, ins, outs, func(s sequenced[Input]) sequenced[T] {
		return sequenced[T]{n: s.n, weight: s.weight, v: work(s.v)}
	})
	go func() { wg.Wait(); close(outs) }()
	err := emitInOrder(outs, budget, func(v T) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return emit(v)
	})
	if err != nil {
		cancel()
		for range outs { // drain, so that every worker ends
		}
		return err
	}
	if walkErr != nil {
		return walkErr
	}
	return ctx.Err()
}

// emitInOrder takes the results from outs as they come and emits them in
// sequence order, giving each one's weight back to budget once emitted.
func emitInOrder[T any](outs <-chan sequenced[T], budget *semaphore.Weighted, emit func(T) error) error {
	pending := map[int]sequenced[T]{}
	next := 0
	for o := range outs {
		pending[o.n] = o
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			err := emit(p.v)
			budget.Release(p.weight)
			if err != nil {
				return err
			}
		}
	}
	return nil
}
