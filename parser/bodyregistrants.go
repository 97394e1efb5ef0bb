package parser

import (
	"regexp"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/codes"
	"github.com/edgarload/edgarload/parser/internal/cover"
)

// bodyRegistrants returns the registrants the primary document names, in
// printed order: the first from its inline-XBRL cover facts and cover page,
// then the further registrants of a combined cover page.
func bodyRegistrants(b body) []Registrant {
	c, ix := b.cover, b.ix
	first := Registrant{
		Role:                 RoleFiler,
		Name:                 firstNonEmpty(ix.RegistrantName, c.Name),
		StateOfIncorporation: firstNonEmpty(ix.IncorporationState, c.State),
		FileNumber:           firstNonEmpty(ix.FileNumber, c.FileNumber),
		IRSNumber:            firstNonEmpty(codes.IRSNumber(ix.TaxID), codes.IRSNumber(c.IRSNumber)),
		FormerNames:          []FormerName{},
	}
	if cik, ok := parseCIK(ix.CIK); ok {
		first.CIK = &cik
	}
	addr := coverAddress(c)
	if b.hasIX && ix.City != "" {
		phone := strings.TrimSpace(ix.CityAreaCode + " " + ix.LocalPhoneNumber)
		if ix.CityAreaCode != "" && !strings.HasPrefix(ix.CityAreaCode, "(") {
			phone = "(" + ix.CityAreaCode + ") " + ix.LocalPhoneNumber
		}
		addr = &Address{Street1: ix.AddressLine1, Street2: strings.TrimSpace(ix.AddressLine2 + " " + ix.AddressLine3),
			City: ix.City, State: ix.StateOrProvince, Zip: ix.PostalCode, Phone: firstNonEmpty(phone, c.Phone)}
	}
	first.BusinessAddress = addr
	out := []Registrant{first}
	for _, o := range c.Others {
		out = append(out, Registrant{Role: RoleFiler, Name: o.Name, StateOfIncorporation: o.State, FileNumber: o.FileNumber,
			IRSNumber: codes.IRSNumber(o.IRSNumber), BusinessAddress: coverAddress(o), FormerNames: []FormerName{}})
	}
	return out
}

// coverAddress is the address block of a cover registrant, nil when the
// cover prints none.
func coverAddress(c cover.Cover) *Address {
	a := Address{Street1: c.Street1, Street2: c.Street2, City: c.City, State: c.StateCode, Zip: c.Zip, Phone: c.Phone}
	if a == (Address{}) {
		return nil
	}
	return &a
}

// identified reports whether r names a party: a name, CIK or file number.
func identified(r Registrant) bool {
	return r.Name != "" || r.CIK != nil || r.FileNumber != ""
}

// applyBodyRegistrants merges the registrants the body names into f. Without
// header registrants they are f's registrants (when add allows it). With
// them, each body registrant is matched to its header filer (by CIK, IRS
// number, file number or name; the first body registrant falls back to the
// first header filer): the header's values win, the body fills what the
// header left empty, and cover values that differ are kept as cover facts.
// A further cover registrant no header filer matches is added (when add
// allows it): a combined cover names every registrant.
func applyBodyRegistrants(f *Filing, regs []Registrant, add bool) {
	if len(f.Registrants) == 0 {
		for _, r := range regs {
			if add && identified(r) && !matchesAny(f.Registrants, r) {
				f.Registrants = append(f.Registrants, r)
			}
		}
		return
	}
	used := make([]bool, len(f.Registrants))
	facts := hasReportCover(f.FormType)
	for i, r := range regs {
		j := matchHeaderFiler(f.Registrants, used, r, i == 0)
		switch {
		case j >= 0:
			used[j] = true
			if facts {
				coverFacts(&f.Registrants[j], r)
			}
			fillGaps(&f.Registrants[j], r)
		case add && i > 0 && identified(r) && !matchesAny(f.Registrants, r):
			f.Registrants = append(f.Registrants, r)
			used = append(used, true)
		}
	}
}

// matchHeaderFiler returns the index of the unused party of hs that r
// names: the same CIK, else IRS number, else file number, else name; for
// the first body registrant (first) the first unused filer (else the first
// unused party) when none matches. It returns -1 when there is none.
func matchHeaderFiler(hs []Registrant, used []bool, r Registrant, first bool) int {
	for _, same := range []func(h, r Registrant) bool{sameCIK, sameIRS, sameFileNumber, sameName} {
		for j, h := range hs {
			if !used[j] && same(h, r) {
				return j
			}
		}
	}
	if !first {
		return -1
	}
	fallback := -1
	for j, h := range hs {
		switch {
		case used[j]:
		case h.Role == RoleFiler:
			return j
		case fallback < 0:
			fallback = j
		}
	}
	return fallback
}

// matchesAny reports whether r names a party of hs by CIK, IRS number,
// file number or name.
func matchesAny(hs []Registrant, r Registrant) bool {
	for _, h := range hs {
		if sameCIK(h, r) || sameIRS(h, r) || sameFileNumber(h, r) || sameName(h, r) {
			return true
		}
	}
	return false
}

func sameCIK(h, r Registrant) bool {
	return h.CIK != nil && r.CIK != nil && *h.CIK == *r.CIK
}

func sameIRS(h, r Registrant) bool {
	return irsKey(h.IRSNumber) != "" && irsKey(h.IRSNumber) == irsKey(r.IRSNumber)
}

func sameFileNumber(h, r Registrant) bool {
	return fileNumberKey(h.FileNumber) != "" && fileNumberKey(h.FileNumber) == fileNumberKey(r.FileNumber)
}

func sameName(h, r Registrant) bool {
	return nameKey(h.Name) != "" && nameKey(h.Name) == nameKey(r.Name)
}

// fillGaps copies body-derived values into a header registrant where the
// header left them empty.
func fillGaps(r *Registrant, b Registrant) {
	if r.Name == "" {
		r.Name = b.Name
	}
	if r.CIK == nil {
		r.CIK = b.CIK
	}
	if r.StateOfIncorporation == "" {
		r.StateOfIncorporation = b.StateOfIncorporation
	}
	if r.FileNumber == "" {
		r.FileNumber = b.FileNumber
	}
	if r.IRSNumber == "" {
		r.IRSNumber = b.IRSNumber
	}
	if r.BusinessAddress == nil {
		if b.BusinessAddress != nil {
			a := *b.BusinessAddress
			r.BusinessAddress = &a
		}
	} else if b.BusinessAddress != nil && r.BusinessAddress.Phone == "" {
		r.BusinessAddress.Phone = b.BusinessAddress.Phone
	}
}

// reportCoverForms are the forms whose primary document opens with the
// report cover page the cover reader knows (8-K, 10-K, 10-Q and their
// variants, 10-D, 20-F, 40-F, 6-K, 11-K). Other documents (schedules 13D,
// ownership reports, XML forms) print their parties differently.
var reportCoverForms = regexp.MustCompile(`^(?:8-K|10-K|10-Q|10-D|20-F|40-F|6-K|11-K)`)

// hasReportCover reports whether a filing of form type form has a report
// cover page whose values may be kept as cover facts.
func hasReportCover(form string) bool {
	return reportCoverForms.MatchString(strings.ToUpper(strings.TrimSpace(form)))
}

// coverFacts keeps in h's cover_* fields the values of the cover
// registrant b that differ from the header's (both printed).
func coverFacts(h *Registrant, b Registrant) {
	if differ(h.Name, b.Name, nameKey) {
		h.CoverName = b.Name
	}
	if differ(h.IRSNumber, b.IRSNumber, irsKey) {
		h.CoverIRSNumber = b.IRSNumber
	}
	if differ(h.StateOfIncorporation, b.StateOfIncorporation, strings.ToUpper) {
		h.CoverStateOfIncorporation = b.StateOfIncorporation
	}
	if differ(h.FileNumber, b.FileNumber, fileNumberKey) {
		h.CoverFileNumber = b.FileNumber
	}
	if h.BusinessAddress != nil && b.BusinessAddress != nil && addressesDiffer(*h.BusinessAddress, *b.BusinessAddress) {
		a := *b.BusinessAddress
		h.CoverAddress = &a
	}
}

// differ reports whether a and b, both non-empty under key, differ.
func differ(a, b string, key func(string) string) bool {
	ka, kb := key(a), key(b)
	return ka != "" && kb != "" && ka != kb
}

// addressesDiffer reports whether two addresses name different places:
// street number, city, state, ZIP code (its first five characters) or
// telephone number (its last ten digits), each compared where both print
// one. Street names are not compared: the header abbreviates them
// ("BLVD.") and drops quadrants ("N.W.") where the cover spells them out.
func addressesDiffer(h, c Address) bool {
	return differ(h.Street1, c.Street1, streetNumber) || differ(h.City, c.City, wordsKey) ||
		differ(h.State, c.State, strings.ToUpper) || differ(h.Zip, c.Zip, zipKey) || phonesDiffer(h.Phone, c.Phone)
}

// phonesDiffer reports whether two telephone numbers, both with at least
// seven digits, differ: compared by their last ten digits, a number
// printed without its area code matching the end of the other.
func phonesDiffer(a, b string) bool {
	ka, kb := phoneKey(a), phoneKey(b)
	if ka == "" || kb == "" {
		return false
	}
	return !strings.HasSuffix(ka, kb) && !strings.HasSuffix(kb, ka)
}

var (
	reDigitRun  = regexp.MustCompile(`\d+`)
	reNonAlnum  = regexp.MustCompile(`[^A-Z0-9]+`)
	reStateMark = regexp.MustCompile(`\s*[/\\][A-Z0-9 .]*[/\\]\s*$`)
	reFileParts = regexp.MustCompile(`[^0-9A-Z]+`)
)

// nameNoiseWords are the words a registrant's name is compared without.
var nameNoiseWords = map[string]bool{
	"THE": true, "INC": true, "INCORPORATED": true, "CORP": true, "CORPORATION": true, "CO": true, "COMPANY": true,
	"LTD": true, "LIMITED": true, "LLC": true, "PLC": true, "LP": true, "AND": true,
}

// nameKey reduces a company name to its significant words, run together
// ("The Southern Company" and "SOUTHERN CO" give "SOUTHERN"): upper case,
// the conformed name's /STATE/ marker, punctuation, "&" and legal-form
// words left out.
func nameKey(s string) string {
	s = reStateMark.ReplaceAllString(strings.ToUpper(s), "")
	s = strings.NewReplacer("'", "", "’", "", "`", "", "&", " AND ").Replace(s)
	var b strings.Builder
	for _, w := range strings.Fields(reNonAlnum.ReplaceAllString(s, " ")) {
		if !nameNoiseWords[w] {
			b.WriteString(w)
		}
	}
	return b.String()
}

// irsKey is an IRS number's digits, "" for EDGAR's all-zero placeholder.
func irsKey(s string) string {
	d := digits(s)
	if strings.Trim(d, "0") == "" {
		return ""
	}
	return d
}

// fileNumberKey writes a file number's parts without leading zeros
// ("001-03526" and "1-3526" give "1-3526").
func fileNumberKey(s string) string {
	var parts []string
	for _, p := range reFileParts.Split(strings.ToUpper(s), -1) {
		if p == "" {
			continue
		}
		if p = strings.TrimLeft(p, "0"); p == "" {
			p = "0"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "-")
}

// streetNumber is the first number of a street line ("30" of "30 Ivan
// Allen Jr. Blvd."), "" when it prints none.
func streetNumber(s string) string {
	return strings.TrimLeft(reDigitRun.FindString(s), "0")
}

// wordsKey is s upper-cased with its punctuation and spacing left out.
func wordsKey(s string) string {
	return reNonAlnum.ReplaceAllString(strings.ToUpper(s), "")
}

// zipKey is the first five characters of a postal code, without spaces.
func zipKey(s string) string {
	s = wordsKey(s)
	if len(s) > 5 {
		s = s[:5]
	}
	return s
}

// phoneKey is the last ten digits of a telephone number; "" when it has
// fewer than seven (a number cut short is not compared).
func phoneKey(s string) string {
	d := digits(s)
	if len(d) < 7 {
		return ""
	}
	if len(d) > 10 {
		d = d[len(d)-10:]
	}
	return d
}

// digits returns the ASCII digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
