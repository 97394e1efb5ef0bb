package parser

import (
	"path/filepath"
	"regexp"
	"strings"
)

var (
	// "Exhibit 99.1" as the heading of a bare exhibit document.
	reExhibitHeading = regexp.MustCompile(`(?i)^\s*exhibit\s+(\d{1,3}(?:\.\d{1,3})?(?:\([a-z0-9]+\))*)\s*$`)
	// ex991_..., ex-99.1, EX99.1, exhibit31: exhibit numbers in file names.
	reExhibitFile = regexp.MustCompile(`(?i)(?:^|[^a-z])ex(?:hibit)?[-_.]?(\d{1,3})(?:[._-]?(\d{1,2}))?(?:[^0-9]|$)`)
	// "FORM 4", "FORM 10-K", "SCHEDULE 13D", "SCHEDULE 14A" headings.
	reFormHeading = regexp.MustCompile(`(?i)^\s*(form|schedule)\s+([0-9][0-9A-Z-]*(?:/A)?|TO(?:-[TCI])?(?:/A)?|14[AC]|13[DEG](?:/A)?|D)\b`)
	// EDGAR's filing-detail page: "Form DEF 14A - Other definitive proxy statements:".
	reDetailPage = regexp.MustCompile(`(?m)^Form ([0-9A-Z][0-9A-Z /-]{0,15}?) - `)
	// XML submissions (13F, Form D, ...): <submissionType>13F-HR</submissionType>.
	reXMLSubmissionType = regexp.MustCompile(`<(?:\w+:)?submissionType>\s*([^<\s][^<]*?)\s*<`)
)

// guessFormType names the form of a bare document whose cover gave none:
// an exhibit heading or file name (EX-99.1), an EDGAR filing-detail page,
// an XML submission type, or a "FORM X" / "SCHEDULE X" heading near the
// top. It returns "" when the document shows no sign of being a filing.
func guessFormType(path string, raw []byte, text string) string {
	if m := reXMLSubmissionType.FindSubmatch(raw[:min(len(raw), 16384)]); m != nil {
		return strings.TrimSpace(string(m[1]))
	}
	// reDetailPage needs "Form " at the start of a line; looking for it
	// first spares the regexp on nearly every document.
	if head := text[:min(len(text), 4096)]; strings.HasPrefix(head, "Form ") || strings.Contains(head, "\nForm ") {
		if m := reDetailPage.FindStringSubmatch(head); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	lines := strings.SplitN(text, "\n", 61)
	if len(lines) > 60 {
		lines = lines[:60]
	}
	for _, l := range lines {
		if m := reExhibitHeading.FindStringSubmatch(l); m != nil {
			return "EX-" + strings.ToUpper(m[1])
		}
	}
	if t := exhibitTypeFromName(path); t != "" {
		return t
	}
	for _, l := range lines {
		for _, cell := range strings.Split(l, "\t") {
			m := reFormHeading.FindStringSubmatch(cell)
			if m == nil {
				continue
			}
			form := strings.ToUpper(m[2])
			if strings.EqualFold(m[1], "schedule") {
				if strings.HasPrefix(form, "14") {
					if strings.Contains(strings.ToLower(text[:min(len(text), 20000)]), "preliminary proxy statement\n") {
						return "PRE " + form
					}
					return "DEF " + form
				}
				return "SC " + form
			}
			return form
		}
	}
	return ""
}

// exhibitTypeFromName reads an exhibit number from a file name
// ("ex991.htm", "d8kex99-1.htm", "exhibit31.txt" → "EX-99.1", "EX-99.1",
// "EX-31"), or returns "".
func exhibitTypeFromName(path string) string {
	m := reExhibitFile.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return ""
	}
	num := m[1]
	if m[2] != "" {
		num += "." + strings.TrimLeft(m[2], "0")
	} else if len(num) == 3 && strings.HasPrefix(num, "99") {
		num = "99." + num[2:] // ex991 → 99.1
	}
	return "EX-" + strings.TrimSuffix(num, ".")
}
