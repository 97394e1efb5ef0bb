package ascii

import (
	"regexp"
	"strings"
	"testing"
)

func TestContainsFold(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"EXHIBIT INDEX", "exhibit", true},
		{"Exhibit 99.1", "exhibit", true},
		{"exhibi", "exhibit", false},
		{"", "a", false},
		{"anything", "", true},
		{"SIGNATURES", "ignature", true},
		{"Ítem 2", "item", false},
	} {
		if got := ContainsFold(c.s, c.word); got != c.want {
			t.Errorf("ContainsFold(%q, %q) = %v", c.s, c.word, got)
		}
		if got := ContainsFold([]byte(c.s), c.word); got != c.want {
			t.Errorf("ContainsFold([]byte(%q), %q) = %v", c.s, c.word, got)
		}
	}
}

// FuzzContainsFold checks ContainsFold against strings.ToLower for words
// without k or s.
func FuzzContainsFold(f *testing.F) {
	f.Add("Item 2.02 Results", "item")
	f.Fuzz(func(t *testing.T, s, word string) {
		word = strings.ToLower(word)
		for _, r := range word {
			if r > 0x7f || r == 'k' || r == 's' {
				return
			}
		}
		lowered := strings.Map(func(r rune) rune {
			if r >= 'A' && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, s)
		if got, want := ContainsFold(s, word), strings.Contains(lowered, word); got != want {
			t.Fatalf("ContainsFold(%q, %q) = %v, want %v", s, word, got, want)
		}
	})
}

func TestToLower(t *testing.T) {
	for in, want := range map[string]string{"ITEM 2.02": "item 2.02", "Ítem ẞ": "Ítem ẞ", "": "", "mixed CASE": "mixed case"} {
		got := ToLower(in)
		if got != want || len(got) != len(in) {
			t.Errorf("ToLower(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHasPrefixFold(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"ITEM 1", "item", true}, {"Item", "item", true}, {"Ite", "item", false}, {"xItem", "item", false},
		{"", "", true}, {"Ítem", "item", false},
	} {
		if got := HasPrefixFold(c.s, c.word); got != c.want {
			t.Errorf("HasPrefixFold(%q, %q) = %v", c.s, c.word, got)
		}
	}
}

// TestSkipBlanksClass checks that SkipBlanks skips exactly the runes of
// the regexp class [\s\x{a0}].
func TestSkipBlanksClass(t *testing.T) {
	re := regexp.MustCompile(`^[\s\x{a0}]$`)
	for r := rune(0); r < 0x3100; r++ {
		s := string(r)
		if got, want := SkipBlanks(s+"x", 0) == len(s), re.MatchString(s); got != want {
			t.Errorf("SkipBlanks(%U) skips = %v, regexp = %v", r, got, want)
		}
	}
	if SkipBlanks("\xc2", 0) != 0 || SkipBlanks("\xc2x", 0) != 0 || SkipBlanks("a  ", 1) != 3 {
		t.Error("SkipBlanks skips a lone 0xc2 byte or misses a run")
	}
}
