package etl

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestParseInputsKeepsInputOrder checks that results come out in the
// order the inputs are walked however long each takes, with several
// workers and an in-flight budget smaller than the inputs.
func TestParseInputsKeepsInputOrder(t *testing.T) {
	dir := t.TempDir()
	for i := range 60 {
		body := fmt.Appendf(nil, "file %d %s", i, make([]byte, rand.IntN(3000)))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.txt", i)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var walked []string
	if err := WalkInputs(context.Background(), []string{dir}, func(in Input) error {
		walked = append(walked, in.Name)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := ParseInputs(context.Background(), []string{dir}, 4, 4096, func(in Input) string {
		time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond)
		return in.Name
	}, func(name string) error {
		got = append(got, name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(walked) {
		t.Errorf("results in another order than the inputs:\n got %v\nwant %v", got, walked)
	}
}

// TestParseInputsStopsOnEmitError checks that an error from emit ends the
// run with that error.
func TestParseInputsStopsOnEmitError(t *testing.T) {
	dir := t.TempDir()
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := ParseInputs(context.Background(), []string{dir}, 2, 0, func(in Input) int { return 1 }, func(int) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("err %v after %d results, want %v after 3", err, n, stop)
	}
}

// largestFirst hands on every item once, the heaviest waiting first (equal
// weights in arrival order), and closes its channel when the input ends.
func TestLargestFirst(t *testing.T) {
	in := make(chan int, 16)
	for _, w := range []int{3, 9, 1, 9, 4, 1} {
		in <- w
	}
	close(in)
	// The input is closed and full before the first item is taken, so
	// every item is taken before the first is handed on: 9 9 4 3 1 1.
	out := largestFirst(context.Background(), 2, in, func(w int) int64 { return int64(w) })
	var got []int
	for v := range out {
		got = append(got, v)
	}
	if want := []int{9, 9, 4, 3, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}

	// Ties keep arrival order: tag items by position.
	type item struct{ w, pos int }
	in2 := make(chan item, 8)
	for i, w := range []int{2, 5, 2, 5, 2} {
		in2 <- item{w, i}
	}
	close(in2)
	var order []int
	for v := range largestFirst(context.Background(), 2, in2, func(x item) int64 { return int64(x.w) }) {
		order = append(order, v.pos)
	}
	if want := []int{1, 3, 0, 2, 4}; !slices.Equal(order, want) {
		t.Errorf("tie order %v, want %v", order, want)
	}

	// One worker: the input channel itself, walk order kept.
	if one := make(chan int); largestFirst(context.Background(), 1, one, func(int) int64 { return 0 }) != (<-chan int)(one) {
		t.Error("one worker: want the input channel unchanged")
	}

	// A cancelled context closes the output without draining the input.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	open := make(chan int)
	if _, ok := <-largestFirst(ctx, 2, open, func(int) int64 { return 0 }); ok {
		t.Error("cancelled: got an item, want a closed channel")
	}
}
