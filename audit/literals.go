package audit

import (
	"regexp/syntax"
	"strings"
)

// requiredWords returns words of which every match of the pattern contains
// at least one, or nil when no such set is known. A pattern is only run on
// text that holds one of its words: Go's regexp has no literal prefilter,
// and most sentences contain none of a concept's words, so this skips most
// regexp work without changing any result.
func requiredWords(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	set := required(re.Simplify())
	if set == nil {
		return nil
	}
	out := make([]string, 0, len(set))
	seen := map[string]bool{}
	for _, w := range set {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

const minWord = 2 // shorter words would gate nothing

func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		// A literal may span words; text may hold them across a line break
		// or other spacing, so keep its longest single word.
		best := ""
		for _, w := range strings.Fields(string(re.Rune)) {
			if len(w) > len(best) {
				best = w
			}
		}
		if len(best) < minWord {
			return nil
		}
		return []string{best}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		// Each factor must appear: keep the factor whose words are the
		// most selective (the longest shortest word).
		var best []string
		bestScore := 0
		for _, sub := range re.Sub {
			if set := required(sub); set != nil {
				if s := score(set); s > bestScore {
					best, bestScore = set, s
				}
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set := required(sub)
			if set == nil {
				return nil
			}
			all = append(all, set...)
		}
		return all
	}
	return nil
}

func score(set []string) int {
	m := 1 << 30
	for _, w := range set {
		m = min(m, len(w))
	}
	// Fewer alternatives are more selective too.
	return m*8 - min(len(set), 7)
}

func containsAny(text string, words []string) bool {
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
