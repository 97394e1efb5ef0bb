package parser

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/edgarload/edgarload/parser/internal/items"
)

// headerItems returns the items the header's ITEM INFORMATION names, with
// source "header" and no text.
func headerItems(f *Filing) []Item {
	if len(f.ItemInformation) == 0 {
		return nil
	}
	filed := derefOr(f.FiledAt, derefOr(f.PeriodOfReport, ""))
	var out []Item
	for _, it := range items.FromHeader(f.ItemInformation, f.FormType, filed) {
		out = append(out, Item{Code: it.Code, NumberAsFiled: it.NumberAsFiled, Part: it.Part, Title: it.Title, Source: "header"})
	}
	return out
}

// mergeHeaderItems adds to the body's items the header items the body
// lacks, each before the first body item whose code comes after its
// own, so that the list stays in the order of the item codes. A code
// appears once: the body's item wins.
func mergeHeaderItems(body, header []Item) []Item {
	have := make(map[string]bool, len(body))
	for _, it := range body {
		have[it.Code] = true
	}
	out := body
	for _, h := range header {
		if h.Code == "" || have[h.Code] {
			continue
		}
		have[h.Code] = true
		at := len(out)
		for i, it := range out {
			if compareItemCodes(h.Code, it.Code) < 0 {
				at = i
				break
			}
		}
		out = append(out[:at], append([]Item{h}, out[at:]...)...)
	}
	return out
}

// compareItemCodes orders normalized item codes: by part ("I" < "II" <
// "IV"), then by each number ("2.02" < "2.3" < "9.01", "1" < "1A" < "2").
func compareItemCodes(a, b string) int {
	pa, ra := splitPart(a)
	pb, rb := splitPart(b)
	if pa != pb {
		return romanValue(pa) - romanValue(pb)
	}
	ta, tb := codeTokens(ra), codeTokens(rb)
	for i := 0; i < len(ta) && i < len(tb); i++ {
		na, ea := strconv.Atoi(ta[i])
		nb, eb := strconv.Atoi(tb[i])
		switch {
		case ea == nil && eb == nil && na != nb:
			return na - nb
		case (ea == nil) != (eb == nil):
			if ea == nil {
				return -1 // a number sorts before a letter suffix
			}
			return 1
		case ta[i] != tb[i]:
			return strings.Compare(ta[i], tb[i])
		}
	}
	return len(ta) - len(tb)
}

// splitPart splits "II-1A" into its part "II" and the rest "1A".
func splitPart(code string) (part, rest string) {
	if p, r, ok := strings.Cut(code, "-"); ok && p != "" && strings.Trim(p, "IVX") == "" {
		return p, r
	}
	return "", code
}

// romanValue returns the value of a part numeral (I..X), 0 for none.
func romanValue(s string) int {
	v := map[byte]int{'I': 1, 'V': 5, 'X': 10}
	n := 0
	for i := 0; i < len(s); i++ {
		if i+1 < len(s) && v[s[i]] < v[s[i+1]] {
			n -= v[s[i]]
		} else {
			n += v[s[i]]
		}
	}
	return n
}

// codeTokens splits a code into its runs of digits and of letters.
func codeTokens(s string) []string {
	var out []string
	cur, digit := "", false
	for _, r := range s {
		if !unicode.IsDigit(r) && !unicode.IsLetter(r) {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
			continue
		}
		if cur != "" && unicode.IsDigit(r) != digit {
			out = append(out, cur)
			cur = ""
		}
		cur += string(r)
		digit = unicode.IsDigit(r)
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
