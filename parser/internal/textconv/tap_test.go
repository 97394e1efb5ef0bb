package textconv

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// recorder is a Tap that writes down every token it is shown.
type recorder struct{ events []string }

func (r *recorder) WantAttrs(name []byte) bool { return strings.Contains(string(name), ":") }
func (r *recorder) StartTag(name []byte, attrs []Attr, selfClosing bool) {
	r.events = append(r.events, fmt.Sprintf("<%s %q %v", name, attrs, selfClosing))
}
func (r *recorder) EndTag(name []byte) { r.events = append(r.events, fmt.Sprintf("</%s", name)) }
func (r *recorder) Text(t []byte)      { r.events = append(r.events, fmt.Sprintf("%q", t)) }

// renderDecoded renders b the way HTMLToText did before reading documents
// in place: the tokenizer reads decodeHTML's copy of the document.
func renderDecoded(b []byte, tap Tap) string {
	src := decodeHTML(b)
	c := converter{textMode: plainTextInHTML(src, strings.Count(src, "\n")), tap: tap}
	c.top.out = &c.out
	c.run(html.NewTokenizer(strings.NewReader(src)))
	return c.out.String()
}

// checkInPlace fails when rendering b in place differs from rendering its
// decoded copy, in the text or in the tokens a tap sees.
func checkInPlace(t *testing.T, name string, b []byte) {
	t.Helper()
	var got, want recorder
	text, _ := HTMLToTextTap(b, &got)
	if ref := renderDecoded(b, &want); text != ref {
		t.Fatalf("%s: text read in place differs from the decoded copy's:\n got %q\nwant %q", name, text[:min(len(text), 300)], ref[:min(len(ref), 300)])
	}
	if len(got.events) != len(want.events) {
		t.Fatalf("%s: tap saw %d tokens in place, %d in the decoded copy", name, len(got.events), len(want.events))
	}
	for i := range got.events {
		if got.events[i] != want.events[i] {
			t.Fatalf("%s: token %d: in place %s, decoded %s", name, i, got.events[i], want.events[i])
		}
	}
}

// TestInPlaceMatchesDecoded checks that the tokenizer reading a document
// in place (valid UTF-8, any line ends) gives what it gives for Decode's
// copy: the texts and the token streams are equal.
func TestInPlaceMatchesDecoded(t *testing.T) {
	lines := strings.Repeat("Premium income        20,771\r\n", 60)
	samples := map[string]string{
		"crlf":            "<html>\r\n<body>\r\n<p style=\"margin-left:\r\n3pt\">a\r\nb</p><pre>x\r\n\r\ny\rz</pre></body></html>\r\n",
		"lone cr":         "<div>a\rb</div><ix:nonNumeric name=\"dei:X\r\nY\" contextRef='c\r1'>v\r</ix:nonNumeric>",
		"bom":             "\xEF\xBB\xBF<html><body><p>x</p></body></html>",
		"text mode crlf":  "<html><body>\r\n" + lines + "</body></html>",
		"text mode cr":    "<html><body>\r" + strings.ReplaceAll(lines, "\r\n", "\r") + "</body></html>",
		"control":         "<p>a\x01b\x7fc\u0085d</p>",
		"cp1252":          "<p>\x93quoted\x94\r\n</p>",
		"trailing cr":     "<p>a</p>\r",
		"cr in tag":       "<p\r\nclass=x\rstyle='display:none'>h</p><td\r>c</td>",
		"nul":             "<p>a\x00b</p>",
		"entities and cr": "<p title='a&#13;b'>&#13;\r\n&amp;</p>",
	}
	for name, doc := range samples {
		checkInPlace(t, name, []byte(doc))
	}
	for name, b := range primaryHTML(t) {
		checkInPlace(t, name, b)
	}
}

// FuzzInPlaceMatchesDecoded is TestInPlaceMatchesDecoded on any input.
func FuzzInPlaceMatchesDecoded(f *testing.F) {
	f.Add([]byte("<p>a\r\nb</p>"))
	f.Add([]byte("<ix:x name='a\rb'>\r</ix:x>"))
	f.Add([]byte("\xEF\xBB\xBF<pre>\r\n\rx</pre>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkInPlace(t, "input", b)
	})
}

// allAttrs is a Tap that wants every attribute.
type allAttrs struct{ recorder }

func (allAttrs) WantAttrs([]byte) bool { return true }

// checkTagReader fails when tagReader reads a tag of b otherwise than the
// tokenizer's TagName and TagAttr.
func checkTagReader(t *testing.T, name string, b []byte) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(string(b)))
	zr := html.NewTokenizer(strings.NewReader(string(b)))
	var r tagReader
	for n := 0; ; n++ {
		tt, tr := z.Next(), zr.Next()
		if tt != tr {
			t.Fatalf("%s: token %d: types %v and %v", name, n, tt, tr)
		}
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
			continue
		}
		end := tt == html.EndTagToken
		wantName, wantHas := z.TagName()
		var want []Attr
		if wantHas {
			want = collectAttrs(z, nil)
		}
		gotName, got := r.tag(zr, end, &allAttrs{}, nil)
		gotHas := len(got) > 0
		if string(gotName) != string(wantName) || gotHas != wantHas || fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Fatalf("%s: tag %q: read %q %v %q, tokenizer %q %v %q", name, zr.Raw(), gotName, gotHas, got, wantName, wantHas, want)
		}
	}
}

// TestTagReaderMatchesTokenizer checks tagReader against the tokenizer on
// the corpus and on odd tags.
func TestTagReaderMatchesTokenizer(t *testing.T) {
	odd := `<P ALIGN=center Align="x" STYLE='a:b'><td =x a= b c=>d e="f>g" /h i/j=k>` +
		`<br/><br / ><img src=a/ ><x a b='' c=""/></P x=1><div	style="x"	 class=q>` +
		`<p a=1 a=2 A=3><span st&#121;le="x">e</span><b c="a&amp;b">x</b><i d="x` + "\r\n" + `y">` +
		`<script type=x>if (a<b) {}</script ><style>p{}</style><title>t</title><textarea a=b>x</textarea>`
	checkTagReader(t, "odd", []byte(odd))
	for name, b := range primaryHTML(t) {
		checkTagReader(t, name, b)
	}
}

// FuzzTagReader is TestTagReaderMatchesTokenizer on any input.
func FuzzTagReader(f *testing.F) {
	f.Add([]byte(`<a b=c d='e' f="g" =h i/ j>`))
	f.Add([]byte(`<P STYLE=x></P a=b><br/>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkTagReader(t, "input", b)
	})
}
