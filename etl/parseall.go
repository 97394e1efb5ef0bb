package etl

import (
	"container/heap"
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
	byWeight := func(s sequenced[Input]) int64 { return s.weight }
	startWorkers(ctx, workers, &wg, largestFirst(ctx, workers, ins, byWeight), outs, func(s sequenced[Input]) sequenced[T] {
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

// largestFirst passes the items of in on to the channel it returns, the
// heaviest of those waiting first, and closes it once in is closed and
// drained (or ctx is done). The walker reads ahead of the parsers (within
// the in-flight byte budget), so a large input read behind many small ones
// starts as soon as it is read instead of last, where it would leave the
// other cores idle while it alone is parsed. Inputs of equal weight keep
// their order. For one worker there is no idle core to save: in is
// returned as it is, and inputs keep their walk order.
func largestFirst[T any](ctx context.Context, workers int, in <-chan T, weight func(T) int64) <-chan T {
	if workers <= 1 {
		return in
	}
	out := make(chan T)
	go func() {
		defer close(out)
		h := &waiting[T]{}
		seq := 0
		take := func(v T) {
			heap.Push(h, weighed[T]{v, weight(v), seq})
			seq++
		}
		for in != nil || h.Len() > 0 {
			if h.Len() == 0 {
				select {
				case v, ok := <-in:
					if !ok {
						return
					}
					take(v)
				case <-ctx.Done():
					return
				}
				continue
			}
			select { // take whatever has arrived before choosing
			case v, ok := <-in:
				if !ok {
					in = nil
				} else {
					take(v)
				}
				continue
			default:
			}
			select {
			case v, ok := <-in:
				if !ok {
					in = nil
				} else {
					take(v)
				}
			case out <- (*h)[0].v:
				heap.Pop(h)
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// waiting is a container/heap of items, heaviest first, then by arrival.
type waiting[T any] []weighed[T]

type weighed[T any] struct {
	v      T
	weight int64
	seq    int
}

func (h waiting[T]) Len() int { return len(h) }
func (h waiting[T]) Less(i, j int) bool {
	return h[i].weight > h[j].weight || h[i].weight == h[j].weight && h[i].seq < h[j].seq
}
func (h waiting[T]) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *waiting[T]) Push(x any)   { *h = append(*h, x.(weighed[T])) }
func (h *waiting[T]) Pop() any {
	old := *h
	x := old[len(old)-1]
	old[len(old)-1] = weighed[T]{}
	*h = old[:len(old)-1]
	return x
}
