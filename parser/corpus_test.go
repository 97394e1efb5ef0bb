package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/codes"
	"github.com/edgarload/edgarload/parser/internal/items"
	"github.com/edgarload/edgarload/parser/internal/sgml"
)

// TestCorpusParsesWithoutError parses every filing in ../shared/corpus.
func TestCorpusParsesWithoutError(t *testing.T) {
	root := filepath.Join(sharedDir(t), "corpus")
	n := 0
	for _, dir := range []string{"submissions", "feed", "headers", "primary", "exhibits"} {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*"))
		for _, path := range files {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			n++
			f, err := Parse(path, data)
			if err != nil {
				t.Errorf("%v", err)
				continue
			}
			if f.FormType == "" {
				t.Errorf("%s: no form type", path)
			}
		}
	}
	t.Logf("parsed %d corpus files", n)
	if n < 200 {
		t.Errorf("only %d corpus files found; is ../shared/corpus complete?", n)
	}
}

// ratio counts agreements for one measured figure.
type ratio struct{ ok, all int }

func (r *ratio) add(ok bool) {
	r.all++
	if ok {
		r.ok++
	}
}

func (r ratio) pct() float64 {
	if r.all == 0 {
		return 100
	}
	return 100 * float64(r.ok) / float64(r.all)
}

func (r ratio) String() string { return fmt.Sprintf("%5.1f%% (%d/%d)", r.pct(), r.ok, r.all) }

// figures groups ratios by measure and by shape/era.
type figures map[string]map[string]*ratio

// add counts one observation under "all" and under each group given.
func (f figures) add(measure string, ok bool, groups ...string) {
	if f[measure] == nil {
		f[measure] = map[string]*ratio{}
	}
	for _, g := range append([]string{"all"}, groups...) {
		if f[measure][g] == nil {
			f[measure][g] = &ratio{}
		}
		f[measure][g].add(ok)
	}
}

func (f figures) log(t *testing.T) {
	measures := make([]string, 0, len(f))
	for m := range f {
		measures = append(measures, m)
	}
	sort.Strings(measures)
	for _, m := range measures {
		groups := make([]string, 0, len(f[m]))
		for g := range f[m] {
			groups = append(groups, g)
		}
		sort.Strings(groups)
		for _, g := range groups {
			t.Logf("%-28s %-18s %s", m, g, f[m][g])
		}
	}
}

var nameNoise = regexp.MustCompile(`\b(THE|INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|LTD|LIMITED|LLC|LP|L P|PLC|NV|SA|AG|HOLDINGS?)\b`)
var nonAlnum = regexp.MustCompile(`[^A-Z0-9 ]+`)
var disambiguator = regexp.MustCompile(`\s[/\\][A-Z]{2,3}[/\\]?\s*$`)

// normName makes a conformed header name and a printed cover name
// comparable: "SONUS NETWORKS INC" = "Sonus Networks, Inc.".
func normName(s string) string {
	s = strings.ToUpper(s)
	s = disambiguator.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "&", " AND ")
	s = nonAlnum.ReplaceAllString(s, " ")
	s = nameNoise.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), "")
}

// digitsOnly keeps the digits of s: "04-3387074" → "043387074".
func digitsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// normFileNumber compares commission file numbers written with or without
// leading zeros: "001-00768" = "1-768".
func normFileNumber(s string) string {
	parts := strings.Split(strings.TrimSpace(s), "-")
	for i, p := range parts {
		parts[i] = strings.TrimLeft(p, "0")
	}
	return strings.Join(parts, "-")
}

func era(date string) string {
	switch {
	case date == "":
		return "era:unknown"
	case date < "2001":
		return "era:1993-2000"
	case date < "2010":
		return "era:2001-2009"
	default:
		return "era:2010-"
	}
}

func is8K(form string) bool { return form == "8-K" || form == "8-K/A" }

// TestCorpusBodyAgreesWithHeader parses the primary document of every
// complete submission on its own, as a bare document, and measures how
// often the body-derived facts agree with the SGML header.
func TestCorpusBodyAgreesWithHeader(t *testing.T) {
	root := filepath.Join(sharedDir(t), "corpus", "submissions")
	files, _ := filepath.Glob(filepath.Join(root, "*"))
	fig := figures{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		full, err := Parse(path, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		sub, err := sgml.Parse(data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		doc := primaryDocument(sub, full.FormType)
		if doc == nil || len(full.Registrants) == 0 {
			continue
		}
		name := doc.Filename
		if name == "" {
			name = filepath.Base(path) + ".primary.txt"
		}
		bare, err := Parse(name, doc.Text)
		if err != nil {
			t.Errorf("%s: primary document as a bare file: %v", path, err)
			continue
		}
		shape := "shape:" + bare.Shape
		group := shape + "," + era(derefOr(full.FiledAt, ""))
		hdr := full.Registrants[0]
		var body Registrant
		if len(bare.Registrants) > 0 {
			body = bare.Registrants[0]
		}
		family := strings.TrimSuffix(full.FormType, "/A")
		if family != "8-K" && family != "10-K" && family != "10-Q" {
			continue
		}
		okName := normName(body.Name) != "" && normName(body.Name) == normName(hdr.Name)
		// A multi-filer cover may print the filers in another order.
		for _, r := range full.Registrants[1:] {
			okName = okName || (normName(body.Name) != "" && normName(body.Name) == normName(r.Name))
		}
		fig.add("registrant name", okName, group)
		// Identified: the body names the same company by name, IRS number
		// or file number — the keys the loader matches registrants on.
		okID := okName ||
			(digitsOnly(body.IRSNumber) != "" && digitsOnly(body.IRSNumber) == digitsOnly(hdr.IRSNumber)) ||
			(body.FileNumber != "" && normFileNumber(body.FileNumber) == normFileNumber(hdr.FileNumber))
		fig.add("registrant identified", okID, group, shape)
		if !okName {
			t.Logf("name mismatch %s: header %q, body %q", filepath.Base(path), hdr.Name, body.Name)
		}
		if hdr.StateOfIncorporation != "" {
			fig.add("state of incorporation", body.StateOfIncorporation == hdr.StateOfIncorporation, group)
		}
		if hdr.FileNumber != "" {
			ok := normFileNumber(body.FileNumber) == normFileNumber(hdr.FileNumber)
			fig.add("commission file number", ok, group)
			if !ok {
				t.Logf("file number %s: header %q, body %q", filepath.Base(path), hdr.FileNumber, body.FileNumber)
			}
		}
		if d := digitsOnly(hdr.IRSNumber); d != "" && strings.Trim(d, "0") != "" {
			fig.add("IRS number", digitsOnly(body.IRSNumber) == d, group)
		}
		if full.PeriodOfReport != nil {
			ok := derefOr(bare.PeriodOfReport, "") == *full.PeriodOfReport
			fig.add("date of report / period", ok, group)
			if !ok {
				t.Logf("date %s: header %s, body %q", filepath.Base(path), *full.PeriodOfReport, derefOr(bare.PeriodOfReport, ""))
			}
		}
		if !is8K(full.FormType) {
			continue
		}
		fig.add("signers found", len(bare.Signers) > 0, group)
		if len(bare.Signers) == 0 {
			t.Logf("no signer %s", filepath.Base(path))
		}
		if len(full.ItemInformation) == 0 {
			continue
		}
		want := items.FromHeader(full.ItemInformation, full.FormType, derefOr(full.FiledAt, ""))
		got := map[string]bool{}
		for _, it := range bare.Items {
			got[it.Code] = true
		}
		for _, w := range want {
			fig.add("8-K items (header codes)", got[w.Code], group, shape)
			if !got[w.Code] {
				t.Logf("item %s (%s) missing in body of %s; body has %v", w.Code, w.Title, filepath.Base(path), keys(got))
			}
		}
	}
	fig.log(t)
	need := []struct {
		measure, group string
		min            float64
	}{
		{"registrant name", "all", 95},
		{"registrant identified", "shape:" + ShapeText, 95},
		{"registrant identified", "shape:" + ShapeHTML, 95},
		{"signers found", "all", 95},
		{"8-K items (header codes)", "all", 97},
		{"8-K items (header codes)", "shape:" + ShapeText, 95},
	}
	for _, n := range need {
		if r := fig[n.measure][n.group]; r == nil || r.pct() < n.min {
			t.Errorf("%s (%s) below %.0f%%: %v", n.measure, n.group, n.min, r)
		}
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestCorpusLabels compares the cover fields of the primary documents with
// the hand-read labels in ../shared/corpus/labels.
func TestCorpusLabels(t *testing.T) {
	shared := sharedDir(t)
	labels, _ := filepath.Glob(filepath.Join(shared, "corpus", "labels", "*.cover.json"))
	if len(labels) == 0 {
		t.Fatal("no labels")
	}
	var total ratio
	for _, lp := range labels {
		acc := strings.TrimSuffix(filepath.Base(lp), ".cover.json")
		var label map[string]any
		raw, _ := os.ReadFile(lp)
		if err := json.Unmarshal(raw, &label); err != nil {
			t.Fatalf("%s: %v", lp, err)
		}
		// The primary document is in primary/, or else inside the
		// complete submission in submissions/.
		var name string
		var data []byte
		if docs, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", acc+"-*")); len(docs) == 1 {
			name = docs[0]
			data, _ = os.ReadFile(name)
		} else if raw, err := os.ReadFile(filepath.Join(shared, "corpus", "submissions", acc+".txt")); err == nil {
			sub, err := sgml.Parse(raw)
			if err != nil {
				t.Fatalf("%s: %v", acc, err)
			}
			doc := primaryDocument(sub, sub.Header.SubmissionType)
			name, data = doc.Filename, doc.Text
		} else {
			t.Errorf("%s: no primary document in primary/ or submissions/", acc)
			continue
		}
		f, err := Parse(name, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		var r Registrant
		var a Address
		if len(f.Registrants) > 0 {
			r = f.Registrants[0]
			if r.BusinessAddress != nil {
				a = *r.BusinessAddress
			}
		}
		str := func(k string) string { s, _ := label[k].(string); return s }
		date, _ := codes.FindDate(str("date"))
		checks := []struct{ field, got, want string }{
			{"name", normName(r.Name), normName(str("name"))},
			{"address", strings.ToUpper(strings.TrimSuffix(a.Street1+", "+a.Street2, ", ")), strings.ToUpper(str("address"))},
			{"city", strings.ToUpper(a.City), strings.ToUpper(str("city"))},
			{"state", a.State, codes.StateCode(str("state"))},
			{"zip", a.Zip, str("zip")},
			{"state_of_incorporation", r.StateOfIncorporation, codes.StateCode(str("state_of_incorporation"))},
			{"date", derefOr(f.PeriodOfReport, ""), date},
			{"form", f.FormType, str("form")},
			{"commission_file_number", normFileNumber(r.FileNumber), normFileNumber(str("commission_file_number"))},
			{"irs_employer_id", r.IRSNumber, str("irs_employer_id")},
		}
		for _, c := range checks {
			if c.want == "" {
				continue
			}
			ok := c.got == c.want
			total.add(ok)
			if !ok {
				t.Logf("%s %s: got %q, label %q", acc, c.field, c.got, c.want)
			}
		}
	}
	t.Logf("labelled cover fields: %v", total)
	if total.pct() < 90 {
		t.Errorf("labelled cover fields below 90%%: %v", total)
	}
}
