package etl

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/klauspost/compress/zstd"
)

// Tests of the bulk formats: compressed files, compressed members, standard
// input, datamule bundles, corrupt members and decompression bombs.

type tarMember struct {
	name string
	data []byte
}

func tarOf(t testing.TB, members ...tarMember) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, m := range members {
		if err := tw.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(m.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gzipOf(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	if _, err := gz.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zstdOf(t testing.TB, data []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil)
}

func zipOf(t testing.TB, method uint16, members ...tarMember) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, m := range members {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func nwJSON(t testing.TB, i int) []byte {
	t.Helper()
	b, err := json.Marshal(northwind(i))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeBytes(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// column returns one text column of a query, in order.
func column(t testing.TB, pool *pgxpool.Pool, q string, args ...any) []string {
	t.Helper()
	rows, err := pool.Query(context.Background(), q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCompressedFilesAndMembers(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	gz := writeBytes(t, dir, "0000320193-24-000005.txt.gz", gzipOf(t, nwJSON(t, 1)))
	zs := writeBytes(t, dir, "b.txt.zst", zstdOf(t, nwJSON(t, 2)))
	tzst := writeBytes(t, dir, "c.tar.zst", zstdOf(t, tarOf(t, tarMember{"m/3.txt", nwJSON(t, 3)}, tarMember{"m/4.txt.gz", gzipOf(t, nwJSON(t, 4))})))
	feed := writeBytes(t, dir, "20240111.nc.tar.gz", gzipOf(t, tarOf(t,
		tarMember{"0001398344-24-000491.nc", nwJSON(t, 5)},
		tarMember{"0001398344-24-000492.nc.gz", gzipOf(t, nwJSON(t, 6))},
		tarMember{"0001398344-24-000493.nc", gzipOf(t, nwJSON(t, 7))}, // gzip'd, told by its magic bytes only
		tarMember{"0001398344-24-000494.txt.zst", zstdOf(t, nwJSON(t, 8))},
	)))
	sum := load(t, pool, Options{Workers: 2, MaxInflightBytes: 1}, dir) // a 1-byte budget: every input passes alone
	if sum.FilesSeen != 8 || sum.FilingsLoaded != 8 || sum.FilingsRejected != 0 {
		t.Errorf("summary: %+v", sum)
	}
	want := []string{gz, zs, tzst + "!m/3.txt", tzst + "!m/4.txt.gz",
		feed + "!0001398344-24-000491.nc", feed + "!0001398344-24-000492.nc.gz", feed + "!0001398344-24-000493.nc", feed + "!0001398344-24-000494.txt.zst"}
	sort.Strings(want)
	got := column(t, pool, "SELECT source_path FROM edgar.filings ORDER BY source_path")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("source paths:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Join(got, "") == "" || !strings.Contains(strings.Join(got, " "), "20240111.nc.tar.gz!0001398344-24-000491.nc") {
		t.Error("feed member naming")
	}
}

func TestStdinInputs(t *testing.T) {
	plain := nwJSON(t, 1)
	for _, c := range []struct {
		what  string
		data  []byte
		paths []string
	}{
		{"plain filing", plain, []string{"-"}},
		{"gzip file", gzipOf(t, plain), []string{"-"}},
		{"zstd file", zstdOf(t, plain), []string{"-"}},
		{"tar", tarOf(t, tarMember{"a.txt", plain}, tarMember{"b.txt", nwJSON(t, 2)}), []string{"-!a.txt", "-!b.txt"}},
		{"tar.gz", gzipOf(t, tarOf(t, tarMember{"a.txt", plain}, tarMember{"b.txt.gz", gzipOf(t, nwJSON(t, 2))})), []string{"-!a.txt", "-!b.txt.gz"}},
		{"tar.zst", zstdOf(t, tarOf(t, tarMember{"a.txt", plain})), []string{"-!a.txt"}},
		{"zip", zipOf(t, zip.Deflate, tarMember{"z/a.txt", plain}, tarMember{"z/b.txt", nwJSON(t, 2)}), []string{"-!z/a.txt", "-!z/b.txt"}},
	} {
		t.Run(c.what, func(t *testing.T) {
			pool, _ := newDB(t)
			sum := load(t, pool, Options{Stdin: bytes.NewReader(c.data)}, StdinName)
			if sum.FilingsLoaded != len(c.paths) || sum.FilingsRejected != 0 {
				t.Errorf("summary: %+v", sum)
			}
			if got := column(t, pool, "SELECT source_path FROM edgar.filings ORDER BY source_path"); strings.Join(got, " ") != strings.Join(c.paths, " ") {
				t.Errorf("source paths %v, want %v", got, c.paths)
			}
		})
	}
}

// rejectsOf returns "path|stage|error" of every reject, sorted by path.
func rejectsOf(t testing.TB, pool *pgxpool.Pool) []string {
	return column(t, pool, "SELECT concat_ws('|', source_path, stage, error) FROM edgar.load_rejects ORDER BY source_path")
}

func TestCorruptMembers(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	badZstd := append([]byte{0x28, 0xb5, 0x2f, 0xfd}, bytes.Repeat([]byte{0xff}, 40)...)
	truncGzip := gzipOf(t, nwJSON(t, 9))
	truncGzip = truncGzip[:len(truncGzip)-6]
	tgz := writeBytes(t, dir, "a.tar.gz", gzipOf(t, tarOf(t,
		tarMember{"1.txt", nwJSON(t, 1)},
		tarMember{"bad.txt.zst", badZstd},
		tarMember{"trunc.txt.gz", truncGzip},
		tarMember{"2.txt", nwJSON(t, 2)},
	)))
	// A stored zip member with a flipped byte: its CRC check fails.
	z := zipOf(t, zip.Store, tarMember{"3.txt", nwJSON(t, 3)}, tarMember{"crc.txt", nwJSON(t, 4)}, tarMember{"5.txt", nwJSON(t, 5)})
	i := bytes.Index(z, nwJSON(t, 4))
	z[i+10] ^= 0x20
	zp := writeBytes(t, dir, "b.zip", z)
	// A tar cut in the middle of its second member ends the archive.
	six := nwJSON(t, 6)
	full := tarOf(t, tarMember{"6.txt", six}, tarMember{"7.txt", bytes.Repeat([]byte("x"), 4000)}, tarMember{"8.txt", nwJSON(t, 8)})
	cut := writeBytes(t, dir, "c.tar", full[:512+(len(six)+511)/512*512+512+1000])

	sum := load(t, pool, Options{}, dir)
	if sum.FilingsLoaded != 5 || sum.FilingsRejected != 4 {
		t.Errorf("summary %+v, want 5 loaded (1 2 3 5 6), 4 rejected", sum)
	}
	rej := rejectsOf(t, pool)
	want := []struct{ path, says string }{
		{tgz + "!bad.txt.zst", "zstd"}, {tgz + "!trunc.txt.gz", "gzip"}, {zp + "!crc.txt", "checksum"}, {cut, "7.txt"},
	}
	sort.Slice(want, func(i, j int) bool { return want[i].path < want[j].path })
	if len(rej) != len(want) {
		t.Fatalf("rejects:\n%s", strings.Join(rej, "\n"))
	}
	for i, w := range want {
		parts := strings.SplitN(rej[i], "|", 3)
		if parts[0] != w.path || parts[1] != StageRead || !strings.Contains(parts[2], w.path) || !strings.Contains(parts[2], w.says) {
			t.Errorf("reject %d = %s; want %s at stage read saying %q", i, rej[i], w.path, w.says)
		}
	}
}

func TestDecompressionBombs(t *testing.T) {
	zeros := make([]byte, 128<<20) // expands 1000:1
	dir := t.TempDir()
	gzBomb := writeBytes(t, dir, "bomb.txt.gz", gzipOf(t, zeros))
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("bomb.txt")
	if _, err := w.Write(zeros); err != nil {
		t.Fatal(err)
	}
	w, _ = zw.Create("ok.txt")
	_, _ = w.Write(nwJSON(t, 1))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zipBomb := writeBytes(t, dir, "bomb.zip", zb.Bytes())
	zeros = nil

	pool, _ := newDB(t)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	sum := load(t, pool, Options{}, gzBomb, zipBomb)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 48<<20 {
		t.Errorf("loading two 128 MiB bombs allocated %d MiB", alloc>>20)
	}
	if sum.FilingsLoaded != 1 || sum.FilingsRejected != 2 {
		t.Errorf("summary %+v, want the zip's ok.txt loaded and both bombs rejected", sum)
	}
	for _, p := range []string{gzBomb, zipBomb + "!bomb.txt"} {
		if n := count(t, pool, "SELECT count(*) FROM edgar.load_rejects WHERE source_path = $1 AND stage = 'read' AND error LIKE '%expands more than 200 times%'", p); n != 1 {
			t.Errorf("%s not rejected as a bomb: %v", p, rejectsOf(t, pool))
		}
	}

	// The absolute cap: a tar.gz of ordinary members past max_archive_bytes
	// loads what came before the cap, then one reject for the archive.
	var members []tarMember
	for i := range 10 {
		members = append(members, tarMember{itoa(i) + ".txt", append(nwJSON(t, i), bytes.Repeat([]byte(" "), 100<<10)...)})
	}
	capped := writeBytes(t, t.TempDir(), "big.tar.gz", gzipOf(t, tarOf(t, members...)))
	resetDB(t, pool)
	sum = load(t, pool, Options{MaxArchiveBytes: 500 << 10, MaxExpansionRatio: -1}, capped)
	if sum.FilingsLoaded == 0 || sum.FilingsLoaded >= 10 || sum.FilingsRejected != 1 {
		t.Errorf("capped archive: %+v", sum)
	}
	if n := count(t, pool, "SELECT count(*) FROM edgar.load_rejects WHERE source_path = $1 AND error LIKE '%archive expands past 512000 bytes%'", capped); n != 1 {
		t.Errorf("cap reject: %v", rejectsOf(t, pool))
	}
	// The member limit holds inside archives too.
	resetDB(t, pool)
	sum = load(t, pool, Options{MaxFileBytes: 50 << 10}, capped)
	if sum.FilingsRejected != 10 || !strings.Contains(strings.Join(rejectsOf(t, pool), ""), "larger than 51200 bytes") {
		t.Errorf("member limit: %+v %v", sum, rejectsOf(t, pool))
	}
}

func TestTraversalMemberNamesAreNames(t *testing.T) {
	pool, _ := newDB(t)
	dir := t.TempDir()
	names := []string{"../../evil.txt", "/abs/x.txt", "a/../../b.txt"}
	var members []tarMember
	for i, n := range names {
		members = append(members, tarMember{n, nwJSON(t, i)})
	}
	p := writeBytes(t, filepath.Join(dir, "in"), "t.tar", tarOf(t, members...))
	sum := load(t, pool, Options{}, p)
	if sum.FilingsLoaded != 3 {
		t.Errorf("summary: %+v", sum)
	}
	for _, n := range names {
		if c := count(t, pool, "SELECT count(*) FROM edgar.filings WHERE source_path = $1", p+"!"+n); c != 1 {
			t.Errorf("member %s not loaded under its name", n)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the load wrote into %s: %v", dir, entries)
	}
}
