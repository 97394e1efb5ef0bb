package migrations

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	edgarsql "github.com/edgarload/edgarload/sql"
)

// Every view of sql/views is defined by a migration, and the newest
// migration that creates or replaces it holds the file verbatim: the
// definition in sql/ is the one the database gets.
func TestViewsMatchMigrations(t *testing.T) {
	views, err := fs.Glob(edgarsql.Views, "views/*.sql")
	if err != nil || len(views) == 0 {
		t.Fatalf("no views in sql/views: %v", err)
	}
	migs, err := fs.Glob(FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		def, err := fs.ReadFile(edgarsql.Views, v)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(path.Base(v), ".sql")
		if !strings.Contains(string(def), "VIEW edgar."+name+" AS") {
			t.Errorf("%s does not define edgar.%s", v, name)
			continue
		}
		creates := regexp.MustCompile(`(?i)CREATE (OR REPLACE )?VIEW edgar\.` + name + ` AS`)
		newest := ""
		for _, m := range migs {
			b, _ := fs.ReadFile(FS, m)
			up, _, _ := strings.Cut(string(b), "-- +goose Down")
			if creates.MatchString(up) {
				newest = m
			}
		}
		if newest == "" {
			t.Errorf("no migration creates edgar.%s", name)
			continue
		}
		b, _ := fs.ReadFile(FS, newest)
		if !strings.Contains(string(b), string(def)) {
			t.Errorf("%s does not hold %s verbatim: copy it in (or add a migration that does)", newest, v)
		}
	}
}
