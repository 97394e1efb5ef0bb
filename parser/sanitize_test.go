package parser

import (
	"testing"
	"unicode/utf8"
)

func TestSanitizeCleansEveryString(t *testing.T) {
	bad := "A\x00B\xff"
	date := "2004-07-29\x00"
	f := &Filing{
		FormType:    bad,
		FiledAt:     &date,
		Registrants: []Registrant{{Name: bad, BusinessAddress: &Address{City: bad}, FormerNames: []FormerName{{Name: bad}}}},
		Items:       []Item{{Text: bad}},
		Signers:     []Signer{{Name: bad}},
	}
	sanitize(f)
	for _, s := range []string{f.FormType, *f.FiledAt, f.Registrants[0].Name, f.Registrants[0].BusinessAddress.City,
		f.Registrants[0].FormerNames[0].Name, f.Items[0].Text, f.Signers[0].Name} {
		if !utf8.ValidString(s) || !cleanString(s) {
			t.Errorf("not sanitized: %q", s)
		}
	}
	if f.FormType != "AB\uFFFD" {
		t.Errorf("FormType = %q, want %q", f.FormType, "AB\uFFFD")
	}
}
