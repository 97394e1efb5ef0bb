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
var urlUserinfo = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\s]*):[^\s/]*@`)

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
		if u, err := url.Parse(databaseURL); err == nil {
			if p, ok := u.User.Password(); ok {
				return p
			}
			return u.Query().Get("password")
		}
		_, rest, _ := strings.Cut(databaseURL, "://")
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if _, p, ok := strings.Cut(rest[:at], ":"); ok {
				return p
			}
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
