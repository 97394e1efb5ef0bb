package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// verify passes on a clean load and fails, naming the check, on each kind
// of inconsistency planted afterwards.
func TestVerify(t *testing.T) {
	dbURL, _ := newDatabaseURL(t)
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL, "EDGARLOAD_LOG_LEVEL": "error"}
	if code, out, errOut := runCLI(t, env, "load", fixtures(t)); code != 0 {
		t.Fatalf("load: exit %d: %s %s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, env, "verify")
	if code != 0 || strings.Contains(out, "FAIL") {
		t.Fatalf("verify of a clean load: exit %d:\n%s%s", code, out, errOut)
	}
	conn := connectTo(t, dbURL)
	ctx := context.Background()
	for _, q := range []string{
		`INSERT INTO edgar.registrants (name) VALUES ('NOBODY FILED THIS')`,
		`INSERT INTO edgar.load_runs (inputs, parser_version) VALUES ('{live}', 'test')`, // beating now: not stuck
		`INSERT INTO edgar.load_runs (inputs, parser_version, started_at) VALUES ('{stuck}', 'test', now() - interval '1 hour')`,
		`DELETE FROM edgar.items WHERE filing_id = (SELECT filing_id FROM edgar.filings WHERE accession_number = '0000999001-24-000012')`,
		`DELETE FROM edgar.documents WHERE filing_id = (SELECT filing_id FROM edgar.filings WHERE accession_number = '0000950109-97-004471')`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	code, out, _ = runCLI(t, env, "verify", "--json")
	if code != 1 {
		t.Errorf("verify after planting problems: exit %d", code)
	}
	var checks []struct {
		Check    string   `json:"check"`
		Problems int      `json:"problems"`
		Examples []string `json:"examples"`
	}
	if err := json.Unmarshal([]byte(out), &checks); err != nil {
		t.Fatalf("verify --json: %v\n%s", err, out)
	}
	failed := 0
	for _, c := range checks {
		if c.Problems > 0 {
			failed++
			if strings.Contains(c.Check, "heartbeat") && (c.Problems != 1 || !strings.Contains(c.Examples[0], "never")) {
				t.Errorf("stuck runs: %d %v, want only the one without a heartbeat for an hour", c.Problems, c.Examples)
			}
			if len(c.Examples) == 0 {
				t.Errorf("%s: %d problems, no example", c.Check, c.Problems)
			}
		}
	}
	if failed != 4 {
		t.Errorf("%d checks failed, want 4:\n%s", failed, out)
	}
}
