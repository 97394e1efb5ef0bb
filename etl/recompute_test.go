package etl

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/edgarload/edgarload/parser"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// historyFiling is filing n of an invented company's history whose
// attributes vary: some filings give no SIC, no business or mail address,
// or only a period of report; some share a filing date.
func historyFiling(r *rand.Rand, n int) *parser.Filing {
	f := northwind(0)
	f.AccessionNumber = sp(fmt.Sprintf("0000999201-%02d-%06d", 10+r.IntN(3), n))
	day := fmt.Sprintf("20%02d-0%d-1%d", 10+r.IntN(3), 1+r.IntN(3), r.IntN(2)) // few distinct dates: ties on purpose
	f.FiledAt, f.PeriodOfReport, f.AcceptedAt = sp(day), sp(day), nil
	if r.IntN(5) == 0 {
		f.FiledAt = nil // period of report only
	}
	reg := &f.Registrants[0]
	reg.CIK = i64p(999201)
	reg.Name = fmt.Sprintf("LANTERN BAY %d INC", r.IntN(3))
	reg.IRSNumber = "391234567"
	reg.FileNumber = "001-35601"
	reg.SIC = ip(3600 + r.IntN(4))
	if r.IntN(3) == 0 {
		reg.SIC = nil
	}
	reg.FiscalYearEnd = []string{"", "1231", "0630"}[r.IntN(3)]
	reg.BusinessAddress = &parser.Address{Street1: fmt.Sprintf("%d HARBOR ROAD", n), City: "DULUTH", State: "MN"}
	if r.IntN(3) == 0 {
		reg.BusinessAddress = nil
	}
	reg.MailAddress = nil
	if r.IntN(2) == 0 {
		reg.MailAddress = &parser.Address{Street1: fmt.Sprintf("PO BOX %d", n), City: "DULUTH"}
	}
	reg.FormerNames = nil
	return f
}

// assertRecomputeIsFull recomputes every registrant from its whole history
// (no registrant incremental) in a transaction it rolls back, and fails if
// any row would change: what the loader stored, incrementally or not, is
// what a full recompute gives.
func assertRecomputeIsFull(t *testing.T, pool interface {
	Begin(context.Context) (pgx.Tx, error)
}, step string) {
	t.Helper()
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	var ids []int64
	rows, _ := tx.Query(ctx, "SELECT registrant_id FROM edgar.registrants ORDER BY 1")
	ids, err = pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	changed, err := collectIDs(ctx, tx, edgarsql.RecomputeRegistrants, ids, ids, []int64{})
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) > 0 {
		t.Errorf("%s: a full recompute changes registrants %v: the stored attributes are not what the history gives", step, changed)
	}
}

// The attributes a load stores batch by batch, recomputed from a batch's
// new rows when they are all later than the stored ones and from the whole
// history otherwise, are always those of a full recompute, in any order.
func TestIncrementalRecomputeMatchesFull(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(11, 1))
	var paths []string
	for n := range 14 {
		paths = append(paths, writeFiling(t, dir, fmt.Sprintf("h/0000999201-%06d.txt", n), historyFiling(r, n)))
	}
	var first map[string]string
	for seed := range uint64(4) {
		resetDB(t, pool)
		order := append([]string(nil), paths...)
		if seed > 0 { // seed 0: the order written; the others shuffled
			rand.New(rand.NewPCG(seed, 7)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		for i, p := range order {
			load(t, pool, Options{}, p)
			assertRecomputeIsFull(t, pool, fmt.Sprintf("order %d, after %d filings", seed, i+1))
		}
		if n := count(t, pool, "SELECT count(*) FROM edgar.registrants WHERE attributes_filing_key IS NULL"); n != 0 {
			t.Errorf("order %d: %d registrants without attributes_filing_key", seed, n)
		}
		d := semanticDump(t, pool)
		if first == nil {
			first = d
		} else {
			compareDumps(t, fmt.Sprintf("order %d", seed), first, d)
		}
	}
}

// A batch whose rows are later than a registrant's stored attributes reads
// only its own rows (a stored value it does not replace is kept as stored);
// an earlier one recomputes from the whole history.
func TestRecomputeTakesIncrementalPathOnlyForLaterFilings(t *testing.T) {
	pool, _ := newDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	mk := func(n int, day string, sic *int) string {
		f := northwind(0)
		f.AccessionNumber = sp(fmt.Sprintf("0000999202-24-%06d", n))
		f.FiledAt, f.PeriodOfReport = sp(day), sp(day)
		f.Registrants[0].CIK, f.Registrants[0].SIC = i64p(999202), sic
		return writeFiling(t, dir, fmt.Sprintf("p/%d.txt", n), f)
	}
	load(t, pool, Options{}, mk(1, "2024-03-01", ip(3661)))
	// A marker no filing gives: only a full recompute removes it.
	if _, err := pool.Exec(ctx, "UPDATE edgar.registrants SET sic = 9999"); err != nil {
		t.Fatal(err)
	}
	sic := func() int { return count(t, pool, "SELECT sic FROM edgar.registrants") }
	load(t, pool, Options{}, mk(2, "2024-04-01", nil)) // later, no SIC: incremental keeps the stored value
	if got := sic(); got != 9999 {
		t.Errorf("after a later filing without SIC: sic %d, want the stored 9999 (incremental path)", got)
	}
	load(t, pool, Options{}, mk(3, "2024-04-01", nil)) // same date, larger accession: still later
	if got := sic(); got != 9999 {
		t.Errorf("after a same-day filing with a larger accession: sic %d, want 9999 (incremental path)", got)
	}
	load(t, pool, Options{}, mk(0, "2024-02-01", nil)) // earlier: the whole history is read again
	if got := sic(); got != 3661 {
		t.Errorf("after an earlier filing: sic %d, want 3661 (full recompute)", got)
	}
	assertRecomputeIsFull(t, pool, "end")
}
