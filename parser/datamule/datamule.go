// Package datamule rebuilds an EDGAR complete submission from a datamule
// bundle: the bundle's metadata.json (the SGML header facts as JSON, in the
// hyphenated keys of the tag dialect) and its documents, already
// decompressed. The result is a `<SEC-DOCUMENT>` text in the labels dialect
// that parser.Parse reads like a submission downloaded from EDGAR. It is
// pure: bytes in, bytes out.
package datamule

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// MetadataName is the member name of a bundle's metadata.
const MetadataName = "metadata.json"

// Document is one member of a bundle: its file name (as listed in the
// metadata's documents[].filename) and its decompressed bytes.
type Document struct {
	Name string
	Data []byte
}

// Metadata is the part of metadata.json that names the filing.
type Metadata struct {
	AccessionNumber string `json:"accession-number"`
	Type            string `json:"type"`
	FilingDate      string `json:"filing-date"`
	Documents       []struct {
		Type        string `json:"type"`
		Sequence    string `json:"sequence"`
		Filename    string `json:"filename"`
		Description string `json:"description"`
	} `json:"documents"`
}

// ReadMetadata decodes metadata.json; it fails when the JSON is invalid or
// names no accession number.
func ReadMetadata(meta []byte) (*Metadata, error) {
	var m Metadata
	if err := json.Unmarshal(meta, &m); err != nil {
		return nil, fmt.Errorf("datamule metadata: %w", err)
	}
	if strings.TrimSpace(m.AccessionNumber) == "" {
		return nil, errors.New("datamule metadata: no accession-number")
	}
	return &m, nil
}

// Assemble returns the complete submission of the bundle described by meta
// with the documents docs. Documents are written in sequence order as the
// metadata lists them, then any document the metadata does not list (in the
// order given); a listed document missing from docs is left out. Binary
// documents (zip, xlsx, pdf, images, anything holding NUL bytes) are
// uuencoded, as EDGAR does, so the SGML reader keeps them out of text
// extraction.
func Assemble(meta []byte, docs []Document) ([]byte, error) {
	m, err := ReadMetadata(meta)
	if err != nil {
		return nil, err
	}
	top, err := orderedObject(meta)
	if err != nil {
		return nil, fmt.Errorf("datamule metadata: %w", err)
	}
	var b bytes.Buffer
	acc := strings.TrimSpace(m.AccessionNumber)
	fmt.Fprintf(&b, "<SEC-DOCUMENT>%s.txt : %s\n<SEC-HEADER>%s.hdr.sgml : %s\n", acc, m.FilingDate, acc, m.FilingDate)
	writeHeader(&b, top)
	b.WriteString("</SEC-HEADER>\n")
	for _, d := range orderDocuments(m, docs) {
		writeDocument(&b, d)
	}
	b.WriteString("</SEC-DOCUMENT>\n")
	return b.Bytes(), nil
}

// member is one key of a JSON object, in document order.
type member struct {
	key   string
	value json.RawMessage
}

// orderedObject decodes a JSON object keeping its key order.
func orderedObject(raw []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("not a JSON object")
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, member{strings.ToLower(key), v})
	}
	return out, nil
}

// topLabels are the submission-level keys, in the order EDGAR writes them.
var topLabels = []struct{ key, label string }{
	{"accession-number", "ACCESSION NUMBER"},
	{"type", "CONFORMED SUBMISSION TYPE"},
	{"public-document-count", "PUBLIC DOCUMENT COUNT"},
	{"period", "CONFORMED PERIOD OF REPORT"},
	{"items", "ITEM INFORMATION"},
	{"filing-date", "FILED AS OF DATE"},
	{"date-of-filing-date-change", "DATE AS OF CHANGE"},
	{"effectiveness-date", "EFFECTIVENESS DATE"},
	{"group-members", "GROUP MEMBERS"},
}

// roleLabels are the entity blocks.
var roleLabels = map[string]string{
	"filer": "FILER", "subject-company": "SUBJECT COMPANY", "filed-by": "FILED BY",
	"reporting-owner": "REPORTING-OWNER", "issuer": "ISSUER", "filed-for": "FILED FOR",
	"serial-company": "SERIAL COMPANY", "depositor": "DEPOSITOR", "securitizer": "SECURITIZER",
	"issuing-entity": "ISSUING ENTITY", "sponsor": "SPONSOR",
}

// subLabels are the sub-blocks of an entity, in EDGAR's order.
var subLabels = []struct{ key, label string }{
	{"company-data", "COMPANY DATA"}, {"owner-data", "OWNER DATA"}, {"filing-values", "FILING VALUES"},
	{"business-address", "BUSINESS ADDRESS"}, {"mail-address", "MAIL ADDRESS"}, {"former-company", "FORMER COMPANY"},
}

// fieldLabels are the values inside a sub-block.
var fieldLabels = map[string]string{
	"conformed-name": "COMPANY CONFORMED NAME", "cik": "CENTRAL INDEX KEY",
	"assigned-sic": "STANDARD INDUSTRIAL CLASSIFICATION", "organization-name": "ORGANIZATION NAME",
	"irs-number": "IRS NUMBER", "state-of-incorporation": "STATE OF INCORPORATION",
	"fiscal-year-end": "FISCAL YEAR END", "form-type": "FORM TYPE", "act": "SEC ACT",
	"file-number": "SEC FILE NUMBER", "film-number": "FILM NUMBER", "street1": "STREET 1",
	"street2": "STREET 2", "city": "CITY", "state": "STATE", "zip": "ZIP", "phone": "BUSINESS PHONE",
	"former-conformed-name": "FORMER CONFORMED NAME", "date-changed": "DATE OF NAME CHANGE",
	"relationship": "RELATIONSHIP",
}

// fieldOrder is EDGAR's order of the values of a sub-block.
var fieldOrder = []string{
	"conformed-name", "cik", "assigned-sic", "organization-name", "irs-number", "state-of-incorporation",
	"fiscal-year-end", "form-type", "act", "file-number", "film-number", "street1", "street2", "city",
	"state", "zip", "phone", "former-conformed-name", "date-changed", "relationship",
}

func writeHeader(b *bytes.Buffer, top []member) {
	byKey := map[string]json.RawMessage{}
	for _, m := range top {
		byKey[m.key] = m.value
	}
	for _, t := range topLabels {
		for _, v := range strings_(byKey[t.key]) {
			fmt.Fprintf(b, "%s:\t\t%s\n", t.label, v)
		}
	}
	b.WriteString("\n")
	for _, m := range top {
		label, ok := roleLabels[m.key]
		if !ok {
			continue
		}
		for _, entity := range objects(m.value) {
			fmt.Fprintf(b, "%s:\n\n", label)
			writeEntity(b, entity)
		}
	}
}

func writeEntity(b *bytes.Buffer, entity map[string]json.RawMessage) {
	for _, s := range subLabels {
		for _, block := range objects(entity[s.key]) {
			fmt.Fprintf(b, "\t%s:\n", s.label)
			for _, f := range fieldOrder {
				for _, v := range strings_(block[f]) {
					fmt.Fprintf(b, "\t\t%s:\t\t%s\n", fieldLabels[f], v)
				}
			}
			b.WriteString("\n")
		}
	}
}

// strings_ reads a JSON string, number or array of them; anything else
// gives nothing. Line breaks inside a value become spaces.
func strings_(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return nonEmpty(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return nonEmpty(n.String())
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, e := range list {
		out = append(out, strings_(e)...)
	}
	return out
}

func nonEmpty(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	return []string{s}
}

// objects reads a JSON object or an array of objects.
func objects(raw json.RawMessage) []map[string]json.RawMessage {
	if len(raw) == 0 {
		return nil
	}
	var one map[string]json.RawMessage
	if json.Unmarshal(raw, &one) == nil {
		return []map[string]json.RawMessage{lowerKeys(one)}
	}
	var many []map[string]json.RawMessage
	if json.Unmarshal(raw, &many) != nil {
		return nil
	}
	for i := range many {
		many[i] = lowerKeys(many[i])
	}
	return many
}

func lowerKeys(m map[string]json.RawMessage) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// sgmlDoc is one <DOCUMENT> to write.
type sgmlDoc struct {
	typ, sequence, filename, description string
	data                                 []byte
}

// orderDocuments pairs the documents with their metadata entries, in
// sequence order, then appends the unlisted ones.
func orderDocuments(m *Metadata, docs []Document) []sgmlDoc {
	byName := make(map[string]int, len(docs))
	for i, d := range docs {
		byName[d.Name] = i
	}
	used := make([]bool, len(docs))
	var out []sgmlDoc
	for _, e := range m.Documents {
		i, ok := byName[e.Filename]
		if !ok || used[i] {
			continue
		}
		used[i] = true
		out = append(out, sgmlDoc{e.Type, e.Sequence, e.Filename, e.Description, docs[i].Data})
	}
	sort.SliceStable(out, func(i, j int) bool { return seqNum(out[i].sequence) < seqNum(out[j].sequence) })
	next := 1
	for _, e := range m.Documents {
		if n := seqNum(e.Sequence); n < 1<<30 && n >= next {
			next = n + 1
		}
	}
	for i, d := range docs {
		if !used[i] {
			out = append(out, sgmlDoc{"", strconv.Itoa(next), d.Name, "", d.Data})
			next++
		}
	}
	return out
}

// seqNum is a sequence as a number; an unreadable one sorts last.
func seqNum(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 1 << 30
	}
	return n
}

func writeDocument(b *bytes.Buffer, d sgmlDoc) {
	b.WriteString("<DOCUMENT>\n")
	for _, kv := range [][2]string{{"TYPE", d.typ}, {"SEQUENCE", d.sequence}, {"FILENAME", d.filename}, {"DESCRIPTION", d.description}} {
		if v := strings.Join(strings.Fields(kv[1]), " "); v != "" {
			fmt.Fprintf(b, "<%s>%s\n", kv[0], v)
		}
	}
	b.WriteString("<TEXT>\n")
	if IsBinary(d.data) {
		uuencode(b, d.filename, d.data)
	} else {
		b.Write(d.data)
		if len(d.data) > 0 && d.data[len(d.data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	b.WriteString("</TEXT>\n</DOCUMENT>\n")
}

// binaryMagic are the leading bytes of the binary formats EDGAR accepts.
var binaryMagic = [][]byte{
	[]byte("PK\x03\x04"), []byte("%PDF"), []byte("\xff\xd8\xff"), []byte("GIF8"), []byte("\x89PNG"),
}

// IsBinary reports whether data is a binary payload: a zip (xlsx, xbrl
// zip), PDF, JPEG, GIF or PNG, or anything with a NUL byte in its first 8 KiB.
func IsBinary(data []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	return bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0
}

// uuencode writes data in the uuencode format EDGAR uses for binary
// documents ("begin 644 name" ... "end").
func uuencode(b *bytes.Buffer, name string, data []byte) {
	if name == "" {
		name = "document"
	}
	fmt.Fprintf(b, "begin 644 %s\n", strings.Join(strings.Fields(name), "_"))
	enc := func(c byte) byte {
		if c == 0 {
			return '`'
		}
		return c + 32
	}
	for len(data) > 0 {
		n := min(len(data), 45)
		line := data[:n]
		data = data[n:]
		b.WriteByte(enc(byte(n)))
		for i := 0; i < n; i += 3 {
			var c [3]byte
			copy(c[:], line[i:min(i+3, n)])
			b.WriteByte(enc(c[0] >> 2))
			b.WriteByte(enc((c[0]<<4 | c[1]>>4) & 63))
			b.WriteByte(enc((c[1]<<2 | c[2]>>6) & 63))
			b.WriteByte(enc(c[2] & 63))
		}
		b.WriteByte('\n')
	}
	b.WriteString("`\nend\n")
}
