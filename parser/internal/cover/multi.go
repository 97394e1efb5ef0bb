package cover

import (
	"regexp"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/codes"
)

// Patterns of the multi-registrant table: exact file and IRS numbers, and
// the "(A Delaware Corporation)" note under a registrant's name.
var (
	reFileExact  = regexp.MustCompile(`^\d{1,3}-\d{3,6}(?:-\d{1,3})?$`)
	reIRSExact   = regexp.MustCompile(`^\d{2}\s?-\s?\d{7}$`)
	reIncorpNote = regexp.MustCompile(`(?i)^\(?\s*(?:an?|incorporated\s+in(?:\s+the)?)\s+(.+?)\s+(?:corporation|company|limited\s+liability\s+company|limited\s+partnership|partnership|trust|statutory\s+trust|corp\.?)\s*\)?$`)
)

// multiRegistrant reads the combined cover of several registrants laid out
// as rows "file number | name, state, address, phone | IRS number" (with,
// in some covers, a state-of-incorporation column before the IRS number):
// the first row's registrant goes into c, the others into c.Others.
func multiRegistrant(ls []line, c *Cover) {
	var rows []Cover
	for i := range ls {
		if r, ok := registrantRow(ls, i); ok && !sameParty(rows, r) {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return
	}
	c.setParty(rows[0].party())
	if len(rows) > 1 {
		c.Others = rows[1:]
	}
}

// isRegistrantRow reports whether l is a row of the multi-registrant table:
// a file number first, an IRS number last and something between.
func isRegistrantRow(l line) bool {
	n := len(l.cells)
	return n >= 3 && reFileExact.MatchString(l.cells[0].text) && reIRSExact.MatchString(l.cells[n-1].text)
}

// registrantRow reads the registrant of the table row at ls[i] and the
// lines below it (state note, address, telephone) up to the next row.
func registrantRow(ls []line, i int) (Cover, bool) {
	l := ls[i]
	if !isRegistrantRow(l) {
		return Cover{}, false
	}
	n := len(l.cells)
	var c Cover
	c.FileNumber = l.cells[0].text
	c.IRSNumber = strings.ReplaceAll(l.cells[n-1].text, " ", "")
	c.Name = l.cells[1].text
	if codes.StateCode(c.Name) != "" {
		// "1-4858 | New York | 13-1432060": the values row of a
		// single registrant's file, state and IRS captions.
		return Cover{}, false
	}
	for _, m := range l.cells[2 : n-1] {
		// A state-of-incorporation column between name and IRS number.
		if s := stateOf(m.text); s != "" && c.State == "" {
			c.State = s
		}
	}
	if m := reInlineIncorp.FindStringSubmatch(c.Name); m != nil {
		// The whole cell on one line: "Name (A Delaware Corporation)
		// street city, state zip phone".
		c.Name, c.State = strings.TrimSpace(m[1]), stateOf(m[2])
		rest := m[3]
		if p := phoneOf(rest); p != "" && strings.HasSuffix(strings.TrimSpace(rest), p) {
			c.Phone = p
			rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), p))
		}
		if rest != "" {
			parseAddress([]string{rest}, "", &c)
		}
		return c, validName(c.Name)
	}
	var addr []string
	for j := i + 1; j < len(ls) && j <= i+7; j++ {
		m := ls[j]
		if m.blank || m.rule || len(m.cells) == 0 {
			if len(addr) > 0 {
				break
			}
			continue
		}
		if len(m.cells) >= 2 && reFileExact.MatchString(m.cells[0].text) {
			break
		}
		t := m.text()
		if sm := reIncorpNote.FindStringSubmatch(t); sm != nil && c.State == "" {
			c.State = stateOf(sm[1])
			continue
		}
		if p := phoneOf(t); p != "" && len(p) >= len(t)-4 {
			c.Phone = p
			break
		}
		addr = append(addr, t)
	}
	if len(addr) > 0 {
		parseAddress(addr, "", &c)
	}
	return c, validName(c.Name)
}

// sameParty reports whether r repeats a registrant of rs (a cover printed
// twice): the same IRS number, or the same file number and name.
func sameParty(rs []Cover, r Cover) bool {
	for _, o := range rs {
		if digitsOf(o.IRSNumber) != "" && digitsOf(o.IRSNumber) == digitsOf(r.IRSNumber) {
			return true
		}
		if strings.EqualFold(o.Name, r.Name) && (o.FileNumber == r.FileNumber || o.FileNumber == "" || r.FileNumber == "") {
			return true
		}
	}
	return false
}

// digitsOf returns the ASCII digits of s.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// reInlineIncorp splits a one-line registrant cell "Name (A Delaware
// Corporation) address phone".
var reInlineIncorp = regexp.MustCompile(`(?i)^(.+?)\s*\(\s*(?:an?|incorporated\s+in(?:\s+the)?)\s+(.+?)\s+(?:corporation|company|limited\s+liability\s+company|limited\s+partnership|partnership|trust|statutory\s+trust|corp\.?)\s*\)\s*(.*)$`)
