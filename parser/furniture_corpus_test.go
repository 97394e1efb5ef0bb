package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	furnTagRe     = regexp.MustCompile(`(?i)</?page>`)
	furnNumberRe  = regexp.MustCompile(`(?i)^(?:-?\s*\d{1,3}\s*-?|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$`)
	furnTOCRe     = regexp.MustCompile(`(?i)^(?:back\s+to\s+|return\s+to\s+)?table\s+of\s+contents$`)
	furnEdgeRe    = regexp.MustCompile(`^\d{1,3}\b|\b\d{1,3}$`)
	furnTOCLineRe = regexp.MustCompile(`(?im)^[ \t]*(?:back\s+to\s+|return\s+to\s+)?table\s+of\s+contents[ \t]*$`)
	furnRowRe     = regexp.MustCompile(`^\d{1,3}\s{2,}\S`)
	furnHeadingRe = regexp.MustCompile(`(?i)^\W*(?:items?|parts?|notes?|sections?|articles?|exhibits?|schedules?|tables?|years?|level|class|series)\b`)
)

// furnitureIn names the first piece of page furniture found in an item or
// exhibit text, "" when there is none. footers holds the running-footer
// templates of the filing (the edge number replaced by "#"); "Table of
// Contents" lines count only when tocs > 0.
func furnitureIn(text string, footers map[string]bool, tocs int) string {
	if m := furnTagRe.FindString(text); m != "" {
		return m
	}
	lines := strings.Split(text, "\n")
	nonBlank := func(i, dir int) string {
		for j := i + dir; j >= 0 && j < len(lines); j += dir {
			if s := strings.TrimSpace(lines[j]); s != "" {
				return lines[j]
			}
		}
		return ""
	}
	for i, l := range lines {
		s := strings.TrimSpace(l)
		if furnTOCRe.MatchString(s) && tocs > 0 {
			return s
		}
		if footers[furnEdgeRe.ReplaceAllString(s, "#")] {
			return s
		}
		if !furnNumberRe.MatchString(s) {
			continue
		}
		// A number between two table rows is a cell, not a page number.
		if strings.Contains(nonBlank(i, -1), "\t") && strings.Contains(nonBlank(i, +1), "\t") && !strings.Contains(s, "-") {
			continue
		}
		return s
	}
	return ""
}

// footerTemplates returns the lines of a filing's texts that recur at
// least three times with three different numbers at their start or end:
// running footers.
func footerTemplates(texts []string) map[string]bool {
	values := map[string]map[string]bool{}
	for _, t := range texts {
		for _, l := range strings.Split(t, "\n") {
			s := strings.TrimSpace(l)
			// Table rows, dot-leader contents rows and list rows
			// ("11       Omitted") are not footers.
			if len(s) > 100 || strings.Contains(s, "\t") || strings.Contains(s, "....") || furnRowRe.MatchString(s) ||
				furnHeadingRe.MatchString(s) || !strings.ContainsAny(s, "0123456789") {
				continue
			}
			n := furnEdgeRe.FindString(s)
			if n == "" {
				continue
			}
			k := furnEdgeRe.ReplaceAllString(s, "#")
			if values[k] == nil {
				values[k] = map[string]bool{}
			}
			values[k][n] = true
		}
	}
	out := map[string]bool{}
	for k, v := range values {
		if len(v) >= 3 && strings.ContainsFunc(k, func(r rune) bool { return r >= 'A' && r <= 'z' }) {
			out[k] = true
		}
	}
	return out
}

// TestCorpusItemTextsFreeOfFurniture measures the share of item texts (and
// exhibit texts) of every corpus filing that carry no page furniture:
// <PAGE> tags, page numbers, running footers, "Table of Contents" links.
func TestCorpusItemTextsFreeOfFurniture(t *testing.T) {
	root := filepath.Join(sharedDir(t), "corpus")
	fig := figures{}
	for _, dir := range []string{"submissions", "feed", "primary", "exhibits"} {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*"))
		for _, path := range files {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(path, data)
			if err != nil {
				continue
			}
			family := "other"
			switch form := strings.ToUpper(f.FormType); {
			case strings.HasPrefix(form, "8-K"):
				family = "8-K"
			case strings.HasPrefix(form, "10-K"), strings.HasPrefix(form, "10-Q"):
				family = "10-K/10-Q"
			}
			var texts []string
			for _, it := range f.Items {
				texts = append(texts, it.Text)
			}
			footers := footerTemplates(texts)
			for _, it := range f.Items {
				bad := furnitureIn(it.Text, footers, 1)
				fig.add("item text free of furniture", bad == "", "family:"+family)
				if bad != "" {
					t.Logf("furniture in %s item %s: %q", filepath.Base(path), it.Code, bad)
				}
			}
			for _, e := range f.Exhibits {
				if e.Text == "" {
					continue
				}
				// An exhibit (an agreement) may have a table of contents
				// of its own: only repeated links back to it count.
				bad := furnitureIn(e.Text, footerTemplates([]string{e.Text}), len(furnTOCLineRe.FindAllString(e.Text, 2))-1)
				fig.add("exhibit text free of furniture", bad == "")
				if bad != "" {
					t.Logf("furniture in %s exhibit %s: %q", filepath.Base(path), e.Number, bad)
				}
			}
		}
	}
	fig.log(t)
	for _, g := range []string{"family:8-K", "family:10-K/10-Q"} {
		if r := fig["item text free of furniture"][g]; r == nil || r.pct() < 99 {
			t.Errorf("item text free of furniture (%s) below 99%%: %v", g, r)
		}
	}
	if r := fig["exhibit text free of furniture"]["all"]; r == nil || r.pct() < 99 {
		t.Errorf("exhibit text free of furniture below 99%%: %v", r)
	}
}
