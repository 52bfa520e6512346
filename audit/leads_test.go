package audit

import (
	"regexp"
	"regexp/syntax"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPrefixes(t *testing.T) {
	for _, row := range []struct {
		pattern string
		want    []string // nil: the pattern keeps regexp's own search
	}{
		{`\b(called|phoned) (her|him)`, []string{"called", "phoned"}},
		{`\b(cas|children'?s aid)\b`, []string{"cas", "children"}},
		{`(closing|final) (session|meeting)`, []string{"closing", "final"}},
		{`\bno[- ]shows?\b`, []string{"no show", "no-show"}},
		{`\b(de|du) (fin|cloture)`, []string{"de cloture", "de fin", "du cloture", "du fin"}},
		{`\b(a )?b`, nil},         // "b" alone is one byte
		{`^closing session`, nil}, // anchored already
		{`\b(\d+|two) no-shows`, nil},
		{`\bx\w*yz`, nil},
		{`(?i)closing`, nil},
		{`[;:,]|\b(but|then)\b`, []string{",", ":", ";", "but", "then"}}, // punctuation is rare enough
		{`[;:,a]|\bbut\b`, nil},                // a letter is not
		{`\b(final )?(session|meeting)?`, nil}, // may match empty
	} {
		p := newPattern(regexp.MustCompile(row.pattern))
		p.prepare()
		require.Equal(t, row.want, p.leads, row.pattern)
	}
}

// On every sentence of the sample notes, the hand-written corpus and the
// devset, and on texts made to test the edges, every pattern of the
// vocabulary finds with its leads exactly what regexp finds.
func TestLeadsFindWhatRegexpFinds(t *testing.T) {
	var texts []string
	step := 1
	if raceBuild {
		step = 10 // FuzzLeads covers more
	}
	for i, s := range corpusSentences(t) {
		if i%step == 0 {
			texts = append(texts, s)
		}
	}
	texts = append(texts, leadSeeds...)
	n := 0
	for _, p := range allPatterns() {
		if p.prepare(); p.leads != nil {
			n++
		}
		for _, s := range texts {
			samePatternResults(t, p, s)
		}
	}
	require.Greater(t, n, len(allPatterns())*3/4, "most patterns have leads")
}

// FuzzLeads: on any text, a pattern of the vocabulary (chosen by the
// fuzzer) finds with its leads exactly what regexp finds.
func FuzzLeads(f *testing.F) {
	for i, s := range leadSeeds {
		f.Add(uint16(i*97), s)
	}
	patterns := allPatterns()
	f.Fuzz(func(t *testing.T, k uint16, s string) {
		samePatternResults(t, patterns[int(k)%len(patterns)], s)
	})
}

var leadSeeds = []string{
	"called her twice", "xcalled her", "écalled her", "called", "no-shows, 3 no shows", "the cas and the cas",
	"closing session closing session", "final final meeting", "de fin du cloture", "\xffcalled her", "é",
	"a closing session was held; the final meeting took place.", "left voicemail; vm; lvm", "",
	"plan: call her", "p - call", "reasons: moved", "why: x", "closure", "fermeture du dossier",
}

func samePatternResults(t *testing.T, p *pattern, s string) {
	t.Helper()
	require.Equal(t, p.Regexp.MatchString(s), p.MatchString(s), "%s on %q", p, s)
	require.Equal(t, p.Regexp.FindStringIndex(s), p.FindStringIndex(s), "%s on %q", p, s)
	require.Equal(t, p.Regexp.FindAllStringIndex(s, -1), p.FindAllStringIndex(s, -1), "%s on %q", p, s)
}

// allPatterns lists every pattern of the vocabulary, loosened ones too, in
// a fixed order.
func allPatterns() []*pattern {
	var out []*pattern
	seen := map[*pattern]bool{}
	for _, set := range []map[string]*concept{DefaultVocab.concepts, DefaultVocab.cues} {
		for _, name := range sortedKeys(set) {
			for _, p := range append(append([]*pattern{}, set[name].re...), set[name].loose...) {
				if !seen[p] {
					seen[p] = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

func TestStartsWithBoundary(t *testing.T) {
	for _, row := range []struct {
		re   string
		want bool
	}{
		{`\bcalled`, true}, {`\b(called|phoned)\b`, true}, {`(\bcalled|\bphoned)`, true},
		{`(\bcalled|phoned)`, false}, {`called\b`, false}, {`(?:)\bcalled`, true}, {`x?\bcalled`, false},
	} {
		tree, err := syntax.Parse(row.re, syntax.Perl)
		require.NoError(t, err)
		require.Equal(t, row.want, startsWithBoundary(tree.Simplify()), row.re)
	}
}

// A pattern that starts with ^ is tried only on text that starts with one
// of its heads.
func TestHeads(t *testing.T) {
	p := newPattern(regexp.MustCompile(`^(p|plan|next steps?|to do)\s*[:—-]`))
	p.prepare()
	require.Equal(t, []string{"next step", "p", "to do"}, p.heads)
	for _, row := range []struct {
		re    string
		heads []string
	}{
		{`^(?i)plan`, nil}, {`^\s*(if|unless)`, nil}, {`(^a|^b)c`, nil}, {`^closure\b`, []string{"closure"}},
	} {
		q := newPattern(regexp.MustCompile(row.re))
		q.prepare()
		require.Equal(t, row.heads, q.heads, row.re)
	}
}
