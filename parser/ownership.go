package parser

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/edgarload/edgarload/parser/internal/codes"
)

// ownershipDocument is the XML primary document of Forms 3, 4 and 5
// (EDGAR's ownership schema), reduced to what a Filing holds.
type ownershipDocument struct {
	XMLName        xml.Name `xml:"ownershipDocument"`
	DocumentType   string   `xml:"documentType"`
	PeriodOfReport string   `xml:"periodOfReport"`
	Issuer         struct {
		CIK    string `xml:"issuerCik"`
		Name   string `xml:"issuerName"`
		Symbol string `xml:"issuerTradingSymbol"`
	} `xml:"issuer"`
	Owners []struct {
		CIK     string `xml:"reportingOwnerId>rptOwnerCik"`
		Name    string `xml:"reportingOwnerId>rptOwnerName"`
		Street1 string `xml:"reportingOwnerAddress>rptOwnerStreet1"`
		Street2 string `xml:"reportingOwnerAddress>rptOwnerStreet2"`
		City    string `xml:"reportingOwnerAddress>rptOwnerCity"`
		State   string `xml:"reportingOwnerAddress>rptOwnerState"`
		Zip     string `xml:"reportingOwnerAddress>rptOwnerZipCode"`
		Title   string `xml:"reportingOwnerRelationship>officerTitle"`
	} `xml:"reportingOwner"`
	Signatures []struct {
		Name string `xml:"signatureName"`
		Date string `xml:"signatureDate"`
	} `xml:"ownerSignature"`
}

// isOwnershipXML reports whether data is an ownership XML document.
func isOwnershipXML(data []byte) bool {
	head := data[:min(len(data), 2048)]
	return bytes.Contains(head, []byte("<ownershipDocument"))
}

// fromOwnershipXML fills f from a Form 3/4/5 XML document: the issuer and
// each reporting owner become registrants, the owner signatures signers.
func fromOwnershipXML(f *Filing, data []byte) error {
	var doc ownershipDocument
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("%w: ownership XML: %v", ErrNotFiling, err)
	}
	f.Shape = ShapeXML
	f.FormType = strings.TrimSpace(doc.DocumentType)
	if f.FormType == "" {
		return fmt.Errorf("%w: ownership XML without documentType", ErrNotFiling)
	}
	f.PeriodOfReport = ptr(isoDate(doc.PeriodOfReport))
	issuer := Registrant{Role: RoleIssuer, Name: strings.TrimSpace(doc.Issuer.Name), FormerNames: []FormerName{}}
	if cik, ok := parseCIK(doc.Issuer.CIK); ok {
		issuer.CIK = &cik
	}
	f.Registrants = append(f.Registrants, issuer)
	for _, o := range doc.Owners {
		r := Registrant{Role: RoleReportingOwner, Name: strings.TrimSpace(o.Name), FormerNames: []FormerName{}}
		if cik, ok := parseCIK(o.CIK); ok {
			r.CIK = &cik
		}
		a := Address{Street1: strings.TrimSpace(o.Street1), Street2: strings.TrimSpace(o.Street2),
			City: strings.TrimSpace(o.City), State: strings.TrimSpace(o.State), Zip: strings.TrimSpace(o.Zip)}
		if a != (Address{}) {
			r.BusinessAddress = &a
		}
		f.Registrants = append(f.Registrants, r)
	}
	for _, s := range doc.Signatures {
		name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s.Name), "/s/"))
		if name == "" {
			continue
		}
		f.Signers = append(f.Signers, Signer{Name: name, Date: ptr(isoDate(s.Date)), For: issuer.Name, Context: "owner"})
	}
	return nil
}

// isoDate returns the first date written in s as YYYY-MM-DD, or "".
func isoDate(s string) string {
	d, _ := codes.FindDate(s)
	return d
}
