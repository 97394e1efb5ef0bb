package etl

import (
	"regexp"
	"strings"

	"github.com/edgarload/edgarload/parser"
)

// The normalizations below mirror the SQL functions edgar.normalize_* of the
// migrations; TestNormalizeMatchesSQL keeps them in step.

var (
	nonDigit        = regexp.MustCompile(`[^0-9]`)
	allZeros        = regexp.MustCompile(`^0*$`)
	fileNumberSplit = regexp.MustCompile(`[^0-9A-Z]+`)
	stateMarker     = regexp.MustCompile(`[ \t\n\r\f]*[/\\][A-Z0-9 .]*[/\\][ \t\n\r\f]*$`)
	nameDropped     = regexp.MustCompile("['`’]")
	nameNonAlnum    = regexp.MustCompile(`[^A-Z0-9]+`)
)

var nameNoise = map[string]bool{
	"THE": true, "INC": true, "INCORPORATED": true, "CORP": true, "CORPORATION": true,
	"CO": true, "COMPANY": true, "LTD": true, "LIMITED": true, "LLC": true, "PLC": true,
}

// normalizeIRS reduces an IRS number to its digits; "" when empty or zeros.
func normalizeIRS(s string) string {
	d := nonDigit.ReplaceAllString(s, "")
	if allZeros.MatchString(d) {
		return ""
	}
	return d
}

// normalizeFileNumber strips the leading zeros of each part of a file
// number and joins the parts with "-".
func normalizeFileNumber(s string) string {
	var parts []string
	for _, p := range fileNumberSplit.Split(asciiUpper(s), -1) {
		if p == "" {
			continue
		}
		p = strings.TrimLeft(p, "0")
		if p == "" {
			p = "0"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "-")
}

// normalizeName reduces a company name to its significant words.
func normalizeName(s string) string {
	s = asciiUpper(s)
	s = stateMarker.ReplaceAllString(s, "")
	s = nameDropped.ReplaceAllString(s, "")
	s = nameNonAlnum.ReplaceAllString(s, " ")
	// Join runs of single letters ("L L C" -> "LLC", "U S" -> "US"), then
	// drop the noise words.
	var joined []string
	prevSingle := false
	for _, w := range strings.Split(s, " ") {
		if w == "" {
			continue
		}
		single := len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
		if single && prevSingle {
			joined[len(joined)-1] += w
		} else {
			joined = append(joined, w)
		}
		prevSingle = single
	}
	var words []string
	for _, w := range joined {
		if !nameNoise[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// asciiUpper upper-cases ASCII letters only, leaving other characters to the
// non-alphanumeric rules (as PostgreSQL's upper() then [^A-Z0-9] do).
func asciiUpper(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

// shapeRank orders the shapes of one accession number: lower wins
// (edgar.shape_rank in SQL).
func shapeRank(shape string) int {
	switch shape {
	case parser.ShapeSubmission:
		return 1
	case parser.ShapeFeed:
		return 2
	case parser.ShapeHeader:
		return 3
	case parser.ShapeHTML:
		return 4
	case parser.ShapeXML:
		return 5
	case parser.ShapeText:
		return 6
	}
	return 9
}

// sourceRank orders the sources of one accession number: shapeRank, with
// a bare exhibit (form EX-*) below every primary document (edgar.source_rank
// in SQL).
func sourceRank(shape, form string) int {
	r := shapeRank(shape)
	if (shape == parser.ShapeHTML || shape == parser.ShapeText) && strings.HasPrefix(strings.ToUpper(form), "EX-") {
		r += 10
	}
	return r
}

// source is what decides between two sources of one filing.
type source struct{ shape, form, sha string }

// beats reports whether source a is preferred over source b for the same
// filing.
func beats(a, b source) bool {
	ra, rb := sourceRank(a.shape, a.form), sourceRank(b.shape, b.form)
	if ra != rb {
		return ra < rb
	}
	return a.sha < b.sha
}
