package audit

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
)

// pattern is a compiled vocabulary pattern. Go's regexp, given a pattern
// with no literal prefix ("\b(called|phoned|…) …"), tries it at every
// position of the text, and that was the largest part of reading a note.
// Where every match must start with one of a few literal strings (the
// pattern's leads), a search instead tries the pattern anchored only
// where a lead occurs: the same matches, as tests prove on every corpus
// and fuzzing on any text, for a fraction of the work.
type pattern struct {
	*regexp.Regexp

	// Set on first use, so that start-up compiles no more than before.
	once    sync.Once
	leads   []string       // nil: search as regexp does
	heads   []string       // for a pattern that starts with ^: the text starts with one of them, or it does not match
	atStart *regexp.Regexp // ^(?:re), tried on the text from a lead
	bounded bool           // every match starts with \b
	// ^(?s:.)(?:re), tried from the byte before a lead, so that \b sees it;
	// only where that byte is a word character: compiled then.
	inTextOnce sync.Once
	inText     *regexp.Regexp
}

// maxLeads bounds the strings searched for in place of one regexp search.
const maxLeads = 48

// enoughLead is a lead long enough to find few places.
const enoughLead = 4

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

func newPattern(re *regexp.Regexp) *pattern { return &pattern{Regexp: re} }

// prepare finds the leads and compiles the anchored forms, once.
func (p *pattern) prepare() {
	p.once.Do(func() {
		src := p.Regexp.String()
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			return
		}
		tree = tree.Simplify()
		if tree.Op == syntax.OpConcat && len(tree.Sub) > 1 && tree.Sub[0].Op == syntax.OpBeginText {
			// "^(reasons?|why)…": every match starts the text, with a lead.
			rest := *tree
			rest.Sub = tree.Sub[1:]
			leads, _ := prefixes(&rest)
			if heads := shortestLeads(leads); len(heads) <= maxLeads && !slices.Contains(heads, "") {
				p.heads = heads
			}
			return
		}
		leads, _ := prefixes(tree)
		kept := shortestLeads(leads)
		for _, l := range kept {
			if len(l) < 2 && (l == "" || !isPunct(l[0])) {
				return // a one-byte lead is found everywhere, but punctuation
			}
		}
		if len(kept) == 0 || len(kept) > maxLeads {
			return
		}
		p.atStart = regexp.MustCompile(`^(?:` + src + `)`)
		p.bounded = startsWithBoundary(tree)
		p.leads = kept
	})
}

// shortestLeads is a set of leads without those that start with another
// (it is found where that one is), sorted.
func shortestLeads(leads []string) []string {
	sort.Strings(leads)
	var out []string
	for _, l := range leads {
		if len(out) == 0 || !strings.HasPrefix(l, out[len(out)-1]) {
			out = append(out, l)
		}
	}
	return out
}

// startsWithHead reports whether text starts with one of p.heads.
func (p *pattern) startsWithHead(text string) bool {
	for _, h := range p.heads {
		if strings.HasPrefix(text, h) {
			return true
		}
	}
	return false
}

// prefixes returns strings one of which starts every match of re, and
// whether re matches exactly those strings (so that what follows re in a
// concatenation may extend them). Unknown: {""}.
func prefixes(re *syntax.Regexp) (set []string, exact bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return []string{string(re.Rune)}, true
		}
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCharClass:
		// A small class ("s?", "[-–]"): each of its characters.
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == 8 {
					return []string{""}, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpQuest:
		set, exact = prefixes(re.Sub[0])
		return append([]string{""}, set...), exact
	case syntax.OpPlus:
		set, _ = prefixes(re.Sub[0])
		return set, false
	case syntax.OpRepeat:
		set, _ = prefixes(re.Sub[0])
		if re.Min == 0 {
			set = append([]string{""}, set...)
		}
		return set, false
	case syntax.OpAlternate:
		exact = true
		for _, sub := range re.Sub {
			s, e := prefixes(sub)
			set, exact = append(set, s...), exact && e
		}
		return set, exact
	case syntax.OpConcat:
		// Each part extends the strings while they are exact, few and
		// short (a longer lead finds no fewer places, and more leads cost
		// more searches); a word boundary takes no text.
		set, exact = []string{""}, true
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpWordBoundary {
				continue
			}
			if shortest(set) >= enoughLead {
				return set, false
			}
			s, e := prefixes(sub)
			if len(set)*len(s) > maxLeads {
				return set, false
			}
			var next []string
			for _, a := range set {
				for _, b := range s {
					next = append(next, a+b)
				}
			}
			if set = next; !e {
				return set, false
			}
		}
		return set, exact
	}
	return []string{""}, false // "^", "\B", ".", large classes…
}

// at returns the end of the match that starts at i, or -1. i is where a
// lead starts, so a match that starts there is the one the regexp would
// find there, and \b sees the same byte before it. A \b is the only test
// that a match with leads makes before its first character (prefixes): on
// text[i:] it reads as after a non-word character.
func (p *pattern) at(text string, i int) int {
	if i == 0 || !isWordByte(text[i-1]) {
		if loc := p.atStart.FindStringIndex(text[i:]); loc != nil {
			return i + loc[1]
		}
		return -1
	}
	if p.bounded && isWordByte(text[i]) {
		return -1 // no word boundary inside a word
	}
	p.inTextOnce.Do(func() { p.inText = regexp.MustCompile(`^(?s:.)(?:` + p.Regexp.String() + `)`) })
	// The byte before a lead ends a character (the lead starts one): "."
	// takes exactly that byte, valid or not.
	if loc := p.inText.FindStringIndex(text[i-1:]); loc != nil {
		return i - 1 + loc[1]
	}
	return -1
}

// isPunct reports whether b is ASCII punctuation: a byte few words hold,
// so a lead of its own.
func isPunct(b byte) bool {
	return b > ' ' && b < 0x7f && !isWordByte(b)
}

// startsWithBoundary reports whether every match of re starts with \b.
func startsWithBoundary(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture:
		return startsWithBoundary(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if sub.Op != syntax.OpEmptyMatch { // "(?:)", where a loosened pattern had ^
				return startsWithBoundary(sub)
			}
		}
		return false
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !startsWithBoundary(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// eachStart calls yield with each place a lead occurs in text, lead by
// lead, until yield returns false.
func (p *pattern) eachStart(text string, yield func(i int) bool) {
	for _, l := range p.leads {
		for from := 0; from < len(text); {
			k := strings.Index(text[from:], l)
			if k < 0 {
				break
			}
			if !yield(from + k) {
				return
			}
			from += k + 1
		}
	}
}

// starts returns, in order, where a lead occurs in text.
func (p *pattern) starts(text string) []int {
	var out []int
	p.eachStart(text, func(i int) bool {
		out = append(out, i)
		return true
	})
	sort.Ints(out)
	return out
}

// MatchString is regexp's.
func (p *pattern) MatchString(text string) bool {
	if p.prepare(); p.leads == nil {
		return (p.heads == nil || p.startsWithHead(text)) && p.Regexp.MatchString(text)
	}
	found := false
	p.eachStart(text, func(i int) bool {
		found = p.at(text, i) >= 0
		return !found
	})
	return found
}

// FindStringIndex is regexp's.
func (p *pattern) FindStringIndex(text string) []int {
	if p.prepare(); p.leads == nil {
		if p.heads != nil && !p.startsWithHead(text) {
			return nil
		}
		return p.Regexp.FindStringIndex(text)
	}
	for _, i := range p.starts(text) {
		if end := p.at(text, i); end >= 0 {
			return []int{i, end}
		}
	}
	return nil
}

// FindAllStringIndex is regexp's with n < 0: every match, leftmost first,
// each search resuming where the last match ended.
func (p *pattern) FindAllStringIndex(text string, n int) [][]int {
	if p.prepare(); p.leads == nil || n >= 0 {
		if p.heads != nil && !p.startsWithHead(text) {
			return nil
		}
		return p.Regexp.FindAllStringIndex(text, n)
	}
	var out [][]int
	from := 0
	for _, i := range p.starts(text) {
		if i < from {
			continue
		}
		if end := p.at(text, i); end >= 0 {
			out = append(out, []int{i, end})
			from = max(end, i+1)
		}
	}
	return out
}
