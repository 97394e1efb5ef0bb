package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --cpu-profile writes a pprof profile (gzip-compressed protobuf) of the
// command; a path that cannot be created is a usage error.
func TestCPUProfileFlag(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cpu.prof")
	if code, _, errOut := runCLI(t, nil, "parse", "--cpu-profile", p, fixtures(t)); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("profile is %d bytes and not gzip: not a pprof profile", len(data))
	}
	code, _, errOut := runCLI(t, nil, "parse", "--cpu-profile", filepath.Join(t.TempDir(), "no", "such", "dir", "x"), fixtures(t))
	if code != exitUsage || !strings.Contains(errOut, "--cpu-profile") {
		t.Errorf("unwritable profile path: exit %d, stderr %q; want %d naming --cpu-profile", code, errOut, exitUsage)
	}
}
