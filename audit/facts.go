package audit

import (
	"regexp"
	"strings"
	"time"

	"github.com/noteaudit/noteaudit/parser"
)

// Facts is everything the checks need from one note. It holds no syntax tree
// and no file content beyond short evidence snippets, so a sweep can keep
// Facts for every note of a share and a watcher can keep them between saves.
type Facts struct {
	Path         string // slash path relative to the audited root
	Client       string
	ClientLine   int
	Date         time.Time
	Dated        bool
	DateText     string
	DateLine     int
	Practitioner string
	PractLine    int
	Type         string
	Problems     []parser.Problem

	Termination    bool     // this note is a termination note
	TerminationWhy Evidence // what made it one

	Grounds     []GroundHit  // grounds stated in the text, in note order
	BlockGround parser.Value // `termination.ground` as written
	BlockLine   int          // line of the termination block, 0 if none

	CourtOrdered *bool // from the termination block
	CourtLine    int

	Hits []Hit // asserted sentences, in note order

	Orgs           []Org // contact details written out, grouped by organisation
	StatedContacts int   // contacts stated as given without details
	StatedEvidence []Evidence
	Attempts       []Attempt
	SessionStatus  string // from the block: held, declined, not-held
	SessionLine    int

	Record *Record // record details stated in the body; kept for termination notes only

	Waivers []parser.Waiver
}

// Record is what a note's body states of its own date, author and case
// identifier (Line 0: not found).
type Record struct {
	Date, Author, Case Evidence
	AuthorName         string
}

// GroundHit is a ground stated in a sentence.
type GroundHit struct {
	Code     string
	Evidence Evidence
	Stated   bool // under a "Reason:" label or heading: it wins over a passing mention
	Loose    bool // a terse answer under a bare "Reason:": counts only in a termination note
}

// Org is one organisation or professional whose details were written out.
type Org struct {
	Keys     []string // normalised phone digits, e-mails, URLs, addresses
	Evidence Evidence
}

// Attempt is one attempt to arrange a termination session.
type Attempt struct {
	Channel  string // phone, email, letter, text, video, in-person
	DateKey  string // MM-DD, to count an attempt logged twice once
	Evidence Evidence
}

// headedConcepts are the concepts whose heading or label makes what
// follows it their evidence.
var headedConcepts = []struct{ concept, heading string }{{"alternatives", "alternatives_heading"}, {"support", "support_heading"}}

// concepts whose asserted sentences are kept as evidence.
var sentenceConcepts = []string{"alternatives", "support", "court_order", "legal_advice", "notice", "threat", "risk_session", "record_shared", "consent", "supervision", "session_held"}

var (
	phoneRe     = regexp.MustCompile(`(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b1[\s.-]8\d\d[\s.-][A-Z]{3}-?[A-Z]{4}\b`) // or a toll-free "1-866-APPELLE"
	emailRe     = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	urlRe       = regexp.MustCompile(`(?i)\bhttps?://[^\s)>\]]+|\bwww\.[^\s)>\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|ca|com|net|info)\b(?:/[^\s)>\]]*)?`)
	addressRe   = regexp.MustCompile(`\b\d{1,5},?\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:Rd|Road|St|Street|Ave|Avenue|Lane|Blvd|Boulevard|Drive|Way|Crescent|Cres|Court|Place)\b|\b\d{1,5},?\s+(?:rue|chemin|boulevard|boul\.|avenue|av\.)\s+[\p{L}'’ -]{2,30}`)
	capWordRe   = regexp.MustCompile(`\p{Lu}[\p{L}'’-]+`) // no \b: it is ASCII-only and misses "Équipe"
	countRe     = regexp.MustCompile(`\b(two|both|three|four|five|deux|trois|quatre|cinq|2|3|4|5)\b`)
	caseIDRe    = regexp.MustCompile(`(?i)\b(?:client|file|dossier|case|cas|record|no\.?|n°|#)\s*(?:id|no\.?|n°|#|number|num[ée]ro)?\s*[:#]?\s*([A-Za-z]{1,6}(?:[-_][A-Za-z]{1,4})?[-_]?\d[\w-]*|\d{3,}[\w-]*)`)
	shortLineRe = regexp.MustCompile(`(?i)\b(?:call|dial|appeler|composer|ontario|ligne|line)\s+(211|811|988)\b`)
	authorRe    = regexp.MustCompile(`\p{Lu}[\p{L}'’.-]*(?:[ -]\p{Lu}[\p{L}'’.-]*)+,?\s+(?:MSW,?\s+)?(?:(?:RSW|RSSW|MSW|BSW|SSW|TS|TTS|TSI|RP|RCC|CCC|PhD)\b|T\.S\.|t\.s\.|R\.S\.W\.|M\.S\.W\.)`)
)

// Extract reads the facts of one parsed note. relPath is the note's slash
// path relative to the audited root.
func Extract(n *parser.Note, relPath string, v *Vocab) *Facts {
	f := ExtractMeta(n, relPath, v)
	f.ReadBody(n, v)
	return f
}

// ReadBody adds to the facts ExtractMeta read of a note those of its body.
func (f *Facts) ReadBody(n *parser.Note, v *Vocab) {
	v = v.forNote()
	f.readBody(n, f.Path, v)
	f.readDate(n, v)
}

// ReadDate is ReadBody for a note whose body holds no fact
// (Look.MayMatter says no): an undated one still takes its date from it.
func (f *Facts) ReadDate(n *parser.Note, v *Vocab) {
	f.readDate(n, v.forNote())
}

func (f *Facts) readDate(n *parser.Note, v *Vocab) {
	// Only the termination note's own details count; an undated note may
	// take its date from them.
	if f.Termination || !f.Dated {
		f.readRecord(n, f.Path, v)
	}
	if !f.Dated {
		f.datedFromBody(n, f.Path)
	}
	if !f.Termination {
		f.Record = nil
	}
}

// typeSpacer reads "end_of_service" and "end-of-service" as words.
var typeSpacer = strings.NewReplacer("_", " ", "-", " ")

// ExtractMeta reads what the front matter alone says. It is all a sweep
// keeps of a note no termination event can read (Look).
func ExtractMeta(n *parser.Note, relPath string, v *Vocab) *Facts {
	f := v.newFacts()
	f.Path, f.Problems, f.Waivers = relPath, n.Problems, n.Meta.Waivers
	m := n.Meta
	f.Client, f.ClientLine = m.Client.Text, m.Client.Line
	f.Practitioner, f.PractLine, f.Type = m.Practitioner.Text, m.Practitioner.Line, m.Type.Text
	if m.Date.Set() {
		f.DateText, f.DateLine = m.Date.Text, m.Date.Line
		f.Date, f.Dated = ParseDate(m.Date.Text)
		if !f.Dated {
			f.Problems = append(f.Problems, parser.Problem{Line: m.Date.Line, Message: "date " + quote(m.Date.Text) + " is not a date (expected YYYY-MM-DD); the note is treated as undated"})
		}
	}
	if m.Type.Set() && v.Has("termination_type", typeSpacer.Replace(Fold(m.Type.Text))) {
		f.markTermination(Evidence{relPath, m.Type.Line, "type: " + m.Type.Text})
	}
	if t := m.Termination; t != nil {
		f.readBlock(t, relPath)
	}
	return f
}

// Hit is a sentence asserting a concept.
type Hit struct {
	Concept string
	Evidence
}

// hit records evidence for a concept. A list, not a map by concept: a
// note has a few, and a sweep holds the facts of every note an event may
// see until the end, for each collection to scan.
func (f *Facts) hit(concept string, e Evidence) {
	f.Hits = append(f.Hits, Hit{concept, e})
}

func quote(s string) string { return "“" + s + "”" }

func (f *Facts) markTermination(e Evidence) {
	if !f.Termination {
		f.Termination, f.TerminationWhy = true, e
	}
}

type blockCtx struct {
	heading string // folded heading of the block's section
	label   string // folded "Label:" the block starts with
	lead    string // folded paragraph that introduces the list
}

func (f *Facts) readBody(n *parser.Note, file string, v *Vocab) {
	hasContinuation := false
	var statement *Evidence
	ctxOf := func(bi int) blockCtx {
		b := n.Blocks[bi]
		var c blockCtx
		if b.Section >= 0 {
			c.heading = cleanHeading(n.Blocks[b.Section].Text)
		}
		if b.Lead >= 0 {
			c.lead = Fold(n.Blocks[b.Lead].Text)
		}
		if i := strings.IndexAny(b.Text, ":"); i > 0 && i <= 50 {
			c.label = cleanHeading(b.Text[:i])
		}
		return c
	}
	firstInSection := map[int]bool{}
	for bi, b := range n.Blocks {
		if b.Kind == parser.Heading {
			h := cleanHeading(b.Text)
			if v.Has("termination_heading", h) && !v.Has("termination_heading_not", h) {
				f.markTermination(Evidence{file, b.Line, clip(b.Text)})
			}
			hev := Evidence{file, b.Line, clip(b.Text)}
			// "## Closure — client withdrew": a heading may state the ground.
			for i, code := range groundPriority {
				if v.Has(groundConcepts[i], h) {
					f.Grounds = append(f.Grounds, GroundHit{Code: code, Evidence: hev, Stated: true})
				}
			}
			continue
		}
		ctx := ctxOf(bi)
		folded := Fold(b.Text)
		content := folded
		if ctx.label != "" {
			content = strings.TrimSpace(folded[strings.Index(folded, ":")+1:])
		}
		ev := Evidence{file, b.Line, clip(b.Text)}
		// A section or label that names the thing makes its content
		// evidence, unless the content says there is none.
		for _, h := range headedConcepts {
			if content != "" && (v.Has(h.heading, ctx.heading) || v.Has(h.heading, ctx.label) || v.Has(h.heading, ctx.lead)) && !v.cueIn("none", content) {
				f.hit(h.concept, ev)
			}
		}
		if b.Section >= 0 && !firstInSection[b.Section] {
			firstInSection[b.Section] = true
			if v.Has("session_heading", ctx.heading) && v.Has("session_heading_held", folded) {
				f.hit("session_held", ev)
			}
		}
		if ctx.label != "" && v.Has("session_heading", ctx.label) && v.Has("session_heading_held", content) {
			f.hit("session_held", ev)
		}
		f.readContacts(n, bi, file, v)
		for si := b.First; si < b.First+b.Count; si++ {
			s := n.Sentences[si]
			sf := foldSentence(s.Text)
			sev := Evidence{file, s.Line, clip(s.Text)}
			if si > b.First {
				// "**Referrals discussed:** …" on its own line of a paragraph.
				if label, rest, ok := labelled(sf); ok {
					for _, h := range headedConcepts {
						if v.Has(h.heading, label) && !v.cueIn("none", rest) {
							f.hit(h.concept, sev)
						}
					}
				}
			}
			held := false
			for _, c := range sentenceConcepts {
				if v.Has(c, sf) {
					f.hit(c, sev)
					held = held || c == "session_held"
				}
			}
			label, rest, _ := labelled(sf)
			stated := v.Has("reason_heading", label) || v.Has("reason_heading", ctx.heading) || (si == b.First && v.Has("reason_heading", ctx.label))
			found := false
			for i, code := range groundPriority {
				if v.Has(groundConcepts[i], sf) {
					f.Grounds = append(f.Grounds, GroundHit{Code: code, Evidence: sev, Stated: stated})
					found = true
				}
			}
			if !found {
				f.readGroundAnswer(label, rest, sf, si == b.First, ctx, sev, v)
			}
			if f.Dated && v.Has("notice_verb", sf) && v.Has("end_word", sf) && laterDateIn(sf, f.Date) {
				f.hit("notice", sev)
			}
			if v.Has("continuation", sf) {
				hasContinuation = true
			}
			// A closing session held today ends services as surely as saying so.
			if statement == nil && (held || v.Has("termination_statement", sf)) {
				e := sev
				statement = &e
			}
			if loc := v.Find("contact_stated", sf); loc != nil && !hasDetails(s.Text) {
				f.StatedContacts += statedCount(sf, s.Text, loc[1])
				f.StatedEvidence = append(f.StatedEvidence, sev)
			}
			f.readAttempts(sf, sev, ctx, v)
		}
	}
	// A note that says services continue is not ended by a passing sentence;
	// a heading or the front matter still make it a termination note.
	if statement != nil && !hasContinuation {
		f.markTermination(*statement)
	}
}

// nextDotSpace is where the ". " after the one at i is, or -1.
func nextDotSpace(s string, i int) int {
	if k := strings.Index(s[i+1:], ". "); k >= 0 {
		return i + 1 + k
	}
	return -1
}

// maxTitle is the length of the longest title ("mlle").
const maxTitle = 4

// titles whose period does not end a sentence ("dr. lee").
var titles = map[string]bool{"dr": true, "dre": true, "mr": true, "mrs": true, "ms": true, "st": true, "me": true, "mme": true, "mlle": true, "m": true, "no": true, "n°": true}

// foldSentence folds a sentence and drops the periods of titles ("Dr. Lee"
// → "dr lee") so patterns that stop at a period read across them.
func foldSentence(s string) string {
	return undotTitles(Fold(s))
}

// undotTitles drops the period of each title followed by a space in
// folded text.
func undotTitles(s string) string {
	var b strings.Builder
	last := 0
	for i := strings.Index(s, ". "); i >= 0; i = nextDotSpace(s, i) {
		// The word before it, or its last maxTitle+1 bytes: no title.
		j := i
		for j > 0 && isWordByte(s[j-1]) && i-j <= maxTitle {
			j--
		}
		if j == i && strings.HasSuffix(s[:i], "n°") && (i == 3 || !isWordByte(s[i-4])) {
			j = i - 3
		}
		if !titles[s[j:i]] {
			continue
		}
		b.WriteString(s[last:i])
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// labelled splits "label: rest" when the label is short.
func labelled(folded string) (label, rest string, ok bool) {
	i := strings.Index(folded, ":")
	if i <= 0 || i > 50 {
		return "", "", false
	}
	return cleanHeading(folded[:i]), strings.TrimSpace(folded[i+1:]), strings.TrimSpace(folded[i+1:]) != ""
}

// cleanHeading is a heading or label folded, without the marks and
// numbers before its words ("## 2. Reason:", "- **Plan**").
func cleanHeading(s string) string {
	return strings.TrimSpace(strings.TrimLeftFunc(Fold(strings.Trim(s, "*_ ")), isLeadingMark))
}

// isLeadingMark: what may stand before a heading's words, as the pattern
// ^[\s#*_>\d.)(\-–—•]+ would take it (\s is ASCII spacing but \v).
func isLeadingMark(r rune) bool {
	switch r {
	case '\t', '\n', '\f', '\r', ' ', '#', '*', '_', '>', '.', ')', '(', '-', '–', '—', '•':
		return true
	}
	return r >= '0' && r <= '9'
}
