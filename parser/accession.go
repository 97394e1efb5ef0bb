package parser

import (
	"bytes"
	"fmt"
	"strings"
)

// Where a filing's accession number was found (Filing.AccessionSource).
const (
	AccessionInHeader   = "header"   // the SGML header (or ownership XML / datamule metadata)
	AccessionInDocument = "document" // printed in the document: an EDGAR filing-index page
	AccessionInPath     = "path"     // the file name or a parent folder name
)

// AccessionFromPath finds an accession number in a file's path, looking at
// the file name first and then at each parent folder (archive members
// count: "feed.tar.gz!0001398344-24-000491.nc"). It knows the dashed form
// NNNNNNNNNN-YY-NNNNNN anywhere in a name (edgar-crawler's
// "320193_8K_2024_0000320193-24-000005.htm") and the 18-digit form EDGAR's
// Archives use for folders ("000032019324000005"), delimited by non-digits.
// It returns "" when there is none.
func AccessionFromPath(path string) string {
	parts := strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' || r == '!' })
	for i := len(parts) - 1; i >= 0; i-- {
		if a := accessionIn(parts[i]); a != "" {
			return a
		}
	}
	return ""
}

// accessionIn finds an accession number in one path component.
func accessionIn(name string) string {
	digitsAt := func(i, n int) bool {
		if i < 0 || i+n > len(name) {
			return false
		}
		for j := i; j < i+n; j++ {
			if name[j] < '0' || name[j] > '9' {
				return false
			}
		}
		return true
	}
	isDigit := func(i int) bool { return i >= 0 && i < len(name) && name[i] >= '0' && name[i] <= '9' }
	for i := 0; i+18 <= len(name); i++ {
		if isDigit(i - 1) {
			continue
		}
		// Dashed: 10 digits, '-', 2 digits, '-', 6 digits.
		if i+20 <= len(name) && digitsAt(i, 10) && name[i+10] == '-' && digitsAt(i+11, 2) && name[i+13] == '-' &&
			digitsAt(i+14, 6) && !isDigit(i+20) {
			return name[i : i+20]
		}
		// Undashed: exactly 18 digits.
		if digitsAt(i, 18) && !isDigit(i+18) {
			return name[i:i+10] + "-" + name[i+10:i+12] + "-" + name[i+12:i+18]
		}
	}
	return ""
}

// notFiling is ErrNotFiling with a reason.
func notFiling(reason string) error {
	return fmt.Errorf("%w: %s", ErrNotFiling, reason)
}

// notFilingReason recognises files that travel with filings but are not
// filings themselves — JSON (EDGAR's submissions and directory listings,
// datamule metadata, label files), CSV metadata (edgar-crawler's
// FILINGS_METADATA.csv) and EDGAR's index files — and says what they are.
// It returns "" for anything else.
func notFilingReason(path string, data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n\ufeff")
	lower := strings.ToLower(path)
	switch {
	case looksJSON(head):
		switch {
		case bytes.Contains(head, []byte(`"cik_str"`)) || bytes.Contains(head, []byte(`"filings"`)) ||
			bytes.Contains(head, []byte(`"accessionNumber"`)) || bytes.Contains(head, []byte(`"sicDescription"`)):
			return "EDGAR JSON (company tickers or submissions); load it with `edgarload index load`"
		case bytes.Contains(head, []byte(`"directory"`)):
			return "an EDGAR directory listing (index.json)"
		case bytes.Contains(head, []byte(`"accession-number"`)):
			return "a datamule metadata.json: it describes a filing; load the bundle .tar that holds it"
		}
		return "a JSON file"
	case strings.HasSuffix(lower, ".csv") || bytes.HasPrefix(head, []byte("filename,")) || bytes.Contains(firstLine(head), []byte(",CIK,")):
		return "a CSV file (filing metadata)"
	case bytes.HasPrefix(head, []byte("Description:")) && bytes.Contains(head, []byte("EDGAR Dissemination Feed")):
		return "an EDGAR index file (master/form/company .idx); load it with `edgarload index load`"
	}
	return ""
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// looksJSON reports whether head starts a JSON object or array.
func looksJSON(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if head[0] == '{' {
		rest := bytes.TrimLeft(head[1:], " \t\r\n")
		return len(rest) == 0 || rest[0] == '"' || rest[0] == '}'
	}
	if head[0] == '[' {
		rest := bytes.TrimLeft(head[1:], " \t\r\n")
		return len(rest) > 0 && (rest[0] == '{' || rest[0] == '"' || rest[0] == '[' || rest[0] == ']')
	}
	return false
}
