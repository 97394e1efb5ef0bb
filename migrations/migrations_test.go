package migrations

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

var nameRe = regexp.MustCompile(`^[0-9]{5}_[a-z0-9_]+\.sql$`)

// Every migration is named NNNNN_name.sql, numbered without gaps, and has
// both an Up and a Down section.
func TestMigrationFiles(t *testing.T) {
	names, err := fs.Glob(FS, "*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no migrations: %v", err)
	}
	for i, n := range names {
		if !nameRe.MatchString(n) {
			t.Errorf("%s: want NNNNN_name.sql", n)
		}
		if want := fmt.Sprintf("%05d_", i+1); !strings.HasPrefix(n, want) {
			t.Errorf("%s: want prefix %s (no gaps)", n, want)
		}
		b, err := fs.ReadFile(FS, n)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		up, down := strings.Index(s, "-- +goose Up"), strings.Index(s, "-- +goose Down")
		if up < 0 || down < up {
			t.Errorf("%s: needs -- +goose Up then -- +goose Down", n)
		}
		if strings.Count(s, "-- +goose StatementBegin") != strings.Count(s, "-- +goose StatementEnd") {
			t.Errorf("%s: unbalanced StatementBegin/End", n)
		}
	}
}
