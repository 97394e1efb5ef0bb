package exhibits

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

func TestSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t), "seed", "sonus-networks-8-K-2004-07-29.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := ParseIndex(toText(b))
	want := Entry{"99.1", "Script of Sonus Networks, Inc. for conference call and simultaneous webcast on July, 29, 2004 to discuss its financial results for the quarter and fiscal year ended December 31, 2003, and for its quarter ended March 31, 2004."}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestCorpus8KExhibitCoverage(t *testing.T) {
	shared := corpus.Dir(t)
	subs, err := filepath.Glob(filepath.Join(shared, "corpus", "submissions", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var filings, withEx, allFound, lenient, docs, docsFound int
	for _, p := range subs {
		s := corpus.ReadSubmission(t, p)
		if strings.HasPrefix(s.Form, "10-") && len(s.Docs) > 0 {
			logPeriodic(t, p, s)
		}
		if !strings.HasPrefix(strings.ToUpper(s.Form), "8-K") || len(s.Docs) == 0 {
			continue
		}
		filings++
		idx := ParseIndex(toText(s.Docs[0].Body))
		have := map[string]bool{}
		bases := map[string]bool{}
		for _, e := range idx {
			n := Normalize(e.Number)
			have[n] = true
			bases[strings.SplitN(n, ".", 2)[0]] = true
		}
		var nums []string
		for _, d := range s.Docs[1:] {
			if n, ok := NumberFromType(d.Type); ok {
				nums = append(nums, n)
			}
		}
		if len(nums) == 0 {
			continue
		}
		withEx++
		strict, loose := true, true
		var missing []string
		for _, n := range nums {
			docs++
			k := Normalize(n)
			switch {
			case have[k]:
				docsFound++
			case !strings.Contains(k, ".") && bases[k]:
				strict = false // "EX-99" for an index listing 99.1
			default:
				strict, loose = false, false
				missing = append(missing, n)
			}
		}
		if strict {
			allFound++
		}
		if loose {
			lenient++
		} else {
			var got []string
			for _, e := range idx {
				got = append(got, e.Number)
			}
			t.Logf("%s: EX numbers %v, index %v, missing %v", filepath.Base(p), nums, got, missing)
		}
	}
	if withEx == 0 {
		t.Fatal("no 8-K with exhibits in the corpus")
	}
	share := float64(allFound) / float64(withEx)
	loose := float64(lenient) / float64(withEx)
	t.Logf("8-K submissions %d, with EX-* documents %d; all numbers in the body index: %d (%.1f%%), counting EX-99 as matching 99.x: %d (%.1f%%); documents %d, matched exactly %d",
		filings, withEx, allFound, 100*share, lenient, 100*loose, docs, docsFound)
	if loose < minCoverage {
		t.Errorf("coverage %.3f < %.2f", loose, minCoverage)
	}
	if share < minStrictCoverage {
		t.Errorf("strict coverage %.3f < %.2f", share, minStrictCoverage)
	}
}

// minCoverage is the least share of corpus 8-Ks whose EX-* documents are
// all listed in the body's exhibit index (EX-99 matching a 99.x row).
const minCoverage = 0.96

// minStrictCoverage is minCoverage without the EX-99 leniency.
const minStrictCoverage = 0.9

// logPeriodic logs how the EX-* documents of a 10-K/10-Q submission
// compare with its exhibit index (informational only).
func logPeriodic(t *testing.T, path string, s corpus.Submission) {
	have := map[string]bool{}
	idx := ParseIndex(toText(s.Docs[0].Body))
	for _, e := range idx {
		have[Normalize(e.Number)] = true
	}
	var nums, missing []string
	for _, d := range s.Docs[1:] {
		if n, ok := NumberFromType(d.Type); ok {
			nums = append(nums, n)
			if !have[Normalize(n)] {
				missing = append(missing, n)
			}
		}
	}
	t.Logf("%s %s: index rows %d, EX-* documents %v, not in index %v", s.Form, filepath.Base(path), len(idx), nums, missing)
}
