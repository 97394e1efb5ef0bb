package parser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestPeriodicReportItems checks that the 10-K and 10-Q HTML documents of
// the corpus yield their key items in order, with real text rather than the
// table of contents' line.
func TestPeriodicReportItems(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "primary")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	checked := 0
	total := map[string]int{}
	for _, path := range files {
		base := strings.ToLower(filepath.Base(path))
		if !strings.HasSuffix(base, ".htm") && !strings.HasSuffix(base, ".html") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(path, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		var want []string
		switch strings.TrimSuffix(f.FormType, "/A") {
		case "10-K":
			want = []string{"I-1", "I-1A", "II-7", "II-8"}
			if d := derefOr(f.PeriodOfReport, ""); d != "" && d < "2005-12-01" {
				want = []string{"I-1", "II-7", "II-8"} // Item 1A (risk factors) dates from 2005
			}
		case "10-Q":
			want = []string{"I-1", "I-2"}
		default:
			continue
		}
		checked++
		var codes []string
		texts := map[string]string{}
		for _, it := range f.Items {
			codes = append(codes, it.Code)
			texts[it.Code] = it.Text
		}
		last := -1
		for _, w := range want {
			i := slices.Index(codes, w)
			if i < 0 {
				t.Errorf("%s (%s): item %s missing; items %v", filepath.Base(path), f.FormType, w, codes)
				continue
			}
			if i < last {
				t.Errorf("%s: item %s out of order: %v", filepath.Base(path), w, codes)
			}
			last = i
			// Items incorporated by reference are short ("NOT APPLICABLE",
			// "Refer to pages 6 through 42 ..."), but a table-of-contents
			// line has no text at all, or only a page number.
			if n := len(strings.Fields(texts[w])); n < 2 || !strings.ContainsFunc(texts[w], unicode.IsLetter) {
				t.Errorf("%s: item %s has no real text: %.120q", filepath.Base(path), w, texts[w])
			}
			total[w] += len(strings.Fields(texts[w]))
		}
	}
	t.Logf("checked %d 10-K/10-Q HTML documents; words per key item: %v", checked, total)
	if checked < 15 {
		t.Errorf("only %d periodic reports checked", checked)
	}
}
