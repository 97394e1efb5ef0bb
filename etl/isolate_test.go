package etl

import (
	"context"
	"strings"
	"testing"
)

// A filing PostgreSQL refuses is isolated by bisecting its batch: it alone
// becomes a reject at stage "load" naming its file and the SQLSTATE, and
// the rest of the batch is written.
func TestDataErrorIsolatesOneFiling(t *testing.T) {
	pool, _ := newDB(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `
		CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'poisoned value' USING ERRCODE = 'check_violation'; END $$;
		CREATE TRIGGER poison BEFORE INSERT ON edgar.filings FOR EACH ROW WHEN (NEW.form_type = 'POISON') EXECUTE FUNCTION poison();`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var poisoned string
	for i := 1; i <= 9; i++ {
		f := northwind(i)
		name := "f" + itoa(i) + ".txt"
		if i == 6 {
			f.FormType = "POISON"
			poisoned = writeFiling(t, dir, name, f)
			continue
		}
		writeFiling(t, dir, name, f)
	}
	sum, err := Load(ctx, pool, []string{dir}, Options{Workers: 1, BatchSize: 50, Parse: jsonParse}, testLogger(t))
	if err != nil {
		t.Fatalf("one refused filing failed the load: %v", err)
	}
	if sum.FilingsLoaded != 8 || sum.FilingsRejected != 1 {
		t.Errorf("%+v, want 8 loaded and 1 rejected", sum)
	}
	var path, stage, msg string
	if err := pool.QueryRow(ctx, `SELECT source_path, stage, error FROM edgar.load_rejects`).Scan(&path, &stage, &msg); err != nil {
		t.Fatal(err)
	}
	if path != poisoned || stage != StageLoad || !strings.Contains(msg, "23514") || !strings.Contains(msg, poisoned) {
		t.Errorf("reject %s %s %q", path, stage, msg)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings`); n != 8 {
		t.Errorf("%d filings stored", n)
	}
}

// A transient fault (here a serialization failure, twice) retries the
// batch; the run finishes with every row.
func TestTransientFaultRetriesBatch(t *testing.T) {
	pool, _ := newDB(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `
		CREATE SEQUENCE flaky_calls;
		CREATE FUNCTION flaky() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF nextval('flaky_calls') <= 2 THEN
				RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure';
			END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER flaky BEFORE INSERT ON edgar.filings FOR EACH STATEMENT EXECUTE FUNCTION flaky();`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := 1; i <= 5; i++ {
		writeFiling(t, dir, "f"+itoa(i)+".txt", northwind(i))
	}
	sum, err := Load(ctx, pool, []string{dir}, Options{Workers: 1, BatchSize: 50, Parse: jsonParse}, testLogger(t))
	if err != nil {
		t.Fatalf("a transient fault failed the load: %v", err)
	}
	if sum.FilingsLoaded != 5 || sum.Retries != 2 {
		t.Errorf("%+v, want 5 loaded after 2 retries", sum)
	}
}
