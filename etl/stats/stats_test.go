package stats

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/etl/internal/dbtest"
)

var testServer *dbtest.Server

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	srv, drop, err := dbtest.Setup(func(ctx context.Context, u string) error { return etl.Migrate(ctx, u, "up", io.Discard) })
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %v\n", err)
		return 1
	}
	defer drop()
	testServer = srv
	return m.Run()
}

// After loading the fixtures and a file that is not a filing, the
// statistics count every filing per table, form and year, and list the run
// with its reject.
func TestRead(t *testing.T) {
	pool, _ := testServer.NewDB(t)
	ctx := context.Background()
	fixtures := filepath.Join(dbtest.RepoRoot(t), "testdata", "filings")
	bad := filepath.Join(dbtest.RepoRoot(t), "testdata", "bad", "shopping-list.txt")
	sum, err := etl.Load(ctx, pool, []string{fixtures, bad}, etl.Options{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Read(ctx, pool, 5, 10)
	if err != nil {
		t.Fatal(err)
	}
	if s.Filings() != int64(sum.FilingsLoaded) || s.Filings() == 0 {
		t.Errorf("filings table has %d rows, the load wrote %d", s.Filings(), sum.FilingsLoaded)
	}
	var forms, years int64
	for _, f := range s.Forms {
		forms += f.Filings
	}
	for _, y := range s.Years {
		years += y.Filings
	}
	if forms != s.Filings() || years != s.Filings() {
		t.Errorf("per form %d, per year %d, want %d each", forms, years, s.Filings())
	}
	if len(s.Runs) != 1 || s.Runs[0].ID != sum.RunID || s.Runs[0].Status != "succeeded" {
		t.Fatalf("runs: %+v", s.Runs)
	}
	if r := s.Runs[0]; r.Rejected != 1 || len(r.Rejects) != 1 || r.Rejects[0].Path != bad || r.Rejects[0].Stage != "parse" {
		t.Errorf("run rejects: %+v", r)
	}
	for _, tb := range s.Tables {
		if tb.Bytes <= 0 {
			t.Errorf("table %s: %d bytes", tb.Name, tb.Bytes)
		}
	}
}
