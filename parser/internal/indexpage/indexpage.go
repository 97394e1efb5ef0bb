// Package indexpage reads EDGAR's filing-index page (the "Filing Detail"
// page served as {ACCESSION}-index.htm): the accession number, form type,
// dates, item list, documents table and the parties with their
// identification and addresses. It holds header facts only: no document
// text.
package indexpage

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what a filing-index page states about one filing.
type Page struct {
	FormType       string
	Accession      string   // NNNNNNNNNN-YY-NNNNNN
	Info           []Info   // the "infoHead"/"info" pairs: Filing Date, Accepted, Documents, Period of Report, ...
	Items          []string // "Item 2.02: Results of Operations and Financial Condition"
	Documents      []Document
	Parties        []Party
	SubmissionFile string // "0001104659-04-019574.txt"
}

// Info is one labelled value of the page's form header.
type Info struct {
	Label string
	Value string
}

// Value returns the value of the first Info labelled label (case-insensitive).
func (p *Page) Value(label string) string {
	for _, in := range p.Info {
		if strings.EqualFold(in.Label, label) {
			return in.Value
		}
	}
	return ""
}

// Document is one row of a documents table.
type Document struct {
	Sequence    int // 0 when not printed
	Description string
	Filename    string
	Type        string
	Bytes       int // -1 when not printed
}

// Party is one company or person block: "APPLE INC (Filer) CIK: 0000320193".
type Party struct {
	Role                 string // as printed: Filer, Issuer, Reporting, Subject, Filed by
	Name                 string
	CIK                  int64
	IRSNumber            string
	StateOfIncorporation string
	FiscalYearEnd        string
	FormType             string
	Act                  string
	FileNumber           string
	FilmNumber           string
	SIC                  int
	Business, Mail       *Address
}

// Address is a mailer block split into its printed parts.
type Address struct {
	Street1, Street2, City, State, Zip, Phone string
}

// Is reports whether raw looks like an EDGAR filing-index page.
func Is(raw []byte) bool {
	head := raw[:min(len(raw), 64<<10)]
	return bytes.Contains(head, []byte(`id="secNum"`)) ||
		(bytes.Contains(head, []byte("Filing Detail")) && bytes.Contains(head, []byte("Accession")) &&
			bytes.Contains(head, []byte(`class="tableFile"`)))
}

var (
	accessionRe = regexp.MustCompile(`\b(\d{10}-\d{2}-\d{6})\b`)
	partyRe     = regexp.MustCompile(`^(.*?)\s*\(([A-Za-z][A-Za-z ]*)\)\s*CIK\s*:\s*0*(\d{1,10})\b`)
	fieldRe     = regexp.MustCompile(`(EIN\.|IRS No\.|State of Incorp\.|Fiscal Year End|Type|Act|File No\.|Film No\.|SIC)\s*:\s*([^|]*)`)
	phoneRe     = regexp.MustCompile(`^[0-9()+\-. ]{7,}$`)
	cityLineRe  = regexp.MustCompile(`^(.*\S)\s+([A-Z][A-Z0-9])\s+(\d{5}(?:-?\d{4})?)$`)
)

// Parse reads a filing-index page. ok is false when raw is not one (no
// accession number in the page header).
func Parse(raw []byte) (p *Page, ok bool) {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, false
	}
	p = &Page{}
	var mailers []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			id, class := attr(n, "id"), attr(n, "class")
			switch {
			case id == "formName":
				p.FormType = formTypeOf(textOf(n))
				return
			case id == "secNum":
				if m := accessionRe.FindStringSubmatch(textOf(n)); m != nil {
					p.Accession = m[1]
				}
				return
			case class == "infoHead":
				p.Info = append(p.Info, Info{Label: squash(textOf(n))})
				return
			case class == "info":
				p.addInfo(n)
				return
			case n.DataAtom == atom.Table && strings.Contains(class, "tableFile"):
				p.addTable(n)
				return
			case class == "mailer":
				mailers = append(mailers, n)
				return
			case class == "companyInfo":
				if pt, ok := partyOf(n); ok {
					pt.Business, pt.Mail = addresses(mailers)
					p.Parties = append(p.Parties, pt)
				}
				mailers = nil
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if p.Accession == "" {
		return nil, false
	}
	return p, true
}

// addInfo sets the value of the last label; the Items value is split at
// its line breaks.
func (p *Page) addInfo(n *html.Node) {
	if len(p.Info) == 0 || p.Info[len(p.Info)-1].Value != "" {
		p.Info = append(p.Info, Info{})
	}
	last := &p.Info[len(p.Info)-1]
	if strings.EqualFold(last.Label, "Items") {
		for _, l := range linesOf(n) {
			if l = squash(l); l != "" {
				p.Items = append(p.Items, l)
			}
		}
	}
	last.Value = squash(textOf(n))
}

// addTable reads a documents table: Seq, Description, Document, Type, Size.
func (p *Page) addTable(t *html.Node) {
	var rows [][]string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Tr {
			var cells []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					cells = append(cells, squash(textOf(c)))
				}
			}
			rows = append(rows, cells)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(t)
	for _, r := range rows {
		if len(r) < 4 || strings.EqualFold(r[0], "Seq") {
			continue
		}
		if strings.HasPrefix(strings.ToLower(r[1]), "complete submission") {
			p.SubmissionFile = firstWord(r[2])
			continue
		}
		d := Document{Description: r[1], Filename: firstWord(r[2]), Type: r[3], Bytes: -1}
		if strings.HasPrefix(strings.ToLower(r[0]), "complete submission") {
			p.SubmissionFile = d.Filename
			continue
		}
		d.Sequence, _ = strconv.Atoi(r[0])
		if len(r) > 4 {
			if n, err := strconv.Atoi(r[4]); err == nil && n >= 0 {
				d.Bytes = n
			}
		}
		if d.Type == "" && d.Filename == "" {
			continue
		}
		p.Documents = append(p.Documents, d)
	}
}

// partyOf reads a companyInfo block.
func partyOf(n *html.Node) (Party, bool) {
	var pt Party
	var name string
	var ident []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch attr(n, "class") {
			case "companyName":
				name = squash(textOf(n))
				return
			case "identInfo":
				ident = append(ident, linesOf(n)...)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	m := partyRe.FindStringSubmatch(name)
	if m == nil {
		return pt, false
	}
	pt.Name, pt.Role = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	pt.CIK, _ = strconv.ParseInt(m[3], 10, 64)
	for _, l := range ident {
		for _, f := range fieldRe.FindAllStringSubmatch(l, -1) {
			v := strings.TrimSpace(f[2])
			switch f[1] {
			case "EIN.", "IRS No.":
				pt.IRSNumber = v
			case "State of Incorp.":
				pt.StateOfIncorporation = v
			case "Fiscal Year End":
				pt.FiscalYearEnd = v
			case "Type":
				pt.FormType = v
			case "Act":
				pt.Act = v
			case "File No.":
				pt.FileNumber = v
			case "Film No.":
				pt.FilmNumber = v
			case "SIC":
				pt.SIC, _ = strconv.Atoi(firstWord(v))
			}
		}
	}
	return pt, true
}

// addresses reads the mailer blocks printed before a party: "Business
// Address" and "Mailing Address".
func addresses(mailers []*html.Node) (business, mail *Address) {
	for _, m := range mailers {
		label := ""
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				label += c.Data
			}
		}
		a := addressOf(m)
		if a == nil {
			continue
		}
		switch l := strings.ToLower(squash(label)); {
		case strings.HasPrefix(l, "business"):
			business = a
		case strings.HasPrefix(l, "mail"):
			mail = a
		}
	}
	return business, mail
}

// addressOf splits a mailer block: street lines, then "CITY <span>ST</span>
// ZIP", then a telephone number.
func addressOf(m *html.Node) *Address {
	a := &Address{}
	var streets []string
	for c := m.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || attr(c, "class") != "mailerAddress" {
			continue
		}
		var nested *html.Node
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			if g.Type == html.ElementNode && attr(g, "class") == "mailerAddress" {
				nested = g
			}
		}
		if nested != nil {
			var before, after string
			seen := false
			for g := c.FirstChild; g != nil; g = g.NextSibling {
				switch {
				case g == nested:
					seen = true
				case !seen:
					before += textOf(g)
				default:
					after += textOf(g)
				}
			}
			a.City, a.State, a.Zip = squash(before), squash(textOf(nested)), squash(after)
			continue
		}
		t := squash(textOf(c))
		switch {
		case t == "":
		case phoneRe.MatchString(t) && a.City != "":
			a.Phone = t
		case a.City == "" && cityLineRe.MatchString(t):
			m := cityLineRe.FindStringSubmatch(t)
			a.City, a.State, a.Zip = m[1], m[2], m[3]
		default:
			streets = append(streets, t)
		}
	}
	if len(streets) > 0 {
		a.Street1 = streets[0]
	}
	if len(streets) > 1 {
		a.Street2 = strings.Join(streets[1:], " ")
	}
	if *a == (Address{}) {
		return nil
	}
	return a
}

// formTypeOf reads "Form 8-K - Current report:" → "8-K".
func formTypeOf(s string) string {
	s = squash(s)
	s = strings.TrimPrefix(s, "Form ")
	if i := strings.Index(s, " - "); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(strings.TrimSuffix(s, ":"))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the concatenated text below n.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			sb.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			sb.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// linesOf is the text below n split at <br> elements.
func linesOf(n *html.Node) []string {
	return strings.Split(textOf(n), "\n")
}

// squash collapses white space (non-breaking spaces included) and trims.
func squash(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\f'
	}), " ")
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
