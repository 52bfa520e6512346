package audit

import (
	"os"
	"path/filepath"
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
		{`\b(phone|email)\b`, [][]string{{"phone", "email"}}},
		{`fin (des|du) services`, [][]string{{"services"}, {"fin"}}}, // des|du factor to d(es|u): no word
		{`(closing|final) session`, [][]string{{"session"}, {"closing", "final"}}},
		{`a?b`, nil},
		{`(x|yy)`, nil},
	} {
		require.Equal(t, row.want, requiredWords(row.pattern), row.pattern)
	}
}

// Gating never hides a match: on every sentence of the sample notes, the
// hand-written corpus and the devset, each pattern that matches passes its
// word test.
func TestGatingNeverHidesAMatch(t *testing.T) {
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
	checked := 0
	for _, set := range []map[string]*concept{DefaultVocab.concepts, DefaultVocab.cues} {
		for name, c := range set {
			for i, re := range c.re {
				for _, s := range sentences {
					if re.MatchString(s) {
						checked++
						require.True(t, passes(s, c.words[i]), "%s: %s matches %q but its words %v are missing", name, re, s, c.words[i])
					}
				}
			}
		}
	}
	require.Greater(t, checked, 1000)
}
