// Package ixbrl reads the dei: cover-page facts of an inline XBRL (iXBRL)
// HTML document: registrant name, CIK, document type and period, address,
// securities registered under 12(b) and the cover check boxes.
package ixbrl

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/edgarload/edgarload/parser/internal/codes"
	"github.com/edgarload/edgarload/parser/internal/textconv"
)

// Cover holds the dei cover facts of one iXBRL document. Strings are
// whitespace-normalized; an absent fact leaves its field empty (nil for the
// booleans).
type Cover struct {
	RegistrantName     string // dei:EntityRegistrantName, as tagged
	CIK                string // dei:EntityCentralIndexKey, else the context identifier (digits as given)
	DocumentType       string // dei:DocumentType, e.g. "8-K"
	PeriodEndDate      string // dei:DocumentPeriodEndDate as YYYY-MM-DD
	IncorporationState string // dei:EntityIncorporationStateCountryCode as an EDGAR code (raw value if unknown)
	FileNumber         string // dei:EntityFileNumber
	TaxID              string // dei:EntityTaxIdentificationNumber
	AddressLine1       string // dei:EntityAddressAddressLine1
	AddressLine2       string // dei:EntityAddressAddressLine2
	AddressLine3       string // dei:EntityAddressAddressLine3
	City               string // dei:EntityAddressCityOrTown
	StateOrProvince    string // dei:EntityAddressStateOrProvince as an EDGAR code (raw value if unknown)
	PostalCode         string // dei:EntityAddressPostalZipCode
	Country            string // dei:EntityAddressCountry
	CityAreaCode       string // dei:CityAreaCode without parentheses
	LocalPhoneNumber   string // dei:LocalPhoneNumber
	// Securities holds one entry per class registered under 12(b), in
	// document order.
	Securities []Security
	// Cover check boxes, resolved from the ix format (never the glyph alone).
	EmergingGrowthCompany            *bool
	AmendmentFlag                    *bool
	WrittenCommunications            *bool
	SolicitingMaterial               *bool
	PreCommencementTenderOffer       *bool
	PreCommencementIssuerTenderOffer *bool
}

// Security is one class of securities registered under section 12(b).
type Security struct {
	Title         string // dei:Security12bTitle
	TradingSymbol string // dei:TradingSymbol
	Exchange      string // dei:SecurityExchangeName as the dei code (NYSE, NASDAQ, NYSEAMER, ...)
}

// fact is one ix:nonNumeric / ix:nonFraction element being read.
type fact struct {
	prefix, local string // of the name attribute
	ctx           string
	format        string // local part of the format attribute, lower case
	contAt        string // id of the first continuation
	text          strings.Builder
}

// continuation is one ix:continuation element.
type continuation struct {
	contAt string
	text   strings.Builder
}

// context is an xbrli:context.
type context struct {
	segment bool   // has dimensions (a class of stock, a legal entity ...)
	endDate string // endDate or instant
}

// Reader reads the dei: cover facts from the tokens of an HTML document
// (a textconv.Tap): feed it the tokens, then call Cover. The zero value is
// not usable; use NewReader.
type Reader struct {
	deiPrefixes map[string]bool
	facts       []*fact
	conts       map[string]*continuation
	wanted      map[string]bool // continuation ids referenced by dei facts
	contexts    map[string]*context
	ctxOrder    map[string]int
	identifier  string

	open     []any // open ix facts / continuations (nil for ones not read)
	exclude  int
	curCtx   *context
	inIdent  bool
	inDate   bool
	identBuf strings.Builder
	dateBuf  strings.Builder
}

// MayHaveFacts reports whether the document b can hold dei facts at all:
// when false, reading its tokens is wasted work.
func MayHaveFacts(b []byte) bool {
	return bytes.Contains(b, []byte("dei"))
}

// NewReader returns a Reader with no facts read yet.
func NewReader() *Reader {
	return &Reader{
		deiPrefixes: map[string]bool{},
		conts:       map[string]*continuation{},
		wanted:      map[string]bool{},
		contexts:    map[string]*context{},
		ctxOrder:    map[string]int{},
	}
}

// Extract reads the dei: cover facts of an inline-XBRL HTML document; ok is
// false when it has none. Facts may be spelt with any prefix bound to a dei
// namespace, hidden in ix:hidden, split by ix:continuation or nested in
// other facts; formats (ixt: and ixt-sec: transformations) are applied.
// The parser reads them with a Reader fed by the text renderer's
// tokenisation instead (textconv.HTMLToTextTap); Extract tokenises b itself.
func Extract(b []byte) (c Cover, ok bool) {
	if !MayHaveFacts(b) {
		return Cover{}, false
	}
	r := NewReader()
	src := textconv.Decode(b)
	r.run(html.NewTokenizer(strings.NewReader(src)))
	return r.Cover()
}

// localName splits an element name at its colon. The parts alias name:
// callers only compare them (switch string(local) does not allocate).
func localName(name []byte) (prefix, local []byte) {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[:i], name[i+1:]
	}
	return nil, name
}

// run feeds r the tokens of z.
func (r *Reader) run(z *html.Tokenizer) {
	var as []textconv.Attr
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			r.Text(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			as = as[:0]
			if hasAttr && r.WantAttrs(name) {
				for {
					k, v, more := z.TagAttr()
					if k != nil || v != nil {
						as = append(as, textconv.Attr{Key: k, Val: v})
					}
					if !more {
						break
					}
				}
			}
			r.StartTag(name, as, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			r.EndTag(name)
		}
	}
}

// WantAttrs reports whether StartTag reads the attributes of the tag
// name: those of prefixed (ix:, xbrli:) elements, <html> and <body>.
func (r *Reader) WantAttrs(name []byte) bool {
	prefix, local := localName(name)
	return len(prefix) > 0 || string(local) == "html" || string(local) == "body"
}

// attrs holds the attributes of a tag that the reader uses ("" when
// absent; the last one wins when a name repeats).
type attrs struct {
	id, name, contextRef, continuedAt, format, scheme string
}

// attrs reads the attributes of a tag, recording dei namespace prefixes
// on the way.
func (r *Reader) attrs(as []textconv.Attr) attrs {
	var a attrs
	for _, at := range as {
		k, v := at.Key, at.Val
		switch string(k) {
		case "id":
			a.id = string(v)
		case "name":
			a.name = string(v)
		case "contextref":
			a.contextRef = string(v)
		case "continuedat":
			a.continuedAt = string(v)
		case "format":
			a.format = string(v)
		case "scheme":
			a.scheme = string(v)
		default:
			if p, ok := bytes.CutPrefix(k, []byte("xmlns:")); ok && bytes.Contains(v, []byte("xbrl.sec.gov/dei")) {
				r.deiPrefixes[string(p)] = true
			}
		}
	}
	return a
}

// StartTag reads a start or self-closing tag.
func (r *Reader) StartTag(name []byte, as []textconv.Attr, selfClosing bool) {
	prefix, local := localName(name)
	if len(prefix) == 0 {
		switch string(local) {
		case "html", "body":
			r.attrs(as)
		case "br", "p", "div", "td", "th", "tr", "li":
			r.addText(" ")
		}
		return
	}
	a := r.attrs(as)
	switch string(local) {
	case "nonnumeric", "nonfraction":
		if selfClosing {
			r.addFact(a, true)
			return
		}
		r.open = append(r.open, r.addFact(a, false))
	case "continuation":
		if selfClosing {
			return
		}
		id := a.id
		if !r.wanted[id] || r.conts[id] != nil {
			r.open = append(r.open, nil)
			return
		}
		ct := &continuation{contAt: a.continuedAt}
		if ct.contAt != "" {
			r.wanted[ct.contAt] = true
		}
		r.conts[id] = ct
		r.open = append(r.open, ct)
	case "exclude":
		if !selfClosing {
			r.exclude++
		}
	case "context":
		if !selfClosing {
			c := &context{}
			if id := a.id; id != "" {
				r.contexts[id] = c
				r.ctxOrder[id] = len(r.ctxOrder)
			}
			r.curCtx = c
		}
	case "identifier":
		if r.identifier == "" && strings.Contains(strings.ToLower(a.scheme), "sec.gov/cik") {
			r.inIdent = true
			r.identBuf.Reset()
		}
	case "enddate", "instant":
		r.inDate = r.curCtx != nil
		r.dateBuf.Reset()
	case "explicitmember", "typedmember", "segment", "scenario":
		if r.curCtx != nil {
			r.curCtx.segment = true
		}
	}
}

// addFact records a fact element; facts of other taxonomies are kept as nil
// so that the stack of open elements stays balanced.
func (r *Reader) addFact(a attrs, empty bool) any {
	p, l, ok := strings.Cut(a.name, ":")
	if !ok || l == "" || !deiNames[l] {
		return nil
	}
	f := &fact{prefix: p, local: l, ctx: a.contextRef, contAt: a.continuedAt}
	if _, fl, ok := strings.Cut(a.format, ":"); ok {
		f.format = strings.ToLower(fl)
	} else {
		f.format = strings.ToLower(a.format)
	}
	if f.contAt != "" {
		r.wanted[f.contAt] = true
	}
	r.facts = append(r.facts, f)
	if empty {
		return nil
	}
	return f
}

// EndTag reads an end tag.
func (r *Reader) EndTag(name []byte) {
	prefix, local := localName(name)
	if len(prefix) == 0 {
		switch string(local) {
		case "p", "div", "td", "th", "tr", "li":
			r.addText(" ")
		}
		return
	}
	switch string(local) {
	case "nonnumeric", "nonfraction", "continuation":
		if n := len(r.open); n > 0 {
			r.open = r.open[:n-1]
		}
	case "exclude":
		if r.exclude > 0 {
			r.exclude--
		}
	case "context":
		r.curCtx = nil
	case "identifier":
		if r.inIdent {
			r.identifier = strings.TrimSpace(r.identBuf.String())
			r.inIdent = false
		}
	case "enddate", "instant":
		if r.inDate && r.curCtx != nil {
			r.curCtx.endDate = strings.TrimSpace(r.dateBuf.String())
		}
		r.inDate = false
	}
}

// Text reads a text token.
func (r *Reader) Text(t []byte) {
	if r.inIdent {
		r.identBuf.Write(t)
	}
	if r.inDate {
		r.dateBuf.Write(t)
	}
	if r.exclude == 0 && len(r.open) > 0 {
		r.addText(string(t))
	}
}

// addText appends t to every open fact and continuation being read.
func (r *Reader) addText(t string) {
	if r.exclude > 0 {
		return
	}
	for _, o := range r.open {
		switch o := o.(type) {
		case *fact:
			o.text.WriteString(t)
		case *continuation:
			o.text.WriteString(t)
		}
	}
}

// deiNames lists the dei facts Extract reads.
var deiNames = map[string]bool{
	"EntityRegistrantName": true, "EntityCentralIndexKey": true, "DocumentType": true,
	"DocumentPeriodEndDate": true, "EntityIncorporationStateCountryCode": true,
	"EntityFileNumber": true, "EntityTaxIdentificationNumber": true,
	"EntityAddressAddressLine1": true, "EntityAddressAddressLine2": true, "EntityAddressAddressLine3": true,
	"EntityAddressCityOrTown": true, "EntityAddressStateOrProvince": true,
	"EntityAddressPostalZipCode": true, "EntityAddressCountry": true,
	"CityAreaCode": true, "LocalPhoneNumber": true,
	"Security12bTitle": true, "TradingSymbol": true, "SecurityExchangeName": true,
	"EntityEmergingGrowthCompany": true, "AmendmentFlag": true, "WrittenCommunications": true,
	"SolicitingMaterial": true, "PreCommencementTenderOffer": true, "PreCommencementIssuerTenderOffer": true,
}

// value returns the whitespace-normalized text of f with its continuations.
func (r *Reader) value(f *fact) string {
	var sb strings.Builder
	sb.WriteString(f.text.String())
	seen := map[string]bool{}
	for id := f.contAt; id != "" && !seen[id]; {
		seen[id] = true
		ct := r.conts[id]
		if ct == nil {
			break
		}
		sb.WriteByte(' ')
		sb.WriteString(ct.text.String())
		id = ct.contAt
	}
	return normSpace(sb.String())
}

// normSpace collapses all (unicode) whitespace to single spaces and trims.
func normSpace(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == 0xA0 ||
			(r >= 0x2000 && r <= 0x200A) || r == 0x202F || r == 0x205F || r == 0x3000:
			space = true
		case r == 0x200B || r == 0xFEFF || r == 0xAD || r == utf8.RuneError:
		default:
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// Cover assembles the facts read into a Cover; ok is false when the
// document had none.
func (r *Reader) Cover() (Cover, bool) {
	prefixes := r.deiPrefixes
	if len(prefixes) == 0 {
		prefixes = map[string]bool{"dei": true}
	}
	// Pick, for each scalar fact, the first non-empty value, preferring
	// facts whose context has no dimensions (the filer itself).
	best := map[string]*fact{}
	bestVal := map[string]string{}
	type secPart struct {
		ctx   string
		order int
		local string
		val   string
	}
	var secs []secPart
	found := false
	for i, f := range r.facts {
		if !prefixes[f.prefix] {
			continue
		}
		found = true
		v := r.value(f)
		switch f.local {
		case "Security12bTitle", "TradingSymbol", "SecurityExchangeName":
			secs = append(secs, secPart{f.ctx, i, f.local, transform(f.local, f.format, v)})
			continue
		}
		v = transform(f.local, f.format, v)
		if v == "" {
			continue
		}
		if prev, ok := best[f.local]; ok && (r.isDefault(prev.ctx) || !r.isDefault(f.ctx)) {
			continue
		}
		best[f.local], bestVal[f.local] = f, v
	}
	if !found {
		return Cover{}, false
	}
	var c Cover
	c.RegistrantName = bestVal["EntityRegistrantName"]
	c.CIK = bestVal["EntityCentralIndexKey"]
	if c.CIK == "" {
		c.CIK = r.identifier
	}
	c.DocumentType = bestVal["DocumentType"]
	c.PeriodEndDate = bestVal["DocumentPeriodEndDate"]
	if f := best["DocumentPeriodEndDate"]; c.PeriodEndDate == "" || (f != nil && !isISODate(c.PeriodEndDate)) {
		c.PeriodEndDate = ""
		if f != nil {
			if ctx := r.contexts[f.ctx]; ctx != nil && isISODate(ctx.endDate) {
				c.PeriodEndDate = ctx.endDate
			}
		}
	}
	c.IncorporationState = bestVal["EntityIncorporationStateCountryCode"]
	c.FileNumber = bestVal["EntityFileNumber"]
	c.TaxID = bestVal["EntityTaxIdentificationNumber"]
	c.AddressLine1 = bestVal["EntityAddressAddressLine1"]
	c.AddressLine2 = bestVal["EntityAddressAddressLine2"]
	c.AddressLine3 = bestVal["EntityAddressAddressLine3"]
	c.City = bestVal["EntityAddressCityOrTown"]
	c.StateOrProvince = bestVal["EntityAddressStateOrProvince"]
	c.PostalCode = bestVal["EntityAddressPostalZipCode"]
	c.Country = bestVal["EntityAddressCountry"]
	c.CityAreaCode = bestVal["CityAreaCode"]
	c.LocalPhoneNumber = bestVal["LocalPhoneNumber"]
	c.EmergingGrowthCompany = boolOf(bestVal["EntityEmergingGrowthCompany"])
	c.AmendmentFlag = boolOf(bestVal["AmendmentFlag"])
	c.WrittenCommunications = boolOf(bestVal["WrittenCommunications"])
	c.SolicitingMaterial = boolOf(bestVal["SolicitingMaterial"])
	c.PreCommencementTenderOffer = boolOf(bestVal["PreCommencementTenderOffer"])
	c.PreCommencementIssuerTenderOffer = boolOf(bestVal["PreCommencementIssuerTenderOffer"])

	// Group the security facts by context, in order of first appearance;
	// several classes sharing one context are paired by position.
	type group struct {
		first                    int
		titles, symbols, exchang []string
	}
	groups := map[string]*group{}
	var order []string
	for _, s := range secs {
		g := groups[s.ctx]
		if g == nil {
			g = &group{first: s.order}
			groups[s.ctx] = g
			order = append(order, s.ctx)
		}
		switch s.local {
		case "Security12bTitle":
			g.titles = append(g.titles, s.val)
		case "TradingSymbol":
			g.symbols = append(g.symbols, s.val)
		case "SecurityExchangeName":
			g.exchang = append(g.exchang, s.val)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return groups[order[i]].first < groups[order[j]].first })
	for _, k := range order {
		g := groups[k]
		n := max(len(g.titles), len(g.symbols), len(g.exchang))
		for i := 0; i < n; i++ {
			s := Security{Title: at(g.titles, i), TradingSymbol: at(g.symbols, i), Exchange: at(g.exchang, i)}
			c.Securities = appendSecurity(c.Securities, s)
		}
	}
	return c, true
}

// appendSecurity adds s to list. An entry holding only an exchange (tagged
// in its own context with an exchange dimension) completes the class before
// it, or repeats that class for a second exchange.
func appendSecurity(list []Security, s Security) []Security {
	if s == (Security{}) {
		return list
	}
	if n := len(list); n > 0 && s.Title == "" && s.TradingSymbol == "" {
		prev := &list[n-1]
		if prev.Exchange == "" {
			prev.Exchange = s.Exchange
			return list
		}
		if prev.Exchange != s.Exchange {
			s.Title, s.TradingSymbol = prev.Title, prev.TradingSymbol
		}
	}
	return append(list, s)
}

// isDefault reports whether the context id has no dimensions (or is
// unknown).
func (r *Reader) isDefault(id string) bool {
	c := r.contexts[id]
	return c == nil || !c.segment
}

// at returns s[i] or "".
func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// isISODate reports whether s looks like YYYY-MM-DD.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// boolOf turns "true"/"false" into a *bool (nil for anything else).
func boolOf(s string) *bool {
	switch s {
	case "true":
		t := true
		return &t
	case "false":
		f := false
		return &f
	}
	return nil
}

// transform applies the ix format of a fact (and the normalization its
// field needs) to its displayed value v.
func transform(local, format, v string) string {
	switch format {
	case "fixed-true", "booleantrue":
		return "true"
	case "fixed-false", "booleanfalse":
		return "false"
	case "boolballotbox":
		return ballotBox(v)
	}
	switch local {
	case "EntityEmergingGrowthCompany", "AmendmentFlag", "WrittenCommunications", "SolicitingMaterial",
		"PreCommencementTenderOffer", "PreCommencementIssuerTenderOffer":
		switch strings.ToLower(v) {
		case "true", "yes", "1":
			return "true"
		case "false", "no", "0":
			return "false"
		}
		return ""
	case "DocumentPeriodEndDate":
		return isoDate(format, v)
	case "EntityIncorporationStateCountryCode", "EntityAddressStateOrProvince":
		v = strings.TrimSpace(strings.TrimRight(v, ",;"))
		if code := codes.StateCode(v); code != "" {
			return code
		}
		return v
	case "SecurityExchangeName":
		return exchangeCode(v)
	case "EntityAddressAddressLine1", "EntityAddressAddressLine2", "EntityAddressAddressLine3",
		"EntityAddressCityOrTown", "EntityAddressPostalZipCode", "EntityAddressCountry":
		return strings.TrimSpace(strings.TrimRight(v, ",;"))
	case "CityAreaCode":
		return strings.TrimSpace(strings.Trim(v, "()"))
	case "EntityCentralIndexKey":
		return strings.TrimSpace(v)
	}
	return v
}

// ballotBox reads an ixt-sec:boolballotbox glyph: ☐ is false, ☒/☑ true.
// The Wingdings renderings some agents use (¨ o for empty, þ ý x for
// ticked) are accepted too.
func ballotBox(v string) string {
	switch strings.TrimSpace(v) {
	case "☒", "☑", "þ", "ý", "x", "X", "✓", "✔", "■":
		return "true"
	case "☐", "¨", "o", "q", "□":
		return "false"
	}
	return ""
}
