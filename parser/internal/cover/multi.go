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
// as table rows "file number | name, state, address, phone | IRS number"
// (with, in some covers, a state-of-incorporation column before the IRS
// number, or the IRS number at the end of the name cell, or two
// registrants side by side in one row): the first registrant goes into c,
// the others into c.Others.
func multiRegistrant(ls []line, c *Cover) {
	var rows []Cover
	for i := range ls {
		for _, r := range registrantRow(ls, i) {
			if !sameParty(rows, r) {
				rows = append(rows, r)
			}
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

// reTrailingIRS matches an IRS number ending a registrant cell, with its
// caption if printed ("... (504) 576-4000 72-1229752", "... I.R.S. No.
// 72-1229752").
var reTrailingIRS = regexp.MustCompile(`(?i)\s*(?:\(?\s*i\.?\s?r\.?\s?s\.?[^0-9]{0,40})?(\d{2}\s?-\s?\d{7})\s*\)?$`)

// rowGroups splits a row of the multi-registrant table into one group of
// cells per registrant: each starts with a cell holding only a file number
// and ends with its IRS number (a cell of its own, or the end of the last
// cell). It returns nil for any other line.
func rowGroups(l line) [][]cell {
	var groups [][]cell
	for _, c := range l.cells {
		if reFileExact.MatchString(c.text) {
			groups = append(groups, []cell{c})
			continue
		}
		if len(groups) == 0 {
			return nil
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], c)
	}
	for _, g := range groups {
		n := len(g)
		switch {
		case n >= 3 && reIRSExact.MatchString(g[n-1].text):
		case n >= 2 && reTrailingIRS.MatchString(g[n-1].text) && !reIRSExact.MatchString(g[n-1].text):
		default:
			return nil
		}
	}
	return groups
}

// registrantRow reads the registrants of the table row at ls[i]: for a
// row of one registrant, with the lines below it (state note, address,
// telephone) up to the next row.
func registrantRow(ls []line, i int) []Cover {
	groups := rowGroups(ls[i])
	var out []Cover
	for _, g := range groups {
		c, inline, ok := registrantCells(g)
		if !ok {
			continue
		}
		if !inline && len(groups) == 1 {
			linesBelow(ls, i, &c)
		}
		out = append(out, c)
	}
	return out
}

// registrantCells reads one registrant's cells of a table row: file
// number, name (with an inline "(A Delaware Corporation) address phone"),
// state column and IRS number. inline reports whether the name cell held
// the address too.
func registrantCells(g []cell) (c Cover, inline, ok bool) {
	n := len(g)
	c.FileNumber = g[0].text
	mid := append([]cell(nil), g[1:]...)
	if reIRSExact.MatchString(g[n-1].text) {
		c.IRSNumber = strings.ReplaceAll(g[n-1].text, " ", "")
		mid = mid[:len(mid)-1]
	} else {
		last := &mid[len(mid)-1]
		m := reTrailingIRS.FindStringSubmatchIndex(last.text)
		c.IRSNumber = strings.ReplaceAll(last.text[m[2]:m[3]], " ", "")
		last.text = strings.TrimSpace(last.text[:m[0]])
	}
	c.Name = mid[0].text
	if codes.StateCode(c.Name) != "" {
		// "1-4858 | New York | 13-1432060": the values row of a
		// single registrant's file, state and IRS captions.
		return Cover{}, false, false
	}
	for _, m := range mid[1:] {
		// A state-of-incorporation column between name and IRS number.
		if s := stateOf(m.text); s != "" && c.State == "" {
			c.State = s
		}
	}
	if m := reInlineIncorp.FindStringSubmatch(c.Name); m != nil {
		// The whole cell on one line: "Name (A Delaware Corporation)
		// street city, state zip phone".
		c.Name, c.State = strings.TrimSpace(m[1]), stateOf(m[2])
		rest := strings.TrimSpace(m[3])
		if p := phoneOf(rest); p != "" && strings.HasSuffix(rest, p) {
			c.Phone = p
			rest = reTelWordEnd.ReplaceAllString(strings.TrimSpace(strings.TrimSuffix(rest, p)), "")
		}
		if rest != "" {
			parseAddress([]string{rest}, "", &c)
		}
		return c, true, validName(c.Name)
	}
	return c, false, validName(c.Name)
}

// reTelWordEnd matches a telephone caption left at the end of an address
// ("... 70113 Telephone").
var reTelWordEnd = regexp.MustCompile(`(?i)[\s,;]*(?:tel(?:ephone)?(?:\s+(?:no|number))?|phone)\.?:?$`)

// linesBelow reads a registrant's state note, address and telephone from
// the lines below its table row at ls[i], up to the next row.
func linesBelow(ls []line, i int, c *Cover) {
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
		parseAddress(addr, "", c)
	}
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
