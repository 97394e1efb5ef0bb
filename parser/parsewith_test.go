package parser

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestParseWithHash checks that a filing parsed with its precomputed hash
// is the one Parse gives, and that the hash given is the one recorded.
func TestParseWithHash(t *testing.T) {
	for _, name := range []string{"0000999001-24-000012.txt", "0000999301-25-000008.nc"} {
		path := filepath.Join("..", "testdata", "filings", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		sha := hex.EncodeToString(sum[:])
		want, err := Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseWith(path, data, Options{SHA256: sha})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: ParseWith with the file's hash differs from Parse", name)
		}
		if got.Source.SHA256 != sha {
			t.Errorf("%s: Source.SHA256 %s, want %s", name, got.Source.SHA256, sha)
		}
		other, err := ParseWith(path, data, Options{SHA256: "given"})
		if err != nil || other.Source.SHA256 != "given" {
			t.Errorf("%s: a given hash is not used as is: %v %v", name, other.Source.SHA256, err)
		}
	}
}
