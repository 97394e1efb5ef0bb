package etl

import (
	"net/url"
	"regexp"
	"strings"
)

// dsnPassword matches password=... in a keyword/value connection string or
// a URL query, quoted or not.
var dsnPassword = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)`)

// urlUserinfo matches the user:password@ part of a URL anywhere in a text.
// The password runs to the last "@" before white space, so that an
// unencoded "@" or "/" in it is hidden too.
var urlUserinfo = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\s]*):\S*@`)

// RedactURL returns s with every password replaced by "xxxxx", for logs and
// errors. s may be a URL (postgres://user:pass@host/db?password=...), a
// keyword/value string (host=... password=...), or any text quoting them,
// such as an error message.
func RedactURL(s string) string {
	s = urlUserinfo.ReplaceAllString(s, "${1}:xxxxx@")
	return dsnPassword.ReplaceAllString(s, "${1}xxxxx")
}

// urlPassword extracts the password of databaseURL ("" when none).
func urlPassword(databaseURL string) string {
	if strings.Contains(databaseURL, "://") {
		// The userinfo ends at the last "@": a password may hold an
		// unencoded "@" or "/", which url.Parse would misread.
		_, rest, _ := strings.Cut(databaseURL, "://")
		if i := strings.IndexAny(rest, " \t\n"); i >= 0 {
			rest = rest[:i]
		}
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if _, p, ok := strings.Cut(rest[:at], ":"); ok {
				if u, err := url.PathUnescape(p); err == nil {
					return u
				}
				return p
			}
		}
		if u, err := url.Parse(databaseURL); err == nil {
			return u.Query().Get("password")
		}
		return ""
	}
	if m := dsnPassword.FindStringSubmatch(databaseURL); m != nil {
		return strings.Trim(m[2], "'")
	}
	return ""
}

// redactedError hides a password that a driver error may quote.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// wrapURLErr wraps err as "<what> <redacted URL>: <err>", with the URL's
// password removed from err's text too.
func wrapURLErr(what, databaseURL string, err error) error {
	msg := what + " " + RedactURL(databaseURL) + ": " + err.Error()
	if p := urlPassword(databaseURL); p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
		if u := url.QueryEscape(p); u != p {
			msg = strings.ReplaceAll(msg, u, "xxxxx")
		}
	}
	return &redactedError{msg: msg, err: err}
}
