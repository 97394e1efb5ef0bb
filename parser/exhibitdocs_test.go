package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/exhibits"
)

func TestMergeDocumentExhibits(t *testing.T) {
	doc := func(typ, desc string) exhibitDoc {
		e, ok := exhibitOfDocument(Document{Type: typ, Filename: strings.ToLower(typ) + ".htm", Description: desc, Bytes: 10})
		if !ok {
			t.Fatalf("%s is not an exhibit document", typ)
		}
		return exhibitDoc{row: e, key: exhibits.Normalize(e.Number)}
	}
	rows := func(nums ...string) []Exhibit {
		var out []Exhibit
		for _, n := range nums {
			out = append(out, Exhibit{Number: n, Description: "row " + n})
		}
		return out
	}
	show := func(es []Exhibit) string {
		var b []string
		for _, e := range es {
			b = append(b, fmt.Sprintf("%s=%s", e.Number, e.Type))
		}
		return strings.Join(b, " ")
	}
	cases := []struct {
		name string
		rows []Exhibit
		docs []exhibitDoc
		want string
	}{
		{"same number", rows("99.1"), []exhibitDoc{doc("EX-99.1", "")}, "99.1=EX-99.1"},
		{"99 is the only 99.x", rows("99.1"), []exhibitDoc{doc("EX-99", "PRESS RELEASE")}, "99.1=EX-99"},
		{"index 99, document 99.1", rows("99"), []exhibitDoc{doc("EX-99.1", "")}, "99=EX-99.1"},
		{"EX-31 and 31.1/31.2", rows("31.1", "31.2"), []exhibitDoc{doc("EX-31", "")}, "31.1=EX-31 31.2="},
		{"23.(D) and 23(d)", rows("23(d)"), []exhibitDoc{doc("EX-23.(D)", "")}, "23(d)=EX-23.(D)"},
		{"two 99 documents stay apart", rows("99.1"), []exhibitDoc{doc("EX-99", ""), doc("EX-99", "")}, "99.1= 99=EX-99 99=EX-99"},
		{"different sub-parts stay apart", rows("10.1"), []exhibitDoc{doc("EX-10.5", "")}, "10.1= 10.5=EX-10.5"},
		{"XBRL and graphics are rows", rows("101.INS"), []exhibitDoc{doc("EX-101.INS", ""), doc("EX-101.SCH", ""), doc("GRAPHIC", "")}, "101.INS=EX-101.INS 101.SCH=EX-101.SCH =GRAPHIC"},
	}
	for _, c := range cases {
		if got := show(mergeDocumentExhibits(c.rows, c.docs)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
