package textconv

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestSkippedAttrsAreIrrelevant checks that a tag whose attributes
// mayHaveRenderingAttr lets onStart skip has no attribute readAttrs uses.
func TestSkippedAttrsAreIrrelevant(t *testing.T) {
	doc := `<html><body STYLE="x"><p align=center class="a">x</p><div Style="display:none">h</div>` +
		`<font FACE="Wingdings">q</font><td width=3 valign="top">c</td><ol START=3><li>a</li></ol>` +
		`<span hidden>h</span><span data-x="style">s</span><img src="a.gif" alt="faces"><p ſtyle="display:none">v</p>` +
		`<span st&#121;le="x">e</span><table border=1 cellpadding="0"><tr><td>x</td></tr></table></body></html>`
	z := html.NewTokenizer(strings.NewReader(doc))
	skipped, read := 0, 0
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		if _, hasAttr := z.TagName(); !hasAttr {
			continue
		}
		var styles styleCache
		if mayHaveRenderingAttr(z.Raw()) {
			read++
			continue
		}
		skipped++
		if f := readAttrs(collectAttrs(z, nil), &styles); f != (attrFlags{}) {
			t.Errorf("tag %q skipped but its attributes give %+v", z.Raw(), f)
		}
	}
	if skipped == 0 || read == 0 {
		t.Errorf("skipped %d tags, read %d: the sample does not exercise both", skipped, read)
	}
}
