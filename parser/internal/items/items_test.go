package items

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/edgarload/edgarload/parser/internal/corpus"
)

func TestSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t), "seed", "sonus-networks-8-K-2004-07-29.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, filed := range []string{"2004-07-29", ""} {
		got := Extract(toText(b), "8-K", filed)
		if len(got) != 1 {
			t.Fatalf("filed %q: got %d items: %+v", filed, len(got), got)
		}
		it := got[0]
		if it.Code != "2.02" || it.NumberAsFiled != "12" || it.Title != "Results of Operations and Financial Condition" || it.Part != "" {
			t.Errorf("filed %q: got %+v", filed, it)
		}
		if len(it.Text) < 500 || it.Text[:3] != "The" {
			t.Errorf("filed %q: text %q", filed, it.Text)
		}
	}
}
