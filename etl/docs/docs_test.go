package docs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/etl/internal/dbtest"
)

var testServer *dbtest.Server

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	srv, drop, err := dbtest.Setup(dbtest.GooseUp)
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %v\n", err)
		return 1
	}
	defer drop()
	testServer = srv
	return m.Run()
}

// TestSchemaDocCurrent regenerates docs/schema.md from a freshly migrated
// database into a temporary file: the committed file must be identical (CI
// fails when a migration changed the schema and `make docs` was not run).
func TestSchemaDocCurrent(t *testing.T) {
	pool, _ := testServer.NewDB(t)
	out := filepath.Join(t.TempDir(), "schema.md")
	if err := Write(context.Background(), pool, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	committed := filepath.Join(dbtest.RepoRoot(t), "docs", "schema.md")
	want, err := os.ReadFile(committed)
	if err != nil {
		t.Fatalf("read %s (run `make docs`): %v", committed, err)
	}
	if string(got) != string(want) {
		t.Errorf("docs/schema.md is not current: run `make docs` (edgarload docs --out docs/schema.md) and commit it\n%s", firstDiff(string(want), string(got)))
	}
	for _, s := range []string{"```mermaid\nerDiagram", "### edgar.filings", "### edgar.item_events", "filings ||--o{ items", "`edgar.search("} {
		if !strings.Contains(string(got), s) {
			t.Errorf("generated reference lacks %q", s)
		}
	}
}

// TestEveryObjectCommented: every table, view and column of the edgar
// schema has a comment (the reference is only as good as they are).
func TestEveryObjectCommented(t *testing.T) {
	pool, _ := testServer.NewDB(t)
	c, err := readCatalog(context.Background(), pool)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.relations) == 0 {
		t.Fatal("no relations")
	}
	for _, r := range c.relations {
		if strings.TrimSpace(r.Comment) == "" {
			t.Errorf("%s edgar.%s has no comment", r.Kind, r.Name)
		}
		for _, col := range r.Columns {
			if strings.TrimSpace(col.Comment) == "" {
				t.Errorf("column edgar.%s.%s has no comment", r.Name, col.Name)
			}
		}
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  committed: %s\n  generated: %s", i+1, x, y)
		}
	}
	return ""
}
