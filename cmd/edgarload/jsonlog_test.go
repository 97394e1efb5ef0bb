package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONLogs: with --log-format json every stderr line is a JSON object,
// durations are seconds as numbers, rates are numbers, the summary is a
// record, and a failure ends with an error record carrying the exit code.
func TestJSONLogs(t *testing.T) {
	dbURL, _ := freshDatabase(t)
	code, _, errOut := runCLI(t, nil, "load", "--log-format", "json", "--database-url", dbURL, fixtures(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	records := map[string]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not a JSON record: %q", line)
		}
		records[r["msg"].(string)] = r
	}
	for _, msg := range []string{"load finished", "summary"} {
		r, ok := records[msg]
		if !ok {
			t.Fatalf("no %q record in:\n%s", msg, errOut)
		}
		for _, k := range []string{"elapsed_seconds", "filings_per_second", "loaded"} {
			if _, isNum := r[k].(float64); !isNum {
				t.Errorf("%s: %s = %#v, want a number", msg, k, r[k])
			}
		}
	}
	if rows, ok := records["summary"]["rows"].(map[string]any); !ok || rows["filings"] == nil {
		t.Errorf("summary rows: %#v", records["summary"]["rows"])
	}

	code, _, errOut = runCLI(t, nil, "load", "--log-format", "json", "--create-db=false",
		"--database-url", "postgres://postgres@127.0.0.1:1/nowhere?connect_timeout=2", fixtures(t))
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	var last map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil {
		t.Fatalf("last line not JSON: %q", lines[len(lines)-1])
	}
	if code != exitFailed || last["level"] != "ERROR" || last["exit_code"] != float64(exitFailed) || last["error"] == "" {
		t.Errorf("exit %d, last record %v", code, last)
	}
}
