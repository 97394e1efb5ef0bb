package exhibits

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// combinedTriggerRe is the single pattern that the triggers split up,
// kept here to check that isTrigger decides exactly as it does.
var combinedTriggerRe = regexp.MustCompile(`(?i)^[\s\x{a0}]*(?:` +
	`[^\pL\t]{0,6}\t[\s\x{a0}]*)?(?:` +
	`.{0,40}\b(?:exhibit\s+index|index\s+(?:to|of)\s+exhibits|list\s+of\s+exhibits|exhibits?\s+list)\b` +
	`|\(?[a-d]\)[\s\x{a0}]*(?:exhibits?|exhibit\s+list)\b` +
	`|.{0,60}\b(?:following\s+exhibits?|exhibits?\s+(?:are|is)\s+(?:being\s+)?(?:filed|furnished|included|incorporated|listed)|exhibits?\s+listed)\b` +
	`|[a-d]\.[\s\x{a0}]+exhibits?\b` +
	`|items?[\s\x{a0}]*(?:7|9\.01|9\.1|15|14|13|6|19)\b.{0,120}\bexhibits?\b` +
	`|exhibits?[\s\x{a0}]*[.:]?[\s\x{a0}]*$` +
	`|exhibit[\s\x{a0}]*(?:no\.?|number|#)?[\s\x{a0}]*(?:\t|[\s\x{a0}]{2,})[\s\x{a0}]*(?:description|document|exhibit|title)` +
	`|exhibit[\s\x{a0}]*(?:no\.?|number|#)?[\s\x{a0}]*$` +
	`)`)

func TestTriggersMatchCombinedPattern(t *testing.T) {
	lines := []string{
		"EXHIBIT INDEX", "Index to Exhibits", "LIST OF EXHIBITS", "Exhibits List", "(c) Exhibits", "(d)\u00a0Exhibit list",
		"The following exhibits are filed herewith:", "Exhibits are being furnished", "Exhibit is incorporated by reference",
		"The exhibits listed below", "exhibits LISTED", "c. Exhibits", "Item 9.01 Financial Statements and Exhibits",
		"ITEM 7. FINANCIAL STATEMENTS, PRO FORMA FINANCIAL INFORMATION AND EXHIBITS.", "Exhibits:", "Exhibit No.\tDescription",
		"Exhibit Number    Document", "Exhibit #", "exhibit", "see Exhibit 99.1 attached", "EXHIBIT 99.1",
		"\u2022\tExhibit Index", "Item 15. Exhibits, Financial Statement Schedules", "exhibits liſted", "Exhibit Liſt",
		"  Items 6 and 14 — exhibits and reports", "The exhibits related hereto", "", "no mention",
	}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	matched := 0
	for _, l := range lines {
		want := combinedTriggerRe.MatchString(l)
		if got := isTrigger(l); got != want {
			t.Errorf("isTrigger(%q) = %v, want %v", l, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 20 {
		t.Errorf("only %d sample lines are triggers", matched)
	}
}

// FuzzIsTrigger compares isTrigger with the combined pattern.
func FuzzIsTrigger(f *testing.F) {
	f.Add("The following exhibits are filed herewith:")
	f.Add("Item 9.01 Financial Statements and Exhibits")
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := isTrigger(l), combinedTriggerRe.MatchString(l); got != want {
			t.Fatalf("isTrigger(%q) = %v, want %v", l, got, want)
		}
	})
}
