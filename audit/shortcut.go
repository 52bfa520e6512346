// Deciding cheaply, before any Markdown parse, whether a note may be a
// termination note, and whether its body may matter to an event at all.

package audit

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/noteaudit/noteaudit/parser"
)

// Triage is what a cheap look at a note, before any Markdown parse, says
// its body may hold.
type Triage struct {
	// MayTerminate: the note may be a termination note (Look.MayTerminate).
	MayTerminate bool
	// MayMatter: the body may hold a fact a check reads (Look.MayMatter);
	// true until looked at.
	MayMatter bool
}

// Look is a note's body prepared once, before any Markdown parse, for
// MayTerminate and MayMatter: its paragraphs as plain text, with their
// words. It belongs to one goroutine.
type Look struct {
	v      *Vocab // with the note's own word cache
	f      *Facts
	body   []byte
	paras  []para  // nil until needed
	ends   *bool   // MayTerminate's answer, once known
	folded *string // the body folded, once needed
}

// para is a paragraph: a run of lines between blank lines, folded. A
// block never spans a blank line, so each is tested alone: shorter texts,
// and words must meet in one.
type para struct {
	folded string
	text   plainText   // its plain text
	joins  bool        // an emphasis mark may join or split words (marksMayJoin)
	glued  []plainText // its plain text from each number run into a word (gluedStarts); set by allWords
}

type plainText struct {
	plain string
	ends  wordSet // the words MayTerminate tests (wordIndex.narrow); nil until it needs them
	words wordSet // all its words; nil until MayMatter needs them (allWords)
}

// terminationConcepts are the concepts MayTerminate tries.
var terminationConcepts = []string{"termination_heading", "termination_statement", "session_held"}

// endWords is the set of the words of text that MayTerminate tests.
func (v *Vocab) endWords(text string) wordSet {
	return v.index.ends.scan(text, v.newSet(v.index.endsSize), v.index.endsSize)
}

// Look prepares a note, given the facts of its front matter and its raw
// body.
func (v *Vocab) Look(f *Facts, body []byte) *Look {
	return &Look{v: v.forNote(), f: f, body: body}
}

func (l *Look) paragraphs() []para {
	if l.paras == nil {
		chunks := paragraphs(l.foldedBody())
		l.paras = make([]para, 0, len(chunks))
		for _, chunk := range chunks {
			p := para{folded: chunk, joins: strings.ContainsAny(chunk, "*_`") && marksMayJoin(chunk) || linkSpansLines(chunk)}
			p.text = plainText{plain: plainish(chunk)}
			l.paras = append(l.paras, p)
		}
	}
	return l.paras
}

// MayTerminate reports whether the note could be a termination note. It
// never says no to a note Extract finds to be one (the patterns are run
// without their cancelling cues, on text that holds every sentence and
// heading of the note), so skipping the others changes no result; tests
// prove it on every corpus.
func (l *Look) MayTerminate() bool {
	if l.ends == nil {
		ends := l.f.Termination || l.terminationIn()
		l.ends = &ends
	}
	return *l.ends
}

func (l *Look) terminationIn() bool {
	return !l.cannotTerminate() && l.terminationInParagraphs()
}

// cannotTerminate reports, from the whole body at once, that no pattern
// terminationInParagraphs tries can match there: none has its words
// anywhere in the body, word boundaries or not. That holds where each
// paragraph's plain text, and each heading in it, is made of pieces of the
// body, so that a word of theirs is a word of the body: no link target
// (dropped) and no mark inside a run of text (see
// marksMayJoin), and no word the patterns need holds spacing or markup
// (wordIndex.endsPlain). Otherwise, or when it cannot tell, it says false.
// Most notes hold none of those words, and need no paragraphs then.
func (l *Look) cannotTerminate() bool {
	x := l.v.index
	if !x.endsPlain {
		return false
	}
	body := l.foldedBody()
	if strings.Contains(body, "](") || strings.ContainsAny(body, "*_`") && marksMayJoin(body) {
		return false
	}
	words := x.ends.scanAnywhere(body, l.v.newSet(x.endsSize), x.endsSize)
	for _, name := range terminationConcepts {
		c := l.v.concept(name)
		if c.anyGate(words) || c.anyLooseGate(words) {
			return false
		}
	}
	return true
}

// foldedBody is the note's body, folded once.
func (l *Look) foldedBody() string {
	if l.folded == nil {
		f := foldBytes(l.body)
		l.folded = &f
	}
	return *l.folded
}

// terminationInParagraphs is terminationIn, paragraph by paragraph.
func (l *Look) terminationInParagraphs() bool {
	v := l.v
	heading := v.concept("termination_heading")
	statement, session := v.concept("termination_statement"), v.concept("session_held")
	paras := l.paragraphs()
	for _, p := range paras {
		// Where an emphasis mark stands inside a run of text, the parse may
		// join words the plain text splits, or keep the mark as a
		// character (and a link target may span lines): no plain text is
		// sure, so the note is parsed.
		if p.joins {
			return true
		}
	}
	for k := range paras {
		p := &paras[k]
		if p.text.ends == nil { // not needed when MayMatter asked for the paragraphs
			p.text.ends = v.endWords(p.text.plain)
		}
		t := p.text
		// Any line may be a heading: "# …", a bold line, a line in
		// capitals, the line above "===". Test the heading patterns on
		// each.
		if heading.anyLooseGate(t.ends) {
			for _, line := range strings.Split(p.folded, "\n") {
				if h := cleanHeading(plainish(line)); h != "" && heading.anyMatch(v.endWords(h), h) {
					return true
				}
			}
		}
		if statement.anyMatch(t.ends, t.plain) || session.anyMatch(t.ends, t.plain) {
			return true
		}
	}
	return false
}

// bodyTriggers say when a body may yield a fact: a concept of each group
// matches somewhere in the note. The other concepts only refine these (a
// cue cancels, a continuation cancels a statement); termination itself is
// MayTerminate's. Single concepts come first, and in each conjunction the
// rarer group, so that MayMatter tries few patterns.
var bodyTriggerNames = func() [][][]string {
	var out [][][]string
	for _, c := range sentenceConcepts {
		out = append(out, [][]string{{c}})
	}
	for _, c := range groundConcepts {
		out = append(out, [][]string{{c}})
	}
	return append(out,
		[][]string{{"alternatives_heading"}}, [][]string{{"support_heading"}}, // a section or label that names the thing
		[][]string{{"contact_stated"}},
		[][]string{{"session_heading"}, {"session_heading_held"}},             // "Closing session: held"
		[][]string{{"reason_end_label", "reason_bare_label"}, answerConcepts}, // a terse answer under a reason label
		[][]string{{"attempt_cue"}, channelConcepts},                          // an attempt: a cue (sentence, lead or heading) and a means
		[][]string{{"end_word"}, {"notice_verb"}},                             // told of an end date
	)
}()

// triggerNames are the concepts of bodyTriggerNames, once each, and
// bodyTriggers the same triggers with each concept as its place there:
// MayMatter remembers what it found of each in an array.
var triggerNames, bodyTriggers = func() ([]string, [][][]int) {
	var names []string
	at := map[string]int{}
	var triggers [][][]int
	for _, trigger := range bodyTriggerNames {
		var groups [][]int
		for _, group := range trigger {
			var ks []int
			for _, name := range group {
				k, ok := at[name]
				if !ok {
					k, at[name] = len(names), len(names)
					names = append(names, name)
				}
				ks = append(ks, k)
			}
			groups = append(groups, ks)
		}
		triggers = append(triggers, groups)
	}
	if len(names) > maxTriggers {
		panic("audit: more body trigger concepts than maxTriggers")
	}
	return names, triggers
}()

const maxTriggers = 64

// MayMatter reports whether the note's body may yield any fact the checks
// read, beyond its front matter's (a termination among them): when false,
// Extract gives the facts ExtractMeta gives, as tests prove on every
// corpus. Each trigger concept is tried, without its cues and with its ^
// and $ dropped, on each paragraph where its words are, and only as long
// as the answer is not known.
func (l *Look) MayMatter() bool {
	if l.MayTerminate() || l.mayHoldDetails() {
		return true
	}
	paras := l.paragraphs()
	// A concept none of whose words the note holds matches no paragraph.
	noteWords := l.allWords(paras)
	var found [maxTriggers]int8 // by triggerNames: 0 not tried yet, 1 no match, 2 a match
	matches := func(k int) bool {
		if found[k] == 0 {
			found[k] = 1
			if looseMatchIn(paras, noteWords, l.v.concept(triggerNames[k])) {
				found[k] = 2
			}
		}
		return found[k] == 2
	}
	for _, trigger := range bodyTriggers {
		all := true
		for _, group := range trigger {
			any := false
			for _, k := range group {
				if any = matches(k); any {
					break
				}
			}
			if all = any; !all {
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// mayHoldDetails reports whether the body may hold a contact detail, as
// the detail kinds of the body with its markup spaced out say (an e-mail,
// a URL, a short line, an address addressRe reads), but for phone numbers
// (phoneMayBeIn: a body with dates but no group of three digits holds
// none). The markup is no digit and no "@", and spacing it out (never
// dropping it) makes no URL hint, short line or street word that the body
// lacks: so the body itself answers for most notes, without a copy.
func (l *Look) mayHoldDetails() bool {
	body := unsafe.String(unsafe.SliceData(l.body), len(l.body)) // only read
	digits := countDigits(body)
	switch {
	case strings.IndexByte(body, '@') >= 0:
		return true // an e-mail address may be there
	case phoneMayBeIn(body, digits):
		return true
	case !containsOneOf(body, urlHints) && (digits == 0 || !containsOneOf(body, shortLines) && !streetWordIn(body)):
		return false // no URL, and no short line or address
	}
	text := spacedStripper.Replace(body)
	k := detailKindsIn(text)
	return k.url || k.shortLine || k.address && addressRe.MatchString(text)
}

// phoneMayBeIn reports whether a body with so many digits may hold a
// phone number once parsed. Every number phoneRe reads has a group of
// exactly three digits between separators (the middle one). The parse
// keeps the body's digits, but may join them across emphasis, code, link
// brackets, escapes or table bars: those are looked through here. HTML and
// entities may make digits of their own: a body with them may.
func phoneMayBeIn(body string, digits int) bool {
	if digits < 4 {
		return false
	}
	if strings.ContainsAny(body, "<&") {
		return true
	}
	run := 0
	for i := 0; i <= len(body); i++ {
		switch {
		case i < len(body) && body[i] >= '0' && body[i] <= '9':
			run++
		case i < len(body) && strings.IndexByte("*_`[]\\|", body[i]) >= 0:
			// looked through
		default:
			if run == 3 {
				return true
			}
			run = 0
		}
	}
	return false
}

// allWords finds the words of each paragraph's texts (looseMatchIn), and
// returns them together.
func (l *Look) allWords(paras []para) wordSet {
	all := make(wordSet, (len(l.v.index.ids)+63)/64)
	add := func(t *plainText) {
		t.words = l.v.words(t.plain)
		for i, w := range t.words {
			all[i] |= w
		}
	}
	for i := range paras {
		p := &paras[i]
		add(&p.text)
		for _, at := range gluedStarts(p.text.plain) {
			p.glued = append(p.glued, plainText{plain: p.text.plain[at:]})
		}
		for k := range p.glued {
			add(&p.glued[k])
		}
	}
	return all
}

// looseMatchIn reports whether a loosened pattern of c matches a
// paragraph's plain text, or its text from a place where a heading or
// label may start once its leading number is dropped; all holds every word
// of those texts (allWords), so a pattern whose words the note lacks is
// tried on none of them.
func looseMatchIn(paras []para, all wordSet, c *concept) bool {
	for set := c.looseIndex.patterns(all, len(c.loose)); ; {
		i, ok := set.next()
		if !ok {
			return false
		}
		re, gate := c.loose[i], c.looseGates[i]
		if !gate.passes(all) {
			continue
		}
		for k := range paras {
			p := &paras[k]
			if gate.passes(p.text.words) && re.MatchString(p.text.plain) {
				return true
			}
			for _, g := range p.glued {
				if gate.passes(g.words) && re.MatchString(g.plain) {
					return true
				}
			}
		}
	}
}

// gluedStarts lists where a run of digits that starts a word runs into a
// letter ("0client withdrew", "2closing"). The extraction reads a heading
// or a label without its leading number ("## 0Client withdrew" states a
// ground), so a word starts there although the plain text has no word
// boundary before it.
func gluedStarts(plain string) []int {
	var out []int
	for i := 0; i < len(plain); i++ {
		if plain[i] < '0' || plain[i] > '9' || i > 0 && isWordByte(plain[i-1]) {
			continue
		}
		j := i
		for j < len(plain) && plain[j] >= '0' && plain[j] <= '9' {
			j++
		}
		if j < len(plain) && isWordByte(plain[j]) {
			out = append(out, j)
		}
		i = j
	}
	return out
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	var out []string
	start := 0
	for start < len(text) {
		end := len(text)
		for i := start; i < len(text); i++ {
			if text[i] != '\n' {
				continue
			}
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				end = i
				break
			}
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, text[start:end])
		}
		start = end + 1
	}
	return out
}

var (
	linkTargetRe = regexp.MustCompile(`\]\([^)]*\)`)
	// Emphasis marks inside a word join it ("clos**ing**"), other markup
	// never does: it becomes a space, so it cannot join words either.
	plainStripper = strings.NewReplacer(plainMarkup...)
	// An emphasis mark may also be a literal character ("00*alternative"):
	// contact details are looked for with marks as spaces.
	spacedStripper = strings.NewReplacer(func() (pairs []string) {
		for i := 0; i < len(plainMarkup); i += 2 {
			with := plainMarkup[i+1]
			if isMark(plainMarkup[i][0]) {
				with = " "
			}
			pairs = append(pairs, plainMarkup[i], with)
		}
		return pairs
	}()...)
)

// plainMarkup is what plain text has for each markup (old, new pairs):
// emphasis marks dropped, other markup made spacing, a table's "|" kept
// apart. A backslash stays, as the parse keeps it (an escape's too),
// except at a hard line break, which the parse reads as a space.
var plainMarkup = []string{"*", "", "_", "", "`", "", "\\\n", " ", "\\\r", " ", "[", " ", "]", " ", "<", " ", ">", " ", "#", " ", "|", " | "}

// anyLooseGate reports whether a text with these words passes the word
// test of any of the concept's loosened patterns. A heading is tested
// after its leading "2." or "#" are stripped, so a word that starts it
// need not start a word in the raw text ("2closing").
func (c *concept) anyLooseGate(words wordSet) bool {
	return anyGate(&c.looseIndex, c.looseGates, words)
}

// anyGate is anyLooseGate for the patterns as they are.
func (c *concept) anyGate(words wordSet) bool { return anyGate(&c.index, c.gates, words) }

func anyGate(x *gateIndex, gates []gate, words wordSet) bool {
	for set := x.patterns(words, len(gates)); ; {
		i, ok := set.next()
		if !ok {
			return false
		}
		if gates[i].passes(words) {
			return true
		}
	}
}

// plainish approximates the note's plain text from its raw body: link
// targets and markup dropped, spacing folded. Where no emphasis mark stands
// inside a run of text (marksMayJoin), every sentence of the parsed note
// reads as a part of it.
func plainish(folded string) string {
	if strings.Contains(folded, "](") {
		return plainWith(folded, plainStripper)
	}
	return plainOf(folded)
}

// What plainStripper does with each byte.
const (
	keepByte  = iota
	dropByte  // an emphasis mark: ""
	spaceByte // other markup, and spacing: " "
	pipeByte  // a table's "|": " | "
	slashByte // a backslash: a space before a line's end, else kept
)

var plainClass = func() (c [utf8.RuneSelf]uint8) {
	for b := range c {
		if parser.IsASCIISpace(byte(b)) {
			c[b] = spaceByte
		}
	}
	for i := 0; i < len(plainMarkup); i += 2 {
		if old := plainMarkup[i]; len(old) == 1 {
			c[old[0]] = map[string]uint8{"": dropByte, " ": spaceByte, " | ": pipeByte}[plainMarkup[i+1]]
		}
	}
	c['\\'] = slashByte
	return c
}()

// plainOf is plainWith(folded, plainStripper) for text without link
// targets, in one pass: the markup replaced and the spacing collapsed as
// the text is copied, and nothing copied while nothing changes (FuzzPlainOf
// holds it to plainWith).
func plainOf(s string) string {
	// The longest start of s that is plain already: ASCII, no markup, and
	// spaces only single, between characters.
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || plainClass[c] != keepByte && (c != ' ' || i == 0 || s[i-1] == ' ') {
			break
		}
	}
	if i == len(s) && (i == 0 || s[i-1] != ' ') {
		return undotTitles(s)
	}
	if i > 0 && s[i-1] == ' ' {
		i-- // the space is the copy's to collapse
	}
	if !utf8.ValidString(s[i:]) {
		// Dropping a byte may join the halves of a character there.
		return plainWith(s, plainStripper)
	}
	out := make([]byte, i, len(s)+len(s)/8)
	copy(out, s[:i])
	space := false // spacing is due before the next character
	for i < len(s) {
		// A run of plain ASCII is copied whole.
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf && plainClass[s[j]] == keepByte {
			j++
		}
		if j > i {
			if space && len(out) > 0 {
				out = append(out, ' ')
			}
			out, space, i = append(out, s[i:j]...), false, j
			continue
		}
		c, n := s[i], 1
		class := spaceByte
		if c < utf8.RuneSelf {
			class = int(plainClass[c])
			if class == slashByte {
				class = keepByte
				if i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\r') {
					class = spaceByte
				}
			}
		} else {
			var r rune
			if r, n = utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r) {
				class = keepByte
			}
		}
		switch class {
		case keepByte, pipeByte:
			if (space || class == pipeByte) && len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, s[i:i+n]...)
			space = class == pipeByte
		case spaceByte:
			space = true
		}
		i += n
	}
	return undotTitles(unsafe.String(unsafe.SliceData(out), len(out))) // out is not changed again
}

// marksMayJoin reports whether a run of emphasis marks stands between two
// characters that are not spacing. Only there does it matter whether the
// parse drops a mark (emphasis: "clos**ing**" is "closing") or keeps it
// (a literal "00*closing"); elsewhere a mark is next to spacing either way
// ("**Plan:** call" reads "plan: call").
func marksMayJoin(folded string) bool {
	s := folded
	if strings.Contains(s, "](") {
		s = linkTargetRe.ReplaceAllString(s, "")
	}
	spacing := func(c byte) bool { return parser.IsASCIISpace(c) || strings.IndexByte("[]<>#|", c) >= 0 }
	for i := 0; i < len(s); i++ {
		if !isMark(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isMark(s[j]) {
			j++
		}
		if i > 0 && !spacing(s[i-1]) && j < len(s) && !spacing(s[j]) {
			return true
		}
		i = j
	}
	return false
}

func isMark(c byte) bool { return c == '*' || c == '_' || c == '`' }

// linkSpansLines reports whether what may be a link target spans lines:
// whether the parse reads it as a link then is not sure either.
func linkSpansLines(folded string) bool {
	if !strings.Contains(folded, "](") {
		return false
	}
	for _, target := range linkTargetRe.FindAllString(folded, -1) {
		if strings.Contains(target, "\n") {
			return true
		}
	}
	return false
}

func plainWith(folded string, r *strings.Replacer) string {
	s := folded
	if strings.Contains(s, "](") {
		s = linkTargetRe.ReplaceAllString(s, "")
	}
	if strings.ContainsAny(s, "*_`[]<>\\|#") { // most text has no markup
		s = r.Replace(s)
	}
	return undotTitles(parser.CollapseSpace(s))
}

// anyMatch reports whether any pattern of the concept matches text, whose
// words are words, ignoring its cancelling cues.
func (c *concept) anyMatch(words wordSet, text string) bool {
	for set := c.index.patterns(words, len(c.re)); ; {
		i, ok := set.next()
		if !ok {
			return false
		}
		if c.gates[i].passes(words) && c.re[i].MatchString(text) {
			return true
		}
	}
}

// BodyNeeded reports which notes of one case need their body read, not
// only their front matter: those an event of the case could see, if their
// body may matter. Only a note that may be a termination note can anchor
// an event, and its event sees the notes in its window. A note undated in
// its front matter may take a date from its body or file name, so it is
// always read, and a possible termination note without a date sees every
// note.
func BodyNeeded(notes []Brief, triage []Triage, cfg *Config) []bool {
	return seen(notes, triage, cfg, true)
}

// Seen reports which notes of one case an event of the case could see
// (BodyNeeded, whatever their body): the others only count as notes of the
// case (RunAll).
func Seen(notes []Brief, triage []Triage, cfg *Config) []bool {
	return seen(notes, triage, cfg, false)
}

// seen is BodyNeeded (ifMatters) or Seen, on the notes' keys (Facts.Key).
func seen(notes []Brief, triage []Triage, cfg *Config, ifMatters bool) []bool {
	need := make([]bool, len(notes))
	var anchors []Brief
	everything := false
	for i, f := range notes {
		if triage[i].MayTerminate {
			everything = everything || !f.Dated
			anchors = append(anchors, f)
		}
	}
	if len(anchors) == 0 {
		return need
	}
	for i, f := range notes {
		need[i] = !f.Dated
		if ifMatters && !triage[i].MayMatter {
			continue
		}
		need[i] = need[i] || everything
		for _, a := range anchors {
			from, to := windowAt(a.Date, a.Dated, cfg)
			need[i] = need[i] || within(f.Date, f.Dated, from, to, a.Dated)
		}
	}
	return need
}
