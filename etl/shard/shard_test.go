package shard

import (
	"fmt"
	"testing"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Spec{"": {}, "0/1": {0, 1}, "0/3": {0, 3}, "2/3": {2, 3}, " 6/7 ": {6, 7}, "11/12": {11, 12}} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"3/3", "4/3", "-1/3", "1/0", "0/0", "1", "/3", "1/", "a/b", "+1/3", "1/+3", "1/3/4", "1 /3", "0x1/3", "1.0/3"} {
		if s, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, s)
		}
	}
}

func TestStringRoundTrips(t *testing.T) {
	for _, s := range []Spec{{0, 1}, {2, 5}} {
		if got, err := Parse(s.String()); err != nil || got != s {
			t.Errorf("Parse(%q) = %v, %v", s.String(), got, err)
		}
	}
	if (Spec{}).String() != "" || (Spec{}).Split() || (Spec{0, 1}).Split() || !(Spec{0, 2}).Split() {
		t.Error("zero Spec or 0/1 splits, or 0/2 does not")
	}
}

// TestKeyIsTheAccession: every name of one filing has the same key, so
// its sources land on one shard.
func TestKeyIsTheAccession(t *testing.T) {
	names := []string{"0000320193-24-000005", "0000320193-24-000005.txt", "x/000032019324000005.nc.gz",
		"feed.tar!0000320193-24-000005.nc", "0000320193-24-000005/primary.htm", "0000320193-24-000005-xbrl.zip!r1.xml"}
	for _, n := range names {
		if k := Key(n); k != "0000320193-24-000005" {
			t.Errorf("Key(%q) = %q", n, k)
		}
	}
	if k := Key("notes/readme.txt"); k != "notes/readme.txt" {
		t.Errorf("Key of a name without an accession = %q", k)
	}
}

// TestEveryKeyInOneShard: for N from 1 to 7 each key is owned by exactly
// one K, and no shard is left empty by 700 keys.
func TestEveryKeyInOneShard(t *testing.T) {
	for n := 1; n <= 7; n++ {
		per := make([]int, n)
		for i := range 700 {
			name := fmt.Sprintf("0000999001-24-%06d.txt", i)
			if i%3 == 0 {
				name = fmt.Sprintf("dir/note-%d.htm", i)
			}
			owners := 0
			for k := range n {
				if (Spec{k, n}).Owns(name) {
					owners++
					per[k]++
				}
			}
			if owners != 1 {
				t.Fatalf("N=%d: %s owned by %d shards", n, name, owners)
			}
		}
		for k, c := range per {
			if c < 700/n/2 {
				t.Errorf("N=%d: shard %d owns only %d of 700 keys", n, k, c)
			}
		}
	}
}

// TestOfIsStable pins the documented rule (SHA-256 of the key, first 8
// bytes big-endian, mod N) with values computed outside Go (sha256sum and
// Python), so that loaders of different versions split alike.
func TestOfIsStable(t *testing.T) {
	for _, c := range []struct {
		key  string
		n    int
		want int
	}{
		{"0000320193-24-000005", 3, 0}, // 985048968f5a4098…
		{"notes/readme.txt", 2, 1},     // 0e4db50a716c43ad…
		{"notes/readme.txt", 3, 2},
		{"notes/readme.txt", 5, 3},
		{"0000999001-24-000012", 5, 4}, // fbca28ce541a3589…
		{"0000999001-24-000012", 7, 5},
	} {
		if got := Of(c.key, c.n); got != c.want {
			t.Errorf("Of(%q, %d) = %d, want %d", c.key, c.n, got, c.want)
		}
	}
}
