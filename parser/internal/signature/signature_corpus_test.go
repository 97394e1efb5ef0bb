package signature

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
	"github.com/edgarload/edgarload/parser/internal/furniture"
	"github.com/edgarload/edgarload/parser/internal/textconv"
)

// docText renders a document body as text the way the parser does (page
// furniture stripped).
func docText(b []byte) string {
	if textconv.IsHTML(b) {
		return furniture.Strip(textconv.HTMLToText(b))
	}
	return furniture.Strip(textconv.Decode(b))
}

// firstText returns the first <TEXT> body of a submission, or s itself.
func firstText(s string) string {
	i := strings.Index(s, "<TEXT>")
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], "</TEXT>")
	if j < 0 {
		j = len(s) - i
	}
	return s[i+len("<TEXT>") : i+j]
}

func readDoc(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return docText([]byte(firstText(string(b))))
}

func TestSeed(t *testing.T) {
	got := Extract(readDoc(t, filepath.Join(corpus.Dir(t), "seed", "sonus-networks-8-K-2004-07-29.txt")), "")
	want := []Signer{{Name: "Albert A. Notini", Title: "President and Chief Operating Officer", Date: "2004-07-29", For: "SONUS NETWORKS, INC.", Context: ContextRegistrant}}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("seed signers:\n got %+v\nwant %+v", got, want)
	}
}

var (
	re8K      = regexp.MustCompile(`(?i)(^|[-_.])8-?k([-_.]|\d|$)`)
	reSubType = regexp.MustCompile(`(?m)^CONFORMED SUBMISSION TYPE:\s*(\S+)`)
)

// TestCorpus8K measures the share of 8-K primary documents where at least
// one signer with a plausible person name is found.
func TestCorpus8K(t *testing.T) {
	shared := corpus.Dir(t)
	var docs []string
	primary, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	for _, p := range primary {
		if re8K.MatchString(filepath.Base(p)) || strings.Contains(filepath.Base(p), "-8k") {
			docs = append(docs, p)
		}
	}
	subs, _ := filepath.Glob(filepath.Join(shared, "corpus", "submissions", "*.txt"))
	for _, p := range subs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if m := reSubType.FindSubmatch(b); m != nil && strings.HasPrefix(string(m[1]), "8-K") {
			docs = append(docs, p)
		}
	}
	found, withTitle, withDate, withFor := 0, 0, 0, 0
	for _, p := range docs {
		ss := Extract(readDoc(t, p), "")
		if len(ss) == 0 {
			t.Logf("no signer: %s", filepath.Base(p))
			continue
		}
		found++
		if ss[0].Title != "" {
			withTitle++
		}
		if ss[0].Date != "" {
			withDate++
		}
		if ss[0].For != "" {
			withFor++
		}
		if testing.Verbose() {
			t.Logf("%-50.50s %+v", filepath.Base(p), ss)
		}
	}
	n := len(docs)
	if n < 50 {
		t.Fatalf("only %d 8-K documents in the corpus", n)
	}
	rate := float64(found) / float64(n)
	t.Logf("8-K documents: %d, with signer: %d (%.1f%%), title %d, date %d, for %d", n, found, 100*rate, withTitle, withDate, withFor)
	if rate < 0.95 {
		t.Errorf("signer found in %.1f%% of 8-Ks, below 95%%", 100*rate)
	}
}

// TestCorpusSpotChecks compares whole signer lists with what the documents
// print (read by hand).
func TestCorpusSpotChecks(t *testing.T) {
	shared := corpus.Dir(t)
	cases := []struct {
		file string
		want []Signer
	}{
		{"corpus/submissions/0000912057-00-002128.txt", []Signer{
			{Name: "Fred Anderson", Title: "Executive Vice President and Chief Financial Officer", Date: "2000-01-21", For: "APPLE COMPUTER, INC.", Context: ContextRegistrant},
		}},
		{"corpus/submissions/0000092122-19-000063.txt", []Signer{
			{Name: "Melissa K. Caen", Title: "Assistant Secretary", Date: "2019-12-17", For: "THE SOUTHERN COMPANY", Context: ContextRegistrant},
			{Name: "Melissa K. Caen", Title: "Assistant Secretary", Date: "2019-12-17", For: "GEORGIA POWER COMPANY", Context: ContextRegistrant},
		}},
		{"corpus/submissions/8k_2006_0001275287-06-004445.txt", []Signer{
			{Name: "Alex Hui", Title: "President, Chief Executive Officer", Date: "2006-08-15", For: "PERICOM SEMICONDUCTOR CORPORATION", Context: ContextRegistrant},
			{Name: "Angela Chen", Title: "Vice President, Chief Financial Officer", Date: "2006-08-15", For: "PERICOM SEMICONDUCTOR CORPORATION", Context: ContextRegistrant},
		}},
		{"corpus/primary/8k_2019_0001193125-19-100400.htm", []Signer{
			{Name: "Wendy Cassity", Title: "EVP and Chief Legal Officer", Date: "2019-04-08", For: "NUANCE COMMUNICATIONS, INC.", Context: ContextRegistrant},
		}},
		{"corpus/primary/8k_2021_0000887919-21-000012.html", []Signer{
			{Name: "Brien M. Chase", Title: "Senior Vice President and Chief Financial Officer", Date: "2021-03-30", For: "PREMIER FINANCIAL BANCORP, INC.", Context: ContextRegistrant},
		}},
		{"corpus/submissions/8k_1997_0001036050-97-000815.txt", []Signer{
			{Name: "Bruce J. Feldman", Title: "President, Chief Executive Officer, Director and Chairman of the Board", Date: "1997-10-07", For: "Home Health Corporation of America, Inc.", Context: ContextRegistrant},
		}},
	}
	for _, c := range cases {
		got := Extract(readDoc(t, filepath.Join(shared, c.file)), "")
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d signers %+v, want %+v", c.file, len(got), got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%s signer %d:\n got %+v\nwant %+v", c.file, k, got[k], c.want[k])
			}
		}
	}
}

// TestCorpus10K checks the capacities tables of annual reports: Apple's
// 10-K lists the registrant signer then ten officers and directors, and no
// document yields an auditor or a company as a signer.
func TestCorpus10K(t *testing.T) {
	shared := corpus.Dir(t)
	apple := Extract(readDoc(t, filepath.Join(shared, "corpus", "primary", "et-Apple.10-K.html")), "")
	wantNames := []string{"Luca Maestri", "Timothy D. Cook", "Luca Maestri", "Chris Kondo", "Wanda Austin", "Alex Gorsky",
		"Andrea Jung", "Arthur D. Levinson", "Monica Lozano", "Ronald D. Sugar", "Susan L. Wagner"}
	if len(apple) != len(wantNames) {
		t.Fatalf("Apple 10-K: got %d signers %+v", len(apple), apple)
	}
	for k, n := range wantNames {
		if apple[k].Name != n || apple[k].Date != "2024-11-01" || apple[k].For != "Apple Inc." {
			t.Errorf("Apple 10-K signer %d: got %+v, want %s 2024-11-01 Apple Inc.", k, apple[k], n)
		}
	}
	if apple[1].Title != "Chief Executive Officer and Director (Principal Executive Officer)" {
		t.Errorf("Apple 10-K Cook title %q", apple[1].Title)
	}
	re := regexp.MustCompile(`(?i)10-?k`)
	primary, _ := filepath.Glob(filepath.Join(shared, "corpus", "primary", "*"))
	docs, many, total, capacity, titled, withFor := 0, 0, 0, 0, 0, 0
	for _, p := range primary {
		if !re.MatchString(filepath.Base(p)) {
			continue
		}
		docs++
		ss := Extract(readDoc(t, p), "")
		total += len(ss)
		if len(ss) >= 3 {
			many++
		}
		for _, s := range ss {
			if strings.Contains(strings.ToUpper(s.Name), "LLP") || !plausibleName(s.Name) {
				t.Errorf("%s: implausible signer %+v", filepath.Base(p), s)
			}
			if s.Context == ContextCapacity {
				capacity++
			}
			if s.Title != "" {
				titled++
			}
			if s.For != "" {
				withFor++
			}
		}
	}
	t.Logf("10-K documents: %d, with >=3 signers: %d, signers in all: %d (capacities table %d), with title %d, with for %d", docs, many, total, capacity, titled, withFor)
	if docs == 0 || float64(many)/float64(docs) < 0.9 {
		t.Errorf("only %d of %d 10-Ks have a capacities table", many, docs)
	}
}

// TestCorpusCapacityTables checks whole capacities tables read by hand from
// the documents: directors signed with "*" and an attorney-in-fact (UNH),
// a two-column "Name*" grid under "DIRECTORS:" (UNP), an attorney-in-fact
// cell printed on a director's row (IBM) and an "In accordance with the
// requirements" anchor (an LLC's 10-K).
func TestCorpusCapacityTables(t *testing.T) {
	shared := corpus.Dir(t)
	cases := []struct {
		file  string
		names []string // in order, registrant block first
		title map[string]string
	}{
		{"unh-10-k-2025-02-27.html", []string{"Andrew Witty", "Andrew Witty", "John Rex", "Thomas Roos", "Charles Baker", "Timothy Flynn",
			"Paul Garcia", "Kristen Gil", "Stephen Hemsley", "Michele Hooper", "F. William McNabb III", "Valerie Montgomery Rice, M.D.",
			"John Noseworthy, M.D.", "Christopher Zaetta"},
			map[string]string{"Charles Baker": "Director", "Christopher Zaetta": "Attorney-in-Fact"}},
		{"unp-10-k-2025-02-07.html", []string{"V. James Vena", "V. James Vena", "Jennifer L. Hamann", "Todd M. Rynaski", "William J. DeLaney",
			"Michael R. McCarthy", "David B. Dillon", "Doyle R. Simons", "Sheri H. Edison", "John K. Tien, Jr.", "Teresa M. Finley",
			"John P. Wiehoff", "Deborah C. Hopkins", "Christopher J. Williams", "Jane H. Lute", "Craig V. Richardson"},
			map[string]string{"Jane H. Lute": "Director", "Craig V. Richardson": "Attorney-in-fact"}},
		{"ibm-10-k-2025-02-25.html", []string{"Nicolás A. Fehring", "Arvind Krishna", "James J. Kavanaugh", "Nicolás A. Fehring", "Jane P. Edwards",
			"Marianne C. Brown", "Thomas Buberl", "David N. Farr", "Alex Gorsky", "Michelle J. Howard", "Andrew N. Liveris",
			"F. William McNabb III", "Michael Miebach", "Martha E. Pollack", "Peter R. Voser", "Frederick H. Waddell", "Alfred W. Zollar"},
			map[string]string{"Jane P. Edwards": "Attorney-in-fact", "Marianne C. Brown": "Director"}},
		{"10k_2008_0000922907-08-000774_form10k_122308.htm", []string{"Mark Drake", "Cindy Patterson", "Karol King", "Ted Bauer",
			"Hubert Houser", "Michael Guttau", "Bailey Ragan", "Michael Scharf", "Greg Krissek"},
			map[string]string{"Mark Drake": "President and Chief Executive Officer", "Karol King": "Chairman of the Board"}},
	}
	for _, c := range cases {
		got := Extract(readDoc(t, filepath.Join(shared, "corpus", "primary", c.file)), "")
		var names []string
		for _, s := range got {
			names = append(names, s.Name)
			if want, ok := c.title[s.Name]; ok && s.Title != want {
				t.Errorf("%s: %s title %q, want %q", c.file, s.Name, s.Title, want)
			}
			if s.For == "" {
				t.Errorf("%s: %s signs for no entity", c.file, s.Name)
			}
		}
		if strings.Join(names, "; ") != strings.Join(c.names, "; ") {
			t.Errorf("%s: signers\n got %s\nwant %s", c.file, strings.Join(names, "; "), strings.Join(c.names, "; "))
		}
	}
}
