package parser

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// uuencode is a reference encoder for the test (the classic algorithm,
// with '`' for zero).
func uuencode(data []byte) string {
	var b strings.Builder
	b.WriteString("begin 644 x.jpg\n")
	enc := func(c byte) byte {
		if c == 0 {
			return '`'
		}
		return c + ' '
	}
	for i := 0; i < len(data); i += 45 {
		chunk := data[i:min(i+45, len(data))]
		b.WriteByte(enc(byte(len(chunk))))
		padded := append(append([]byte(nil), chunk...), 0, 0)
		for j := 0; j < len(chunk); j += 3 {
			a, c, d := padded[j], padded[j+1], padded[j+2]
			b.Write([]byte{enc(a >> 2), enc((a<<4 | c>>4) & 63), enc((c<<2 | d>>6) & 63), enc(d & 63)})
		}
		b.WriteByte('\n')
	}
	b.WriteString("`\nend\n")
	return b.String()
}

func TestUUDecodeRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 44, 45, 46, 1000} {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i*7 + n)
		}
		got, ok := uudecode([]byte(uuencode(data)))
		if !ok || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: ok=%v, got %d bytes", n, ok, len(got))
		}
	}
	if _, ok := uudecode([]byte("not uuencoded")); ok {
		t.Error("plain text decoded as uuencode")
	}
}

// Every document of a submission gets a SHA-256; prose documents get their
// text, binary and data documents none, and a graphic's SHA-256 is that of
// its decoded bytes.
func TestDocumentTexts(t *testing.T) {
	img := []byte("\x89PNG fake image bytes \x00\x01\x02")
	sum := sha256.Sum256(img)
	sub := "<SEC-DOCUMENT>0000999001-24-000099.txt : 20240105\n<SEC-HEADER>0000999001-24-000099.hdr.sgml : 20240105\n" +
		"ACCESSION NUMBER:\t\t0000999001-24-000099\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t4\n" +
		"FILED AS OF DATE:\t\t20240105\n</SEC-HEADER>\n" +
		"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>a.htm\n<TEXT>\n<html><body><p>ITEM 8.01 Other Events.</p><p>The company held a picnic.</p></body></html>\n</TEXT>\n</DOCUMENT>\n" +
		"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>b.htm\n<TEXT>\n<html><body><p>Press release: record picnic attendance.</p></body></html>\n</TEXT>\n</DOCUMENT>\n" +
		"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>3\n<FILENAME>x.jpg\n<TEXT>\n" + uuencode(img) + "</TEXT>\n</DOCUMENT>\n" +
		"<DOCUMENT>\n<TYPE>EX-101.INS\n<SEQUENCE>4\n<FILENAME>x.xml\n<TEXT>\n<XBRL>\n<?xml version=\"1.0\"?><xbrl></xbrl>\n</XBRL>\n</TEXT>\n</DOCUMENT>\n" +
		"</SEC-DOCUMENT>\n"
	f, err := Parse("t.txt", []byte(sub))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Documents) != 4 {
		t.Fatalf("%d documents", len(f.Documents))
	}
	for i, d := range f.Documents {
		if len(d.SHA256) != 64 {
			t.Errorf("document %d: sha256 %q", i, d.SHA256)
		}
	}
	if !strings.Contains(f.Documents[0].Text, "picnic") || strings.Contains(f.Documents[0].Text, "<p>") {
		t.Errorf("primary text %q", f.Documents[0].Text)
	}
	if !strings.Contains(f.Documents[1].Text, "record picnic attendance") {
		t.Errorf("exhibit text %q", f.Documents[1].Text)
	}
	if f.Documents[2].Text != "" || f.Documents[2].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("graphic: text %q sha %s, want none and %x", f.Documents[2].Text, f.Documents[2].SHA256, sum)
	}
	if f.Documents[3].Text != "" {
		t.Errorf("XBRL document got text %q", f.Documents[3].Text)
	}
}
