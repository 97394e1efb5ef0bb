// Title matching: normalized words, similarity, and where a printed title
// ends on a heading line.

package items

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are ignored when comparing titles.
var stopWords = map[string]bool{
	"of": true, "and": true, "or": true, "the": true, "a": true, "an": true, "to": true,
	"in": true, "on": true, "under": true, "with": true, "for": true, "s": true,
}

// words returns the normalized content words of a title. The words of
// the known titles (item tables, legacy titles, aliases) are computed
// once (knownWords); callers only read the slice.
func words(s string) []string {
	if w, ok := knownWords[s]; ok {
		return w
	}
	return splitWords(s)
}

// knownWords holds the words of every title of the item tables.
var knownWords = func() map[string][]string {
	m := map[string][]string{}
	add := func(t string) { m[t] = slices.Clip(splitWords(t)) } // an append copies
	for _, tbl := range [][]entry{eightK, tenK, tenKSB, tenQ, tenQSB, twentyF} {
		for _, e := range tbl {
			add(e.Title)
		}
	}
	for _, l := range legacy8K {
		add(l.Title)
	}
	for _, a := range headerAliases {
		add(a.Title)
	}
	for _, hs := range historicTitles {
		for _, h := range hs {
			add(h.Title)
		}
	}
	for _, as := range altTitles {
		for _, a := range as {
			add(a)
		}
	}
	return m
}()

// splitWords computes words.
func splitWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := f[:0]
	for _, w := range f {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// similarity is the Jaccard index of the content words of two titles
// (as sets: a repeated word counts once). Titles have few words, so the
// sets are compared pairwise, without building them.
func similarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both, union := 0, 0
	for i, w := range a {
		if slices.Contains(a[:i], w) {
			continue
		}
		union++
		if slices.Contains(b, w) {
			both++
		}
	}
	for i, w := range b {
		if !slices.Contains(b[:i], w) && !slices.Contains(a, w) {
			union++
		}
	}
	return float64(both) / float64(union)
}

// minSimilarity is the least similarity for a fuzzy title match.
const minSimilarity = 0.5

// matchTitle8K maps an 8-K item title (modern, legacy or a known variant)
// to a modern code; "" when nothing is close enough.
func matchTitle8K(title string) string {
	w := words(title)
	if len(w) == 0 {
		return ""
	}
	best, bestScore := "", 0.0
	try := func(code, t string) bool {
		tw := words(t)
		if slices.Equal(tw, w) { // the same words (none is empty or holds a space)
			best, bestScore = code, 2
			return true
		}
		if s := similarity(w, tw); s > bestScore {
			best, bestScore = code, s
		}
		return false
	}
	for _, e := range eightK {
		if try(e.Number, e.Title) {
			return best
		}
	}
	for _, l := range legacy8K {
		if try(l.Code, l.Title) {
			return best
		}
	}
	for _, a := range headerAliases {
		if try(a.Code, a.Title) {
			return best
		}
	}
	if bestScore >= minSimilarity {
		return best
	}
	return ""
}

// maxTitleLines is how many lines a printed title may wrap onto.
const maxTitleLines = 2

// wrappedTitle returns how many bytes of rest (the text after a heading
// line) continue the heading's title: a title wrapped onto the next lines
// ("ITEM 5.02 DEPARTURE OF DIRECTORS OR PRINCIPAL OFFICER; ELECTION OF" /
// "DIRECTORS; ..."), rule lines included. 0 when the title is complete.
func wrappedTitle(rest, title string, titles []string) int {
	if n := wrappedKnownTitle(rest, title, titles); n > 0 {
		return n
	}
	return wrappedOpenTitle(rest, title)
}

// wrappedKnownTitle is wrappedTitle for a title that is one of titles,
// printed on the heading line and the lines below it, or only below it
// ("ITEM 1A" / "RISK FACTORS").
func wrappedKnownTitle(rest, title string, titles []string) int {
	for _, t := range titles {
		want := words(t)
		if len(want) == 0 || titleEnd(title, want) >= 0 || !titlePrefix(title, want) {
			continue
		}
		combined, off := title, 0
		for n := 0; n < maxTitleLines+2 && off < len(rest); {
			line, _, found := strings.Cut(rest[off:], "\n")
			adv := len(line)
			if found {
				adv++
			}
			if strings.TrimSpace(line) == "" || ruleLine(line) {
				off += adv
				continue
			}
			n++
			if n > maxTitleLines {
				break
			}
			base := len(combined) + 1
			combined += " " + line
			if e := titleEnd(combined, want); e >= 0 {
				if e < base || hasLetters(combined[e:]) {
					break
				}
				off += adv
				// Skip an underline below the wrapped title.
				for off < len(rest) {
					l, _, f := strings.Cut(rest[off:], "\n")
					if !ruleLine(l) || strings.TrimSpace(l) == "" {
						break
					}
					off += len(l)
					if f {
						off++
					}
				}
				return off
			}
			off += adv
		}
	}
	return 0
}

// titlePrefix reports whether the words of s are the first words of want
// (stop words aside), with at least one word.
func titlePrefix(s string, want []string) bool {
	got := words(s)
	if len(got) == 0 {
		return !hasLetters(s) // the title is on the next line
	}
	if len(got) >= len(want) {
		return false
	}
	for i, w := range got {
		if !sameWord(w, want[i]) {
			return false
		}
	}
	return true
}

// connectorRe matches a title that stops at a word or mark no title
// ends with ("... Related Member Matters, and"): it goes on below.
var connectorRe = regexp.MustCompile(`(?i)(?:[,;&]|\b(?:and|or|of|the|for|in|on|to|with|under|an?))[\s\x{a0}]*$`)

// maxOpenTitleLine is the longest line that continues an open title.
const maxOpenTitleLine = 100

// wrappedOpenTitle returns how many bytes of rest continue a printed
// title of the filer's own wording that stops at a connector: the next
// non-blank line, when it is short and holds no sentence break. 0 when
// the title is complete.
func wrappedOpenTitle(rest, title string) int {
	if !hasLetters(title) || !endsInConnector(title) {
		return 0
	}
	off := 0
	for off < len(rest) {
		line, _, found := strings.Cut(rest[off:], "\n")
		adv := len(line)
		if found {
			adv++
		}
		t := strings.TrimSpace(line)
		if t == "" {
			off += adv
			continue
		}
		if utf8.RuneCountInString(t) > maxOpenTitleLine || strings.Contains(strings.TrimSuffix(t, "."), ". ") ||
			startsOf(line).mayBe(line, "item") && headingRe.MatchString(line) || startsOf(line).mayBe(line, "part") && partRe.MatchString(line) {
			return 0 // a sentence, or the next heading
		}
		return off + adv
	}
	return 0
}

// sameWord compares lower-case title words, ignoring a plural "s"
// ("officer" and "officers").
func sameWord(a, b string) bool {
	return a == b || strings.TrimSuffix(a, "s") == strings.TrimSuffix(b, "s")
}

// hasLetters reports whether s contains a letter.
func hasLetters(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// minRunInLetters is the least number of letters after a printed title
// for the rest of its line to count as the item's text.
const minRunInLetters = 20

// knownTitles lists the titles a heading of code may be printed with.
func knownTitles(fam string, h heading) []string {
	out := []string{Title(fam, h.code)}
	if fam == fam8K {
		for _, l := range legacy8K {
			if l.Code == h.code {
				out = append(out, l.Title)
			}
		}
		for _, a := range headerAliases {
			if a.Code == h.code {
				out = append(out, a.Title)
			}
		}
		return out
	}
	for _, ht := range historicTitles[fam+"|"+h.code] {
		out = append(out, ht.Title)
	}
	return append(out, altTitles[h.code]...)
}

// runInCut returns where the text starts in the remainder of a heading
// line that begins with one of titles, then a separator (". ", ":", a
// dash or a tab), then at least minRunInLetters letters of text; -1 when
// it does not. The longest matching title decides.
func runInCut(rest string, titles []string) int {
	end := -1
	for _, t := range titles {
		if e := titleEnd(rest, words(t)); e > end {
			end = e
		}
	}
	if end < 0 {
		return -1
	}
	cut, sep := end, false
	for cut < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[cut:])
		if !strings.ContainsRune(" \t\u00a0.:;-–—\"”", r) {
			break
		}
		if r != ' ' && r != '\u00a0' && r != '"' && r != '”' {
			sep = true
		}
		cut += n
	}
	letters := 0
	for _, r := range rest[cut:] {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if !sep || letters < minRunInLetters {
		return -1
	}
	return cut
}

// titleEnd returns the offset after the last word of want when s starts
// with those words (stop words and punctuation aside); -1 otherwise.
func titleEnd(s string, want []string) int {
	if len(want) == 0 {
		return -1
	}
	k := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			j += n2
		}
		switch w := strings.ToLower(s[i:j]); {
		case sameWord(w, want[k]):
			k++
			if k == len(want) {
				return j
			}
		case !stopWords[w]:
			return -1
		}
		i = j
	}
	return -1
}

// minPartSimilarity is the least title similarity that decides an item's
// part against the PART headings.
const minPartSimilarity = 0.34

// partByTitle returns the part whose item num has a title clearly closer
// to the printed title than the other part's item num; "" when the title
// does not decide.
func partByTitle(tbl []entry, num, title string) string {
	w := words(title)
	if len(w) == 0 {
		return ""
	}
	best, bestScore, second := "", 0.0, 0.0
	for _, e := range tbl {
		if e.Number != num {
			continue
		}
		sc := similarity(w, words(e.Title))
		for _, alt := range altTitles[e.Part+"-"+e.Number] {
			sc = max(sc, similarity(w, words(alt)))
		}
		switch {
		case sc > bestScore:
			best, bestScore, second = e.Part, sc, bestScore
		case sc > second:
			second = sc
		}
	}
	if bestScore >= minPartSimilarity && bestScore > second {
		return best
	}
	return ""
}
