package edgartest

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// MaxPerSecond returns the largest number of the given request times that
// fall in any closed one-second window [t, t+1s].
func MaxPerSecond(times []time.Time) int {
	return MaxInWindow(times, time.Second)
}

// MaxInWindow returns the largest number of times in any closed window
// [t, t+window], sliding over every time (a window holding the most times
// can always be moved to start at one of them).
func MaxInWindow(times []time.Time, window time.Duration) int {
	ts := slices.Clone(times)
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	best, j := 0, 0
	for i := range ts {
		if j < i {
			j = i
		}
		for j+1 < len(ts) && ts[j+1].Sub(ts[i]) <= window {
			j++
		}
		best = max(best, j-i+1)
	}
	return best
}

// IndexEntry is one line of a master.idx.
type IndexEntry struct {
	CIK       int64
	Company   string
	Form      string
	Filed     time.Time
	Accession string // 0000320193-24-000005
}

// MasterIndex returns a quarterly master.idx listing entries, laid out as
// EDGAR's: the preamble, the column header, the dashed rule, then
// CIK|Company Name|Form Type|Date Filed|Filename lines.
func MasterIndex(entries []IndexEntry) []byte {
	var b strings.Builder
	b.WriteString("Description:           Master Index of EDGAR Dissemination Feed\n")
	b.WriteString("Last Data Received:    " + lastReceived(entries) + "\n")
	b.WriteString("Comments:              webmaster@sec.gov\n")
	b.WriteString("Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n")
	b.WriteString("Cloud HTTP:            https://www.sec.gov/Archives/\n\n\n\n\n")
	b.WriteString("CIK|Company Name|Form Type|Date Filed|Filename\n")
	b.WriteString(strings.Repeat("-", 80) + "\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%d|%s|%s|%s|edgar/data/%d/%s.txt\n",
			e.CIK, e.Company, e.Form, e.Filed.Format("2006-01-02"), e.CIK, e.Accession)
	}
	return []byte(b.String())
}

func lastReceived(entries []IndexEntry) string {
	var last time.Time
	for _, e := range entries {
		if e.Filed.After(last) {
			last = e.Filed
		}
	}
	if last.IsZero() {
		return ""
	}
	return last.Format("January 2, 2006")
}
