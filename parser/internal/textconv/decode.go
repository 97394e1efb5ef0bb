// Package textconv turns the bytes of EDGAR documents into clean UTF-8 text:
// it repairs legacy encodings and renders HTML as lines that look like the
// printed page.
package textconv

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// utf8BOM is the byte order mark some UTF-8 documents start with.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode returns b as valid UTF-8 text. Valid UTF-8 is kept (a leading BOM
// is dropped); otherwise the bytes are read as Windows-1252, a superset of
// Latin-1. A document that is mostly UTF-8 with a few stray bytes keeps its
// UTF-8 sequences and has only the stray bytes read as Windows-1252. NUL and
// the other C0/C1 control characters except tab and newline are dropped, and
// CRLF and lone CR become LF. The result is always valid UTF-8.
func Decode(b []byte) string {
	b = bytes.TrimPrefix(b, utf8BOM)
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/16)
	switch {
	case utf8.Valid(b):
		writeValid(&sb, b)
	case mostlyUTF8(b):
		writeClean(&sb, b, true)
	default:
		writeCP1252(&sb, b)
	}
	return sb.String()
}

// special reports whether valid UTF-8 text has a byte at i that cleaning
// changes: CR, a control other than tab and newline, DEL, or the lead byte
// of a C1 control (U+0080-U+009F).
func special(b []byte, i int) bool {
	c := b[i]
	switch {
	case c < 0x20:
		return c != '\t' && c != '\n'
	case c == 0x7F:
		return true
	case c == 0xC2:
		return i+1 < len(b) && b[i+1] < 0xA0
	}
	return false
}

// writeValid copies valid UTF-8 to sb in runs, cleaning only where needed.
func writeValid(sb *strings.Builder, b []byte) {
	start := 0
	for i := 0; i < len(b); i++ {
		if !suspect[b[i]] || !special(b, i) {
			continue
		}
		sb.Write(b[start:i])
		switch b[i] {
		case '\r':
			sb.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case 0xC2:
			i++ // drop the C1 control's two bytes
		}
		start = i + 1
	}
	sb.Write(b[start:])
}

// mostlyUTF8 reports whether b has more valid multi-byte UTF-8 sequences
// than bytes that are not valid UTF-8.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	return valid > invalid
}

// keepRune reports whether r survives cleaning: controls other than tab and
// newline are dropped (CR is handled by the callers).
func keepRune(r rune) bool {
	if r < 0x20 {
		return r == '\t' || r == '\n'
	}
	return r != 0x7F && (r < 0x80 || r > 0x9F)
}

// writeClean copies UTF-8 bytes to sb, normalizing line ends and dropping
// controls. With mixed set, bytes that are not valid UTF-8 are decoded as
// Windows-1252; without it they become U+FFFD.
func writeClean(sb *strings.Builder, b []byte, mixed bool) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i = writeASCII(sb, b, i)
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if mixed {
				r = cp1252Rune(c)
			}
			n = 1
		}
		if keepRune(r) {
			sb.WriteRune(r)
		}
		i += n
	}
}

// cp1252 is the Windows-1252 decoding table for bytes 0x80-0xFF.
var cp1252 = func() [128]rune {
	var t [128]rune
	for i := range t {
		r := charmap.Windows1252.DecodeByte(byte(0x80 + i))
		if r == utf8.RuneError {
			r = 0 // undefined in Windows-1252: dropped as a control
		}
		t[i] = r
	}
	return t
}()

// cp1252Rune decodes one byte >= 0x80 as Windows-1252.
func cp1252Rune(c byte) rune { return cp1252[c-0x80] }

// writeCP1252 decodes the whole of b as Windows-1252.
func writeCP1252(sb *strings.Builder, b []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i = writeASCII(sb, b, i)
			continue
		}
		if r := cp1252Rune(c); keepRune(r) {
			sb.WriteRune(r)
		}
		i++
	}
}

// writeASCII writes the ASCII byte b[i] to sb — CR and CRLF become LF, other
// controls but tab and LF are dropped — and returns the index of the next
// byte to read.
func writeASCII(sb *strings.Builder, b []byte, i int) int {
	switch c := b[i]; {
	case c == '\r':
		sb.WriteByte('\n')
		if i+1 < len(b) && b[i+1] == '\n' {
			return i + 2
		}
	case c >= 0x20 && c != 0x7F, c == '\t', c == '\n':
		sb.WriteByte(c)
	}
	return i + 1
}
