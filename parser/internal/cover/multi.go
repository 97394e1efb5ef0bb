package cover

import (
	"regexp"
	"strings"
)

// Patterns of the multi-registrant table: exact file and IRS numbers, and
// the "(A Delaware Corporation)" note under a registrant's name.
var (
	reFileExact  = regexp.MustCompile(`^\d{1,3}-\d{3,6}(?:-\d{1,3})?$`)
	reIRSExact   = regexp.MustCompile(`^\d{2}\s?-\s?\d{7}$`)
	reIncorpNote = regexp.MustCompile(`(?i)^\(?\s*(?:an?|incorporated\s+in(?:\s+the)?)\s+(.+?)\s+(?:corporation|company|limited\s+liability\s+company|limited\s+partnership|partnership|trust|statutory\s+trust|corp\.?)\s*\)?$`)
)

// multiRegistrant reads the combined cover of several registrants laid out
// as rows "file number | name, state, address, phone | IRS number" and
// keeps the first registrant.
func multiRegistrant(ls []line, c *Cover) {
	for i, l := range ls {
		n := len(l.cells)
		if n < 3 || !reFileExact.MatchString(l.cells[0].text) || !reIRSExact.MatchString(l.cells[n-1].text) {
			continue
		}
		c.FileNumber = l.cells[0].text
		c.IRSNumber = strings.ReplaceAll(l.cells[n-1].text, " ", "")
		c.Name = l.cells[1].text
		var addr []string
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
				parseAddress([]string{rest}, "", c)
			}
			return
		}
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
			parseAddress(addr, "", c)
		}
		return
	}
}

// reInlineIncorp splits a one-line registrant cell "Name (A Delaware
// Corporation) address phone".
var reInlineIncorp = regexp.MustCompile(`(?i)^(.+?)\s*\(\s*(?:an?|incorporated\s+in(?:\s+the)?)\s+(.+?)\s+(?:corporation|company|limited\s+liability\s+company|limited\s+partnership|partnership|trust|statutory\s+trust|corp\.?)\s*\)\s*(.*)$`)
