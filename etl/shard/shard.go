// Package shard splits a set of inputs between N loaders that do not talk
// to each other (N machines, or the N pods of a Kubernetes Indexed Job):
// every input has a key, and the key alone decides which shard owns it, so
// that N loaders given the same inputs load each input exactly once between
// them — no overlap, nothing missed — whatever order they run in.
//
// The key of an input is the accession number found in its name (a path
// relative to the argument it was found under, or an archive member's name;
// see parser.AccessionFromPath), so that every source of one filing (its
// .nc, its .txt, its filing folder, a fetch plan's entry) lands on the same
// shard; a name without one is its own key. The owning shard is the first 8
// bytes of the key's SHA-256, read as a big-endian unsigned integer, modulo
// N. Shards are numbered from 0 to N-1, as Kubernetes numbers the
// completion indexes of an Indexed Job.
package shard

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/edgarload/edgarload/parser"
)

// Spec is one shard of N: K in 0..N-1. The zero value (N = 0) is no
// sharding: every input is owned.
type Spec struct {
	K, N int
}

// Parse reads "K/N" (K from 0 to N-1, N at least 1); "" is the zero Spec.
func Parse(s string) (Spec, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Spec{}, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, kerr := strconv.Atoi(ks)
	n, nerr := strconv.Atoi(ns)
	switch {
	case !ok || kerr != nil || nerr != nil || !digits(ks) || !digits(ns):
		return Spec{}, fmt.Errorf("shard %q is not K/N (e.g. 0/3: the first of three shards)", s)
	case n < 1:
		return Spec{}, fmt.Errorf("shard %q: N must be at least 1", s)
	case k >= n:
		return Spec{}, fmt.Errorf("shard %q: K must be from 0 to N-1 = %d (shards are numbered from 0, like Kubernetes completion indexes)", s, n-1)
	}
	return Spec{K: k, N: n}, nil
}

// digits reports whether s is non-empty and only ASCII digits (no sign, no
// spaces).
func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String is "K/N", or "" for no sharding.
func (s Spec) String() string {
	if s.N == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}

// Split reports whether s leaves some inputs to other shards (N > 1).
func (s Spec) Split() bool { return s.N > 1 }

// Owns reports whether this shard loads the input named name (a path
// relative to its argument, or an archive member's name prefixed with its
// archive's: see Key).
func (s Spec) Owns(name string) bool {
	return !s.Split() || Of(Key(name), s.N) == s.K
}

// Key is the shard key of an input name: the accession number the name
// holds (the last one, as parser.AccessionFromPath finds it: a member
// "feed.tar!0000320193-24-000005.nc" or a file "0000320193-24-000005/x.htm"
// is keyed by it), else the name itself.
func Key(name string) string {
	if a := parser.AccessionFromPath(name); a != "" {
		return a
	}
	return name
}

// Of is the shard, from 0 to n-1, that owns key (n at least 1).
func Of(key string, n int) int {
	sum := sha256.Sum256([]byte(key))
	return int(binary.BigEndian.Uint64(sum[:8]) % uint64(n))
}
