package edgarhttp

import (
	"fmt"
	"strings"
	"time"
)

// CompanyTickersPath is SEC's ticker ↔ CIK list on BaseURL.
const CompanyTickersPath = "/files/company_tickers.json"

// Quarter is a calendar quarter, the unit of EDGAR's full-index.
type Quarter struct {
	Year int
	Q    int // 1..4
}

// QuarterOf returns the quarter holding t's calendar date (in t's location).
func QuarterOf(t time.Time) Quarter {
	return Quarter{Year: t.Year(), Q: (int(t.Month())-1)/3 + 1}
}

// String returns "2004 QTR3".
func (q Quarter) String() string { return fmt.Sprintf("%d QTR%d", q.Year, q.Q) }

// Next returns the quarter after q.
func (q Quarter) Next() Quarter {
	if q.Q >= 4 {
		return Quarter{Year: q.Year + 1, Q: 1}
	}
	return Quarter{Year: q.Year, Q: q.Q + 1}
}

// Before reports whether q comes before p.
func (q Quarter) Before(p Quarter) bool {
	return q.Year < p.Year || q.Year == p.Year && q.Q < p.Q
}

// FullIndexPath returns the path of q's full-index file of the given kind;
// see the package-level FullIndexPath.
func (q Quarter) FullIndexPath(kind string) string { return FullIndexPath(q.Year, q.Q, kind) }

// QuartersBetween returns the quarters from the one holding from to the one
// holding to, both included, in order; nil when from is after to.
func QuartersBetween(from, to time.Time) []Quarter {
	first, last := QuarterOf(from), QuarterOf(to)
	var qs []Quarter
	for q := first; !last.Before(q); q = q.Next() {
		qs = append(qs, q)
	}
	return qs
}

// FullIndexPath returns the BaseURL path of a quarterly index:
// FullIndexPath(2004, 3, "master") is /Archives/edgar/full-index/2004/QTR3/master.idx.
// kind is master, company, form, crawler or xbrl (".idx" is appended), or a
// file name with its extension ("master.gz", "company.zip").
func FullIndexPath(year, quarter int, kind string) string {
	if !strings.Contains(kind, ".") {
		kind += ".idx"
	}
	return fmt.Sprintf("/Archives/edgar/full-index/%d/QTR%d/%s", year, quarter, kind)
}

// DailyIndexPath returns the BaseURL path of the daily master index of
// date's calendar day:
// /Archives/edgar/daily-index/2024/QTR1/master.20240111.idx.
func DailyIndexPath(date time.Time) string {
	q := QuarterOf(date)
	return fmt.Sprintf("/Archives/edgar/daily-index/%d/QTR%d/master.%s.idx", q.Year, q.Q, date.Format("20060102"))
}

// SubmissionPath returns the BaseURL path of a complete submission text
// file: SubmissionPath(320193, "0000320193-24-000005") is
// /Archives/edgar/data/320193/0000320193-24-000005.txt. An accession given
// as 18 digits without dashes is written with them.
func SubmissionPath(cik int64, accession string) string {
	if len(accession) == 18 && isDigits(accession) {
		accession = accession[:10] + "-" + accession[10:12] + "-" + accession[12:]
	}
	return fmt.Sprintf("/Archives/edgar/data/%d/%s.txt", cik, accession)
}

// SubmissionsJSONPath returns the DataURL path of a company's submissions
// JSON: /submissions/CIK0000320193.json. Fetch it with Request.Data set.
func SubmissionsJSONPath(cik int64) string {
	return fmt.Sprintf("/submissions/CIK%010d.json", cik)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
