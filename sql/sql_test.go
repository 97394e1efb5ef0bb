package sql

import (
	"io/fs"
	"strings"
	"testing"
)

// Every loader statement is embedded and non-empty, and every example query
// is a single read-only statement.
func TestEmbedded(t *testing.T) {
	for name, q := range map[string]string{
		"AdoptRegistrants": AdoptRegistrants, "AllocateRegistrantIDs": AllocateRegistrantIDs, "CreateStaging": CreateStaging,
		"DeleteChildren": DeleteChildren, "DeleteFilings": DeleteFilings, "ExistingFilings": ExistingFilings,
		"FinishRun": FinishRun, "InsertDocuments": InsertDocuments, "InsertExhibits": InsertExhibits,
		"InsertFilingRegistrants": InsertFilingRegistrants, "InsertFormerNames": InsertFormerNames, "InsertItems": InsertItems,
		"InsertRegistrants": InsertRegistrants, "InsertRejects": InsertRejects, "InsertRun": InsertRun,
		"InsertSecurities": InsertSecurities, "InsertSigners": InsertSigners, "LockBatch": LockBatch,
		"RecomputeRegistrants": RecomputeRegistrants, "RegistrantCandidates": RegistrantCandidates,
		"UpsertFilingsByAccession": UpsertFilingsByAccession, "UpsertFilingsBySHA": UpsertFilingsBySHA,
		"RunProgress": RunProgress, "HeartbeatRun": HeartbeatRun, "RunningRunsOnHost": RunningRunsOnHost,
		"AbandonRuns": AbandonRuns, "InsertLoadFiles": InsertLoadFiles, "RejectedSources": RejectedSources,
		"InsertRegistrantKeys": InsertRegistrantKeys, "RebuildRegistrantKeys": RebuildRegistrantKeys, "KnownFiles": KnownFiles,
		"IndexCreateStaging":           IndexCreateStaging,
		"IndexDeleteStaleFormerNames":  IndexDeleteStaleFormerNames,
		"IndexDeleteStaleTickers":      IndexDeleteStaleTickers,
		"IndexLock":                    IndexLock,
		"IndexMergeEntries":            IndexMergeEntries,
		"IndexSelectEntries":           IndexSelectEntries,
		"IndexUpsertFormerNames":       IndexUpsertFormerNames,
		"IndexUpsertSICCode":           IndexUpsertSICCode,
		"IndexUpsertSubmissionCompany": IndexUpsertSubmissionCompany,
		"IndexUpsertTickers":           IndexUpsertTickers,
		"StatsTables":                  StatsTables, "StatsForms": StatsForms, "StatsYears": StatsYears, "StatsRuns": StatsRuns,
	} {
		body := strings.TrimSpace(stripComments(q))
		if body == "" {
			t.Errorf("%s is empty", name)
		}
	}
	names, err := fs.Glob(Queries, "queries/examples/*.sql")
	if err != nil || len(names) < 4 {
		t.Fatalf("example queries: %v %v", names, err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(Queries, n)
		if err != nil {
			t.Fatal(err)
		}
		body := strings.TrimSpace(stripComments(string(b)))
		if !strings.HasPrefix(strings.ToUpper(body), "SELECT") && !strings.HasPrefix(strings.ToUpper(body), "WITH") {
			t.Errorf("%s does not start with SELECT or WITH", n)
		}
		if strings.Count(strings.TrimSuffix(body, ";"), ";") > 0 {
			t.Errorf("%s holds more than one statement", n)
		}
		if !strings.HasPrefix(string(b), "--") {
			t.Errorf("%s has no leading comment explaining it", n)
		}
	}
}

func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
