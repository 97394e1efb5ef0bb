package edgarhttp_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/edgarload/edgarload/etl/edgarhttp"
)

func TestPaths(t *testing.T) {
	day := time.Date(2024, 1, 11, 15, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ got, want string }{
		{edgarhttp.FullIndexPath(2004, 3, "master"), "/Archives/edgar/full-index/2004/QTR3/master.idx"},
		{edgarhttp.FullIndexPath(2004, 3, "master.gz"), "/Archives/edgar/full-index/2004/QTR3/master.gz"},
		{edgarhttp.Quarter{Year: 1993, Q: 1}.FullIndexPath("company"), "/Archives/edgar/full-index/1993/QTR1/company.idx"},
		{edgarhttp.DailyIndexPath(day), "/Archives/edgar/daily-index/2024/QTR1/master.20240111.idx"},
		{edgarhttp.SubmissionPath(320193, "0000320193-24-000005"), "/Archives/edgar/data/320193/0000320193-24-000005.txt"},
		{edgarhttp.SubmissionPath(320193, "000032019324000005"), "/Archives/edgar/data/320193/0000320193-24-000005.txt"},
		{edgarhttp.SubmissionsJSONPath(320193), "/submissions/CIK0000320193.json"},
		{edgarhttp.CompanyTickersPath, "/files/company_tickers.json"},
		{edgarhttp.QuarterOf(day).String(), "2024 QTR1"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
}

func TestQuartersBetween(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	q := func(y, n int) edgarhttp.Quarter { return edgarhttp.Quarter{Year: y, Q: n} }
	for _, tc := range []struct {
		from, to time.Time
		want     []edgarhttp.Quarter
	}{
		{d(2004, 8, 1), d(2004, 9, 30), []edgarhttp.Quarter{q(2004, 3)}},
		{d(2003, 12, 31), d(2004, 4, 1), []edgarhttp.Quarter{q(2003, 4), q(2004, 1), q(2004, 2)}},
		{d(2004, 7, 1), d(2004, 6, 30), nil},
		{d(2004, 1, 1), d(2004, 12, 31), []edgarhttp.Quarter{q(2004, 1), q(2004, 2), q(2004, 3), q(2004, 4)}},
	} {
		if got := edgarhttp.QuartersBetween(tc.from, tc.to); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("QuartersBetween(%s, %s) = %v, want %v", tc.from.Format(time.DateOnly), tc.to.Format(time.DateOnly), got, tc.want)
		}
	}
}
