package audit

import (
	"fmt"
	"os"
	"path/filepath"
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
		{`\bterminat`, [][]string{{"terminat"}}},
		{`\b(phone|email)\b`, [][]string{{"email", "phone"}}},
		{`fin (des|du) services`, [][]string{{"services"}, {"fin"}, {"des", "du"}}},
		{`(closing|final) session`, [][]string{{"session"}, {"closing", "final"}}},
		{`\b(vm|voicemail|voice mail)\b`, [][]string{{"vm", "voice", "voicemail"}}}, // parsed as v(m|oice…): the prefix is put back
		{`foo.*bar`, [][]string{{"foo"}, {"bar"}}},
		{`next steps?\s*:`, [][]string{{"next"}, {"step", "steps"}}},
		{`a?b`, nil},
		{`(x|yy)`, nil},
		{`(?i)case`, nil},
	} {
		require.Equal(t, row.want, requiredWords(row.pattern), row.pattern)
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
	var sentences []string
	for _, root := range []string{"testdata/corpus", "../sample-notes", "../../shared/devset/corpus"} {
		_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			src, _ := os.ReadFile(p)
			for _, s := range parser.Parse(p, src).Sentences {
				sentences = append(sentences, Fold(s.Text))
			}
			return nil
		})
	}
	require.Greater(t, len(sentences), 500)
	return sentences
}

// The automaton finds exactly the words a substring search finds, however
// they overlap ("no" in "non", "end" in "ending"), with and without the
// note cache.
func TestWordIndexFindsEveryWord(t *testing.T) {
	x := DefaultVocab.index
	require.Greater(t, len(x.ids), 500)
	texts := append(corpusSentences(t), "", "non-engagement ending", "voicemails voicemail", "ÉTÉ")
	cached := DefaultVocab.forNote()
	for _, s := range texts {
		set, again := DefaultVocab.words(s), cached.words(s)
		for w, id := range x.ids {
			require.Equal(t, strings.Contains(s, w), set.has(id), "%q in %q", w, s)
			require.Equal(t, set.has(id), again.has(id), "cache, %q in %q", w, s)
		}
	}
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
