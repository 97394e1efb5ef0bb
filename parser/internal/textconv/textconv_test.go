package textconv

import (
	"bytes"
	"github.com/edgarload/edgarload/parser/internal/corpus"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf8 kept", []byte("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d"), "café “q”"},
		{"bom dropped", []byte("\xef\xbb\xbfabc"), "abc"},
		{"latin1", []byte("caf\xe9"), "café"},
		{"cp1252 quotes", []byte("\x93Company\x94 \x96 ok"), "“Company” – ok"},
		{"crlf", []byte("a\r\nb\rc\n"), "a\nb\nc\n"},
		{"controls", []byte("a\x00b\x0cc\td\x1b\x7f"), "abc\td"},
		{"mixed mostly utf8", []byte("\xe2\x80\x9cA\xe2\x80\x9d \xe2\x80\x99 \x92"), "“A” ’ ’"},
		{"c1 in utf8", []byte("a\u0085b\u0093c\r"), "abc\n"},
		{"undefined cp1252", []byte("a\x81b\x9dc\xe9"), "abcé"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decode(tt.in)
			if got != tt.want {
				t.Errorf("Decode(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("invalid UTF-8: %q", got)
			}
		})
	}
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<HTML><BODY>x</BODY></HTML>", true},
		{"<!DOCTYPE html PUBLIC \"-//W3C//DTD\"><html>", true},
		{"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"\n<div style=\"x\">Hi</div>", true},
		{"<P>Hello", true},
		{"<PAGE>\n                     UNITED STATES\n<TABLE>\n<CAPTION>\n<S>  <C>\n</TABLE>", false},
		{"<TYPE>8-K\nplain text only", false},
		{"", false},
		{"\nbegin 644 report.xlsx\nM4$L#!!0<P (   TG%0'04UB@0   +$\n", false},
		{"<XML>\n<?xml version=\"1.0\"?>\n<edgarSubmission><title>x</title>", false},
	}
	for _, tt := range tests {
		if got := IsHTML([]byte(tt.in)); got != tt.want {
			t.Errorf("IsHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"paragraphs", "<html><head><title>T</title><style>p{}</style></head><body><p>One&nbsp;two</p><p>Three\n   four</p></body></html>",
			"One two\n\nThree four\n"},
		{"item row", "<table><tr><td style=\"width:10%\">Item&#160;2.02</td><td>&nbsp;</td><td><b>Results of</b> <i>Operations</i></td></tr></table>",
			"Item 2.02\tResults of Operations\n"},
		{"signature row", "<table><tr><td>/s/ John Doe</td><td></td><td>Chief Executive Officer</td><td>March 1, 2024</td></tr></table>",
			"/s/ John Doe\tChief Executive Officer\tMarch 1, 2024\n"},
		{"cells side by side", "<table><tr><td><p>Delaware</p><p>(State of incorporation)</p></td><td><p>001-1234</p><p>(File Number)</p></td></tr></table>",
			"Delaware\t001-1234\n(State of incorporation)\t(File Number)\n"},
		{"wrapped cell joined", "<table><tr><td>99.1</td><td><p>Press Release issued by Acme</p><p>dated October 1, 2003</p></td></tr></table>",
			"99.1\tPress Release issued by Acme dated October 1, 2003\n"},
		{"signature cell kept", "<table><tr><td>Date: March 1, 2024</td><td>ACME INC.<br>By: /s/ John Doe<br>Name: John Doe<br>Title: CEO</td></tr></table>",
			"Date: March 1, 2024\tACME INC.\nBy: /s/ John Doe\nName: John Doe\nTitle: CEO\n"},
		{"layout cell", "<table><tr><td>&nbsp;</td><td><p>Para one.</p><p>Para two.</p></td></tr></table>",
			"Para one.\nPara two.\n"},
		{"wingdings boxes", "<table><tr><td><font face=\"Wingdings\">&#254;</font></td><td>Written communications</td></tr><tr><td><span style=\"font-family: Wingdings\"><span>o</span></span></td><td>Soliciting material</td></tr></table><p>o not mapped</p>",
			"☒\tWritten communications\n☐\tSoliciting material\n\no not mapped\n"},
		{"currency cells", "<table><tr><td>Revenue</td><td>$</td><td>1,234</td><td>(5</td><td>)</td></tr></table>",
			"Revenue\t$1,234\t(5)\n"},
		{"inline no break", "<div><span>Exact</span> <font>name</font><a href=x> of</a> registrant</div>",
			"Exact name of registrant\n"},
		{"lists", "<p>Votes:</p><ol><li>Election of directors</li><li>Ratification</li></ol><ul><li>one<li>two</ul><ol start=\"3\"><li>three</ol>",
			"Votes:\n\n1. Election of directors\n2. Ratification\n\n• one\n• two\n\n3. three\n"},
		{"inline gaps", "<div><font style=\"padding-right:48px\">(d)</font><font>Exhibits</font></div><div><span>(a)</span><span style=\"padding-left:7pt\">Financial</span><span style=\"padding-left:0pt\">s</span></div>",
			"(d) Exhibits\n(a) Financials\n"},
		{"box glued", "<p><span>&#9744;</span><span>Written communications</span> &#9746;</p>", "☐ Written communications ☒\n"},
		{"br", "<p>A<br>B<br/>C</p>", "A\nB\nC\n"},
		{"hidden", "<div style=\"display: none\"><ix:header>dei stuff</ix:header></div><div>Shown</div><script>var x=1;</script>",
			"Shown\n"},
		{"hidden p left open", "<div><p>Shown</p><p style=\"display: none\">1\n</div><p>Item 2.02 Results</p>", "Shown\n\nItem 2.02 Results\n"},
		{"hidden p then p", "<p style=\"display:none\">x<p>y</p>", "y\n"},
		{"hidden table in table", "<table><tr><td>a</td><td><table style=\"display:none\"><tr><td>h</td></tr></table>b</td></tr></table>", "a\tb\n"},
		{"ix header alone", "<body><ix:header><ix:hidden>0000320193</ix:hidden></ix:header><p>Body</p></body>", "Body\n"},
		{"pre", "<pre>\nLine one\n\n\n\n    indented   text\n</pre><p>after</p>", "Line one\n\n    indented   text\n\nafter\n"},
		{"pre tabs", "<pre>a\tb\n12345678\tc</pre>", "a       b\n12345678        c\n"},
		{"blank collapse", "<p>a</p><p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p><p>b</p>", "a\n\nb\n"},
		{"nbsp div blank", "<div>a</div><div>&#160;</div><div>b</div><div>c</div>", "a\n\nb\nc\n"},
		{"page break", "<div>page 1</div><div style=\"page-break-after:always\"></div><div>page 2</div>", "page 1\n\npage 2\n"},
		{"nested table", "<table><tr><td><table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table></td></tr></table>",
			"A\tB\nC\tD\n"},
		{"unclosed head", "<html><head><title>X</title><body><p>text</p>", "text\n"},
		{"entities", "<p>AT&amp;T &#8220;Q&#8221; &mdash; &lt;x&gt; &#150;</p>", "AT&T “Q” — <x> –\n"},
		{"unicode spaces", "<p>a\u2003b\u200bc\u00ad d</p>", "a bc d\n"},
		{"meta charset", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"></head><body><p>\xb9koda</p></body></html>", "škoda\n"},
		{"latin1 html", "<p>Caf\xe9 \x93x\x94</p>", "Café “x”\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLToText([]byte(tt.in)); got != tt.want {
				t.Errorf("HTMLToText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// primaryHTML lists the HTML documents of the primary corpus.
func primaryHTML(t testing.TB) map[string][]byte {
	t.Helper()
	dir := filepath.Join(corpus.Dir(t), "corpus", "primary")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	docs := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		if IsHTML(b) {
			docs[e.Name()] = b
		}
	}
	return docs
}

var (
	reExactName = regexp.MustCompile(`(?i)\(\s*exact name of (the )?registrant as specified in (its|their) charters?\s*\)`)
	reBadSpace  = regexp.MustCompile(`  |[\x{00a0}\x{2000}-\x{200b}\x{feff}]| \t|\t |\n\n\n`)
)

func TestHTMLToTextCorpus(t *testing.T) {
	docs := primaryHTML(t)
	if len(docs) < 20 {
		t.Fatalf("only %d HTML documents found in the corpus", len(docs))
	}
	named := 0
	for name, b := range docs {
		out := HTMLToText(b)
		if !utf8.ValidString(out) {
			t.Errorf("%s: invalid UTF-8", name)
		}
		if strings.ContainsAny(out, "\x00\r") {
			t.Errorf("%s: control characters left", name)
		}
		if len(out) < 200 {
			t.Errorf("%s: only %d bytes of text", name, len(out))
		}
		inPre := bytes.Contains(bytes.ToLower(b), []byte("<pre")) || plainTextInHTML(Decode(b), strings.Count(Decode(b), "\n"))
		if loc := reBadSpace.FindStringIndex(out); loc != nil && !inPre {
			t.Errorf("%s: whitespace not normalized near %q", name, out[max(0, loc[0]-40):min(len(out), loc[1]+40)])
		}
		if strings.Contains(out, "<div") || strings.Contains(out, "&nbsp;") || strings.Contains(out, "&#160;") {
			t.Errorf("%s: markup left in the text", name)
		}
		if reExactName.MatchString(out) {
			named++
		}
	}
	t.Logf("%d HTML documents, %d with an 'Exact name of registrant' line", len(docs), named)
}

func TestHTMLToTextPlainTextWrapped(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("<html><body><div>\n                                   FORM 20-F\n")
	sb.WriteString("                              ACME HOLDINGS N.V.\n")
	sb.WriteString("            (Exact name of Registrant as specified in its charter)\n")
	sb.WriteString("<TABLE>\n<CAPTION>\n<S>                                   <C>\n")
	for i := 0; i < 60; i++ {
		sb.WriteString("Premium income                        20,771      14,980\n")
	}
	sb.WriteString("</TABLE>\n</div></body></html>\n")
	out := HTMLToText([]byte(sb.String()))
	for _, want := range []string{
		"                                   FORM 20-F\n",
		"\n            (Exact name of Registrant as specified in its charter)\n",
		"\nPremium income                        20,771      14,980\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plain text wrapped in HTML lost its layout: lacks %q in\n%s", want, out[:min(len(out), 600)])
		}
	}
}

func TestHTMLToTextCoverLines(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "corpus", "primary")
	b, err := os.ReadFile(filepath.Join(dir, "8k_2019_0001193125-19-100400.htm"))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	out := HTMLToText(b)
	for _, want := range []string{
		"\nNUANCE COMMUNICATIONS, INC.\n\n(Exact name of registrant as specified in its charter)\n",
		"\nDelaware\t00-27038\t94-3156479\n",
		"\nItem 5.02.\tDeparture of Directors",
		"\nBy:\t/s/ Wendy Cassity\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(out, "Form 8-K\n") && strings.Index(out, "Form 8-K\n") < 10 {
		t.Errorf("<title> leaked into the text")
	}
}

func FuzzHTMLToText(f *testing.F) {
	f.Add([]byte("<html><body><table><tr><td>a</td><td>b</td></tr></table><pre>x\ny</pre></body></html>"))
	f.Add([]byte("<div style='display:none'><div>x</div>"))
	f.Add([]byte("<td><table><td>\x93\x00\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out := HTMLToText(b)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output")
		}
		if strings.Contains(out, "\n\n\n") {
			t.Fatalf("three newlines in %q", out)
		}
		d := Decode(b)
		if !utf8.ValidString(d) || strings.ContainsAny(d, "\x00\r") {
			t.Fatalf("Decode left invalid text %q", d)
		}
		_ = IsHTML(b)
	})
}

func BenchmarkHTMLToText(b *testing.B) {
	dir := filepath.Join(corpus.Dir(b), "corpus", "primary")
	data, err := os.ReadFile(filepath.Join(dir, "amzn-10-k-2025-02-07.html"))
	if err != nil {
		b.Skipf("benchmark file absent: %v", err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		_ = HTMLToText(data)
	}
}
