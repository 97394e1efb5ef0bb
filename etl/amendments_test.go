package etl

import (
	"context"
	"testing"

	"github.com/edgarload/edgarload/parser"
)

// edgar.amendments links an amendment to the filing it amends: by the
// accession number its text cites first, else by the same registrant's
// filing of the amended form for the same period; an amendment whose
// original is not loaded is listed without one.
func TestAmendmentsView(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	original := northwind(0) // 0000999001-10-000000, CIK 999001, period 2010-02-14
	writeFiling(t, dir, "original.json", original)
	other := northwind(14) // same registrant (14 % 7 == 0), another period
	writeFiling(t, dir, "other.json", other)

	byPeriod := northwind(7)
	byPeriod.FormType, byPeriod.PeriodOfReport, byPeriod.FiledAt = "8-K/A", sp("2010-02-14"), sp("2010-03-01")
	writeFiling(t, dir, "by-period.json", byPeriod)

	cited := northwind(21)
	cited.FormType, cited.FiledAt = "8-K/A", sp("2026-01-05")
	cited.Documents = []parser.Document{{Type: "8-K/A", Sequence: ip(1), Filename: "a.htm", Bytes: 100,
		Text: "This Amendment No. 1 amends the Current Report filed under accession number 0000999001-10-000000."}}
	writeFiling(t, dir, "cited.json", cited)

	orphan := northwind(3)
	orphan.FormType = "10-K/A"
	writeFiling(t, dir, "orphan.json", orphan)
	load(t, pool, Options{}, dir)

	want := map[string][2]string{
		*byPeriod.AccessionNumber: {*original.AccessionNumber, "form and period"},
		*cited.AccessionNumber:    {*original.AccessionNumber, "cited accession"},
		*orphan.AccessionNumber:   {"", ""},
	}
	rows, err := pool.Query(context.Background(), `SELECT accession_number, coalesce(amended_accession_number, ''), coalesce(matched_by, ''),
		amended_form, cik10 FROM edgar.amendments`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var acc, amended, by, form, cik10 string
		if err := rows.Scan(&acc, &amended, &by, &form, &cik10); err != nil {
			t.Fatal(err)
		}
		n++
		if w, ok := want[acc]; !ok || w != [2]string{amended, by} {
			t.Errorf("%s amends %q (matched by %q), want %v", acc, amended, by, w)
		}
		if form != "8-K" && form != "10-K" {
			t.Errorf("%s: amended form %q", acc, form)
		}
		if len(cik10) != 10 {
			t.Errorf("%s: cik10 %q", acc, cik10)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(want) {
		t.Errorf("%d amendments, want %d", n, len(want))
	}
}
