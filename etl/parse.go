package etl

import "github.com/edgarload/edgarload/parser"

// defaultParse is the parser used when Options.Parse is nil.
func defaultParse() ParseFunc {
	return parser.Parse
}
