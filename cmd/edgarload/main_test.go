package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestSecondSignalExitsAtOnce: the first SIGINT cancels the context with
// the signal as its cause; the second calls the immediate exit.
func TestSecondSignalExitsAtOnce(t *testing.T) {
	var stderr bytes.Buffer
	exited := make(chan struct{})
	ctx, stop := signalContext(&stderr, func() { close(exited) })
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	<-ctx.Done()
	if cause := context.Cause(ctx); cause == nil || !strings.Contains(cause.Error(), "interrupt") || errors.Is(cause, context.Canceled) {
		t.Errorf("cause %v, want the signal", cause)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-exited
	if !strings.Contains(stderr.String(), "exiting now") {
		t.Errorf("stderr %q", stderr.String())
	}
}
