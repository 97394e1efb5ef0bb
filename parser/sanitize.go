package parser

import (
	"reflect"
	"strings"
	"unicode/utf8"
)

// sanitize makes every string reachable from f safe for PostgreSQL text:
// valid UTF-8 and no NUL bytes. The extractors already produce clean text;
// this is the last guard, so one odd header byte can never fail a batch.
func sanitize(f *Filing) {
	cleanValue(reflect.ValueOf(f).Elem())
}

func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !cleanString(s) {
			v.SetString(cleanText(s))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cleanValue(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				cleanValue(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			cleanValue(v.Index(i))
		}
	}
}

func cleanString(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// cleanText replaces invalid UTF-8 with U+FFFD and drops NUL bytes.
func cleanText(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}
