package parser

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/exhibits"
)

// Part is one file of a filing that arrives as several files: a folder of
// EDGAR's Archives (edgar/data/CIK/ACCESSION/ with the documents, the
// -index.htm page and the -index-headers.html header) or a downloader's
// filing folder (full-submission.txt beside primary-document.html).
type Part struct {
	Name string // the file's path, e.g. "…/000032019324000005/d8k.htm"
	Data []byte
}

// ParseParts parses the files of one filing and merges them into one
// Filing. The richest part wins — by shape (submission, feed, header,
// HTML, XML, text; a bare exhibit ranks below every primary document),
// then by the smaller SHA-256 — and the others fill only its gaps: dates,
// counts and header values it lacks, registrant fields, items with text
// when it has only header items, signers, securities, and exhibits (an
// exhibit file gives its row its text). Parts that are not filings
// (graphics, XBRL schemas, R pages) are skipped with a warning, and so are
// parts that name another accession number. name labels the result (the
// folder); its SHA-256 is that of the parts' sorted SHA-256s, so the same
// files give the same identity in any order. The merge is a pure function
// of the set of parts.
func ParseParts(name string, parts []Part) (*Filing, error) {
	type parsed struct {
		f    *Filing
		part Part
		sha  string
	}
	var ok []parsed
	var warnings []string
	var total int64
	sorted := append([]Part(nil), parts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	shas := make([]string, len(sorted))
	for i, p := range sorted {
		total += int64(len(p.Data))
		shas[i] = sha256Hex(p.Data)
		f, err := ParseWith(p.Name, p.Data, Options{SHA256: shas[i]})
		if err != nil {
			if !errors.Is(err, ErrNotFiling) {
				warnings = append(warnings, fmt.Sprintf("skipped %v", err))
			}
			continue
		}
		ok = append(ok, parsed{f: f, part: p, sha: f.Source.SHA256})
	}
	if len(ok) == 0 {
		return nil, fmt.Errorf("%s: %w: none of its %d files is a filing document", name, ErrNotFiling, len(parts))
	}
	sort.SliceStable(ok, func(i, j int) bool {
		ri, rj := partRank(ok[i].f, ok[i].part.Name), partRank(ok[j].f, ok[j].part.Name)
		if ri != rj {
			return ri < rj
		}
		// Among primary documents of one shape, the one with more items
		// and signers is the report (a press release may print "10-K").
		bi, bj := richness(ok[i].f), richness(ok[j].f)
		if bi != bj {
			return bi > bj
		}
		return ok[i].sha < ok[j].sha
	})
	out := ok[0].f
	out.Warnings = append(out.Warnings, warnings...)
	for _, p := range ok[1:] {
		if p.f.AccessionNumber != nil && out.AccessionNumber != nil && *p.f.AccessionNumber != *out.AccessionNumber {
			out.Warnings = append(out.Warnings, fmt.Sprintf("%s: skipped: accession number %s, not %s",
				p.part.Name, *p.f.AccessionNumber, *out.AccessionNumber))
			continue
		}
		mergePart(out, p.f, p.part)
	}
	if len(out.Documents) == 0 {
		for _, p := range ok {
			out.Documents = append(out.Documents, Document{Type: p.f.FormType, Filename: path.Base(p.part.Name),
				Bytes: len(p.part.Data)})
		}
	}
	out.Source = Source{Path: name, SHA256: combinedSHA256(shas), Bytes: total}
	sanitize(out)
	return out, nil
}

// partRank orders the parts of one filing: lower is richer. A bare
// exhibit — typed EX-* or named like one (ex99-1.htm) — ranks below every
// primary document.
func partRank(f *Filing, name string) int {
	r := 9
	switch f.Shape {
	case ShapeSubmission:
		r = 1
	case ShapeFeed:
		r = 2
	case ShapeHeader:
		r = 3
	case ShapeHTML:
		r = 4
	case ShapeXML:
		r = 5
	case ShapeText:
		r = 6
	}
	if exhibitPartType(f, name) != "" {
		r += 10
	}
	return r
}

// richness counts what a primary document yields beyond its cover.
func richness(f *Filing) int {
	n := len(f.Signers)
	for _, it := range f.Items {
		if it.Source == "body" {
			n += 2
		}
	}
	return n
}

// exhibitPartType is the exhibit type of a bare document part ("EX-99.1"),
// from its form or its file name, or "" for anything else.
func exhibitPartType(f *Filing, name string) string {
	if f.Shape != ShapeHTML && f.Shape != ShapeText {
		return ""
	}
	if strings.HasPrefix(strings.ToUpper(f.FormType), "EX-") {
		return strings.ToUpper(f.FormType)
	}
	return exhibitTypeFromName(name)
}

// mergePart fills the gaps of out from p, a poorer part of the same filing.
func mergePart(out, p *Filing, part Part) {
	fillPtr := func(dst **string, src *string) {
		if *dst == nil && src != nil {
			*dst = src
		}
	}
	fillPtr(&out.PeriodOfReport, p.PeriodOfReport)
	fillPtr(&out.FiledAt, p.FiledAt)
	fillPtr(&out.AcceptedAt, p.AcceptedAt)
	fillPtr(&out.DateOfChange, p.DateOfChange)
	fillPtr(&out.EffectivenessDate, p.EffectivenessDate)
	if out.AccessionNumber == nil && p.AccessionNumber != nil {
		out.AccessionNumber, out.AccessionSource = p.AccessionNumber, p.AccessionSource
	}
	if out.DocumentCount == nil {
		out.DocumentCount = p.DocumentCount
	}
	if out.EmergingGrowthCompany == nil {
		out.EmergingGrowthCompany = p.EmergingGrowthCompany
	}
	if out.AmendmentFlag == nil {
		out.AmendmentFlag = p.AmendmentFlag
	}
	if len(out.ItemInformation) == 0 {
		out.ItemInformation = p.ItemInformation
	}
	if t := exhibitPartType(p, part.Name); t != "" {
		mergeExhibitPart(out, t, part)
		return
	}
	if out.FormType == "" {
		out.FormType = p.FormType
	}
	mergeRegistrants(out, p)
	if !hasBodyItems(out) && hasBodyItems(p) {
		out.Items = p.Items
	}
	if len(out.Signers) == 0 {
		out.Signers = p.Signers
	}
	if len(out.Securities) == 0 {
		out.Securities = p.Securities
	}
	for _, e := range p.Exhibits {
		mergeExhibit(out, e)
	}
}

func hasBodyItems(f *Filing) bool {
	for _, it := range f.Items {
		if it.Source == "body" {
			return true
		}
	}
	return false
}

// mergeRegistrants fills registrant gaps: parties with the same role and
// CIK are one; a CIK-less body registrant fills the first filer.
func mergeRegistrants(out, p *Filing) {
	if len(out.Registrants) == 0 {
		out.Registrants = p.Registrants
		return
	}
	for _, pr := range p.Registrants {
		matched := false
		for i := range out.Registrants {
			or := &out.Registrants[i]
			if pr.CIK != nil && or.CIK != nil && *pr.CIK == *or.CIK && pr.Role == or.Role {
				fillGaps(or, pr)
				matched = true
				break
			}
		}
		if !matched && pr.CIK == nil && pr.Role == RoleFiler {
			fillGaps(&out.Registrants[0], pr)
		}
	}
}

// mergeExhibit adds e to out's exhibits, or fills the row with the same
// file name, else the same normalized number.
func mergeExhibit(out *Filing, e Exhibit) {
	key := exhibits.Normalize(e.Number)
	match := -1
	for i, o := range out.Exhibits {
		if e.Filename != "" && strings.EqualFold(o.Filename, e.Filename) {
			match = i
			break
		}
		if match < 0 && key != "" && exhibits.Normalize(o.Number) == key && (o.Filename == "" || e.Filename == "") {
			match = i
		}
	}
	if match < 0 {
		out.Exhibits = append(out.Exhibits, e)
		return
	}
	o := &out.Exhibits[match]
	if o.Type == "" {
		o.Type = e.Type
	}
	if o.Sequence == nil {
		o.Sequence = e.Sequence
	}
	if o.Filename == "" {
		o.Filename = e.Filename
	}
	if o.Description == "" {
		o.Description = e.Description
	}
	if o.Text == "" {
		o.Text = e.Text
	}
	if o.Bytes == 0 {
		o.Bytes = e.Bytes
	}
}

// mergeExhibitPart merges an exhibit file: its row (matched by file name,
// else number) gets its text.
func mergeExhibitPart(out *Filing, typ string, part Part) {
	num := strings.TrimPrefix(typ, "EX-")
	e := Exhibit{Number: num, Type: typ, Filename: path.Base(part.Name), Text: bodyText(part.Data, part.Name), Bytes: len(part.Data)}
	mergeExhibit(out, e)
}

// PartsSHA256 is the identity of a set of parts: the hex SHA-256 of their
// sorted hex SHA-256s, one per line. It does not depend on their order.
func PartsSHA256(parts []Part) string {
	shas := make([]string, len(parts))
	for i, p := range parts {
		shas[i] = sha256Hex(p.Data)
	}
	return combinedSHA256(shas)
}

// combinedSHA256 is PartsSHA256 from the parts' hex SHA-256s (sorted in
// place).
func combinedSHA256(shas []string) string {
	sort.Strings(shas)
	return sha256Hex([]byte(strings.Join(shas, "\n")))
}

// sha256Hex is the hex SHA-256 of data.
func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
