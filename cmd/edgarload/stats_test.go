package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `edgarload stats` after a load: text with every section, and JSON whose
// form counts add up to the filings loaded.
func TestStatsCommand(t *testing.T) {
	dbURL, _ := newDatabaseURL(t)
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL, "EDGARLOAD_LOG_LEVEL": "error"}
	if code, out, errOut := runCLI(t, env, "load", fixtures(t)); code != 0 {
		t.Fatalf("load: exit %d: %s %s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, env, "stats")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errOut)
	}
	for _, s := range []string{"filings", "filings per form type", "filings per year:", "last load runs:", "succeeded"} {
		if !strings.Contains(out, s) {
			t.Errorf("stats output lacks %q:\n%s", s, out)
		}
	}
	code, out, errOut = runCLI(t, env, "stats", "--json")
	if code != 0 {
		t.Fatalf("stats --json: exit %d: %s", code, errOut)
	}
	var s struct {
		Tables []struct {
			Table string `json:"table"`
			Rows  int64  `json:"rows"`
		} `json:"tables"`
		Forms []struct {
			Filings int64 `json:"filings"`
		} `json:"forms"`
		Runs []struct {
			Status string `json:"status"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	var filings, forms int64
	for _, tb := range s.Tables {
		if tb.Table == "filings" {
			filings = tb.Rows
		}
	}
	for _, f := range s.Forms {
		forms += f.Filings
	}
	if filings == 0 || forms != filings || len(s.Runs) != 1 || s.Runs[0].Status != "succeeded" {
		t.Errorf("stats --json: %d filings, %d by form, runs %+v", filings, forms, s.Runs)
	}
}

// `edgarload docs` writes the schema reference of the database it migrates.
func TestDocsCommand(t *testing.T) {
	dbURL, _ := newDatabaseURL(t)
	out := filepath.Join(t.TempDir(), "schema.md")
	env := map[string]string{"EDGARLOAD_DATABASE_URL": dbURL, "EDGARLOAD_LOG_LEVEL": "error"}
	if code, stdout, errOut := runCLI(t, env, "docs", "--out", out); code != 0 {
		t.Fatalf("docs: exit %d: %s %s", code, stdout, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "erDiagram") || !strings.Contains(string(b), "### edgar.item_events") {
		t.Errorf("docs output lacks the diagram or the views:\n%.500s", b)
	}
}
