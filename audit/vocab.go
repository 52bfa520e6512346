package audit

import (
	_ "embed"
	"fmt"
	"maps"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/noteaudit/noteaudit/parser"
	"go.yaml.in/yaml/v3"
)

//go:embed vocab.yaml
var vocabYAML []byte

// Langs are the languages of the vocabulary, messages and reports.
var Langs = []string{"en", "fr"}

type vocabFile struct {
	Cues     map[string]map[string][]string `yaml:"cues"`
	Concepts map[string]struct {
		Filters []string            `yaml:"filters"`
		Words   map[string][]string `yaml:",inline"`
	} `yaml:"concepts"`
}

// concept is one thing the audit recognises, with its compiled patterns.
type concept struct {
	name       string
	filters    map[string]bool
	patterns   map[string][]string // lang -> source, for explain
	re         []*pattern
	loose      []*pattern // re without ^ and $, for MayMatter
	gates      []gate     // per pattern: the words a text must hold for it to be tried
	looseGates []gate     // the same for loose
	mask       wordMask   // a text must meet it to pass any of gates (maskOf)
	index      gateIndex  // the patterns a text's words may pass the gates of
	looseIndex gateIndex  // the same for looseGates
	id         int        // its bit in wordIndex.conceptsOf; -1 for a cue
}

// Vocab is the compiled vocabulary. It is read-only once built, so one Vocab
// serves every goroutine.
type Vocab struct {
	concepts map[string]*concept
	cues     map[string]*concept
	index    *wordIndex
	cache    *wordCache // nil but in a copy made by forNote
}

// DefaultVocab is the embedded vocabulary; it panics at start-up if the
// embedded file is broken (a test guards this).
var DefaultVocab = mustVocab(nil)

func mustVocab(extra map[string]map[string][]string) *Vocab {
	// Compiling allocates ~6 MB that is garbage at once; collecting while
	// the heap is still tiny only slows every start-up (45-56 ms to 34-39).
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	v, err := NewVocab(extra)
	if err != nil {
		panic(err)
	}
	return v
}

// NewVocab compiles the embedded vocabulary plus extra patterns
// (concept -> lang -> patterns) from configuration.
func NewVocab(extra map[string]map[string][]string) (*Vocab, error) {
	var f vocabFile
	if err := yaml.Unmarshal(vocabYAML, &f); err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	v := &Vocab{concepts: map[string]*concept{}, cues: map[string]*concept{}}
	type job struct {
		name    string
		cue     bool
		filters []string
		words   map[string][]string
	}
	var jobs []job
	for _, name := range slices.Sorted(maps.Keys(f.Cues)) {
		jobs = append(jobs, job{name: name, cue: true, words: f.Cues[name]})
	}
	for _, name := range slices.Sorted(maps.Keys(f.Concepts)) {
		def := f.Concepts[name]
		words := map[string][]string{}
		for lang, ws := range def.Words {
			words[lang] = append(words[lang], ws...)
		}
		for lang, ws := range extra[name] {
			words[lang] = append(words[lang], ws...)
		}
		jobs = append(jobs, job{name: name, filters: def.Filters, words: words})
	}
	// Compiled on every core, then taken in name order, so the first error
	// reported is always the same.
	compiled := make([]*concept, len(jobs))
	errs := make([]error, len(jobs))
	onEveryCore(len(jobs), func(i int) {
		compiled[i], errs[i] = compile(jobs[i].name, jobs[i].filters, jobs[i].words)
	})
	for i, j := range jobs {
		c, err := compiled[i], errs[i]
		if err != nil {
			return nil, err
		}
		if j.cue {
			v.cues[j.name] = c
		} else {
			v.concepts[j.name] = c
		}
	}
	for name := range extra {
		if _, ok := v.concepts[name]; !ok {
			return nil, fmt.Errorf("vocabulary: unknown concept %q (known: %s)", name, strings.Join(v.ConceptNames(), ", "))
		}
	}
	var err error
	if v.index, err = newWordIndex(terminationConcepts, v.concepts, v.cues); err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	v.index.indexConcepts(v.concepts, v.cues)
	var ends []*concept
	for _, name := range terminationConcepts {
		ends = append(ends, v.concept(name))
	}
	if err = v.index.narrow(ends...); err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	return v, nil
}

func compile(name string, filters []string, words map[string][]string) (*concept, error) {
	c := &concept{name: name, filters: map[string]bool{}, patterns: words}
	for _, f := range filters {
		c.filters[f] = true
	}
	for _, lang := range Langs {
		for _, w := range words[lang] {
			re, err := regexp.Compile(w)
			if err != nil {
				return nil, fmt.Errorf("vocabulary %s (%s): %q: %w", name, lang, w, err)
			}
			p := newPattern(re)
			c.re = append(c.re, p)
			if l := loosen(re); l != re {
				p = newPattern(l)
			}
			c.loose = append(c.loose, p)
		}
	}
	return c, nil
}

// ConceptNames lists the concepts, sorted.
func (v *Vocab) ConceptNames() []string {
	var out []string
	for n := range v.concepts {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Patterns returns a concept's patterns in one language (for explain).
func (v *Vocab) Patterns(name, lang string) []string {
	if c := v.concepts[name]; c != nil {
		return c.patterns[lang]
	}
	return nil
}

func (v *Vocab) concept(name string) *concept {
	return v.named(v.concepts, conceptSlots, name, "concept")
}

// cue is concept for the cues.
func (v *Vocab) cue(name string) *concept { return v.named(v.cues, cueSlots, name, "cue") }

// named looks a concept or cue up by name. A note's reading looks the same
// hundred names up hundreds of times, so the vocabulary remembers each
// name's answer in a slot chosen by where the name's bytes are (most names
// are constants): a pointer comparison, where a map hashed the name. The
// slots are shared by every goroutine, hence atomic; each is written once.
func (v *Vocab) named(m map[string]*concept, kind int, name, what string) *concept {
	var slots []atomic.Pointer[namedSlot]
	if v.index != nil {
		// Fibonacci hashing: constants' addresses are often a multiple of
		// one stride apart, and would meet in a few slots. Two names
		// meeting in a slot take the next ones.
		h := uint64(uintptr(unsafe.Pointer(unsafe.StringData(name)))) * 0x9E3779B97F4A7C15 >> (64 - nameSlotBits)
		slots = v.index.names[kind][h : h+nameProbes]
		for i := range slots {
			s := slots[i].Load()
			if s == nil {
				break
			}
			if s.name == name {
				return s.c
			}
		}
	}
	c := m[name]
	if c == nil {
		panic("audit: unknown vocabulary " + what + " " + name)
	}
	for i := range slots {
		if slots[i].CompareAndSwap(nil, &namedSlot{name, c}) {
			break
		}
	}
	return c
}

const (
	conceptSlots = iota // which of wordIndex.names
	cueSlots
	nameSlotBits = 10 // 1,024 slots for each, for about a hundred names
	nameProbes   = 4  // slots tried for a name
)

type namedSlot struct {
	name string
	c    *concept
}

// Find returns the first asserted match of concept in folded text, or nil.
func (v *Vocab) Find(name, folded string) []int { return v.find(name, folded) }

// Has reports whether folded text holds an asserted match of concept.
func (v *Vocab) Has(name, folded string) bool { return v.find(name, folded) != nil }

// FindAll returns every match of concept (filters applied), in text order.
func (v *Vocab) FindAll(name, folded string) [][]int { return v.findAll(name, folded) }

func (v *Vocab) find(name, folded string) (first []int) {
	v.eachMatch(name, folded, func(loc []int) bool {
		first = loc
		return false
	})
	return first
}

func (v *Vocab) findAll(name, folded string) [][]int {
	var out [][]int
	v.eachMatch(name, folded, func(loc []int) bool {
		out = append(out, loc)
		return true
	})
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// eachMatch calls yield with each asserted match of concept in folded
// text, pattern by pattern, until yield returns false.
func (v *Vocab) eachMatch(name, folded string, yield func(loc []int) bool) {
	c := v.concept(name)
	words, maybe := v.wordsAndConcepts(folded)
	if maybe != nil && maybe[c.id>>6]&(1<<(c.id&63)) == 0 {
		return // none of its patterns' first words
	}
	for set := c.index.patterns(words, len(c.re)); ; {
		i, ok := set.next()
		if !ok {
			return
		}
		if !c.gates[i].passes(words) {
			continue
		}
		for _, loc := range c.re[i].FindAllStringIndex(folded, -1) {
			if v.asserted(c, folded, loc[0], loc[1]) && !yield(loc) {
				return
			}
		}
	}
}

// asserted applies the concept's filters: a cue in the same clause before
// the match (or just after it, or inside it) cancels it.
func (v *Vocab) asserted(c *concept, text string, start, end int) bool {
	if len(c.filters) == 0 {
		return true
	}
	clause := 0
	for _, re := range v.cue("clause_break").re {
		for _, loc := range re.FindAllStringIndex(text[:start], -1) {
			clause = max(clause, loc[1])
		}
	}
	before := text[clause:start]
	for _, f := range []string{"hypothetical", "negation", "future", "temporal"} {
		if c.filters[f] && v.cueIn(f, before) {
			return false
		}
	}
	if c.filters["conditional"] && v.cueIn("conditional", text[:start]) {
		return false
	}
	if c.filters["inside"] && v.cueIn("negation", text[start:end]) {
		return false
	}
	if c.filters["inside_future"] && (v.cueIn("future", text[start:end]) || v.cueIn("hypothetical", text[start:end])) {
		return false
	}
	if c.filters["other"] && v.cueIn("other_owner", text[start:end]) && v.cueIn("other_provider", text[end:]) {
		return false
	}
	if c.filters["other"] && v.cueIn("other_org", text[:start]) {
		return false // "the CAS file is closed": another organisation's file
	}
	if c.filters["notrecord"] && v.cueIn("notrecord", text[start:end]) {
		return false
	}
	if c.filters["notapply"] && v.cueIn("notapply", text[end:]) {
		return false
	}
	if c.filters["none"] && v.cueIn("after_none", text[end:]) {
		return false
	}
	if c.filters["after"] && v.cueIn("after", v.restOfClause(text[end:])) {
		return false
	}
	if c.filters["to_client"] && v.cueIn("to_client", text[start:end+len(v.restOfClause(text[end:]))]) {
		return false // the client's own copy: "summary mailed to the client"
	}
	return true
}

// restOfClause is rest up to its first clause break.
func (v *Vocab) restOfClause(rest string) string {
	stop := len(rest)
	for _, re := range v.cue("clause_break").re {
		if loc := re.FindStringIndex(rest); loc != nil && loc[0] < stop {
			stop = loc[0]
		}
	}
	return rest[:stop]
}

func (v *Vocab) cueIn(name, text string) bool {
	c := v.cue(name)
	var words wordSet // looked for only when a pattern needs words ("[;:,]" does not)
	for i, re := range c.re {
		if len(c.gates[i].sets) > 0 {
			if words == nil {
				if words = v.cueWords(text); !c.mask.meets(words) {
					return false
				}
			}
			if !c.gates[i].passes(words) {
				continue
			}
		}
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

// Fold lower-cases text and removes accents, as the patterns expect.
// Every rune maps to runes of the same byte length or shorter only for
// ASCII; offsets into folded text are therefore only used on folded text.
func Fold(s string) string { return fold(s, false) }

// foldBytes is Fold of a note's body, read once: not copied into a string
// first. The folded text never shares the body's memory.
func foldBytes(body []byte) string {
	return fold(unsafe.String(unsafe.SliceData(body), len(body)), true)
}

// fold is Fold; own says s's memory is not the caller's to keep, so an
// unchanged s is copied.
func fold(s string, own bool) string {
	i := 0
	for i < len(s) && lowerASCII[s[i]] {
		i++
	}
	if i == len(s) {
		if own {
			return strings.Clone(s)
		}
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for {
		// A run of lower-case ASCII is copied whole.
		j := i
		for j < len(s) && lowerASCII[s[j]] {
			j++
		}
		b.WriteString(s[i:j])
		if i = j; i == len(s) {
			break
		}
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
			i++
		default: // not ASCII
			r, n := utf8.DecodeRuneInString(s[i:])
			parser.WriteFolded(&b, unicode.ToLower(r))
			i += n
		}
	}
	return b.String()
}

// lowerASCII marks the bytes that fold to themselves: ASCII but A-Z.
var lowerASCII = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c < 'A' || c > 'Z'
	}
	return t
}()
