package etl

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The downloader layouts of ../shared/docs/edgar-layouts.md, built in a
// temporary folder from the corpus's complete submissions (the corpus
// itself is read-only and never copied into the project).

var (
	layoutAccRe  = regexp.MustCompile(`(?m)^\s*ACCESSION NUMBER:\s*(\d{10}-\d{2}-\d{6})\s*$`)
	layoutCIKRe  = regexp.MustCompile(`(?m)^\s*CENTRAL INDEX KEY:\s*0*(\d+)\s*$`)
	layoutFormRe = regexp.MustCompile(`(?m)^\s*CONFORMED SUBMISSION TYPE:\s*(\S.*?)\s*$`)
	layoutDateRe = regexp.MustCompile(`(?m)^\s*FILED AS OF DATE:\s*(\d{8})\s*$`)
	layoutDocRe  = regexp.MustCompile(`(?s)<DOCUMENT>(.*?)</DOCUMENT>`)
	layoutTagRe  = regexp.MustCompile(`(?m)^<(TYPE|SEQUENCE|FILENAME)>\s*(\S[^\r\n]*?)\s*\r?$`)
	layoutTextRe = regexp.MustCompile(`(?s)<TEXT>\r?\n?(.*?)</TEXT>`)
)

// layoutDoc is one <DOCUMENT> of a submission, sliced by simple regexps
// (independently of the parser).
type layoutDoc struct {
	typ, seq, filename string
	text               []byte
}

// layoutSubmission is a corpus submission with what the layouts need.
type layoutSubmission struct {
	path, accession, cik, form string
	filed                      string // YYYYMMDD
	data                       []byte
	docs                       []layoutDoc
}

// corpusSubmissions reads the labels-dialect submissions of the corpus
// that name an accession number and a CIK.
func corpusSubmissions(t *testing.T) []layoutSubmission {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "corpus", "submissions")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []layoutSubmission
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		acc, cik, form := layoutAccRe.FindSubmatch(data), layoutCIKRe.FindSubmatch(data), layoutFormRe.FindSubmatch(data)
		filed := layoutDateRe.FindSubmatch(data)
		if acc == nil || cik == nil || form == nil || filed == nil {
			continue
		}
		s := layoutSubmission{path: e.Name(), accession: string(acc[1]), cik: string(cik[1]), form: string(form[1]),
			filed: string(filed[1]), data: data}
		for _, m := range layoutDocRe.FindAllSubmatch(data, -1) {
			d := layoutDoc{}
			for _, tm := range layoutTagRe.FindAllSubmatch(m[1], 3) {
				switch string(tm[1]) {
				case "TYPE":
					d.typ = string(tm[2])
				case "SEQUENCE":
					d.seq = string(tm[2])
				case "FILENAME":
					d.filename = string(tm[2])
				}
			}
			if tx := layoutTextRe.FindSubmatch(m[1]); tx != nil {
				d.text = unwrapXML(tx[1])
			}
			s.docs = append(s.docs, d)
		}
		if len(s.docs) > 0 && len(s.docs[0].text) > 0 {
			out = append(out, s)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d corpus submissions with accession, CIK and documents", len(out))
	}
	return out
}

// unwrapXML turns a submission's <XML>…</XML> body into the XML file that
// EDGAR's Archives serve.
func unwrapXML(b []byte) []byte {
	t := bytes.TrimSpace(b)
	if bytes.HasPrefix(t, []byte("<XML>")) && bytes.HasSuffix(t, []byte("</XML>")) {
		return bytes.TrimSpace(t[len("<XML>") : len(t)-len("</XML>")])
	}
	return b
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// primaryName is the primary document's file name in a downloader folder.
func primaryExt(d layoutDoc) string {
	lower := strings.ToLower(d.filename)
	switch {
	case strings.HasSuffix(lower, ".htm"), strings.HasSuffix(lower, ".html"):
		return ".html"
	case strings.HasSuffix(lower, ".xml"):
		return ".xml"
	}
	return ".txt"
}

// docName is a document's name in an EDGAR Archives folder.
func docName(d layoutDoc, i int) string {
	if d.filename != "" && !strings.ContainsAny(d.filename, `/\`) {
		return d.filename
	}
	return "doc" + itoa(i+1) + ".txt"
}

// buildLayout writes the submissions in one layout under root.
func buildLayout(t *testing.T, root, layout string, subs []layoutSubmission) {
	for _, s := range subs {
		nodash := strings.ReplaceAll(s.accession, "-", "")
		switch layout {
		case "sec-edgar-downloader", "sec-edgar-downloader-primary":
			dir := filepath.Join(root, "sec-edgar-filings", s.cik, strings.ReplaceAll(s.form, "/", ""), s.accession)
			if layout == "sec-edgar-downloader" {
				writeFile(t, filepath.Join(dir, "full-submission.txt"), s.data)
			}
			writeFile(t, filepath.Join(dir, "primary-document"+primaryExt(s.docs[0])), s.docs[0].text)
		case "archives-txt":
			writeFile(t, filepath.Join(root, "edgar", "data", s.cik, s.accession+".txt"), s.data)
		case "archives", "archives-folder":
			base := filepath.Join(root, "edgar", "data", s.cik)
			if layout == "archives" {
				writeFile(t, filepath.Join(base, s.accession+".txt"), s.data)
			}
			if page, err := os.ReadFile(filepath.Join(sharedDir(t), "corpus", "index",
				"filing-index_"+s.filed[:4]+"_"+s.accession+".html")); err == nil {
				writeFile(t, filepath.Join(base, nodash, s.accession+"-index.htm"), page)
			}
			for i, d := range s.docs {
				if len(d.text) > 0 {
					writeFile(t, filepath.Join(base, nodash, docName(d, i)), d.text)
				}
			}
		case "edgar-crawler":
			form := strings.NewReplacer("-", "", "/", "").Replace(s.form)
			writeFile(t, filepath.Join(root, "RAW_FILINGS", s.form,
				s.cik+"_"+form+"_2000_"+s.accession+primaryExt(s.docs[0])), s.docs[0].text)
		}
	}
}

// TestDownloaderLayoutsOneRowPerFiling loads the corpus's submissions as
// sec-edgar-downloader, EDGAR's Archives and edgar-crawler lay them out
// (both files side by side, and primary documents alone): every filing
// is one row with its accession number, and nothing loads without one.
func TestDownloaderLayoutsOneRowPerFiling(t *testing.T) {
	subs := corpusSubmissions(t)
	want := map[string]bool{}
	for _, s := range subs {
		want[s.accession] = true
	}
	for _, layout := range []string{"sec-edgar-downloader", "sec-edgar-downloader-primary", "archives", "archives-folder", "edgar-crawler"} {
		t.Run(layout, func(t *testing.T) {
			root := t.TempDir()
			buildLayout(t, root, layout, subs)
			pool, _ := newDB(t)
			sum, err := Load(t.Context(), pool, []string{root}, Options{}, testLogger(t))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			rows := count(t, pool, `SELECT count(*) FROM edgar.filings`)
			noAcc := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE accession_number IS NULL`)
			distinct := count(t, pool, `SELECT count(DISTINCT accession_number) FROM edgar.filings`)
			t.Logf("%s: %d submissions → %d filing rows (%d accessions), %d rejected, %d unchanged; %d without accession",
				layout, len(subs), rows, distinct, sum.FilingsRejected, sum.FilingsUnchanged, noAcc)
			if noAcc != 0 {
				t.Errorf("%d filings without an accession number", noAcc)
			}
			if rows != distinct {
				t.Errorf("%d rows for %d accessions", rows, distinct)
			}
			got := map[string]string{}
			r, err := pool.Query(t.Context(), `SELECT accession_number, form_type FROM edgar.filings`)
			if err != nil {
				t.Fatal(err)
			}
			for r.Next() {
				var a, f string
				if err := r.Scan(&a, &f); err != nil {
					t.Fatal(err)
				}
				got[a] = f
			}
			r.Close()
			wrongForm := 0
			for _, s := range subs {
				if f, ok := got[s.accession]; ok && f != s.form {
					wrongForm++
					t.Logf("%s: form %q, header says %q", s.accession, f, s.form)
				}
			}
			var missing []string
			for a := range want {
				if _, ok := got[a]; !ok {
					missing = append(missing, a)
				}
			}
			sort.Strings(missing)
			// Side by side, every submission loads. A primary document
			// alone may not be a filing on its own (a graphic, a bare
			// XBRL instance): it is then rejected, never loaded without
			// its accession.
			full := layout == "sec-edgar-downloader" || layout == "archives"
			if full && len(missing) > 0 {
				t.Errorf("accessions not loaded: %v", missing)
			}
			if !full && len(missing) > len(want)/10 {
				t.Errorf("%d of %d accessions not loaded from primary documents alone: %v", len(missing), len(want), missing)
			}
			// The report itself, never an exhibit or an XBRL page, is the
			// filing: its form is the header's (a primary document alone
			// may print a variant, such as 8-K for 8-K/A).
			if (full && wrongForm > 0) || wrongForm > len(want)/10 {
				t.Errorf("%d filings with another form type than their header's", wrongForm)
			}
			if layout == "archives-folder" {
				// A folder with its -index.htm page gets the page's header
				// facts beside the primary document's items.
				n := count(t, pool, `SELECT count(*) FROM edgar.filings f WHERE f.shape = 'header' AND f.filed_at IS NOT NULL
					AND EXISTS (SELECT 1 FROM edgar.items i WHERE i.filing_id = f.filing_id AND i.source = 'body' AND i.text IS NOT NULL)`)
				t.Logf("archives-folder: %d filings merged from an index page and their primary document", n)
				if n < 5 {
					t.Errorf("only %d folders merged index-page facts with body items", n)
				}
			}
			if full {
				// The complete submission wins: its header facts are there.
				if n := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE filed_at IS NULL`); n != 0 {
					t.Errorf("%d filings without a filing date", n)
				}
			}
		})
	}
}

// TestLayoutsOrderIndependent loads a richer and a poorer source of the
// same filings (a complete submission and its primary document alone; a
// submission and its Archives folder) together, and in separate runs in
// both orders: the tables come out the same every time.
func TestLayoutsOrderIndependent(t *testing.T) {
	subs := corpusSubmissions(t)
	if len(subs) > 24 {
		subs = subs[:24]
	}
	base := t.TempDir()
	pairs := [][2]string{{"sec-edgar-downloader", "sec-edgar-downloader-primary"}, {"archives-txt", "archives-folder"}}
	for _, pair := range pairs {
		rich, poor := filepath.Join(base, pair[0]), filepath.Join(base, pair[1])
		buildLayout(t, rich, pair[0], subs)
		buildLayout(t, poor, pair[1], subs)
		pool, _ := newDB(t)
		run := func(paths ...string) {
			t.Helper()
			if _, err := Load(t.Context(), pool, paths, Options{BatchSize: 7}, testLogger(t)); err != nil {
				t.Fatalf("Load %v: %v", paths, err)
			}
		}
		run(rich)
		want := semanticDump(t, pool)
		orders := map[string][][]string{
			"poor then rich":    {{poor}, {rich}},
			"rich then poor":    {{rich}, {poor}},
			"together":          {{poor, rich}},
			"together, swapped": {{rich, poor}},
		}
		for name, runs := range orders {
			resetDB(t, pool)
			for _, paths := range runs {
				run(paths...)
			}
			compareDumps(t, pair[0]+" / "+pair[1]+": "+name, want, semanticDump(t, pool))
		}
	}
}

// TestLoadMetadataFolders loads what travels with filings — EDGAR's index
// files, filing-index pages, submissions JSON, downloader metadata, label
// files and a datamule bundle: index files and JSON load into
// edgar.index_entries, index pages load as header facts, and nothing
// becomes a filing without an accession number.
func TestLoadMetadataFolders(t *testing.T) {
	corpus := filepath.Join(sharedDir(t), "corpus")
	var paths []string
	for _, d := range []string{"index", "json", "meta", "archives", "labels"} {
		paths = append(paths, filepath.Join(corpus, d))
	}
	pool, _ := newDB(t)
	sum, err := Load(t.Context(), pool, paths, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(corpus, "index", "filing-index_*"))
	t.Logf("%+v", sum)
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE accession_number IS NULL`); n != 0 {
		t.Errorf("%d filings without an accession number", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE shape = 'header'`); n != len(pages) {
		t.Errorf("%d index pages loaded as header facts, want %d", n, len(pages))
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.items i JOIN edgar.filings f USING (filing_id)
		WHERE f.shape = 'header' AND (i.source <> 'header' OR i.text IS NOT NULL)`); n != 0 {
		t.Errorf("%d items with text from index pages", n)
	}
	// The datamule bundle is one filing, with its items.
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings WHERE accession_number = '0001437749-24-000106' AND form_type = '8-K'`); n != 1 {
		t.Errorf("datamule bundle: %d filings", n)
	}
	if n := count(t, pool, `SELECT count(*) FROM edgar.filings`); n != len(pages)+1 {
		t.Errorf("%d filings, want the %d index pages and the bundle", n, len(pages))
	}
	if sum.IndexFiles < 8 || count(t, pool, `SELECT count(*) FROM edgar.index_entries`) < 1000 {
		t.Errorf("index files loaded: %d; entries: %d", sum.IndexFiles, count(t, pool, `SELECT count(*) FROM edgar.index_entries`))
	}
	var reasons []string
	rows, err := pool.Query(t.Context(), `SELECT source_path || ': ' || error FROM edgar.load_rejects WHERE (source_path LIKE '%.json' OR source_path LIKE '%.csv') AND source_path NOT LIKE '%!%'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		reasons = append(reasons, s)
	}
	rows.Close()
	for _, r := range reasons {
		if !strings.Contains(r, "JSON") && !strings.Contains(r, "CSV") && !strings.Contains(r, "directory listing") {
			t.Errorf("reject without a reason saying what the file is: %s", r)
		}
	}
}

// A filing folder's files are read like any file: a gzip'd complete
// submission beside its primary document is still one filing, and a
// corrupt file in the folder is its own reject while the filing loads.
func TestFilingFolderCompressedAndCorruptFiles(t *testing.T) {
	subs := corpusSubmissions(t)
	s := subs[0]
	dir := filepath.Join(t.TempDir(), "sec-edgar-filings", s.cik, "8-K", s.accession)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(s.data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "full-submission.txt.gz"), gz.Bytes())
	writeFile(t, filepath.Join(dir, "primary-document"+primaryExt(s.docs[0])), s.docs[0].text)
	writeFile(t, filepath.Join(dir, "broken.txt.gz"), gz.Bytes()[:len(gz.Bytes())/2])
	pool, _ := newDB(t)
	sum, err := Load(t.Context(), pool, []string{dir}, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if sum.FilingsLoaded != 1 || sum.FilingsRejected != 1 {
		t.Errorf("%+v: want the filing loaded and the broken file rejected", sum)
	}
	var shape, path string
	if err := pool.QueryRow(t.Context(), `SELECT shape, (SELECT source_path FROM edgar.load_rejects) FROM edgar.filings
		WHERE accession_number = $1`, s.accession).Scan(&shape, &path); err != nil {
		t.Fatal(err)
	}
	if shape != "submission" || !strings.HasSuffix(path, "broken.txt.gz") {
		t.Errorf("shape %s (want the decompressed submission's), reject %s", shape, path)
	}
}
