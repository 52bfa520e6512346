package audit

import (
	"regexp"
	"regexp/syntax"
	"slices"
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
	in := analyse(re.Simplify())
	cnf := in.cnf
	if in.exact != nil {
		cnf = append(cnf, wordsOf(in.exact)...)
	}
	cnf = pruneImplied(dedupeSets(cnf))
	// Most selective first: a text fails fastest on them.
	sort.SliceStable(cnf, func(i, j int) bool { return score(cnf[i]) > score(cnf[j]) })
	return cnf
}

const (
	// Shorter words ("de", "on", "se") are in almost every text and, as
	// substrings, everywhere: they were most of what the automaton found,
	// and gated almost nothing.
	minWord  = 3
	maxExact = 64 // larger sets of exact strings are not worth tracking
)

// info is what is known of the text a regexp node matches: exact, the
// finite set of strings it can match (nil: not known), and cnf, sets of
// words of which every match holds one each.
type info struct {
	exact []string
	cnf   [][]string
}

// analyse works out, from a syntax tree, what every match must contain.
// Literal prefixes factored out of alternations ("v(m|oicemail)") are put
// back by tracking small sets of exact strings through concatenations.
func analyse(re *syntax.Regexp) info {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return info{}
		}
		return info{exact: []string{string(re.Rune)}}
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary:
		// No word character on one side: a word that starts (or ends)
		// here must start (or end) on a word boundary.
		return info{exact: []string{edge}}
	case syntax.OpEmptyMatch, syntax.OpNoWordBoundary:
		return info{exact: []string{""}}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 || len(out) > 8 {
				return info{}
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return info{exact: out}
	case syntax.OpCapture:
		return analyse(re.Sub[0])
	case syntax.OpQuest:
		sub := analyse(re.Sub[0])
		if sub.exact != nil && len(sub.exact) < maxExact {
			return info{exact: append([]string{""}, sub.exact...)}
		}
		return info{}
	case syntax.OpPlus:
		return info{cnf: analyse(re.Sub[0]).words()}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return info{cnf: analyse(re.Sub[0]).words()}
		}
		return info{}
	case syntax.OpConcat:
		var out info
		known := true
		run := []string{""} // exact strings of the current run of known parts
		for _, sub := range re.Sub {
			in := analyse(sub)
			if in.exact != nil && len(run)*len(in.exact) <= maxExact {
				run = cross(run, in.exact)
				continue
			}
			known = false
			out.cnf = append(out.cnf, wordsOf(run)...)
			run = []string{""}
			if in.exact != nil {
				run = in.exact
			}
			out.cnf = append(out.cnf, in.cnf...)
		}
		if known {
			return info{exact: run}
		}
		out.cnf = append(out.cnf, wordsOf(run)...)
		return out
	case syntax.OpAlternate:
		// One of the branches matched: their exact strings together, or
		// the union of each branch's best word set.
		subs := make([]info, len(re.Sub))
		var exact []string
		for i, sub := range re.Sub {
			subs[i] = analyse(sub)
			if exact != nil || i == 0 {
				if subs[i].exact == nil || len(exact)+len(subs[i].exact) > maxExact {
					exact = nil
				} else {
					exact = append(exact, subs[i].exact...)
				}
			}
		}
		if exact != nil {
			return info{exact: exact}
		}
		var union []string
		for _, in := range subs {
			best := in.best()
			if best == nil {
				return info{}
			}
			union = append(union, best...)
		}
		return info{cnf: [][]string{dedupe(union)}}
	}
	return info{}
}

// words turns what is known into word sets only.
func (in info) words() [][]string {
	if in.exact == nil {
		return in.cnf
	}
	return append(append([][]string(nil), in.cnf...), wordsOf(in.exact)...)
}

// best is the most selective word set of a node (nil: none).
func (in info) best() []string {
	var best []string
	for _, set := range in.words() {
		if best == nil || score(set) > score(best) {
			best = set
		}
	}
	return best
}

func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// edge marks, in exact strings and in word keys, a side of a word that
// must be a word boundary in the text ("ending" in "\bending", not in
// "attending"): a space, the start of the text or a \b before it.
const edge = "\x00"

// wordKeys splits an exact string into the keys of its words: each word
// with an edge mark on a side that is a boundary (spaces count: the
// pattern put one there). Words too short to gate on give "".
func wordKeys(s string) []string {
	var keys []string
	for i := 0; i < len(s); {
		if isSpace(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		piece := s[i:j]
		left := i > 0 || strings.HasPrefix(piece, edge)
		right := j < len(s) || strings.HasSuffix(piece, edge)
		w := strings.ReplaceAll(piece, edge, "")
		switch {
		case len(w) < minWord && !(left && right && rareShortWords[w]):
			keys = append(keys, "")
		default:
			k := w
			if left && isWordByte(w[0]) {
				k = edge + k
			}
			if right && isWordByte(w[len(w)-1]) {
				k += edge
			}
			keys = append(keys, k)
		}
		i = j
	}
	return keys
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// isWordByte: Go's \b is ASCII-only, and so is this.
func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// wordOf is a key's word without its edge marks.
func wordOf(key string) string { return strings.Trim(key, edge) }

// wordsOf turns a set of exact strings (one of which is in every match)
// into word sets: each word every string holds, and the longest word of
// each string. A text may hold a string's words across other spacing, so
// only whole words are kept. Strings with no word long enough to gate on
// give nothing.
func wordsOf(exact []string) [][]string {
	count := map[string]int{}
	split := make([][]string, len(exact))
	for i, s := range exact {
		split[i] = wordKeys(s)
		long := false
		for _, k := range dedupe(split[i]) {
			if k != "" {
				count[k]++
				long = true
			}
		}
		if !long {
			return nil
		}
	}
	var out [][]string
	for k, n := range count {
		if n == len(exact) && !commonWords[wordOf(k)] {
			out = append(out, []string{k})
		}
	}
	// Choose a word of each string: its longest, its first and its last
	// (not shared by all, those are above). Each choice is a word set
	// every match holds one of: "(derniere|ultime) (seance|rencontre)"
	// gives {derniere, ultime} and {rencontre, seance}.
	// Each string's own words (not shared by all), the uncommon ones only
	// where it has some.
	owns := make([][]string, len(split))
	for i, keys := range split {
		var own, rare []string
		for _, k := range keys {
			if k != "" && count[k] < len(exact) {
				own = append(own, k)
				if !commonWords[wordOf(k)] {
					rare = append(rare, k)
				}
			}
		}
		if len(rare) > 0 {
			own = rare
		}
		owns[i] = own
	}
	for _, choose := range []func([]string) string{longestKey, firstKey, lastKey} {
		var set []string
		for _, own := range owns {
			if len(own) == 0 {
				set = nil // its shared words already gate it
				break
			}
			set = append(set, choose(own))
		}
		if set != nil {
			out = append(out, dedupe(set))
		}
	}
	out = dedupeSets(out)
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], " ") < strings.Join(out[j], " ") })
	return out
}

// commonWords are in almost every note, and inside many other words ("the"
// in "other", "ont" in "contact"): a set of them gates nothing, and the
// automaton reports each of their places. A string's other words are
// chosen instead where it has some.
var commonWords = map[string]bool{
	"the": true, "our": true, "with": true, "and": true, "for": true, "you": true, "was": true, "this": true, "that": true, "are": true,
	"ont": true, "ses": true, "par": true, "ces": true, "que": true, "son": true, "les": true, "des": true, "une": true, "est": true, "aux": true, "sur": true, "pour": true, "dans": true,
}

// rareShortWords are the words shorter than minWord that gate, as whole
// words: abbreviations without which a pattern had no gate at all
// (attempt_cue's "vm" and "lm", channel_phone's "ph"), so its regexp ran on
// every sentence. They are seldom inside other words ("ph" is in "phone",
// which gates the same patterns), so the automaton's added work did not
// show in instruction counts, while the regexp searches they spare were 4%
// of a sweep's.
var rareShortWords = map[string]bool{"vm": true, "lm": true, "ph": true}

// pruneImplied drops each set that holds all of another set: a text that
// passes the smaller passes it.
func pruneImplied(cnf [][]string) [][]string {
	var out [][]string
	for i, set := range cnf {
		implied := false
		for j, other := range cnf {
			if i != j && len(other) < len(set) && subset(other, set) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, set)
		}
	}
	return out
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			found = found || x == y
		}
		if !found {
			return false
		}
	}
	return true
}

func longestKey(keys []string) string {
	best := keys[0]
	for _, k := range keys[1:] {
		if len(wordOf(k)) > len(wordOf(best)) {
			best = k
		}
	}
	return best
}

func firstKey(keys []string) string { return keys[0] }
func lastKey(keys []string) string  { return keys[len(keys)-1] }

func dedupe(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func dedupeSets(cnf [][]string) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, set := range cnf {
		sort.Strings(set)
		k := strings.Join(set, "\x00")
		if !seen[k] {
			seen[k] = true
			out = append(out, set)
		}
	}
	return out
}

func score(set []string) int {
	m := 1 << 30
	for _, w := range set {
		m = min(m, len(wordOf(w)))
	}
	// Fewer alternatives are more selective too.
	return m*8 - min(len(set), 7)
}

// loosen drops a pattern's ^ and $ anchors: it then matches wherever the
// pattern matches some line, label or heading of a text, and elsewhere too.
func loosen(re *regexp.Regexp) *regexp.Regexp {
	src := re.String()
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			b.WriteByte(c)
			i++
			c = src[i]
		case inClass:
			// "]" right after "[" or "[^" is a member, not the end.
			inClass = c != ']' || src[i-1] == '[' || src[i-1] == '^' && src[i-2] == '['
		case c == '[':
			inClass = true
		case c == '^' || c == '$':
			b.WriteString("(?:)")
			continue
		}
		b.WriteByte(c)
	}
	if b.String() == src {
		return re
	}
	loose, err := regexp.Compile(b.String())
	if err != nil {
		return re
	}
	return loose
}
