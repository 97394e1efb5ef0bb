package parser

import (
	"strconv"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/codes"
	"github.com/edgarload/edgarload/parser/internal/sgml"
)

// applySubmissionHeader fills f from an SGML header: submission-level
// values and one Registrant per distinct (role, CIK) party.
func applySubmissionHeader(f *Filing, h *sgml.Header) {
	if h == nil {
		return
	}
	if v := strings.TrimSpace(h.AccessionNumber); v != "" {
		f.AccessionNumber = &v
	}
	if v := strings.TrimSpace(h.SubmissionType); v != "" {
		f.FormType = v
	}
	f.PeriodOfReport = ptr(codes.CompactDate(h.Period))
	f.FiledAt = ptr(codes.CompactDate(h.FilingDate))
	f.DateOfChange = ptr(codes.CompactDate(h.DateOfChange))
	f.EffectivenessDate = ptr(codes.CompactDate(h.EffectivenessDate))
	f.AcceptedAt = ptr(acceptanceTime(h.AcceptanceDateTime))
	if n, err := strconv.Atoi(strings.TrimSpace(h.DocumentCount)); err == nil && n >= 0 {
		f.DocumentCount = &n
	}
	switch {
	case len(h.Items) > 0:
		f.ItemInformation = append([]string(nil), h.Items...)
	case len(h.ItemInformation) > 0:
		f.ItemInformation = append([]string(nil), h.ItemInformation...)
	}

	seen := make(map[string]bool, len(h.Parties))
	for i := range h.Parties {
		r := registrantOf(&h.Parties[i])
		key := r.Role + "\x00" + r.Name
		if r.CIK != nil {
			key = r.Role + "\x00" + strconv.FormatInt(*r.CIK, 10)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		f.Registrants = append(f.Registrants, r)
	}
}

// acceptanceTime turns YYYYMMDDHHMMSS into YYYY-MM-DDTHH:MM:SS, or "".
func acceptanceTime(s string) string {
	s = strings.TrimSpace(s)
	if len(s) != 14 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return ""
		}
	}
	date := codes.CompactDate(s[:8])
	hh, _ := strconv.Atoi(s[8:10])
	mm, _ := strconv.Atoi(s[10:12])
	ss, _ := strconv.Atoi(s[12:14])
	if date == "" || hh > 23 || mm > 59 || ss > 60 {
		return ""
	}
	return date + "T" + s[8:10] + ":" + s[10:12] + ":" + s[12:14]
}

// roleOf maps a header block name to a Registrant role: the Role*
// constants, and for rarer blocks (SERIAL COMPANY, DEPOSITOR, ...) the
// same lower-case hyphenated form ("serial-company", "depositor").
func roleOf(block string) string {
	switch strings.ToUpper(strings.TrimSpace(block)) {
	case "FILER":
		return RoleFiler
	case "SUBJECT COMPANY":
		return RoleSubjectCompany
	case "FILED BY":
		return RoleFiledBy
	case "REPORTING-OWNER", "REPORTING OWNER":
		return RoleReportingOwner
	case "ISSUER":
		return RoleIssuer
	case "FILED FOR":
		return RoleFiledFor
	}
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(block, "-", " ")), "-"))
}

// sicOf reads a SIC code from "PETROLEUM REFINING [2911]" or "2911".
func sicOf(s string) *int {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '['); i >= 0 {
		s = s[i+1:]
		if j := strings.IndexByte(s, ']'); j >= 0 {
			s = s[:j]
		}
	}
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 5 {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return nil
	}
	return &n
}

func registrantOf(p *sgml.Party) Registrant {
	r := Registrant{
		Role:                 roleOf(p.Role),
		Name:                 strings.TrimSpace(p.Name),
		SIC:                  sicOf(p.SIC),
		IRSNumber:            codes.IRSNumber(p.IRSNumber),
		StateOfIncorporation: strings.TrimSpace(p.StateOfIncorporation),
		FiscalYearEnd:        strings.TrimSpace(p.FiscalYearEnd),
		OrganizationName:     strings.TrimSpace(p.OrganizationName),
		FormType:             strings.TrimSpace(p.FormType),
		SECAct:               strings.TrimSpace(p.Act),
		FileNumber:           strings.TrimSpace(p.FileNumber),
		FilmNumber:           strings.TrimSpace(p.FilmNumber),
		BusinessAddress:      addressOf(p.Business),
		MailAddress:          addressOf(p.Mail),
	}
	if cik, ok := parseCIK(p.CIK); ok {
		r.CIK = &cik
	}
	seen := make(map[sgml.FormerName]bool, len(p.FormerNames))
	for _, fn := range p.FormerNames {
		if seen[fn] || strings.TrimSpace(fn.Name) == "" {
			continue
		}
		seen[fn] = true
		r.FormerNames = append(r.FormerNames, FormerName{
			Name:      strings.TrimSpace(fn.Name),
			ChangedOn: ptr(codes.CompactDate(fn.DateChanged)),
		})
	}
	return r
}

// addressOf returns nil for an absent or empty address block.
func addressOf(a sgml.Address) *Address {
	out := Address{
		Street1: strings.TrimSpace(a.Street1),
		Street2: strings.TrimSpace(a.Street2),
		City:    strings.TrimSpace(a.City),
		State:   strings.TrimSpace(a.State),
		Zip:     strings.TrimSpace(a.Zip),
		Phone:   strings.TrimSpace(a.Phone),
	}
	if out == (Address{}) {
		return nil
	}
	return &out
}

// documentsOf maps the <DOCUMENT> blocks of s to Filing documents; Bytes
// is the length of the kept text (0 for binary payloads).
func documentsOf(s *sgml.Submission) []Document {
	if s == nil || len(s.Documents) == 0 {
		return nil
	}
	out := make([]Document, 0, len(s.Documents))
	for i := range s.Documents {
		d := &s.Documents[i]
		doc := Document{
			Type:        strings.TrimSpace(d.Type),
			Filename:    strings.TrimSpace(d.Filename),
			Description: strings.TrimSpace(d.Description),
			Bytes:       len(d.Text),
		}
		if d.Binary {
			doc.Bytes = d.Size // a uuencoded or PDF payload is not kept
		}
		if n, err := strconv.Atoi(strings.TrimSpace(d.Sequence)); err == nil {
			doc.Sequence = &n
		}
		out = append(out, doc)
	}
	return out
}
