// Package items splits the plain text of a report (8-K, 10-K, 10-Q, 20-F
// and their variants) into its numbered items, and maps header item
// information to normalized item codes.
//
// Codes are normalized: Form 8-K items use the post-2004 decimal codes
// ("2.02"; legacy items 1-12 are mapped by filing date), periodic reports
// use PART-NUMBER ("I-1A" for a 10-K, "II-1" for a 10-Q).
package items

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/edgarload/edgarload/parser/internal/codes"
)

// Item is one numbered section of a report.
type Item struct {
	Code          string // normalized: 8-K "2.02"; 10-K "I-1A", "II-7"; 10-Q "I-2", "II-1A"; 20-F "I-4A"
	NumberAsFiled string // as printed: "12", "2.02", "1A", "9"
	Part          string // "I".."IV" for periodic reports, "" for 8-K
	Title         string // official title of Code (not the printed heading)
	Text          string // the section's text (heading line excluded), trimmed
}

// switchDate is the day the decimal 8-K items took effect.
const switchDate = "2004-08-23"

// Form families.
const (
	fam8K    = "8-K"
	fam10K   = "10-K"
	fam10KSB = "10-KSB"
	fam10Q   = "10-Q"
	fam10QSB = "10-QSB"
	fam20F   = "20-F"
	fam40F   = "40-F"
)

// family maps a submission type to the form family whose item table
// applies, or "" when the form has no item structure.
func family(form string) string {
	f := strings.ToUpper(strings.TrimSpace(form))
	f = strings.TrimSuffix(f, "/A")
	f = strings.ReplaceAll(f, " ", "")
	switch {
	case strings.HasPrefix(f, "8-K"):
		return fam8K
	case strings.HasPrefix(f, "10-KSB"):
		return fam10KSB
	case strings.HasPrefix(f, "10-K"):
		return fam10K
	case strings.HasPrefix(f, "10-QSB"):
		return fam10QSB
	case strings.HasPrefix(f, "10-Q"):
		return fam10Q
	case strings.HasPrefix(f, "20-F"):
		return fam20F
	case strings.HasPrefix(f, "40-F"):
		return fam40F
	}
	return ""
}

// table returns the item table of a periodic family.
func table(fam string) []entry {
	switch fam {
	case fam10K:
		return tenK
	case fam10KSB:
		return tenKSB
	case fam10Q:
		return tenQ
	case fam10QSB:
		return tenQSB
	case fam20F:
		return twentyF
	}
	return nil
}

// partByNumber reports whether the part of an item follows from its number
// alone in this family (annual reports), rather than from PART headings.
func partByNumber(fam string) bool {
	return fam == fam10K || fam == fam10KSB || fam == fam20F
}

// Title returns the official title of a normalized code for a form family
// ("8-K", "10-K", "10-Q", "20-F" and their variants); "" if unknown.
func Title(form, code string) string {
	fam := family(form)
	if fam == fam8K {
		for _, e := range eightK {
			if e.Number == code {
				return e.Title
			}
		}
		return ""
	}
	for _, e := range table(fam) {
		if isCode(code, e.Part, e.Number) {
			return e.Title
		}
	}
	return ""
}

// isCode reports whether code is part+"-"+num (without building it).
func isCode(code, part, num string) bool {
	return len(code) == len(part)+1+len(num) && strings.HasPrefix(code, part) &&
		code[len(part)] == '-' && strings.HasSuffix(code, num)
}

// titleAt is Title with the item's historic title when the filing date is
// known and predates a change of the form.
func titleAt(fam, code, filed string) string {
	t := Title(fam, code)
	if filed == "" {
		return t
	}
	key := fam + "|" + code
	if fam == fam10QSB {
		key = fam10Q + "|" + code
	}
	for _, h := range historicTitles[key] {
		if filed < h.Before {
			return h.Title
		}
	}
	return t
}

// codeRe matches an item code or number given on its own ("2.02", "7").
var codeRe = regexp.MustCompile(`^\s*(?:[Ii]tem\s*)?(\d{1,2})(?:\.(\d{1,2}))?\s*$`)

// FromHeader maps header item information to items without text. Values
// are either codes ("2.02", from <ITEMS>; a bare "7" is a legacy number)
// or titles ("Results of Operations and Financial Condition", "Changes in
// control of registrant", from ITEM INFORMATION). Empty and unrecognized
// values are skipped; each code appears once, in the order given. Only
// Form 8-K families have header items; other forms yield nil.
func FromHeader(values []string, form, filed string) []Item {
	if family(form) != fam8K {
		return nil
	}
	filed = normDate(filed)
	legacyEra := filed == "" || filed < switchDate
	var out []Item
	seen := map[string]bool{}
	var vals []string
	for _, v := range values {
		// "1.01 2.03 9.01" in one value: split when every token is a code.
		f := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
		all := len(f) > 1
		for _, t := range f {
			all = all && codeRe.MatchString(t)
		}
		if all {
			vals = append(vals, f...)
		} else {
			vals = append(vals, v)
		}
	}
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		var code, asFiled string
		if m := codeRe.FindStringSubmatch(v); m != nil {
			code, asFiled = code8K(m[1], m[2], "", legacyEra)
		} else {
			code = matchTitle8K(v)
			asFiled = code
			if legacyEra {
				for _, l := range legacy8K {
					if l.Code == code {
						asFiled = l.Old
						break
					}
				}
			}
		}
		if code == "" || seen[code] {
			continue
		}
		seen[code] = true
		out = append(out, Item{Code: code, NumberAsFiled: asFiled, Title: Title(fam8K, code)})
	}
	return out
}

// code8K normalizes a printed 8-K item number (major, minor digits; minor
// empty for an integer) to a modern code, returning "" for numbers that are
// not 8-K items. Integers are legacy numbers in the legacy era; after it,
// the printed title decides between a legacy number kept by habit and the
// first item of a section.
func code8K(major, minor, title string, legacyEra bool) (code, asFiled string) {
	maj, err := strconv.Atoi(major)
	if err != nil {
		return "", ""
	}
	if minor != "" {
		mn, err := strconv.Atoi(minor)
		if err != nil {
			return "", ""
		}
		// "2.2" and "2.02" are the same item; "2.20" is not an item.
		if len(minor) == 2 || mn == 0 {
			code = strconv.Itoa(maj) + "." + minor
		} else {
			code = strconv.Itoa(maj) + ".0" + minor
		}
		if Title(fam8K, code) == "" {
			return "", ""
		}
		return code, major + "." + minor
	}
	asFiled = strconv.Itoa(maj)
	legacy := ""
	for _, l := range legacy8K {
		if l.Old == asFiled {
			legacy = l.Code
		}
	}
	if legacyEra || legacy == "" {
		if legacy == "" {
			// After the switch an integer may still name a section's first item.
			if c := strconv.Itoa(maj) + ".01"; !legacyEra && Title(fam8K, c) != "" {
				return c, asFiled
			}
		}
		return legacy, asFiled
	}
	if title != "" {
		if c := matchTitle8K(title); c != "" && strings.HasPrefix(c, asFiled+".") {
			return c, asFiled
		}
	}
	return legacy, asFiled
}

// normDate returns a filing date as YYYY-MM-DD, accepting EDGAR's compact
// YYYYMMDD too; other values are returned trimmed ("" stays unknown).
func normDate(filed string) string {
	filed = strings.TrimSpace(filed)
	if len(filed) == 8 {
		if d := codes.CompactDate(filed); d != "" {
			return d
		}
	}
	return filed
}
