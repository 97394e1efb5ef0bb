package etl

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/edgarload/edgarload/etl/shard"
)

// shardTree writes an input set with every kind of input a shard must
// place: accession-named files (dashed, undashed, gzip'd), files without
// an accession, filing folders (several parts, one part), a tar with
// accession and other members and special entries, a datamule-like bundle
// folder, a zip, a tar by magic under a plain name, a named pipe and a
// broken symbolic link.
func shardTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 30 {
		write(fmt.Sprintf("0000999001-24-%06d.txt", i), []byte("filing"))
		write(fmt.Sprintf("sub/000099900224%06d.nc.gz", i), gzipOf(t, []byte("feed")))
		write(fmt.Sprintf("notes/note-%d.htm", i), []byte("no accession"))
	}
	for i := range 6 {
		acc := fmt.Sprintf("0000999003-24-%06d", i)
		write(acc+"/primary.htm", []byte("a"))
		write(acc+"/full-submission.txt", []byte("b"))
		write(acc+"/R1.htm", []byte("c"))
		write(fmt.Sprintf("000099900424%06d/only.txt", i), []byte("lone part"))
	}
	var members []tarMember
	for i := range 20 {
		members = append(members, tarMember{fmt.Sprintf("0000999005-24-%06d.nc", i), []byte("m")},
			tarMember{fmt.Sprintf("misc/m%d.txt", i), []byte("m")})
	}
	members = append(members, tarMember{"b1/metadata.json", []byte("{not json")}, tarMember{"b1/doc1.htm", []byte("d")},
		tarMember{"b1/doc2.htm", []byte("d")}, tarMember{"b2/metadata.json", []byte("{}")}, tarMember{"b2/x.htm", []byte("d")})
	feed := tarOf(t, members...)
	write("feed.tar", feed)
	write("feed2.tar.gz", gzipOf(t, tarWithSpecials(t, []byte("one"), []byte("two"))))
	write("blob.dat", tarOf(t, tarMember{"0000999006-24-000001.nc", []byte("x")}, tarMember{"0000999006-24-000002.nc", []byte("y")}))
	write("pack.zip", zipOf(t, 8, tarMember{"0000999007-24-000001.txt", []byte("z")}, tarMember{"a/b.txt", []byte("z")},
		tarMember{"0000999007-24-000002.txt", []byte("z")}))
	mkfifo(t, filepath.Join(dir, "pipe"))
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "dangling")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tarWithSpecials is a tar holding two filings (one and two), a named
// pipe, a symbolic link, a hard link, a character device and a directory
// entry.
func tarWithSpecials(t testing.TB, one, two []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	add := func(h *tar.Header, data []byte) {
		h.Mode, h.Size = 0o644, int64(len(data))
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	add(&tar.Header{Name: "filings/", Typeflag: tar.TypeDir}, nil)
	add(&tar.Header{Name: "filings/0000999008-24-000001.json", Typeflag: tar.TypeReg}, one)
	add(&tar.Header{Name: "filings/pipe", Typeflag: tar.TypeFifo}, nil)
	add(&tar.Header{Name: "filings/latest.json", Typeflag: tar.TypeSymlink, Linkname: "0000999008-24-000001.json"}, nil)
	add(&tar.Header{Name: "filings/again.json", Typeflag: tar.TypeLink, Linkname: "filings/0000999008-24-000001.json"}, nil)
	add(&tar.Header{Name: "filings/tty", Typeflag: tar.TypeChar, Devmajor: 4, Devminor: 1}, nil)
	add(&tar.Header{Name: "filings/0000999008-24-000002.json", Typeflag: tar.TypeReg}, two)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// walkNames walks paths as shard s and returns the names emitted (each
// with its kind, so a skip and a read of one name differ) and the count of
// inputs left to other shards.
func walkNames(t *testing.T, s shard.Spec, paths ...string) ([]string, int64) {
	t.Helper()
	cfg := defaultWalkConfig()
	cfg.shard = s
	var others atomic.Int64
	cfg.others = &others
	var names []string
	err := walkInputs(context.Background(), paths, cfg, func(in Input) bool {
		kind := "read"
		switch {
		case in.skip != "":
			kind = "skip"
		case in.err != nil:
			kind = "reject"
		case in.parts != nil:
			kind = fmt.Sprintf("folder of %d", len(in.parts))
		}
		names = append(names, kind+" "+in.Name)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return names, others.Load()
}

// TestShardsPartitionInputs: for N from 1 to 7, the N shards of one input
// set emit between them exactly what an unsharded walk emits — every input
// once, none twice — with a filing folder (one input of several parts in
// the unsharded walk, so in the union too) and a bundle each whole on one
// shard.
func TestShardsPartitionInputs(t *testing.T) {
	dir := shardTree(t)
	all, _ := walkNames(t, shard.Spec{}, dir)
	sort.Strings(all)
	if len(all) < 150 {
		t.Fatalf("only %d inputs in the test tree", len(all))
	}
	for n := 1; n <= 7; n++ {
		owner := map[string]int{}
		var union []string
		busy := 0
		for k := range n {
			got, others := walkNames(t, shard.Spec{K: k, N: n}, dir)
			if len(got) > 0 {
				busy++
			}
			if n == 1 && others != 0 {
				t.Errorf("N=1 left %d inputs to other shards", others)
			}
			if n > 1 && others == 0 {
				t.Errorf("shard %d/%d left nothing to the others", k, n)
			}
			for _, name := range got {
				if prev, dup := owner[name]; dup {
					t.Errorf("N=%d: %s emitted by shards %d and %d", n, name, prev, k)
				}
				owner[name] = k
			}
			union = append(union, got...)
		}
		sort.Strings(union)
		if strings.Join(union, "\n") != strings.Join(all, "\n") {
			t.Errorf("N=%d: the shards emitted %d inputs between them, an unsharded walk %d", n, len(union), len(all))
		}
		if busy < min(n, 3) {
			t.Errorf("N=%d: only %d shards got any input", n, busy)
		}
		sameShard(t, n, owner, "feed.tar!b1/") // a bundle: metadata reject and its documents one by one
		sameShard(t, n, owner, "feed.tar!b2/") // a bundle whose assembly fails
		sameShard(t, n, owner, "blob.dat!")    // a tar by its magic only: one input whole
	}
	for _, want := range []string{"folder of 3 " + filepath.Join(dir, "0000999003-24-000000"),
		"read " + filepath.Join(dir, "000099900424000000", "only.txt"), "skip " + filepath.Join(dir, "pipe"),
		"skip " + filepath.Join(dir, "dangling"), "skip " + filepath.Join(dir, "feed2.tar.gz") + "!filings/pipe"} {
		if i := sort.SearchStrings(all, want); i == len(all) || all[i] != want {
			t.Errorf("the unsharded walk lacks %q", want)
		}
	}
}

// sameShard checks that every emitted name containing part has one owner.
func sameShard(t *testing.T, n int, owner map[string]int, part string) {
	t.Helper()
	shards := map[int]bool{}
	for name, k := range owner {
		if strings.Contains(name, part) {
			shards[k] = true
		}
	}
	if len(shards) > 1 {
		t.Errorf("N=%d: the inputs of %s went to shards %v", n, part, shards)
	}
}

// TestShardNamesIgnoreMountPoint: the same tree reached by another path
// (another mount point) is split the same way.
func TestShardNamesIgnoreMountPoint(t *testing.T) {
	dir := shardTree(t)
	other := filepath.Join(t.TempDir(), "mnt")
	if err := os.Symlink(dir, other); err != nil {
		t.Fatal(err)
	}
	for k := range 3 {
		a, _ := walkNames(t, shard.Spec{K: k, N: 3}, dir)
		b, _ := walkNames(t, shard.Spec{K: k, N: 3}, other)
		for i := range b {
			b[i] = strings.ReplaceAll(b[i], other, dir)
		}
		if strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("shard %d/3 emits other inputs from %s than from %s", k, other, dir)
		}
	}
}
