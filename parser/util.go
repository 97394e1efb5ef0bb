package parser

import (
	"errors"
	"strings"
)

// ErrNotFiling is returned (wrapped) for input that is not an EDGAR filing.
var ErrNotFiling = errors.New("not an EDGAR filing")

func parseCIK(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	var n int64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
		if n > 1e10 {
			return 0, false
		}
	}
	return n, n > 0
}

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func derefOr(p *string, d string) string {
	if p == nil {
		return d
	}
	return *p
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
