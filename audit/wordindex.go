// One pass over a text finds every required word of the vocabulary in it.

package audit

import (
	"unsafe"

	"github.com/coregx/ahocorasick"
)

// wordIndex holds every word that some pattern requires (literals.go),
// and an Aho-Corasick automaton that finds, in one pass over a text, all
// of them it contains. Testing a pattern's words is then a few bit tests,
// where it used to be a substring search per word.
type wordIndex struct {
	ids map[string]int
	ac  *ahocorasick.Automaton
}

// wordSet has bit id set when the text holds word id.
type wordSet []uint64

func (s wordSet) has(id int) bool { return s[id>>6]&(1<<(id&63)) != 0 }

// gate is a pattern's required words as ids: a word of each set must be
// in the text (no sets: always try the pattern).
type gate [][]int

func (g gate) passes(s wordSet) bool {
	for _, set := range g {
		ok := false
		for _, id := range set {
			if s.has(id) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// newWordIndex assigns ids to the words of every concept's and cue's
// patterns, sets their gates and builds the automaton.
func newWordIndex(groups ...map[string]*concept) (*wordIndex, error) {
	x := &wordIndex{ids: map[string]int{}}
	var words []string
	for _, g := range groups {
		for _, c := range g {
			c.gates = make([]gate, len(c.re))
			for i, re := range c.re {
				for _, set := range requiredWords(re.String()) {
					ids := make([]int, len(set))
					for k, w := range set {
						id, ok := x.ids[w]
						if !ok {
							id = len(words)
							x.ids[w] = id
							words = append(words, w)
						}
						ids[k] = id
					}
					c.gates[i] = append(c.gates[i], ids)
				}
			}
		}
	}
	if len(words) == 0 {
		return x, nil
	}
	ac, err := ahocorasick.NewBuilder().AddStrings(words).Build()
	x.ac = ac
	return x, err
}

// scan returns the set of words text holds, reusing into's storage.
func (x *wordIndex) scan(text string, into wordSet) wordSet {
	n := (len(x.ids) + 63) / 64
	if cap(into) < n {
		into = make(wordSet, n)
	} else {
		into = into[:n]
		clear(into)
	}
	if x.ac == nil || text == "" {
		return into
	}
	// The automaton reads bytes; the text is only read, never kept.
	for _, m := range x.ac.FindAllOverlapping(unsafe.Slice(unsafe.StringData(text), len(text))) {
		into[m.PatternID>>6] |= 1 << (m.PatternID & 63)
	}
	return into
}

// wordCache remembers the word sets of the last few texts a note's
// extraction asked about: each sentence is tested against dozens of
// concepts, and its words need finding once. It belongs to one goroutine.
// A set it returns is never changed afterwards.
type wordCache struct {
	entries [8]struct {
		text string
		set  wordSet
	}
	next int
	cue  wordSet // scratch for cue tests, which never nest
}

// words returns the word set of a concept's text: cached when v has a
// cache (see forNote), else freshly made.
func (v *Vocab) words(text string) wordSet {
	c := v.cache
	if c == nil {
		return v.index.scan(text, nil)
	}
	for i := range c.entries {
		if e := &c.entries[i]; e.set != nil && e.text == text {
			return e.set
		}
	}
	// A fresh set, never the evicted one's storage: a caller may still
	// hold that.
	e := &c.entries[c.next]
	c.next = (c.next + 1) % len(c.entries)
	e.text, e.set = text, v.index.scan(text, nil)
	return e.set
}

// cueWords is words for cue tests: uncached, so a cue test made while a
// concept's set is in use cannot overwrite it.
func (v *Vocab) cueWords(text string) wordSet {
	if v.cache == nil {
		return v.index.scan(text, nil)
	}
	v.cache.cue = v.index.scan(text, v.cache.cue)
	return v.cache.cue
}

// forNote returns a Vocab for one goroutine's work on one note: the same
// compiled vocabulary with its own word cache.
func (v *Vocab) forNote() *Vocab {
	if v.cache != nil {
		return v
	}
	c := *v
	c.cache = &wordCache{}
	return &c
}
