package etl

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
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
