package etl

import (
	"archive/tar"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusBundle returns the members of the datamule bundle of the corpus.
func corpusBundle(t *testing.T) (string, []tarMember) {
	t.Helper()
	p := filepath.Join(sharedDir(t), "corpus", "archives", "000143774924000106.tar")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []tarMember
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return p, out
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tarMember{h.Name, data})
	}
}

// TestDatamuleBundle loads the corpus bundle through the real parser: one
// filing, with its header facts, items and exhibits; then a tar of two
// bundles in folders (metadata.json last in one of them) and one with a
// broken metadata.json.
func TestDatamuleBundle(t *testing.T) {
	path, members := corpusBundle(t)
	pool, _ := newDB(t)
	sum, err := Load(context.Background(), pool, []string{path}, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if sum.FilesSeen != 1 || sum.FilingsLoaded != 1 || sum.FilingsRejected != 0 {
		t.Errorf("summary: %+v", sum)
	}
	checks := map[string]string{
		`SELECT concat_ws('|', accession_number, form_type, filed_at, period_of_report, shape, source_path, document_count) FROM edgar.filings`: "0001437749-24-000106|8-K|2024-01-02|2023-12-31|submission|" + path + "!0001437749-24-000106|14",
		`SELECT string_agg(concat_ws('|', r.cik, r.name, r.business_city), ';') FROM edgar.registrants r`:                                       "1084869|1 800 FLOWERS COM INC|JERICHO",
		`SELECT string_agg(code, ' ' ORDER BY ordinal) FROM edgar.items`:                                                                        "5.02 9.01",
		`SELECT string_agg(number, ' ' ORDER BY ordinal) FROM edgar.exhibits`:                                                                   "99.1 104 101.SCH 101.DEF 101.LAB 101.PRE",
		`SELECT count(*)::text FROM edgar.documents`:                                                                                            "14",
		`SELECT string_agg(filename, ' ' ORDER BY ordinal) FROM edgar.documents WHERE ordinal <= 2`:                                             "flws20231228_8k.htm ex_610719.htm",
	}
	for q, want := range checks {
		var got string
		if err := pool.QueryRow(context.Background(), q).Scan(&got); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if got != want {
			t.Errorf("%s\n got %s\nwant %s", q, got, want)
		}
	}
	var text string
	if err := pool.QueryRow(context.Background(), `SELECT coalesce(text, '') FROM edgar.exhibits WHERE number = '99.1'`).Scan(&text); err != nil || len(text) < 100 {
		t.Errorf("exhibit 99.1 text (%d bytes): %v", len(text), err)
	}

	// Two bundles in folders, the second with its metadata last and
	// another accession number, and a folder whose metadata is broken.
	var two []tarMember
	var meta []byte
	for _, m := range members {
		if m.name == "metadata.json" {
			meta = m.data
		}
		two = append(two, tarMember{"a/" + m.name, m.data})
	}
	meta2 := bytes.ReplaceAll(meta, []byte("0001437749-24-000106"), []byte("0001437749-24-000999"))
	for _, m := range members {
		if m.name != "metadata.json" {
			two = append(two, tarMember{"b/" + m.name, m.data})
		}
	}
	two = append(two, tarMember{"b/metadata.json", meta2})
	two = append(two, tarMember{"c/metadata.json", []byte("{not json")}, tarMember{"c/ex_610719.htm", members[2].data})
	p2 := writeBytes(t, t.TempDir(), "two.tar", tarOf(t, two...))
	resetDB(t, pool)
	sum, err = Load(context.Background(), pool, []string{p2}, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	got := column(t, pool, "SELECT source_path FROM edgar.filings ORDER BY 1")
	want := []string{p2 + "!a/0001437749-24-000106", p2 + "!b/0001437749-24-000999", p2 + "!c/ex_610719.htm"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("filings from %v, want %v (summary %+v)", got, want, sum)
	}
	rej := rejectsOf(t, pool)
	if len(rej) != 1 || !strings.HasPrefix(rej[0], p2+"!c/metadata.json|read|") || !strings.Contains(rej[0], "loaded one by one") {
		t.Errorf("rejects: %v", rej)
	}
}

// TestFeedArchiveMatchesMembers loads corpus feed and submission files as a
// daily-feed .nc.tar.gz (some members gzip'd) and the same files one by
// one: the tables are the same but for the source paths.
func TestFeedArchiveMatchesMembers(t *testing.T) {
	corpus := filepath.Join(sharedDir(t), "corpus")
	var files []string
	for _, d := range []string{"feed", "submissions"} {
		m, err := filepath.Glob(filepath.Join(corpus, d, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) > 40 {
		files = files[:40]
	}
	dir := filepath.Join(t.TempDir(), "members")
	var members []tarMember
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		writeBytes(t, dir, name, data)
		if i%3 == 0 {
			data, name = gzipOf(t, data), name+".gz"
		}
		members = append(members, tarMember{name, data})
	}
	sort.Slice(members, func(i, j int) bool { return members[i].name < members[j].name })
	archive := writeBytes(t, t.TempDir(), "20240111.nc.tar.gz", gzipOf(t, tarOf(t, members...)))

	pool, _ := newDB(t)
	one, err := Load(context.Background(), pool, []string{dir}, Options{}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	want := pathless(semanticDump(t, pool), dir+"/", "")
	resetDB(t, pool)
	all, err := Load(context.Background(), pool, []string{archive}, Options{MaxInflightBytes: 256 << 10}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if one.FilingsLoaded == 0 || all.FilingsLoaded != one.FilingsLoaded || all.FilingsUnchanged != one.FilingsUnchanged || all.FilingsRejected != one.FilingsRejected {
		t.Errorf("one by one %+v, archive %+v", one, all)
	}
	compareDumps(t, "archive vs members", want, pathless(semanticDump(t, pool), archive+"!", ".gz"))
}

// pathless removes prefix from the source paths of a dump (and suffix
// before a closing quote), then sorts each table's lines.
func pathless(dump map[string]string, prefix, suffix string) map[string]string {
	out := map[string]string{}
	for k, v := range dump {
		v = strings.ReplaceAll(v, prefix, "")
		if suffix != "" {
			v = strings.ReplaceAll(v, suffix+`"`, `"`)
		}
		lines := strings.Split(v, "\n")
		sort.Strings(lines)
		out[k] = strings.Join(lines, "\n")
	}
	return out
}
