// Package edgarindex reads EDGAR's index files — the quarterly full-index
// and the daily-index master.idx, xbrl.idx (pipe-separated), form.idx,
// company.idx and crawler.idx (fixed-width) — plain or gzip-compressed,
// streaming one line at a time. It is pure: bytes in, Entry values out.
//
// The format is detected from the header (the preamble ends with a column
// header line and a dashed rule). Fixed-width lines are split from the
// right (file name, date and CIK never contain spaces) so that a company
// name longer than its column, which shifts the rest of the line, still
// reads right; such lines are counted in Stats.Realigned. Lines that
// cannot be read are counted in Stats.Malformed, never fatal.
package edgarindex

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/edgarload/edgarload/parser"
)

// Format is the layout of an index file.
type Format string

// The index layouts.
const (
	// Master is master.idx and xbrl.idx: CIK|Company Name|Form Type|Date Filed|Filename.
	Master Format = "master"
	// Form is form.idx: fixed width, sorted by form type.
	Form Format = "form"
	// Company is company.idx: fixed width, sorted by company name.
	Company Format = "company"
	// Crawler is crawler.idx: like company.idx with a URL of the filing's
	// index page instead of a file name.
	Crawler Format = "crawler"
)

// Entry is one line of an index file: one filing under one CIK (a filing
// with several parties appears once per CIK).
type Entry struct {
	CIK         int64
	CompanyName string
	FormType    string
	DateFiled   time.Time // a date (UTC midnight)
	FileName    string    // e.g. edgar/data/1095785/9999999997-02-056978.txt (crawler.idx: the URL)
	Accession   string    // NNNNNNNNNN-YY-NNNNNN, derived from FileName
	Line        int       // line number in the file, from 1
}

// Stats reports what Read saw.
type Stats struct {
	Format           Format
	Description      string // the preamble's Description:, e.g. "Master Index of EDGAR Dissemination Feed"
	LastDataReceived string // the preamble's Last Data Received:, as given
	Lines            int    // lines read, header included
	Entries          int    // entries passed to fn
	Malformed        int    // data lines that could not be read (skipped)
	MalformedLines   []int  // line numbers of the first MaxReported malformed lines
	MalformedReasons []string
	Realigned        int // fixed-width lines whose fields did not sit in their header columns, read from the right
}

// MaxReported bounds Stats.MalformedLines and Stats.MalformedReasons.
const MaxReported = 10

// maxHeaderLines is how far into a file the column header is looked for.
const maxHeaderLines = 40

// maxLineBytes bounds one line; longer lines are malformed (EDGAR's are < 200).
const maxLineBytes = 64 << 10

// ErrNotIndex is returned (wrapped) by Read for input that is not an EDGAR
// index file.
var ErrNotIndex = errors.New("not an EDGAR index file")

// layout is what the header tells about the columns.
type layout struct {
	format Format
	// split is the column where the second leading field starts
	// (form.idx: Company Name; company.idx, crawler.idx: Form Type).
	split int
	// cik is the column where the CIK starts.
	cik int
}

// Read reads an index file from r (gzip is recognized by its magic bytes)
// and calls fn for every entry, in file order. It stops at the first error
// fn returns and returns it. A file without an index header gives an error
// wrapping ErrNotIndex; malformed data lines are only counted.
func Read(r io.Reader, fn func(Entry) error) (Stats, error) {
	br, err := maybeGunzip(r)
	if err != nil {
		return Stats{}, err
	}
	lr := &lineReader{r: br}
	var st Stats
	lay, err := readHeader(lr, &st)
	if err != nil {
		return st, err
	}
	for {
		line, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st, fmt.Errorf("line %d: %w", lr.n, err)
		}
		st.Lines = lr.n
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if tooLong {
			st.malformed(lr.n, "line too long")
			continue
		}
		e, realigned, reason := parseLine(lay, string(line))
		if reason != "" {
			st.malformed(lr.n, reason)
			continue
		}
		if realigned {
			st.Realigned++
		}
		e.Line = lr.n
		st.Entries++
		if err := fn(e); err != nil {
			return st, err
		}
	}
	st.Lines = lr.n
	return st, nil
}

func (st *Stats) malformed(line int, reason string) {
	st.Malformed++
	if len(st.MalformedLines) < MaxReported {
		st.MalformedLines = append(st.MalformedLines, line)
		st.MalformedReasons = append(st.MalformedReasons, reason)
	}
}

// maybeGunzip returns a buffered reader of r, decompressed when r starts
// with the gzip magic bytes.
func maybeGunzip(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return bufio.NewReaderSize(gz, 64<<10), nil
	}
	return br, nil
}

// lineReader yields lines without their line ending, counting them.
type lineReader struct {
	r   *bufio.Reader
	n   int
	buf []byte
}

// next returns the next line; tooLong reports a line cut at maxLineBytes
// (the rest of it is skipped). The returned slice is valid until the next call.
func (l *lineReader) next() (line []byte, tooLong bool, err error) {
	l.buf = l.buf[:0]
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(l.buf)+len(chunk) <= maxLineBytes {
			l.buf = append(l.buf, chunk...)
		} else {
			tooLong = true
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(l.buf) == 0 && !tooLong {
			return nil, false, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		l.n++
		return bytes.TrimRight(l.buf, "\r\n"), tooLong, nil
	}
}

// readHeader consumes the preamble, the column header (one line, or two
// when company.idx wraps it) and the dashed rule.
func readHeader(lr *lineReader, st *Stats) (layout, error) {
	var header []string
	for lr.n < maxHeaderLines {
		raw, _, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return layout{}, fmt.Errorf("line %d: %w", lr.n, err)
		}
		st.Lines = lr.n
		line := strings.TrimRight(string(raw), " \t")
		if lr.n == 1 && !utf8.ValidString(line) {
			break
		}
		switch {
		case strings.HasPrefix(line, "Description:"):
			st.Description = strings.TrimSpace(strings.TrimPrefix(line, "Description:"))
		case strings.HasPrefix(line, "Last Data Received:"):
			st.LastDataReceived = strings.TrimSpace(strings.TrimPrefix(line, "Last Data Received:"))
		case isRule(line):
			if len(header) == 0 {
				return layout{}, fmt.Errorf("%w: dashed rule at line %d without a column header", ErrNotIndex, lr.n)
			}
			lay, ok := headerLayout(header)
			if !ok {
				return layout{}, fmt.Errorf("%w: unknown column header %q", ErrNotIndex, strings.Join(header, " / "))
			}
			st.Format = lay.format
			return lay, nil
		case strings.TrimSpace(line) == "":
			header = header[:0]
		case strings.Contains(line, "CIK") || strings.Contains(line, "Company Name") || strings.Contains(line, "Form Type") ||
			strings.Contains(line, "Date Filed") || strings.Contains(line, "File Name") || strings.Contains(line, "Filename"):
			header = append(header, line)
		}
	}
	return layout{}, fmt.Errorf("%w: no column header (CIK|Company Name|Form Type|Date Filed|Filename, or Form Type  Company Name  CIK  Date Filed  File Name) followed by a dashed rule in the first %d lines", ErrNotIndex, maxHeaderLines)
}

func isRule(line string) bool {
	return len(line) >= 10 && strings.Trim(line, "-") == ""
}

// headerLayout recognizes the column header lines.
func headerLayout(lines []string) (layout, bool) {
	first := lines[0]
	all := strings.Join(lines, " ")
	for _, col := range []string{"CIK", "Company Name", "Form Type", "Date Filed"} {
		if !strings.Contains(all, col) {
			return layout{}, false
		}
	}
	hasFile := strings.Contains(all, "File Name") || strings.Contains(all, "Filename")
	switch {
	case strings.Count(first, "|") == 4 && hasFile:
		return layout{format: Master}, true
	case strings.HasPrefix(first, "Form Type") && hasFile:
		return layout{format: Form, split: strings.Index(first, "Company Name"), cik: strings.Index(first, "CIK")}, true
	case strings.HasPrefix(first, "Company Name") && hasFile:
		return layout{format: Company, split: strings.Index(first, "Form Type"), cik: strings.Index(first, "CIK")}, true
	case strings.HasPrefix(first, "Company Name") && strings.Contains(all, "URL"):
		return layout{format: Crawler, split: strings.Index(first, "Form Type"), cik: strings.Index(first, "CIK")}, true
	}
	return layout{}, false
}

// parseLine reads one data line. reason is non-empty for a malformed line.
func parseLine(lay layout, line string) (e Entry, realigned bool, reason string) {
	if !utf8.ValidString(line) || strings.IndexByte(line, 0) >= 0 {
		line = strings.ReplaceAll(strings.ToValidUTF8(line, "\uFFFD"), "\x00", "")
	}
	var cik, date string
	if lay.format == Master {
		f := strings.Split(line, "|")
		if len(f) < 5 {
			return e, false, fmt.Sprintf("%d fields, want 5 separated by |", len(f))
		}
		n := len(f)
		cik, e.FormType, date, e.FileName = f[0], f[n-3], f[n-2], f[n-1]
		e.CompanyName = strings.Join(f[1:n-3], "|") // a | inside the name
	} else {
		var rest string
		var cikAt int
		var ok bool
		rest, cik, date, e.FileName, cikAt, ok = splitRight(line)
		if !ok {
			return e, false, "fewer than 5 fields"
		}
		var a, b string
		shifted := lay.cik > 0 && cikAt != lay.cik
		a, b, realigned = splitLeading(rest, lay.split, lay.format == Form, shifted)
		realigned = realigned || shifted
		if lay.format == Form {
			e.FormType, e.CompanyName = a, b
		} else {
			e.CompanyName, e.FormType = a, b
		}
	}
	e.CompanyName = strings.TrimSpace(e.CompanyName)
	e.FormType = strings.TrimSpace(e.FormType)
	e.FileName = strings.TrimSpace(e.FileName)
	n, err := strconv.ParseInt(strings.TrimSpace(cik), 10, 64)
	if err != nil || n <= 0 {
		return e, false, fmt.Sprintf("CIK %q is not a positive number", strings.TrimSpace(cik))
	}
	e.CIK = n
	d, ok := ParseDate(strings.TrimSpace(date))
	if !ok {
		return e, false, fmt.Sprintf("date %q is not YYYY-MM-DD or YYYYMMDD", strings.TrimSpace(date))
	}
	e.DateFiled = d
	if e.FormType == "" {
		return e, false, "empty form type"
	}
	if e.Accession = AccessionFromPath(e.FileName); e.Accession == "" {
		return e, false, fmt.Sprintf("no accession number in file name %q", e.FileName)
	}
	return e, realigned, ""
}

// splitRight takes the three space-free fields off the end of a
// fixed-width line: CIK, date and file name (or URL); cikAt is the byte
// offset of the CIK in line.
func splitRight(line string) (rest, cik, date, file string, cikAt int, ok bool) {
	s := strings.TrimRight(line, " \t")
	var fields [3]string
	for i := 2; i >= 0; i-- {
		j := strings.LastIndexAny(s, " \t")
		if j < 0 {
			return "", "", "", "", 0, false
		}
		fields[i] = s[j+1:]
		cikAt = j + 1
		s = strings.TrimRight(s[:j], " \t")
	}
	if strings.TrimSpace(s) == "" {
		return "", "", "", "", 0, false
	}
	return s, fields[0], fields[1], fields[2], cikAt, true
}

// splitLeading splits the two leading fields of a fixed-width line at the
// header column col. When the first field overflowed its column (no
// blank just before col; or, for company.idx, whose first field is the
// long name, a CIK shifted from its column), it splits at a run of two or
// more blanks instead (the first one for form.idx, whose first field is
// the short form type; the last one otherwise), else at a single blank;
// realigned reports that fallback.
func splitLeading(rest string, col int, formFirst, shifted bool) (a, b string, realigned bool) {
	boundary := col > 0 && len(rest) > col && rest[col-1] == ' ' && rest[col] != ' '
	if boundary && (formFirst || !shifted) {
		return rest[:col], rest[col:], false
	}
	if col > 0 && len(rest) <= col {
		// Only the first field is there (empty second field).
		return rest, "", false
	}
	gaps := blankRuns.FindAllStringIndex(rest, -1)
	if len(gaps) > 0 {
		g := gaps[len(gaps)-1]
		if formFirst {
			g = gaps[0]
		}
		return rest[:g[0]], rest[g[1]:], true
	}
	i := strings.LastIndexByte(rest, ' ')
	if formFirst {
		i = strings.IndexByte(rest, ' ')
	}
	if i < 0 {
		return rest, "", true
	}
	return rest[:i], rest[i+1:], true
}

var blankRuns = regexp.MustCompile(`[ \t]{2,}`)

// Detect reports whether head, the first bytes of the file called name
// (2 KiB or more; gzip-compressed bytes are decompressed as far as they
// go), is an EDGAR index file: the preamble, a column header this package
// reads and the dashed rule. The name is not needed; it is accepted so
// that callers can pass what they have.
func Detect(name string, head []byte) bool {
	_ = name
	br, err := maybeGunzip(bytes.NewReader(head))
	if err != nil {
		return false
	}
	var st Stats
	_, err = readHeader(&lineReader{r: br}, &st)
	return err == nil
}

// ParseDate reads a date written YYYY-MM-DD (full-index) or YYYYMMDD
// (daily-index).
func ParseDate(s string) (time.Time, bool) {
	layout := "20060102"
	if len(s) == 10 {
		layout = "2006-01-02"
	} else if len(s) != 8 {
		return time.Time{}, false
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Year() < 1900 {
		return time.Time{}, false
	}
	return t, true
}

// AccessionFromPath derives the accession number from an index file name
// or URL: edgar/data/1095785/9999999997-02-056978.txt gives
// 9999999997-02-056978, and so do .../0000950123-10-000001-index.htm and
// the 18-digit folder form .../999999999702056978/. It returns "" when the
// path holds neither. It is parser.AccessionFromPath, the one rule for
// finding an accession number in a path.
func AccessionFromPath(p string) string {
	return parser.AccessionFromPath(p)
}
