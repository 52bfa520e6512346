package audit

import (
	"regexp/syntax"
	"sort"
	"strings"
)

// requiredWords returns sets of words such that every match of the
// pattern contains at least one word of each set (nil: nothing is known).
// A pattern is only run on text that passes: Go's regexp has no literal
// prefilter, and most sentences miss a concept's words, so this skips most
// regexp work without changing any result.
func requiredWords(pattern string) [][]string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	cnf := required(re.Simplify())
	// Keep the most selective sets: checking more costs more than it saves.
	sort.SliceStable(cnf, func(i, j int) bool { return score(cnf[i]) > score(cnf[j]) })
	if len(cnf) > 3 {
		cnf = cnf[:3]
	}
	return cnf
}

const minWord = 2 // shorter words would gate nothing

// required returns a conjunction of word sets (each set a disjunction).
func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		// A literal may span words; text may hold them across a line break
		// or other spacing, so require each word of it.
		var out [][]string
		for _, w := range strings.Fields(string(re.Rune)) {
			if len(w) >= minWord {
				out = append(out, []string{w})
			}
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var out [][]string
		for _, sub := range re.Sub {
			out = append(out, required(sub)...)
		}
		return out
	case syntax.OpAlternate:
		// One of the branches matched: the union of each branch's best set.
		var union []string
		for _, sub := range re.Sub {
			cnf := required(sub)
			if len(cnf) == 0 {
				return nil
			}
			best := cnf[0]
			for _, set := range cnf[1:] {
				if score(set) > score(best) {
					best = set
				}
			}
			union = append(union, best...)
		}
		return [][]string{dedupe(union)}
	}
	return nil
}

func dedupe(ws []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func score(set []string) int {
	m := 1 << 30
	for _, w := range set {
		m = min(m, len(w))
	}
	// Fewer alternatives are more selective too.
	return m*8 - min(len(set), 7)
}

// passes reports whether text holds a word of every set.
func passes(text string, cnf [][]string) bool {
	for _, set := range cnf {
		if !containsAny(text, set) {
			return false
		}
	}
	return true
}

func containsAny(text string, words []string) bool {
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
