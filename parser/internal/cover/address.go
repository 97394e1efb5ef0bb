package cover

import (
	"regexp"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/codes"
)

// parseAddress splits address lines ("250 APOLLO DRIVE, CHELMSFORD,
// MASSACHUSETTS 01824", or street lines then "City, State Zip") into parts.
func parseAddress(addr []string, zip string, c *Cover) {
	var parts []string
	if len(addr) == 1 {
		parts = splitComma(addr[0])
	} else {
		for _, a := range addr[:len(addr)-1] {
			var keep []string
			for _, p := range splitComma(a) {
				if m := reZipOnly.FindStringSubmatch(p); m != nil {
					if c.Zip == "" {
						c.Zip = m[1]
					}
					continue
				}
				keep = append(keep, p)
			}
			parts = append(parts, keep...)
		}
		lastParts := splitComma(addr[len(addr)-1])
		parts = append(parts, lastParts...)
	}
	// A part that is only a ZIP code (its own column) is the zip.
	kept := parts[:0]
	for _, p := range parts {
		if m := reZipOnly.FindStringSubmatch(p); m != nil {
			if c.Zip == "" {
				c.Zip = m[1]
			}
			continue
		}
		kept = append(kept, p)
	}
	parts = kept
	if len(parts) == 0 {
		return
	}
	// Zip at the end of the last part, or in its own column.
	last := parts[len(parts)-1]
	if m := reZip.FindStringSubmatchIndex(last); m != nil && c.Zip == "" {
		c.Zip = last[m[2]:m[3]]
		last = strings.TrimSpace(strings.TrimRight(last[:m[0]], " ,"))
		parts[len(parts)-1] = last
		if last == "" {
			parts = parts[:len(parts)-1]
		}
	} else if z := reZip.FindStringSubmatch(zip); z != nil && c.Zip == "" {
		c.Zip = z[1]
	}
	if len(parts) == 0 {
		return
	}
	// State: the last part, or the last words of the last part.
	last = parts[len(parts)-1]
	if s := codes.StateCode(last); s != "" && len(parts) > 1 {
		c.StateCode = s
		parts = parts[:len(parts)-1]
	} else {
		words := strings.Fields(last)
		for n := min(3, len(words)-1); n >= 1; n-- {
			if s := codes.StateCode(strings.Join(words[len(words)-n:], " ")); s != "" {
				c.StateCode = s
				parts[len(parts)-1] = strings.Join(words[:len(words)-n], " ")
				break
			}
		}
	}
	if len(parts) >= 1 { // always: the state is taken off only when another part is left
		last := parts[len(parts)-1]
		if street, city, ok := splitStreetCity(last); ok {
			// "521 West 57th Street New York": the line break between
			// street and city was lost.
			c.City = city
			parts[len(parts)-1] = street
		} else if len(parts) >= 2 {
			c.City = strings.TrimSpace(last)
			parts = parts[:len(parts)-1]
			if dir, city, ok := strings.Cut(c.City, " "); ok && reDirectional.MatchString(dir) {
				// "..., N.W. Atlanta": the street's quadrant, then the
				// city.
				parts[len(parts)-1] += ", " + dir
				c.City = strings.TrimSpace(city)
			}
		}
	}
	if len(parts) >= 1 {
		c.Street1 = parts[0]
	}
	if len(parts) >= 2 {
		c.Street2 = strings.Join(parts[1:], ", ")
	}
}

// splitComma splits s at commas and trims the parts; a telephone or fax
// number ends the address.
func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if reTelPart.MatchString(p) || rePhone.MatchString(p) {
			// "Tel. (949) 429-5370, Fax. ...": the address has ended.
			break
		}
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// reTelPart matches the start of a telephone or fax number in an address.
var reTelPart = regexp.MustCompile(`(?i)^\s*(?:tel|telephone|phone|fax|facsimile)\b`)

// joinAddress joins the cells of an address with commas, leaving out
// captions.
func joinAddress(cs []cell) string {
	var sb strings.Builder
	for i, c := range cs {
		if isLabelCell(c) {
			continue
		}
		if sb.Len() > 0 {
			if !strings.HasSuffix(cs[i-1].text, ",") && !strings.HasSuffix(sb.String(), ",") {
				sb.WriteByte(',')
			}
			sb.WriteByte(' ')
		}
		sb.WriteString(c.text)
	}
	return sb.String()
}

// startsDigit reports whether s begins with a digit.
func startsDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// zipOf returns the first ZIP code in the zip column k (or, for k < 0, in
// the zip column of cols) of the value lines.
func zipOf(cols []column, k int, ls []line, above []int) string {
	if k < 0 {
		for j, c := range cols {
			if c.kind == fZip {
				k = j
			}
		}
		if k < 0 {
			return ""
		}
	}
	for _, a := range above {
		v := joinCells(assign(cols, ls[a])[k])
		if m := reZip.FindStringSubmatch(strings.TrimSpace(v)); m != nil {
			return m[1]
		}
	}
	return ""
}

// reStreetEnd matches words that end the street part of an address.
var reStreetEnd = regexp.MustCompile(`(?i)^(?:street|avenue|ave\.?|road|rd\.?|drive|dr\.?|boulevard|blvd\.?|lane|ln\.?|way|parkway|pkwy\.?|place|plaza|court|ct\.?|circle|highway|hwy\.?|suite|floor|n\.?w\.?|n\.?e\.?|s\.?w\.?|s\.?e\.?|square|terrace|trail|box|center|centre|\d+[a-z]{0,2}|#\s?\d+),?$`)

// reDirectional matches the quadrant that ends a street ("N.W.").
var reDirectional = regexp.MustCompile(`^(?:[NS]\.?\s?[EW]\.?|[NS]\.[EW]\.),?$`)

// reNumberWord matches a street number written as a word ("One Apple Park").
var reNumberWord = regexp.MustCompile(`(?i)^(?:one|two|three|four|five|six|seven|eight|nine|ten)$`)

// splitStreetCity splits "200 Powder Mill Road Wilmington" after the last
// street word into street and city. It reports false when s does not start
// with a street number or has no city after the street.
func splitStreetCity(s string) (street, city string, ok bool) {
	words := strings.Fields(s)
	if len(words) < 2 || !(startsDigit(s) || reStreetEnd.MatchString(words[0]) || reNumberWord.MatchString(words[0])) {
		return "", "", false
	}
	j := -1
	for k, w := range words {
		if reStreetEnd.MatchString(w) {
			j = k
		}
	}
	if j < 1 || j == len(words)-1 || len(words)-j-1 > 3 {
		return "", "", false
	}
	return strings.TrimSuffix(strings.Join(words[:j+1], " "), ","), strings.Join(words[j+1:], " "), true
}
