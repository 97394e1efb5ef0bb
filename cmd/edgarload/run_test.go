package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
	return code, out.String(), errOut.String()
}

func fixtures(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "filings"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestParsePrintsJSONLines(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "parse", fixtures(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	files, _ := os.ReadDir(fixtures(t))
	if len(lines) != len(files) {
		t.Fatalf("%d JSON lines for %d fixtures", len(lines), len(files))
	}
	for _, l := range lines {
		var f map[string]any
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("not JSON: %v: %.200s", err, l)
		}
		for _, key := range []string{"accession_number", "form_type", "period_of_report", "filed_at", "source", "registrants", "items", "exhibits", "signers"} {
			if _, ok := f[key]; !ok {
				t.Errorf("%v: missing contract field %q", f["source"], key)
			}
		}
	}
}

func TestParseFailsNamingTheFile(t *testing.T) {
	bad, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "bad", "shopping-list.txt"))
	code, out, errOut := runCLI(t, nil, "parse", bad, filepath.Join(fixtures(t), "quillfeather-instruments-8-K-2003-05-14.txt"))
	if code == 0 {
		t.Fatal("exit 0 for a file that is not a filing")
	}
	if !strings.Contains(errOut, bad) {
		t.Errorf("stderr does not name %s: %s", bad, errOut)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the good file was not printed: %q", out)
	}
}

func TestParseText(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "parse", "--text", filepath.Join(fixtures(t), "0000999001-24-000012.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Item 2.02. Results of Operations and Financial Condition.") || strings.Contains(out, "<p>") {
		t.Errorf("unexpected text:\n%s", out)
	}
}

func TestVersionAndUsage(t *testing.T) {
	if code, out, _ := runCLI(t, nil, "version"); code != 0 || !strings.HasPrefix(out, "edgarload ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, _, _ := runCLI(t, nil, "migrate", "sideways"); code == 0 {
		t.Error("migrate sideways: exit 0")
	}
	if code, _, _ := runCLI(t, nil, "load"); code == 0 {
		t.Error("load without paths: exit 0")
	}
}

// TestLoadEndToEnd runs `edgarload load` twice on the fixtures against a
// fresh database that the command creates itself.
func TestLoadEndToEnd(t *testing.T) {
	dbURL, _ := newDatabaseURL(t)
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL, "EDGARLOAD_LOG_LEVEL": "warn"}
	files, _ := os.ReadDir(fixtures(t))
	code, out, errOut := runCLI(t, env, "load", fixtures(t))
	if code != 0 {
		t.Fatalf("first load: exit %d\n%s\n%s", code, out, errOut)
	}
	if want := fmt.Sprintf("%d files seen, %d filings loaded, 0 unchanged, 0 rejected", len(files), len(files)); !strings.Contains(out, want) {
		t.Errorf("first load summary %q does not say %q", out, want)
	}
	code, out, errOut = runCLI(t, env, "load", "--workers=1", fixtures(t))
	if code != 0 {
		t.Fatalf("second load: exit %d\n%s\n%s", code, out, errOut)
	}
	if want := fmt.Sprintf("0 filings loaded, %d unchanged", len(files)); !strings.Contains(out, want) {
		t.Errorf("second load summary %q does not say %q", out, want)
	}
	code, out, errOut = runCLI(t, env, "migrate", "version")
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Errorf("migrate version: exit %d, %q %s", code, out, errOut)
	}
}

// TestLoadSeedGivesOneRowEach is the foundation issue's acceptance case:
// the seed 8-K alone, loaded into an empty database, gives one row each in
// filings, registrants, items, exhibits and signers; a second load changes
// nothing.
func TestLoadSeedGivesOneRowEach(t *testing.T) {
	seed, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "seed", "sonus-networks-8-K-2004-07-29.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(seed); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but the seed is missing: %v", err)
		}
		t.Skipf("seed not found: %v", err)
	}
	dbURL, conn := freshDatabase(t)
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL, "EDGARLOAD_LOG_LEVEL": "warn"}
	if code, out, errOut := runCLI(t, env, "load", seed); code != 0 {
		t.Fatalf("load: exit %d\n%s\n%s", code, out, errOut)
	}
	counts := func() map[string]int {
		got := map[string]int{}
		for _, table := range []string{"filings", "registrants", "items", "exhibits", "signers"} {
			var n int
			if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM edgar."+table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			got[table] = n
		}
		return got
	}
	first := counts()
	for table, n := range first {
		if n != 1 {
			t.Errorf("edgar.%s has %d rows, want 1", table, n)
		}
	}
	var signer, signerContext string
	if err := conn.QueryRow(context.Background(), "SELECT name, context FROM edgar.signers").Scan(&signer, &signerContext); err != nil {
		t.Fatal(err)
	}
	if signer != "Albert A. Notini" || signerContext != "registrant" {
		t.Errorf("signer %q in context %q, want Albert A. Notini, registrant", signer, signerContext)
	}
	var loadedAt string
	if err := conn.QueryRow(context.Background(), "SELECT loaded_at::text FROM edgar.filings").Scan(&loadedAt); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, env, "load", seed)
	if code != 0 || !strings.Contains(out, "0 filings loaded, 1 unchanged") {
		t.Fatalf("second load: exit %d\n%s\n%s", code, out, errOut)
	}
	var again string
	if err := conn.QueryRow(context.Background(), "SELECT loaded_at::text FROM edgar.filings").Scan(&again); err != nil {
		t.Fatal(err)
	}
	if again != loadedAt {
		t.Errorf("second load rewrote the filing: loaded_at %s → %s", loadedAt, again)
	}
}

// newDatabaseURL returns the URL of a database that does not exist yet,
// on the server of EDGARLOAD_TEST_DATABASE_URL, and a connection to that
// server; the database is dropped when the test ends.
func newDatabaseURL(t *testing.T) (string, *pgx.Conn) {
	t.Helper()
	base := os.Getenv("EDGARLOAD_TEST_DATABASE_URL")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/postgres"
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("edgarload_cli_test_%d", rand.Uint32())
	u.Path = "/" + name
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to the test server %s: %v", base, err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close(ctx)
	})
	return u.String(), admin
}

// freshDatabase creates a new, empty database and returns its URL and a
// connection to it; both go away when the test ends.
func freshDatabase(t *testing.T) (string, *pgx.Conn) {
	t.Helper()
	dbURL, admin := newDatabaseURL(t)
	ctx := context.Background()
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+cfg.Database); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) }) // runs before the drop registered earlier
	return dbURL, conn
}

func TestPasswordNeverPrinted(t *testing.T) {
	env := map[string]string{"EDGARLOAD_DATABASE_URL": "postgres://loader:s3cretpw@127.0.0.1:1/nope?connect_timeout=2"}
	code, out, errOut := runCLI(t, env, "migrate", "status")
	if code == 0 {
		t.Fatal("migrate status against a closed port: exit 0")
	}
	if strings.Contains(out+errOut, "s3cretpw") {
		t.Errorf("password printed: %s%s", out, errOut)
	}
}

// TestLoadWithoutMigrateLeavesSchemaAlone checks --migrate=false: on an
// empty database the load fails (there is no edgar schema) instead of
// creating one.
func TestLoadWithoutMigrateLeavesSchemaAlone(t *testing.T) {
	dbURL, conn := freshDatabase(t)
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL, "EDGARLOAD_LOG_LEVEL": "error"}
	code, _, errOut := runCLI(t, env, "load", "--migrate=false", fixtures(t))
	if code == 0 {
		t.Fatal("load --migrate=false into an empty database: exit 0")
	}
	if !strings.Contains(errOut, "edgar") {
		t.Errorf("error does not say what is missing: %s", errOut)
	}
	var n int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_namespace WHERE nspname = 'edgar'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("--migrate=false created the edgar schema")
	}
}
