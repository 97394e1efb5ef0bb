package items

import (
	"fmt"
	"github.com/edgarload/edgarload/parser/internal/corpus"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// periodicForm guesses the form of a corpus primary document from its
// file name; "" for files that are not 10-K/10-Q/20-F reports.
func periodicForm(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "10k405") || strings.Contains(n, "10-k405"):
		return "10-K405"
	case strings.Contains(n, "10-k") || strings.HasPrefix(n, "10k") || strings.Contains(n, "10k"):
		return "10-K"
	case strings.Contains(n, "10-q") || strings.HasPrefix(n, "10q"):
		return "10-Q"
	case strings.HasPrefix(n, "20f"):
		return "20-F"
	}
	return ""
}

// minItemLetters is the least number of letters a body item must have to
// count as found (a table-of-contents line has a few dozen).
const minItemLetters = 10

// yearRe finds the filing year in corpus file names such as 10k_2002_....
var yearRe = regexp.MustCompile(`_((?:19|20)\d\d)_`)

func TestCorpusPeriodic(t *testing.T) {
	shared := corpus.Dir(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	var n, ok int
	docs := periodicDocs(t, shared)
	for _, p := range files {
		name := filepath.Base(p)
		form := periodicForm(name)
		if form == "" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, periodicDoc{name, form, b})
	}
	for _, d := range docs {
		name, form := d.name, d.form
		got := Extract(toText(d.body), form, "")
		var desc []string
		pos := map[string]int{}
		for i, it := range got {
			desc = append(desc, fmt.Sprintf("%s(%d)", it.Code, len(it.Text)))
			if contentLetters(it.Text) >= minItemLetters {
				pos[it.Code] = i + 1
			}
		}
		want := []string{"I-1", "I-1A", "II-7", "II-8"}
		if m := yearRe.FindStringSubmatch(name); m != nil && m[1] < "2006" {
			want = []string{"I-1", "II-7", "II-8"} // Item 1A arrived in 2005
		}
		switch form {
		case "10-Q":
			want = []string{"I-1", "I-2"}
		case "20-F":
			want = []string{"I-3", "I-4", "I-5"}
		}
		n++
		good := true
		last := 0
		for _, c := range want {
			if pos[c] <= last {
				good = false
				break
			}
			last = pos[c]
		}
		switch {
		case good:
			ok++
		default:
			t.Logf("MISSING %v", want)
		}
		t.Logf("%s %s: %s", form, name, strings.Join(desc, " "))
	}
	t.Logf("periodic reports: %d, with the key items in order and non-trivial text: %d", n, ok)
	if n == 0 || ok < n {
		t.Errorf("key items found in %d of %d periodic reports", ok, n)
	}
}

// periodicDoc is the primary document of a periodic report.
type periodicDoc struct {
	name, form string
	body       []byte
}

// periodicDocs returns the primary documents of the 10-K/10-Q/20-F
// submissions and feed files of the corpus.
func periodicDocs(t *testing.T, shared string) []periodicDoc {
	var out []periodicDoc
	subs, _ := filepath.Glob(filepath.Join(shared, "corpus", "submissions", "*.txt"))
	for _, p := range subs {
		s := corpus.ReadSubmission(t, p)
		if f := family(s.Form); f != "" && f != fam8K && len(s.Docs) > 0 && len(s.Docs[0].Body) > 20000 {
			out = append(out, periodicDoc{filepath.Base(p), s.Form, s.Docs[0].Body})
		}
	}
	feeds, _ := filepath.Glob(filepath.Join(shared, "corpus", "feed", "*.nc"))
	for _, p := range feeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		m := feedTypeRe.FindStringSubmatch(s)
		if m == nil || family(m[1]) == "" || family(m[1]) == fam8K {
			continue
		}
		i := strings.Index(s, "<TEXT>")
		if i < 0 {
			continue
		}
		body := s[i+len("<TEXT>"):]
		for _, end := range []string{"</TEXT>", "<DOCUMENT>"} {
			if j := strings.Index(body, end); j >= 0 {
				body = body[:j]
			}
		}
		out = append(out, periodicDoc{filepath.Base(p), m[1], []byte(body)})
	}
	return out
}

// feedTypeRe finds the submission type of a feed file.
var feedTypeRe = regexp.MustCompile(`<TYPE>\s*([^<\n]+?)\s*(?:<|\n)`)
