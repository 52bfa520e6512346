package audit

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/noteaudit/noteaudit/parser"
	"github.com/stretchr/testify/require"
)

func TestRequiredWords(t *testing.T) {
	for _, row := range []struct {
		pattern string
		want    [][]string
	}{
		// `\b` in a want marks a side of the word that must be a word boundary.
		{`\bterminat`, [][]string{{`\bterminat`}}},
		{`\b(phone|email)\b`, [][]string{{`\bemail\b`, `\bphone\b`}}},
		{`fin (des|du) services`, [][]string{{`\bservices`}, {`fin\b`}}}, // "du" is too short to gate on, so {des, du} is no set
		{`\b(sms|text)\b`, [][]string{{`\bsms\b`, `\btext\b`}}},
		{`(the session|our meeting)`, [][]string{{`\bmeeting`, `\bsession`}}}, // not {the, our}: words in almost every text
		{`the (end|close)`, [][]string{{`\bclose`, `\bend`}}},
		{`(closing|final) session`, [][]string{{`\bsession`}, {`closing\b`, `final\b`}}},
		{`\b(voicemail|voice mail|vmail)\b`, [][]string{{`\bvmail\b`, `\bvoice\b`, `\bvoicemail\b`}, {`\bmail\b`, `\bvmail\b`, `\bvoicemail\b`}}}, // parsed as v(oice…|mail): the prefix is put back
		// A short word gates only as a whole word that is rare inside
		// others ("vm"), never where it may be part of one, nor when
		// common ("no" is in "not", "note", "know").
		{`\b(vm|voicemail)\b`, [][]string{{`\bvm\b`, `\bvoicemail\b`}}},
		{`(vm|voicemail)`, nil},
		{`\b(no|voicemail)\b`, nil},
		{`foo.*bar`, [][]string{{"foo"}, {"bar"}}},
		{`^next steps?\s*:`, [][]string{{`\bnext\b`}, {`\bstep`, `\bsteps`}}},
		{`l'avance`, [][]string{{"l'avance"}}},
		{`(derniere|ultime) (seance|rencontre)`, [][]string{{`\brencontre`, `\bseance`}, {`derniere\b`, `ultime\b`}}},
		{`a?b`, nil},
		{`(x|yy)`, nil},
		{`(?i)case`, nil},
	} {
		var want [][]string
		for _, set := range row.want {
			var keys []string
			for _, w := range set {
				keys = append(keys, strings.ReplaceAll(w, `\b`, edge))
			}
			want = append(want, keys)
		}
		require.Equal(t, want, requiredWords(row.pattern), row.pattern)
	}
}

// Gating never hides a match: on every sentence of the sample notes, the
// hand-written corpus and the devset, each pattern that matches passes its
// word test.
func TestGatingNeverHidesAMatch(t *testing.T) {
	sentences := corpusSentences(t)
	checked := 0
	for _, set := range []map[string]*concept{DefaultVocab.concepts, DefaultVocab.cues} {
		for name, c := range set {
			for i, re := range c.re {
				for _, s := range sentences {
					if re.MatchString(s) {
						checked++
						require.True(t, c.gates[i].passes(DefaultVocab.words(s)), "%s: %s matches %q but its words %v are missing", name, re, s, requiredWords(re.String()))
					}
				}
			}
		}
	}
	require.Greater(t, checked, 1000)
}

// corpusSentences: every sentence, folded, of the sample notes, the
// hand-written corpus and the devset.
func corpusSentences(t *testing.T) []string {
	var folded []string
	for _, s := range rawCorpusSentences(t) {
		folded = append(folded, Fold(s))
	}
	return folded
}

// rawCorpusSentences: the same sentences as written.
func rawCorpusSentences(t *testing.T) []string {
	var sentences []string
	for _, root := range []string{"testdata/corpus", "../sample-notes", "../../shared/devset/corpus"} {
		_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			src, _ := os.ReadFile(p)
			for _, s := range parser.Parse(p, src).Sentences {
				sentences = append(sentences, s.Text)
			}
			return nil
		})
	}
	require.Greater(t, len(sentences), 500)
	return sentences
}

// The automaton finds exactly the words a search for each finds, however
// they overlap ("no" in "non", "end" in "ending"), minding word boundaries
// ("ending" at the start of a word, not in "attending"), with and without
// the note cache.
func TestWordIndexFindsEveryWord(t *testing.T) {
	x := DefaultVocab.index
	require.Greater(t, len(x.ids), 500)
	texts := append(corpusSentences(t), wordIndexSeeds...)
	cached := DefaultVocab.forNote()
	for _, s := range texts {
		sameWords(t, x, s, DefaultVocab.words(s))
		sameWords(t, x, s, cached.words(s))
		sameEndWords(t, x, s, DefaultVocab.endWords(s))
	}
}

// Word sets cut from a scratch are the sets a plain scan makes, and one
// given out is never overwritten before the scratch is reset, however many
// follow it (the storage grows several times over a batch this long).
func TestScratchSets(t *testing.T) {
	x := DefaultVocab.index
	texts := append(corpusSentences(t), wordIndexSeeds...)
	scratch := NewScratch()
	v := DefaultVocab.WithScratch(scratch)
	for round := 0; round < 2; round++ {
		scratch.Reset()
		var given []wordSet
		for _, s := range texts {
			given = append(given, v.words(s), v.endWords(s))
		}
		for i, s := range texts {
			sameWords(t, x, s, given[2*i])
			sameEndWords(t, x, s, given[2*i+1])
		}
	}
	require.Same(t, v, v.forNote(), "a vocabulary with a scratch is already one goroutine's")
}

// The narrowed automaton finds the words of termination's gates, as the
// whole index does, and no other.
func sameEndWords(t *testing.T, x *wordIndex, s string, set wordSet) {
	t.Helper()
	narrowed := map[int]bool{}
	for _, vs := range x.ends.variants {
		for _, v := range vs {
			narrowed[v.id] = true
		}
	}
	for _, name := range terminationConcepts {
		c := DefaultVocab.concept(name)
		for _, g := range append(append([]gate{}, c.gates...), c.looseGates...) {
			for _, ids := range g.sets {
				for _, id := range ids {
					require.True(t, narrowed[id], "%s needs word %q", name, x.words[id])
				}
			}
		}
	}
	require.Less(t, len(narrowed), len(x.ids)/2, "narrowed to few words")
	require.Equal(t, len(narrowed), x.endsSize, "the narrowed words have the lowest ids")
	require.LessOrEqual(t, len(set), (x.endsSize+63)/64, "a narrowed set is short")
	for key, id := range x.ids {
		want := narrowed[id] && holdsWord(s, key)
		if set.has(id) != want {
			t.Fatalf("%q in %q: the narrowed index says %v", key, s, set.has(id))
		}
	}
}

var wordIndexSeeds = []string{"", "non-engagement ending", "attending; voicemails voicemail", "ÉTÉ", "no_show", "no-show",
	"d'accord, wrap-up", "\x00ending\x00", "end\x00ing", "\x01on\x01", "rendez-vous-", "-up", "session on"}

// FuzzWordIndex: the automaton finds in any text exactly the words the
// plain definition finds.
func FuzzWordIndex(f *testing.F) {
	for _, s := range wordIndexSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameWords(t, DefaultVocab.index, s, DefaultVocab.words(s))
		sameEndWords(t, DefaultVocab.index, s, DefaultVocab.endWords(s))
	})
}

func sameWords(t *testing.T, x *wordIndex, s string, set wordSet) {
	t.Helper()
	for key, id := range x.ids {
		if holdsWord(s, key) != set.has(id) {
			t.Fatalf("%q in %q: the index says %v", key, s, set.has(id))
		}
	}
}

// holdsWord is the plain definition of a word key: the word somewhere in
// text, with a non-word character (or an end of the text) on each marked side.
func holdsWord(text, key string) bool {
	w := wordOf(key)
	for i := 0; i+len(w) <= len(text); i++ {
		if text[i:i+len(w)] != w {
			continue
		}
		leftOK := !strings.HasPrefix(key, edge) || i == 0 || !isWordByte(text[i-1])
		rightOK := !strings.HasSuffix(key, edge) || i+len(w) == len(text) || !isWordByte(text[i+len(w)])
		if leftOK && rightOK {
			return true
		}
	}
	return false
}

// A set the note cache returned stays as it was while later texts evict it.
func TestWordCacheNeverChangesAHeldSet(t *testing.T) {
	v := DefaultVocab.forNote()
	held := v.words("the file was closed today")
	want := append(wordSet(nil), held...)
	for i := 0; i < 20; i++ {
		v.words(fmt.Sprintf("session %d: voicemail, no answer; court order; %d", i, i))
	}
	require.Equal(t, want, held)
}

func TestUndotTitles(t *testing.T) {
	for _, row := range []struct{ in, want string }{
		{"seen by dr. lee and mme. roy", "seen by dr lee and mme roy"},
		{"dossier n°. 12 and no. 4", "dossier n° 12 and no 4"},
		{"n°. 3", "n° 3"},
		{"the end. next", "the end. next"},
		{"x_dr. y", "x_dr. y"},
		{"dr.lee", "dr.lee"},
		{"", ""},
		{"mlle. a, xmlle. b, amme. c", "mlle a, xmlle. b, amme. c"},
		{". . dr. . m. ", ". . dr . m "},
	} {
		require.Equal(t, row.want, undotTitles(row.in), row.in)
	}
}

// FuzzUndotTitles holds undotTitles to its plain form: each ". " after a
// title word loses its period.
func FuzzUndotTitles(f *testing.F) {
	for _, s := range []string{"seen by dr. lee and mme. roy", "dossier n°. 12 and no. 4", "n°. 3", "xn°. 3", "the end. next", "mlle. a xmlle. b", ". . m. "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		last := 0
		for i := 0; i+1 < len(s); i++ {
			if s[i] != '.' || s[i+1] != ' ' {
				continue
			}
			j := i
			for j > 0 && isWordByte(s[j-1]) {
				j--
			}
			if j == i && strings.HasSuffix(s[:i], "n°") && (i == 3 || !isWordByte(s[i-4])) {
				j = i - 3
			}
			if titles[s[j:i]] {
				b.WriteString(s[last:i])
				last = i + 1
			}
		}
		b.WriteString(s[last:])
		if got := undotTitles(s); got != b.String() {
			t.Fatalf("%q: got %q, want %q", s, got, b.String())
		}
	})
}

// Fold agrees with its plain definition: lower case (unicode.ToLower),
// then each rune without its accent; so does fold on bytes.
func TestFoldMatchesDefinition(t *testing.T) {
	for _, s := range append(corpusSentences(t), foldSeeds...) {
		sameFold(t, s)
	}
}

var foldSeeds = []string{"", "ÉTÉ À L’ÉCOLE", "Œuvre ÇA", "İstanbul", "bad \xff\xfe utf8", "déjà vu", "plain ascii", "MIXED Case", "aB\xc3", "\u212a"}

func FuzzFold(f *testing.F) {
	for _, s := range foldSeeds {
		f.Add(s)
	}
	f.Fuzz(sameFold)
}

func sameFold(t *testing.T, s string) {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		parser.WriteFolded(&b, r)
	}
	require.Equal(t, b.String(), Fold(s), "%q", s)
	body := []byte(s)
	require.Equal(t, b.String(), foldBytes(body), "%q as bytes", s)
	if len(body) > 0 {
		folded := foldBytes(body)
		body[0] ^= 0x20
		require.Equal(t, b.String(), folded, "%q: the folded text shares the body's memory", s)
	}
}

func TestLoosen(t *testing.T) {
	for _, row := range []struct{ in, want string }{
		{`^(reason|ground)s?$`, `(?:)(reason|ground)s?(?:)`},
		{`^[^.;:]{0,30}[:?=—-]?\s*(no|none)\b`, `(?:)[^.;:]{0,30}[:?=—-]?\s*(no|none)\b`},
		{`a\^b\$c[$^]`, `a\^b\$c[$^]`},
		{`[]^]x$`, `[]^]x(?:)`},
		{`[^]$]x`, `[^]$]x`},
		{`\bplain\b`, `\bplain\b`},
	} {
		require.Equal(t, row.want, loosen(regexp.MustCompile(row.in)).String(), row.in)
	}
}

// The record-details prefilters never hide a match.
func TestRecordPrefilters(t *testing.T) {
	texts := append(rawCorpusSentences(t), "Jane Doe, RSW", "Marie Roy, t.s.", "Eve Long, PhD", "File: DV-1121", "Dossier n° 4471")
	for _, cred := range []string{"RSSW", "MSW", "BSW", "SSW", "TS", "TTS", "TSI", "RP", "RCC", "CCC", "T.S.", "R.S.W.", "M.S.W.", "MSW, RSW"} {
		texts = append(texts, "Signed: Ann-Marie O'Neil, "+cred)
	}
	for _, s := range texts {
		require.Equal(t, authorRe.FindString(s), authorIn(s), "%q", s)
		require.Equal(t, caseIDRe.FindStringSubmatch(s), caseIDIn(s), "%q", s)
	}
	addresses := append(texts, "12 Main Street", "45, rue Principale", "1200 avenue des Pins", "3\tBay St", "Office: 99  Queen St W")
	found := 0
	for _, s := range addresses {
		if addressRe.MatchString(s) {
			found++
			require.True(t, numberThenName(s), "%q", s)
		}
	}
	require.GreaterOrEqual(t, found, 5)
	require.False(t, numberThenName("Session 3 with the client about sleep."))
}

// FuzzPlainVariants: where no emphasis mark stands inside a run of text
// (marksMayJoin is false), dropping the marks and spacing them give the
// same plain text, so whether the parse keeps a mark as a character does
// not change the words MayTerminate reads. Where one does, the note is
// parsed (TestTriageClaims, FuzzTriage).
func FuzzPlainVariants(f *testing.F) {
	for _, s := range []string{"**plan:** call", "clos**ing**", "a **b**.", "(*note*)", "x*[y", "a\\*b", "no_show", "**s:**\ntext", "[*x*](u)y", "`a`", "a \u00a0*b*", "00000000000*Clos**ing** file"} {
		f.Add(s)
	}
	spaced := func(folded string) string { return plainWith(folded, spacedStripper) }
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if !marksMayJoin(folded) && plainish(folded) != spaced(folded) {
			t.Fatalf("%q: plainish %q, with marks as spaces %q", folded, plainish(folded), spaced(folded))
		}
	})
}

// cleanHeading drops what the pattern it replaced dropped, on any text.
func FuzzCleanHeading(f *testing.F) {
	for _, s := range []string{"## 2. Reason:", "- **Plan**", "•\tSupport", "(1) a", "\v1. x", "—— Fin", "12) 3.4 Motif", "\xff1. x", "1.\u00a0x", "", " * _"} {
		f.Add(s)
	}
	leading := regexp.MustCompile(`^[\s#*_>\d.)(\-–—•]+`)
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.TrimSpace(leading.ReplaceAllString(Fold(strings.Trim(s, "*_ ")), ""))
		if got := cleanHeading(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	})
}

// A sparse mask meets exactly the sets that share a word with it.
func TestSparseMask(t *testing.T) {
	ids := [][]int{{}, {0}, {63}, {64}, {5, 700, 64, 3}, {1000, 999, 1}}
	for _, m := range ids {
		for _, in := range ids {
			set := make(wordSet, 16)
			for _, id := range in {
				set[id>>6] |= 1 << (id & 63)
			}
			want := false
			for _, a := range m {
				want = want || slices.Contains(in, a)
			}
			require.Equal(t, want, sparseMask(m).meets(set), "mask %v, set %v", m, in)
		}
	}
	require.True(t, wordMask(nil).meets(make(wordSet, 1)), "no mask: every text")
}

// The gate index lists, in order, every pattern whose gate a text passes:
// on random gates and texts, with patterns without words, texts whose set
// is short (ends), and more patterns than one word of bits holds.
func TestGateIndex(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	someIDs := func(n int) []int {
		ids := make([]int, n)
		for k := range ids {
			ids[k] = rnd.IntN(200)
		}
		return ids
	}
	for round := 0; round < 300; round++ {
		gates := make([]gate, 1+rnd.IntN(80))
		for i := range gates {
			for range rnd.IntN(3) { // no sets: a pattern without words
				ids := someIDs(1 + rnd.IntN(4))
				gates[i].sets = append(gates[i].sets, ids)
				gates[i].masks = append(gates[i].masks, sparseMask(ids))
			}
		}
		x := newGateIndex(gates)
		require.Equal(t, len(gates) <= 64, x.ok)
		for range 20 {
			set := make(wordSet, 1+rnd.IntN(4)) // up to id 255: some words beyond a short set
			for _, id := range someIDs(rnd.IntN(12)) {
				if id>>6 < len(set) {
					set[id>>6] |= 1 << (id & 63)
				}
			}
			var listed, want []int
			for ps := x.patterns(set, len(gates)); ; {
				i, ok := ps.next()
				if !ok {
					break
				}
				listed = append(listed, i)
			}
			require.True(t, slices.IsSorted(listed), "in order: %v", listed)
			for i, g := range gates {
				if g.passes(set) {
					want = append(want, i)
				}
			}
			for _, i := range want {
				require.Contains(t, listed, i, "gate %d passes %v but is not listed", i, set)
			}
			if x.ok {
				for _, i := range listed {
					require.True(t, len(gates[i].sets) == 0 || gates[i].masks[0].meets(set), "pattern %d listed, its first words absent", i)
				}
			}
		}
	}
}

// A text's concepts (conceptsIn) hold every concept whose gate index
// lists a pattern for the text: on every sentence of the corpora, and with
// words added that no sentence has together.
func TestConceptsIn(t *testing.T) {
	v := DefaultConfig().Vocab
	x := v.index
	names := v.ConceptNames()
	texts := append(corpusSentences(t), "", "closing session held by phone", "séance de fin tenue", "[ ] none")
	rnd := rand.New(rand.NewPCG(3, 4))
	for i, text := range texts {
		set := x.scan(Fold(text), nil)
		if i%3 == 0 { // and some words of other texts
			for range 5 {
				id := rnd.IntN(len(x.ids))
				set[id>>6] |= 1 << (id & 63)
			}
		}
		in := x.conceptsIn(set, nil)
		for _, name := range names {
			c := v.concepts[name]
			ps := c.index.patterns(set, len(c.re))
			if _, any := ps.next(); any {
				require.NotZero(t, in[c.id>>6]&(1<<(c.id&63)), "%q: %s may match but is not among its concepts", text, name)
			}
		}
	}
}

var plainSeeds = []string{"", " ", "a", "plain text, already.", "two  spaces", "line\nbreak", " lead", "trail ", "trail\n",
	"**plan:** call dr. lee", "a|b", "|a|", "a | b", "x # y", "<b>x</b>", "no_show", "a\\*b", "caf\u00e9\u00a0au lait", "\u00a0\u2003x\u3000",
	"n°. 12 and m. roy", "see [the site](http://x.org) now", "\xc2*\xa0x", "\xff\xfe", "| |", "a\t|\n\nb", "é*", "[x] [ ] y",
	"hard\\\nbreak", "end\\", "a\\\r\nb", "a\\\\\nb", "\\\n", "x \\ y"}

// plainish, in one pass where it can, gives what plainWith does with
// plainStripper.
func TestPlainOf(t *testing.T) {
	for _, s := range plainSeeds {
		require.Equal(t, plainWith(s, plainStripper), plainish(s), "%q", s)
	}
	require.Equal(t, "a | b", plainOf("a|b"))
	require.Equal(t, "plan: call dr lee", plainOf("**plan:** call dr. lee"))
}

func FuzzPlainOf(f *testing.F) {
	for _, s := range plainSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want := plainWith(s, plainStripper); plainish(s) != want {
			t.Fatalf("%q: got %q, want %q", s, plainish(s), want)
		}
	})
}

// The words MayMatter tests a note's concepts against first hold those of
// every paragraph's texts, the glued ones too: "0terminated" holds
// "\bterminat…" only from where the number ends.
func TestAllWordsHoldsGluedWords(t *testing.T) {
	x := DefaultVocab.index
	tried := 0
	for key := range x.ids {
		w := wordOf(key)
		if !strings.HasPrefix(key, edge) || strings.HasSuffix(key, edge) || !isWordByte(w[0]) || w[0] >= '0' && w[0] <= '9' {
			continue
		}
		l := DefaultVocab.Look(&Facts{}, []byte("0"+w+"ly"))
		paras := l.paragraphs()
		require.False(t, DefaultVocab.words(paras[0].text.plain).has(x.ids[key]), "%q: the paragraph alone lacks it", key)
		require.True(t, l.allWords(paras).has(x.ids[key]), "%q: from the glued text", key)
		tried++
	}
	require.Greater(t, tried, 10)
}

// A scratch shared by two vocabularies gives each its own concepts: the
// lookups it remembers are per vocabulary.
func TestNamedPerVocabulary(t *testing.T) {
	other, err := NewVocab(map[string]map[string][]string{"support": {"en": {`\bzzz\b`}}})
	require.NoError(t, err)
	s := NewScratch()
	a, b := DefaultVocab.WithScratch(s), other.WithScratch(s)
	for range 2 {
		require.Same(t, DefaultVocab.concepts["support"], a.concept("support"))
		require.Same(t, other.concepts["support"], b.concept("support"))
		require.Same(t, other.cues["negation"], b.cue("negation"))
		require.Same(t, DefaultVocab.cues["negation"], a.cue("negation"))
	}
	require.NotSame(t, DefaultVocab.concepts["support"], other.concepts["support"])
	require.Panics(t, func() { a.concept("no such concept") })
}

var cannotTerminateSeeds = []string{"", "Session 3. We talked about sleep.\n", "# Closing summary\n\nClient withdrew.\n",
	"Clos\\ing the file.\n", "Closing session\\held\n", "Closing\\\nsession held\n", "clos**ing** the file\n", "[closing](x) note\n", "**Termination** of services\n", "## 2Closing note\n",
	"Fin des services.\n", "Closing\n=======\n\ntext\n", "CLOSING NOTE\n", "the final session was held today\n", "term_ination\n"}

// cannotTerminate never rules out a body the paragraph by paragraph test
// would find a termination in.
func FuzzCannotTerminate(f *testing.F) {
	for _, s := range cannotTerminateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if l := DefaultVocab.Look(&Facts{}, []byte(body)); l.cannotTerminate() && l.terminationInParagraphs() {
			t.Fatalf("%q: ruled out, but a paragraph may terminate", body)
		}
	})
}

func TestCannotTerminate(t *testing.T) {
	ruledOut := 0
	for _, s := range append(corpusSentences(t), cannotTerminateSeeds...) {
		l := DefaultVocab.Look(&Facts{}, []byte(s))
		if l.cannotTerminate() {
			require.False(t, l.terminationInParagraphs(), s)
			ruledOut++
		}
	}
	require.Greater(t, ruledOut, 100, "most text holds no termination words")
	require.False(t, DefaultVocab.Look(&Facts{}, []byte("Closing summary\n")).cannotTerminate())
}
