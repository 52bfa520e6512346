// One pass over a text finds every required word of the vocabulary in it.

package audit

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/coregx/ahocorasick"
)

// wordIndex holds every word that some pattern requires (literals.go),
// and an Aho-Corasick automaton that finds, in one pass over a text, all
// of them it contains. Testing a pattern's words is then a few bit tests,
// where it used to be a substring search per word. A word whose key has
// edge marks counts only where the text has a word boundary there.
type wordIndex struct {
	ids   map[string]int // key -> id
	words []string       // id -> key
	all   automaton      // finds every word
	ends  automaton      // finds only the words termination's concepts test (see narrow)
	// endsSize bounds the ids of those words: they come first, so the
	// sets ends gives need only a few words of storage.
	endsSize int
	// endsPlain: no word of ends holds spacing or markup, which a
	// paragraph's plain text changes (Look.cannotTerminate).
	endsPlain bool
	// conceptsOf[w*conceptWords:][:conceptWords] are the concepts (by
	// id) whose gate index has word w among its patterns' first words;
	// mayConcepts the concepts a text without any of those may still
	// match (a pattern without words). A text's concepts are then found
	// once, where each concept looked its words up.
	conceptsOf   []uint64
	conceptWords int
	mayConcepts  []uint64
	// names remembers Vocab.named's answers, for concepts and for cues.
	names [2][1<<nameSlotBits + nameProbes]atomic.Pointer[namedSlot]
}

// automaton finds a set of words in a text.
type automaton struct {
	variants [][]variant // automaton pattern -> the keys of that word
	ac       *ahocorasick.Automaton
}

type variant struct {
	id          int
	left, right bool // a word boundary is needed on that side
}

// wordSet has bit id set when the text holds word id.
type wordSet []uint64

// has reports whether the text holds word id; a set shorter than id (ends)
// does not hold it.
func (s wordSet) has(id int) bool { return id>>6 < len(s) && s[id>>6]&(1<<(id&63)) != 0 }

// gate is a pattern's required words as ids: a word of each set must be
// in the text (no sets: always try the pattern).
type gate struct {
	sets  [][]int
	masks []wordMask // sets, as masks: what passes tests
}

func (g gate) passes(s wordSet) bool {
	for _, m := range g.masks {
		if !m.meets(s) {
			return false
		}
	}
	return true
}

// newWordIndex assigns ids to the words of every concept's and cue's
// patterns, sets their gates and builds the automaton. The words of the
// concepts named first get the lowest ids.
func newWordIndex(first []string, groups ...map[string]*concept) (*wordIndex, error) {
	x := &wordIndex{ids: map[string]int{}}
	// Each pattern's words are found on every core; ids are then given in a
	// fixed order: the first concepts, then the others by name.
	cnfOf := map[string][][]string{}
	var patterns []string
	for _, g := range groups {
		for _, c := range g {
			for i, re := range c.re {
				for _, p := range []string{re.String(), c.loose[i].String()} {
					if _, seen := cnfOf[p]; !seen {
						cnfOf[p] = nil
						patterns = append(patterns, p)
					}
				}
			}
		}
	}
	cnfs := make([][][]string, len(patterns))
	onEveryCore(len(patterns), func(i int) { cnfs[i] = requiredWords(patterns[i]) })
	for i, p := range patterns {
		cnfOf[p] = cnfs[i]
	}
	var ordered []*concept // first, then the rest by name
	for _, name := range first {
		for _, g := range groups {
			if c := g[name]; c != nil {
				ordered = append(ordered, c)
			}
		}
	}
	for _, g := range groups {
		for _, name := range sortedKeys(g) {
			if !slices.Contains(first, name) {
				ordered = append(ordered, g[name])
			}
		}
	}
	for _, c := range ordered {
		c.gates = make([]gate, len(c.re))
		c.looseGates = make([]gate, len(c.re))
		for i, re := range c.re {
			c.gates[i] = x.gate(cnfOf[re.String()])
			c.looseGates[i] = c.gates[i]
			if c.loose[i] != re {
				c.looseGates[i] = x.gate(cnfOf[c.loose[i].String()])
			}
		}
	}
	for _, g := range groups {
		for _, c := range g {
			c.mask = x.maskOf(c.gates)
			c.index, c.looseIndex = newGateIndex(c.gates), newGateIndex(c.looseGates)
		}
	}
	var err error
	x.all, err = x.automatonOf(x.words)
	return x, err
}

// automatonOf builds an automaton that finds the given keys.
func (x *wordIndex) automatonOf(keys []string) (automaton, error) {
	var a automaton
	var words []string
	pattern := map[string]int{} // word -> automaton pattern
	for _, key := range keys {
		w := wordOf(key)
		p, ok := pattern[w]
		if !ok {
			p = len(words)
			pattern[w] = p
			words = append(words, w)
			a.variants = append(a.variants, nil)
		}
		a.variants[p] = append(a.variants[p], variant{x.ids[key], strings.HasPrefix(key, edge), strings.HasSuffix(key, edge)})
	}
	if len(words) == 0 {
		return a, nil
	}
	var err error
	a.ac, err = ahocorasick.NewBuilder().AddStrings(words).Build()
	return a, err
}

// narrow sets the ends automaton to find only the words the gates of these
// concepts test. The sets it gives hold fewer words, but the same for
// those concepts' gates, and it reports far fewer matches (most of a
// text's are words other concepts need).
func (x *wordIndex) narrow(cs ...*concept) error {
	seen := map[int]bool{}
	var keys []string
	for _, c := range cs {
		for _, gates := range [][]gate{c.gates, c.looseGates} {
			for _, g := range gates {
				for _, set := range g.sets {
					for _, id := range set {
						if !seen[id] {
							seen[id] = true
							keys = append(keys, x.words[id])
						}
					}
				}
			}
		}
	}
	sort.Strings(keys)
	x.endsSize, x.endsPlain = 0, true
	for _, k := range keys {
		x.endsSize = max(x.endsSize, x.ids[k]+1)
		x.endsPlain = x.endsPlain && !strings.ContainsAny(wordOf(k), " \t\n\v\f\r*_`\\[]<>#|")
	}
	var err error
	x.ends, err = x.automatonOf(keys)
	return err
}

func sortedKeys(m map[string]*concept) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// wordMask is a word set kept sparse, as its non-zero words: a mask has a
// few bits among thousands, and texts are tested against it very often.
// nil meets every set.
type wordMask []maskWord

type maskWord struct {
	i    int // index in a wordSet
	bits uint64
}

// maskOf is the union of the first word set of each gate: a text with
// none of those words passes no gate. nil when some gate has no sets.
func (x *wordIndex) maskOf(gates []gate) wordMask {
	var ids []int
	for _, g := range gates {
		if len(g.sets) == 0 {
			return nil
		}
		ids = append(ids, g.sets[0]...)
	}
	return sparseMask(ids)
}

// sparseMask is the mask of these word ids (none: a mask no text meets).
func sparseMask(ids []int) wordMask {
	m := wordMask{}
	for _, id := range ids {
		k := sort.Search(len(m), func(k int) bool { return m[k].i >= id>>6 })
		if k == len(m) || m[k].i != id>>6 {
			m = slices.Insert(m, k, maskWord{i: id >> 6})
		}
		m[k].bits |= 1 << (id & 63)
	}
	return m
}

// meets reports whether a text with words s may pass a gate of mask m.
// A set shorter than the mask (ends) lacks the words beyond it.
func (m wordMask) meets(s wordSet) bool {
	if m == nil {
		return true
	}
	for _, w := range m {
		if w.i < len(s) && w.bits&s[w.i] != 0 {
			return true
		}
	}
	return false
}

// gateIndex finds, from a text's words, which of a concept's patterns may
// pass their gates: those with no words to test, and those whose gate's
// first word set the text meets. A concept has dozens of patterns, and a
// text that holds a word of one (so meets the concept's mask) seldom
// holds the words of more than a few: a few bit tests per word the text
// holds, where every gate was tested.
type gateIndex struct {
	ok      bool     // at most 64 patterns, so a pattern set is one word
	ungated uint64   // patterns without words to test
	words   wordMask // the words of the gated patterns' first sets
	// posts[k] lists, for each bit of words[k].bits from the lowest, the
	// patterns whose first set holds that word.
	posts [][]uint64
}

func newGateIndex(gates []gate) gateIndex {
	if len(gates) > 64 {
		return gateIndex{}
	}
	x := gateIndex{ok: true}
	var ids []int
	for i, g := range gates {
		if len(g.sets) == 0 {
			x.ungated |= 1 << i
			continue
		}
		ids = append(ids, g.sets[0]...)
	}
	x.words = sparseMask(ids)
	x.posts = make([][]uint64, len(x.words))
	for k, w := range x.words {
		x.posts[k] = make([]uint64, bits.OnesCount64(w.bits))
	}
	for i, g := range gates {
		if len(g.sets) == 0 {
			continue
		}
		for _, id := range g.sets[0] {
			k, _ := slices.BinarySearchFunc(x.words, id>>6, func(w maskWord, i int) int { return w.i - i })
			x.posts[k][bits.OnesCount64(x.words[k].bits&(1<<(id&63)-1))] |= 1 << i
		}
	}
	return x
}

// indexConcepts numbers the concepts (cues get -1) and fills conceptsOf.
func (x *wordIndex) indexConcepts(concepts, cues map[string]*concept) {
	for _, c := range cues {
		c.id = -1
	}
	names := sortedKeys(concepts)
	x.conceptWords = (len(names) + 63) / 64
	x.conceptsOf = make([]uint64, len(x.ids)*x.conceptWords)
	x.mayConcepts = make([]uint64, x.conceptWords)
	for id, name := range names {
		c := concepts[name]
		c.id = id
		bit := uint64(1) << (id & 63)
		if !c.index.ok || c.index.ungated != 0 {
			x.mayConcepts[id>>6] |= bit
			continue
		}
		for _, w := range c.index.words {
			for b := w.bits; b != 0; b &= b - 1 {
				word := w.i<<6 + bits.TrailingZeros64(b)
				x.conceptsOf[word*x.conceptWords+id>>6] |= bit
			}
		}
	}
}

// conceptsIn returns the concepts (as bits by id) a text with words s may
// match: those of its words, and those any text may.
func (x *wordIndex) conceptsIn(s wordSet, into []uint64) []uint64 {
	into = append(into[:0], x.mayConcepts...)
	for i, w := range s {
		for ; w != 0; w &= w - 1 {
			word := i<<6 + bits.TrailingZeros64(w)
			for k, c := range x.conceptsOf[word*x.conceptWords:][:x.conceptWords] {
				into[k] |= c
			}
		}
	}
	return into
}

// patterns returns the patterns, of n, whose gate a text with words s may
// pass, in order: every pattern when the index is not ok.
func (x *gateIndex) patterns(s wordSet, n int) patternSet {
	if !x.ok {
		return patternSet{every: true, n: n}
	}
	cand := x.ungated
	for k, w := range x.words {
		if w.i >= len(s) {
			break // the words are in order; a short set (ends) lacks the rest
		}
		for in := w.bits & s[w.i]; in != 0; in &= in - 1 {
			cand |= x.posts[k][bits.OnesCount64(w.bits&(in&-in-1))]
		}
	}
	return patternSet{cand: cand}
}

// patternSet is what gateIndex.patterns found; next gives each in order.
type patternSet struct {
	cand  uint64
	every bool // then 0 to n-1
	i, n  int
}

func (p *patternSet) next() (int, bool) {
	if p.every {
		p.i++
		return p.i - 1, p.i <= p.n
	}
	if p.cand == 0 {
		return 0, false
	}
	i := bits.TrailingZeros64(p.cand)
	p.cand &= p.cand - 1
	return i, true
}

// gate gives ids to a pattern's word keys, adding new keys to the list.
func (x *wordIndex) gate(cnf [][]string) gate {
	var g gate
	for _, set := range cnf {
		ids := make([]int, len(set))
		for k, key := range set {
			id, ok := x.ids[key]
			if !ok {
				id = len(x.ids)
				x.ids[key] = id
				x.words = append(x.words, key)
			}
			ids[k] = id
		}
		g.sets = append(g.sets, ids)
		g.masks = append(g.masks, sparseMask(ids))
	}
	return g
}

// scan returns the set of words text holds, reusing into's storage.
func (x *wordIndex) scan(text string, into wordSet) wordSet {
	return x.all.scan(text, into, len(x.ids))
}

// scanAnywhere is scan without word boundaries: every word of the
// automaton that text holds, wherever it stands.
func (a *automaton) scanAnywhere(text string, into wordSet, size int) wordSet {
	return a.scanWords(text, into, size, false)
}

// scan returns the set of the automaton's words text holds, in a set of
// size words.
func (a *automaton) scan(text string, into wordSet, size int) wordSet {
	return a.scanWords(text, into, size, true)
}

// scanWords is scan, minding the word boundaries a word's key asks for or
// not (edges).
func (a *automaton) scanWords(text string, into wordSet, size int, edges bool) wordSet {
	n := (size + 63) / 64
	if cap(into) < n {
		into = make(wordSet, n)
	} else {
		into = into[:n]
		clear(into)
	}
	if a.ac == nil || text == "" {
		return into
	}
	// The automaton reads bytes; the text is only read, never kept.
	for _, m := range a.ac.FindAllOverlapping(unsafe.Slice(unsafe.StringData(text), len(text))) {
		left := !edges || m.Start == 0 || !isWordByte(text[m.Start-1])
		right := !edges || m.End == len(text) || !isWordByte(text[m.End])
		for _, v := range a.variants[m.PatternID] {
			if (left || !v.left) && (right || !v.right) {
				into[v.id>>6] |= 1 << (v.id & 63)
			}
		}
	}
	return into
}

// wordCache remembers the word sets of the last few texts a note's
// extraction asked about: each sentence is tested against dozens of
// concepts, and its words need finding once. It belongs to one goroutine
// (one note, or a Scratch's notes). A set it returns is never changed
// afterwards (with a Scratch: until it is reset).
type wordCache struct {
	entries [8]struct {
		text     string
		set      wordSet
		concepts []uint64 // wordIndex.conceptsIn of set; nil until asked
	}
	next    int      // the entry to fill next
	last    int      // the entry given last
	cue     wordSet  // scratch for cue tests, which never nest
	cueText string   // the text cue holds the words of
	slab    *Scratch // where sets come from; nil: each is made
}

// Scratch is storage for word sets that one goroutine reuses from one
// batch of notes to the next (Vocab.WithScratch), so that a sweep does not
// make a fresh set for every paragraph and sentence it reads.
type Scratch struct {
	words []uint64 // sets are cut from it
	used  int
	cache wordCache
	facts []*Facts // given back (Recycle), for ExtractMeta to fill again
}

// Recycle gives f back for ExtractMeta to fill again: a sweep keeps most
// notes in brief, and their facts need not each be made anew. Nothing may
// use f afterwards.
func (s *Scratch) Recycle(f *Facts) {
	s.facts = append(s.facts, f)
}

// newFacts returns an empty Facts: a recycled one if v's scratch has one.
func (v *Vocab) newFacts() *Facts {
	if v.cache != nil && v.cache.slab != nil {
		if free := v.cache.slab.facts; len(free) > 0 {
			f := free[len(free)-1]
			v.cache.slab.facts = free[:len(free)-1]
			*f = Facts{}
			return f
		}
	}
	return &Facts{}
}

// NewScratch returns empty storage for one goroutine.
func NewScratch() *Scratch {
	s := &Scratch{}
	s.cache.slab = s
	return s
}

// Reset makes every set given out since the last Reset free for reuse.
// Call it only when nothing read through the Vocab that uses it (a Look,
// a note being read) is still in use.
func (s *Scratch) Reset() {
	s.used = 0
	clear(s.cache.entries[:])
	s.cache.cue, s.cache.cueText = nil, ""
}

// set returns storage for a set of n words, not cleared.
func (s *Scratch) set(n int) wordSet {
	if s.used+n > len(s.words) {
		// The sets already given out keep the old storage; the new one
		// is sized for the next batch too.
		s.words, s.used = make([]uint64, max(2*len(s.words), 64*n)), 0
	}
	set := wordSet(s.words[s.used : s.used+n : s.used+n])
	s.used += n
	return set
}

// newSet returns storage for a set of size words: from the scratch if v
// has one.
func (v *Vocab) newSet(size int) wordSet {
	if v.cache == nil || v.cache.slab == nil {
		return nil // scan makes it
	}
	return v.cache.slab.set((size + 63) / 64)
}

// WithScratch returns the same vocabulary for one goroutine, whose word
// sets come from s until s is reset.
func (v *Vocab) WithScratch(s *Scratch) *Vocab {
	c := *v
	c.cache = &s.cache
	return &c
}

// words returns the word set of a concept's text: cached when v has a
// cache (see forNote), else freshly made.
func (v *Vocab) words(text string) wordSet {
	s, _ := v.entry(text, false)
	return s
}

// wordsAndConcepts is words, and the concepts the text may match
// (wordIndex.conceptsIn); those are nil when v has no cache.
func (v *Vocab) wordsAndConcepts(text string) (wordSet, []uint64) {
	return v.entry(text, true)
}

func (v *Vocab) entry(text string, concepts bool) (wordSet, []uint64) {
	c := v.cache
	if c == nil {
		return v.index.scan(text, nil), nil
	}
	// The text asked about last is asked about again most often (each
	// concept in turn on one sentence).
	i := c.last
	if e := &c.entries[i]; e.set == nil || e.text != text {
		i = -1
		for k := range c.entries {
			if e := &c.entries[k]; e.set != nil && e.text == text {
				i = k
				break
			}
		}
		if i < 0 {
			// A fresh set, never the evicted one's storage: a caller may
			// still hold that.
			i = c.next
			c.next = (c.next + 1) % len(c.entries)
			e := &c.entries[i]
			e.text, e.set, e.concepts = text, v.index.scan(text, v.newSet(len(v.index.ids))), nil
		}
		c.last = i
	}
	e := &c.entries[i]
	if concepts && e.concepts == nil {
		e.concepts = v.index.conceptsIn(e.set, v.newSet(64*v.index.conceptWords))
	}
	return e.set, e.concepts
}

// cueWords is words for cue tests: kept apart from the concept sets, so a
// cue test made while a concept's set is in use cannot overwrite it. Only
// the last text's set is kept: a match's filters test several cues on the
// same text in a row.
func (v *Vocab) cueWords(text string) wordSet {
	c := v.cache
	if c == nil {
		return v.index.scan(text, nil)
	}
	if c.cue == nil || c.cueText != text {
		c.cue, c.cueText = v.index.scan(text, c.cue), text
	}
	return c.cue
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
