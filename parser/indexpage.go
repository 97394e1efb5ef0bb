package parser

import (
	"strconv"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/codes"
	"github.com/edgarload/edgarload/parser/internal/indexpage"
	"github.com/edgarload/edgarload/parser/internal/items"
)

// fromIndexPage fills f from an EDGAR filing-index page: header facts
// (accession, form, dates, parties, the documents table, header items),
// never items or signers read from text, since the page has none.
func fromIndexPage(f *Filing, p *indexpage.Page) error {
	f.Shape = ShapeHeader
	f.AccessionNumber = ptr(p.Accession)
	f.AccessionSource = AccessionInDocument
	f.FormType = p.FormType
	if f.FormType == "" {
		for _, pt := range p.Parties {
			if pt.FormType != "" {
				f.FormType = pt.FormType
				break
			}
		}
	}
	f.FiledAt = ptr(codes.CompactDate(compactISO(p.Value("Filing Date"))))
	f.PeriodOfReport = ptr(codes.CompactDate(compactISO(p.Value("Period of Report"))))
	f.DateOfChange = ptr(codes.CompactDate(compactISO(p.Value("Filing Date Changed"))))
	f.EffectivenessDate = ptr(codes.CompactDate(compactISO(p.Value("Effectiveness Date"))))
	f.AcceptedAt = ptr(acceptanceTime(compactISO(p.Value("Accepted"))))
	if n, err := strconv.Atoi(p.Value("Documents")); err == nil && n >= 0 {
		f.DocumentCount = &n
	}
	var numbers []string
	for _, it := range p.Items {
		num, title, ok := strings.Cut(it, ":")
		if !ok {
			continue
		}
		num = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(num), "Item"))
		f.ItemInformation = append(f.ItemInformation, strings.TrimSpace(title))
		numbers = append(numbers, num)
	}
	filed := derefOr(f.FiledAt, derefOr(f.PeriodOfReport, ""))
	for _, it := range items.FromHeader(numbers, f.FormType, filed) {
		f.Items = append(f.Items, Item{Code: it.Code, NumberAsFiled: it.NumberAsFiled, Part: it.Part, Title: it.Title, Source: "header"})
	}
	for _, pt := range p.Parties {
		f.Registrants = append(f.Registrants, registrantOfIndexParty(pt))
	}
	for _, d := range p.Documents {
		doc := Document{Type: d.Type, Filename: d.Filename, Description: d.Description, Bytes: d.Bytes}
		if d.Sequence > 0 {
			seq := d.Sequence
			doc.Sequence = &seq
		}
		f.Documents = append(f.Documents, doc)
		if e, ok := exhibitOfDocument(doc); ok {
			f.Exhibits = append(f.Exhibits, e)
		}
	}
	if f.FormType == "" {
		return notFiling("an EDGAR filing-index page without a form type")
	}
	return nil
}

// registrantOfIndexParty maps a party block of an index page to a Registrant.
func registrantOfIndexParty(pt indexpage.Party) Registrant {
	r := Registrant{
		Role:                 indexRole(pt.Role),
		Name:                 pt.Name,
		IRSNumber:            codes.IRSNumber(pt.IRSNumber),
		StateOfIncorporation: pt.StateOfIncorporation,
		FiscalYearEnd:        pt.FiscalYearEnd,
		FormType:             pt.FormType,
		SECAct:               pt.Act,
		FileNumber:           pt.FileNumber,
		FilmNumber:           pt.FilmNumber,
		BusinessAddress:      indexAddress(pt.Business),
		MailAddress:          indexAddress(pt.Mail),
		FormerNames:          []FormerName{},
	}
	if pt.CIK > 0 {
		c := pt.CIK
		r.CIK = &c
	}
	if pt.SIC > 0 {
		s := pt.SIC
		r.SIC = &s
	}
	return r
}

// indexRole maps the role printed on an index page ("Filer", "Reporting",
// "Subject", "Filed by") to a Registrant role.
func indexRole(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "filer":
		return RoleFiler
	case "issuer":
		return RoleIssuer
	case "reporting":
		return RoleReportingOwner
	case "subject":
		return RoleSubjectCompany
	case "filed by":
		return RoleFiledBy
	case "filed for":
		return RoleFiledFor
	}
	return roleOf(s)
}

func indexAddress(a *indexpage.Address) *Address {
	if a == nil {
		return nil
	}
	return &Address{Street1: a.Street1, Street2: a.Street2, City: a.City, State: a.State, Zip: a.Zip, Phone: a.Phone}
}

// compactISO turns "2004-07-14" or "2004-07-14 16:29:34" into the compact
// form of the SGML header ("20040714", "20040714162934").
func compactISO(s string) string {
	return strings.NewReplacer("-", "", ":", "", " ", "").Replace(strings.TrimSpace(s))
}
