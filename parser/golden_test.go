package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden parses every invented fixture in testdata/filings and compares
// the JSON with testdata/golden/<name>.json, which was reviewed by hand.
// Run `go test ./parser -run TestGolden -update` after an intended change
// and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "filings", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures found: %v", err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse("testdata/filings/"+name, data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got, err := json.MarshalIndent(f, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("..", "testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run `go test ./parser -run TestGolden -update` and review the diff.\ngot:\n%s", name, golden, got)
			}
		})
	}
}

// TestBadInputIsRejected checks that files which are not filings give a
// clear error naming the file instead of a half-empty filing.
func TestBadInputIsRejected(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "bad", "*"))
	if len(files) == 0 {
		t.Fatal("no bad fixtures")
	}
	for _, path := range append(files, "") {
		var data []byte
		if path != "" {
			data, _ = os.ReadFile(path)
		} else {
			path = "empty.txt"
		}
		f, err := Parse(path, data)
		if err == nil {
			t.Errorf("%s: Parse succeeded with form %q, want an error", path, f.FormType)
			continue
		}
		if !bytes.Contains([]byte(err.Error()), []byte(path)) {
			t.Errorf("error does not name the file %s: %v", path, err)
		}
	}
}
