package items

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

// minHeaderRecall is the least share of header item codes (ITEM
// INFORMATION titles mapped by FromHeader) that Extract must find in the
// primary documents of the corpus 8-K submissions.
const minHeaderRecall = 0.97

// codesOf lists the codes of items.
func codesOf(its []Item) []string {
	out := make([]string, 0, len(its))
	for _, it := range its {
		out = append(out, it.Code)
	}
	return out
}

// isEightK reports whether a submission type is an 8-K.
func isEightK(form string) bool { return family(form) == fam8K }

func TestCorpus8KHeaderRecall(t *testing.T) {
	shared := corpus.Dir(t)
	subs, err := filepath.Glob(filepath.Join(shared, "corpus", "submissions", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Bare primary documents, by accession number.
	prim := map[string]string{}
	pfiles, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	for _, p := range pfiles {
		base := filepath.Base(p)
		if len(base) > 20 && base[10] == '-' && base[13] == '-' {
			prim[base[:20]] = p
		}
	}
	var filings, withHeader, want, found, extra, primChecked, primWant, primFound int
	for _, p := range subs {
		s := corpus.ReadSubmission(t, p)
		if !isEightK(s.Form) || len(s.Docs) == 0 {
			continue
		}
		filings++
		hdr := FromHeader(s.ItemInfo, s.Form, s.Filed)
		got := Extract(toText(s.Docs[0].Body), s.Form, s.Filed)
		gotSet := map[string]bool{}
		for _, it := range got {
			gotSet[it.Code] = true
		}
		hdrSet := map[string]bool{}
		if len(hdr) > 0 {
			withHeader++
		}
		var missing []string
		for _, it := range hdr {
			hdrSet[it.Code] = true
			want++
			if gotSet[it.Code] {
				found++
			} else {
				missing = append(missing, it.Code)
			}
		}
		for _, c := range codesOf(got) {
			if len(hdr) > 0 && !hdrSet[c] {
				extra++
				t.Logf("%s: extracted %s not in header %v", filepath.Base(p), c, codesOf(hdr))
			}
		}
		if len(missing) > 0 {
			t.Logf("%s: header %v, extracted %v, missing %v", filepath.Base(p), codesOf(hdr), codesOf(got), missing)
		}
		acc := strings.TrimSuffix(filepath.Base(p), ".txt")
		if pp, ok := prim[acc]; ok && len(hdr) > 0 {
			b, err := os.ReadFile(pp)
			if err != nil {
				t.Fatal(err)
			}
			primChecked++
			pg := map[string]bool{}
			for _, it := range Extract(toText(b), s.Form, s.Filed) {
				pg[it.Code] = true
			}
			for _, it := range hdr {
				primWant++
				if pg[it.Code] {
					primFound++
				} else {
					t.Logf("primary %s: missing %s", filepath.Base(pp), it.Code)
				}
			}
		}
	}
	if want == 0 {
		t.Fatal("no header items in the corpus 8-Ks")
	}
	recall := float64(found) / float64(want)
	t.Logf("8-K submissions: %d (%d with header items); header codes %d, found %d (recall %.1f%%); extracted codes not in header: %d",
		filings, withHeader, want, found, 100*recall, extra)
	if recall < minHeaderRecall {
		t.Errorf("header recall %.3f < %.2f", recall, minHeaderRecall)
	}
	if primWant == 0 {
		t.Fatal("no bare primary 8-K with a submission beside it was checked")
	}
	{
		pr := float64(primFound) / float64(primWant)
		t.Logf("bare primary 8-Ks with a submission: %d; header codes %d, found %d (recall %.1f%%)", primChecked, primWant, primFound, 100*pr)
		if pr < minHeaderRecall {
			t.Errorf("primary recall %.3f < %.2f", pr, minHeaderRecall)
		}
	}
}

// TestCorpus8KPrimary runs every bare 8-K primary document through Extract
// and requires at least one item from nearly all of them.
func TestCorpus8KPrimary(t *testing.T) {
	shared := corpus.Dir(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	var n, withItems int
	var empty []string
	for _, p := range files {
		base := strings.ToLower(filepath.Base(p))
		if !strings.Contains(base, "8k") && !strings.Contains(base, "8-k") && !strings.Contains(base, "8xk") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n++
		got := Extract(toText(b), "8-K", "")
		if len(got) > 0 {
			withItems++
		} else {
			empty = append(empty, filepath.Base(p))
		}
		t.Logf("%s: %v", filepath.Base(p), codesOf(got))
	}
	sort.Strings(empty)
	t.Logf("bare 8-K primaries: %d, with items %d; without: %v", n, withItems, empty)
	if n == 0 || float64(withItems) < 0.95*float64(n) {
		t.Errorf("only %d of %d bare 8-Ks yield items", withItems, n)
	}
}

var (
	itemsTagRe = regexp.MustCompile(`(?i)<ITEMS>\s*([^<\s]+)`)
	typeTagRe  = regexp.MustCompile(`<TYPE>\s*([^<\n]+?)\s*(?:<|\n)`)
	dateTagRe  = regexp.MustCompile(`<FILING-DATE>\s*(\d{8})`)
)

// TestCorpusItemsTags uses the <ITEMS> codes of feed files and header
// files: Extract must find the codes of feed 8-Ks in their primary
// document, and FromHeader must map a submission's ITEM INFORMATION titles
// to the codes its .hdr.sgml lists.
func TestCorpusItemsTags(t *testing.T) {
	shared := corpus.Dir(t)
	feeds, _ := filepath.Glob(filepath.Join(shared, "corpus", "feed", "*.nc"))
	var n, want, found int
	for _, p := range feeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		m := typeTagRe.FindStringSubmatch(s)
		if m == nil || !isEightK(m[1]) {
			continue
		}
		filed := ""
		if d := dateTagRe.FindStringSubmatch(s); d != nil {
			filed = d[1][:4] + "-" + d[1][4:6] + "-" + d[1][6:]
		}
		var codes []string
		for _, c := range itemsTagRe.FindAllStringSubmatch(s, -1) {
			codes = append(codes, c[1])
		}
		body := s
		if i := strings.Index(body, "<TEXT>"); i >= 0 {
			body = body[i+len("<TEXT>"):]
		}
		if i := strings.Index(body, "</TEXT>"); i >= 0 {
			body = body[:i]
		}
		got := map[string]bool{}
		for _, it := range Extract(toText([]byte(body)), m[1], filed) {
			got[it.Code] = true
		}
		n++
		for _, c := range codesOf(FromHeader(codes, m[1], filed)) {
			want++
			if got[c] {
				found++
			} else {
				t.Errorf("%s: <ITEMS> %s not extracted", filepath.Base(p), c)
			}
		}
	}
	t.Logf("feed 8-Ks: %d, <ITEMS> codes %d, extracted %d", n, want, found)
	if n == 0 || want == 0 {
		t.Fatalf("no feed 8-K with <ITEMS> codes was checked (%d files, %d codes)", n, want)
	}

	hdrs, _ := filepath.Glob(filepath.Join(shared, "corpus", "headers", "*.hdr.sgml"))
	var pairs int
	for _, p := range hdrs {
		acc := strings.TrimSuffix(filepath.Base(p), ".hdr.sgml")
		sub := filepath.Join(shared, "corpus", "submissions", acc+".txt")
		if _, err := os.Stat(sub); err != nil {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, c := range itemsTagRe.FindAllStringSubmatch(string(b), -1) {
			codes = append(codes, c[1])
		}
		s := corpus.ReadSubmission(t, sub)
		fromCodes := codesOf(FromHeader(codes, s.Form, s.Filed))
		fromTitles := codesOf(FromHeader(s.ItemInfo, s.Form, s.Filed))
		pairs++
		if strings.Join(fromCodes, " ") != strings.Join(fromTitles, " ") {
			t.Errorf("%s: <ITEMS> %v but ITEM INFORMATION maps to %v", acc, fromCodes, fromTitles)
		}
	}
	t.Logf("header/submission pairs with <ITEMS>: %d", pairs)
	if pairs == 0 {
		t.Fatal("no header/submission pair with <ITEMS> was checked")
	}
}
