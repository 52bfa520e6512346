package audit

import (
	"path"
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

	Hits map[string][]Evidence // concept -> asserted sentences

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

// Grounds in the order they win when a note states several: the more
// specific reason (risk, a chance to find other help, a transfer) over the
// circumstance (the client left or asked), over goals met.
var groundPriority = []string{"risk-of-harm", "opportunity-given", "alternatives-arranged", "client-withdrew", "client-request", "no-longer-needed"}

// GroundCodes are the SPEC §1 codes with their French aliases.
var GroundCodes = map[string]string{
	"client-request": "client-request", "demande-du-client": "client-request",
	"client-withdrew": "client-withdrew", "retrait-du-client": "client-withdrew",
	"alternatives-arranged": "alternatives-arranged", "services-de-rechange": "alternatives-arranged",
	"opportunity-given": "opportunity-given", "possibilite-offerte": "opportunity-given",
	"risk-of-harm": "risk-of-harm", "risque-de-prejudice": "risk-of-harm",
	"no-longer-needed": "no-longer-needed", "services-plus-necessaires": "no-longer-needed",
	// Reg. 384/00 s. 2.8's own numbering.
	"i": "client-request", "ii": "client-withdrew", "iii": "alternatives-arranged", "iv": "opportunity-given", "v": "risk-of-harm",
}

// groundFR is each ground's French alias (SPEC §1).
var groundFR = map[string]string{"client-request": "demande-du-client", "client-withdrew": "retrait-du-client",
	"alternatives-arranged": "services-de-rechange", "opportunity-given": "possibilite-offerte",
	"risk-of-harm": "risque-de-prejudice", "no-longer-needed": "services-plus-necessaires"}

// GroundLabel is the ground's code in lang: the French alias in French.
func GroundLabel(lang, code string) string {
	if fr, ok := groundFR[code]; ok && lang == "fr" {
		return fr
	}
	return code
}

// NormalizeGround maps a written ground (any case, accents, spaces or
// underscores) to its code; ok is false for an unknown value.
func NormalizeGround(s string) (string, bool) {
	k := strings.NewReplacer(" ", "-", "_", "-").Replace(Fold(strings.TrimSpace(s)))
	code, ok := GroundCodes[k]
	return code, ok
}

// concepts whose asserted sentences are kept as evidence.
var sentenceConcepts = []string{"alternatives", "support", "court_order", "legal_advice", "notice", "threat", "risk_session", "record_shared", "consent", "supervision", "session_held"}

var (
	phoneRe     = regexp.MustCompile(`(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b`)
	emailRe     = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	urlRe       = regexp.MustCompile(`(?i)\bhttps?://[^\s)>\]]+|\bwww\.[^\s)>\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|ca|com|net|info)\b(?:/[^\s)>\]]*)?`)
	addressRe   = regexp.MustCompile(`\b\d{1,5},?\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:Rd|Road|St|Street|Ave|Avenue|Lane|Blvd|Boulevard|Drive|Way|Crescent|Cres|Court|Place)\b|\b\d{1,5},?\s+(?:rue|chemin|boulevard|boul\.|avenue|av\.)\s+[\p{L}'’ -]{2,30}`)
	capWordRe   = regexp.MustCompile(`\p{Lu}[\p{L}'’-]+`) // no \b: it is ASCII-only and misses "Équipe"
	countRe     = regexp.MustCompile(`\b(two|both|three|four|five|deux|trois|quatre|cinq|2|3|4|5)\b`)
	caseIDRe    = regexp.MustCompile(`(?i)\b(?:client|file|dossier|case|cas|record|no\.?|n°|#)\s*(?:id|no\.?|n°|#|number|num[ée]ro)?\s*[:#]?\s*([A-Za-z]{1,6}[-_]?\d[\w-]*)`)
	shortLineRe = regexp.MustCompile(`(?i)\b(?:call|dial|appeler|composer|ontario|ligne|line)\s+(211|811|988)\b`)
	authorRe    = regexp.MustCompile(`\p{Lu}[\p{L}'’.-]*(?:[ -]\p{Lu}[\p{L}'’.-]*)+,?\s+(?:MSW,?\s+)?(?:(?:RSW|RSSW|MSW|BSW|SSW|TS|TTS|TSI|RP|RCC|CCC|PhD)\b|T\.S\.|t\.s\.|R\.S\.W\.|M\.S\.W\.)`)
	leadingRe   = regexp.MustCompile(`^[\s#*_>\d.)(\-–—•]+`)
)

var numberWords = map[string]int{"two": 2, "both": 2, "deux": 2, "2": 2, "three": 3, "trois": 3, "3": 3, "four": 4, "quatre": 4, "4": 4, "five": 5, "cinq": 5, "5": 5}

var contactFillers = map[string]bool{"Tel": true, "Tél": true, "Phone": true, "Email": true, "E-mail": true, "Courriel": true, "Fax": true, "Cell": true, "Ext": true, "Or": true, "Ou": true, "And": true, "Et": true, "Téléphone": true, "Telephone": true, "Web": true, "Site": true, "Call": true, "Text": true, "Toll-free": true, "Sans": true}

// Extract reads the facts of one parsed note. relPath is the note's slash
// path relative to the audited root.
func Extract(n *parser.Note, relPath string, v *Vocab) *Facts {
	f := ExtractMeta(n, relPath, v)
	f.readBody(n, relPath, v)
	if !f.Dated {
		f.datedFromBody(n, relPath)
	}
	if !f.Termination {
		f.Record = nil // only the termination note's own details count
	}
	return f
}

// ExtractMeta reads what the front matter alone says. It is all a sweep
// keeps of a note whose case can have no termination event (MayTerminate).
func ExtractMeta(n *parser.Note, relPath string, v *Vocab) *Facts {
	f := &Facts{Path: relPath, Problems: n.Problems, Waivers: n.Meta.Waivers}
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
	if m.Type.Set() && v.Has("termination_type", strings.NewReplacer("_", " ", "-", " ").Replace(Fold(m.Type.Text))) {
		f.markTermination(Evidence{relPath, m.Type.Line, "type: " + m.Type.Text})
	}
	if t := m.Termination; t != nil {
		f.readBlock(t, relPath)
	}
	return f
}

// MayTerminate reports whether a note could be a termination note, from
// its front matter and raw body, without a Markdown parse. It never says no
// to a note Extract finds to be one (the patterns are run without their
// cancelling cues, on text that holds every sentence and heading of the
// note), so skipping the others changes no result; a test proves it on
// every corpus.
func (v *Vocab) MayTerminate(f *Facts, body []byte) bool {
	if f.Termination {
		return true
	}
	folded := Fold(string(body))
	heading := v.concept("termination_heading")
	for _, line := range strings.Split(folded, "\n") {
		t := strings.TrimLeft(line, " \t>-*+0123456789.)")
		if !strings.HasPrefix(t, "#") && !strings.HasPrefix(strings.TrimSpace(line), "=") {
			continue
		}
		// An ATX heading, or a setext underline (then the line above is
		// the heading: test the whole body below instead).
		if strings.HasPrefix(t, "#") {
			h := cleanHeading(strings.NewReplacer("*", "", "_", "", "`", "").Replace(strings.TrimRight(t, "# \r")))
			if v.anyMatch(heading, h) {
				return true
			}
			continue
		}
		for _, l := range strings.Split(folded, "\n") {
			if v.anyMatch(heading, cleanHeading(strings.NewReplacer("*", "", "_", "", "`", "").Replace(l))) {
				return true
			}
		}
	}
	return v.anyMatch(v.concept("termination_statement"), plainish(folded))
}

var linkTargetRe = regexp.MustCompile(`\]\([^)]*\)`)

// plainish approximates the note's plain text from its raw body: link
// targets and emphasis marks dropped, spacing folded. Every sentence of
// the parsed note is a substring of it.
func plainish(folded string) string {
	s := linkTargetRe.ReplaceAllString(folded, "")
	s = strings.NewReplacer("*", "", "_", "", "`", "", "[", "", "]", "", "<", "", ">", "", "#", "", "|", " | ", "\\", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// anyMatch reports whether any pattern of the concept matches, ignoring
// its cancelling cues.
func (v *Vocab) anyMatch(c *concept, text string) bool {
	for i, re := range c.re {
		if passes(text, c.words[i]) && re.MatchString(text) {
			return true
		}
	}
	return false
}

// hit records evidence for a concept; the map is made on first use (most
// notes have none, and a sweep keeps Facts for every note).
func (f *Facts) hit(concept string, e Evidence) {
	if f.Hits == nil {
		f.Hits = map[string][]Evidence{}
	}
	f.Hits[concept] = append(f.Hits[concept], e)
}

func quote(s string) string { return "“" + s + "”" }

func (f *Facts) markTermination(e Evidence) {
	if !f.Termination {
		f.Termination, f.TerminationWhy = true, e
	}
}

func (f *Facts) readBlock(t *parser.Termination, file string) {
	f.BlockLine = t.Line
	f.markTermination(Evidence{file, t.Line, "termination block in front matter"})
	f.BlockGround = t.Ground
	if t.CourtOrdered != nil {
		f.CourtOrdered, f.CourtLine = t.CourtOrdered, t.CourtLine
	}
	for _, a := range t.Alternatives {
		f.hit("alternatives", Evidence{file, a.Line, clip("alternatives: " + a.Text)})
	}
	for _, c := range t.Contacts {
		org := Org{Evidence: Evidence{file, c.Line, clip(strings.Join(nonEmpty(c.Name, c.Phone, c.Email, c.URL, c.Address), ", "))}}
		for _, d := range []string{c.Phone, c.Email, c.URL, c.Address} {
			if d != "" {
				org.Keys = append(org.Keys, detailKey(d))
			}
		}
		if len(org.Keys) == 0 && c.Name != "" {
			org.Keys = []string{"name:" + Fold(c.Name)}
		}
		if len(org.Keys) > 0 {
			f.Orgs = append(f.Orgs, org)
		}
	}
	if t.Support.Set() {
		f.hit("support", Evidence{file, t.Support.Line, clip("support: " + t.Support.Text)})
	}
	if t.Session.Set() {
		f.SessionStatus, f.SessionLine = sessionStatus(t.Session.Text), t.Session.Line
	}
	for _, o := range t.Outreach {
		// An entry may be a line of text: "2026-01-05 phone, no answer".
		ch := channelOf(o.Channel)
		if ch == "" {
			ch = channelOf(o.Outcome)
		}
		if ch == "" {
			continue
		}
		key := "block"
		if d, ok := ParseDate(o.Date); ok {
			key = mdKey(int(d.Month()), d.Day())
		} else if ds := datesIn(Fold(o.Outcome)); len(ds) > 0 {
			key = ds[0].key
		}
		f.Attempts = append(f.Attempts, Attempt{Channel: ch, DateKey: key, Evidence: Evidence{file, o.Line, clip(strings.Join(nonEmpty(o.Date, o.Channel, o.Outcome), ", "))}})
	}
	if t.LegalAdvice.Set() {
		if given, isBool := parser.ParseBool(t.LegalAdvice.Text); !isBool || given {
			f.hit("legal_advice", Evidence{file, t.LegalAdvice.Line, clip("legal_advice: " + t.LegalAdvice.Text)})
		}
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

func sessionStatus(s string) string {
	switch k := strings.NewReplacer(" ", "-", "_", "-").Replace(Fold(strings.TrimSpace(s))); k {
	case "held", "tenue", "tenu", "yes", "oui", "true", "done", "completed":
		return "held"
	case "declined", "refused", "refusee", "refuse", "declinee":
		return "declined"
	default:
		return "not-held"
	}
}

// channelOf maps a structured outreach channel to a means.
func channelOf(s string) string {
	f := Fold(s)
	for _, ch := range Channels {
		if DefaultVocab.Has("channel_"+ch, f) {
			return ch
		}
	}
	switch {
	case strings.Contains(f, "video") || strings.Contains(f, "visio"):
		return "video"
	case strings.Contains(f, "person") || strings.Contains(f, "domicile"):
		return "in-person"
	case strings.Contains(f, "text") || strings.Contains(f, "sms"):
		return "text"
	}
	return ""
}

// Channels are the means of outreach, voicemail counting as phone.
var Channels = []string{"phone", "email", "letter", "text", "video", "in-person"}

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
			f.readRecordDetails(b.Text, b.Line, Fold(b.Text), hev, n.BodyLine, v)
			// "## Closure — client withdrew": a heading may state the ground.
			for _, code := range groundPriority {
				if v.Has("ground_"+code, h) {
					f.Grounds = append(f.Grounds, GroundHit{code, hev, true})
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
		isNone := v.cueIn("none", content)
		ev := Evidence{file, b.Line, clip(b.Text)}
		// A section or label that names the thing makes its content evidence.
		for concept, heading := range map[string]string{"alternatives": "alternatives_heading", "support": "support_heading"} {
			if isNone || content == "" {
				continue
			}
			if v.Has(heading, ctx.heading) || v.Has(heading, ctx.label) || v.Has(heading, ctx.lead) {
				f.hit(concept, ev)
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
			sf := Fold(s.Text)
			sev := Evidence{file, s.Line, clip(s.Text)}
			f.readRecordDetails(s.Text, s.Line, sf, sev, n.BodyLine, v)
			if si > b.First {
				// "**Referrals discussed:** …" on its own line of a paragraph.
				if label, rest, ok := labelled(sf); ok && !v.cueIn("none", rest) {
					for concept, heading := range map[string]string{"alternatives": "alternatives_heading", "support": "support_heading"} {
						if v.Has(heading, label) {
							f.hit(concept, sev)
						}
					}
				}
			}
			for _, c := range sentenceConcepts {
				if v.Has(c, sf) {
					f.hit(c, sev)
				}
			}
			label, _, _ := labelled(sf)
			stated := v.Has("reason_heading", label) || v.Has("reason_heading", ctx.heading) || (si == b.First && v.Has("reason_heading", ctx.label))
			for _, code := range groundPriority {
				if v.Has("ground_"+code, sf) {
					f.Grounds = append(f.Grounds, GroundHit{code, sev, stated})
				}
			}
			if f.Dated && v.Has("notice_verb", sf) && v.Has("end_word", sf) && laterDateIn(sf, f.Date) {
				f.hit("notice", sev)
			}
			if v.Has("continuation", sf) {
				hasContinuation = true
			}
			if statement == nil && v.Has("termination_statement", sf) {
				e := sev
				statement = &e
			}
			if v.Has("contact_stated", sf) && !hasDetails(s.Text) {
				k := 1
				if m := countRe.FindString(sf); m != "" {
					k = numberWords[m]
				}
				f.StatedContacts += k
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

// labelled splits "label: rest" when the label is short.
func labelled(folded string) (label, rest string, ok bool) {
	i := strings.Index(folded, ":")
	if i <= 0 || i > 50 {
		return "", "", false
	}
	return cleanHeading(folded[:i]), strings.TrimSpace(folded[i+1:]), strings.TrimSpace(folded[i+1:]) != ""
}

func cleanHeading(s string) string {
	return strings.TrimSpace(leadingRe.ReplaceAllString(Fold(strings.Trim(s, "*_ ")), ""))
}

func hasDetails(s string) bool {
	return phoneRe.MatchString(s) || emailRe.MatchString(s) || urlRe.MatchString(s)
}

// readContacts groups the contact details written in a block by
// organisation: a new organisation starts where a name (a capitalised word)
// stands between two details.
func (f *Facts) readContacts(n *parser.Note, bi int, file string, v *Vocab) {
	b := n.Blocks[bi]
	text := b.Text
	type detail struct {
		start, end int
		key        string
	}
	var ds []detail
	masked := []byte(text)
	add := func(re *regexp.Regexp) {
		for _, loc := range re.FindAllStringIndex(string(masked), -1) {
			raw := text[loc[0]:loc[1]]
			for i := loc[0]; i < loc[1]; i++ {
				masked[i] = ' '
			}
			ds = append(ds, detail{loc[0], loc[1], detailKey(raw)})
		}
	}
	// Cheap tests first: most blocks hold no contact detail at all.
	if strings.IndexByte(text, '@') >= 0 {
		add(emailRe)
	}
	if strings.Contains(text, "www.") || strings.Contains(text, "http") || strings.Contains(text, ".org") || strings.Contains(text, ".ca") || strings.Contains(text, ".com") || strings.Contains(text, ".net") || strings.Contains(text, ".info") {
		add(urlRe)
	}
	if strings.IndexAny(text, "0123456789") >= 0 {
		add(phoneRe)
		add(addressRe)
		add(shortLineRe) // 211, 811, 988: province-wide lines
	}
	if len(ds) == 0 {
		return
	}
	sortDetails := func() {
		for i := 1; i < len(ds); i++ {
			for j := i; j > 0 && ds[j].start < ds[j-1].start; j-- {
				ds[j], ds[j-1] = ds[j-1], ds[j]
			}
		}
	}
	sortDetails()
	prevEnd := 0
	var cur *Org
	for _, d := range ds {
		before := Fold(text[max(0, d.start-40):d.start])
		if v.Has("client_phone", before) {
			prevEnd = d.end
			continue
		}
		between := text[prevEnd:d.start]
		if cur == nil || namesIn(between) {
			f.Orgs = append(f.Orgs, Org{Evidence: evidenceAt(n, bi, file, d.start)})
			cur = &f.Orgs[len(f.Orgs)-1]
		}
		cur.Keys = append(cur.Keys, d.key)
		prevEnd = d.end
	}
}

// serviceNounRe names a kind of service: "the crisis line (…)" is an
// organisation even without a capital.
var serviceNounRe = regexp.MustCompile(`\b(line|centre|center|clinic|program|programme|service|group|team|counsell?ing|course|website|site|app|hub|agency|association|society|ligne|clinique|groupe|organisme|equipe|cours|application)s?\b`)

func namesIn(s string) bool {
	for _, w := range capWordRe.FindAllString(s, -1) {
		if !contactFillers[w] {
			return true
		}
	}
	return serviceNounRe.MatchString(Fold(s))
}

// evidenceAt returns the sentence of block bi that holds text offset off.
func evidenceAt(n *parser.Note, bi int, file string, off int) Evidence {
	b := n.Blocks[bi]
	pos := 0
	for si := b.First; si < b.First+b.Count; si++ {
		s := n.Sentences[si]
		pos += len(s.Text) + 1
		if off < pos || si == b.First+b.Count-1 {
			return Evidence{file, s.Line, clip(s.Text)}
		}
	}
	return Evidence{file, b.Line, clip(b.Text)}
}

var nonDigit = regexp.MustCompile(`\D`)

func detailKey(raw string) string {
	raw = strings.TrimSpace(raw)
	if strings.Contains(raw, "@") {
		return "email:" + strings.ToLower(raw)
	}
	if digits := nonDigit.ReplaceAllString(raw, ""); len(digits) >= 10 && phoneRe.MatchString(raw) {
		return "phone:" + digits[len(digits)-10:]
	}
	l := strings.ToLower(raw)
	if urlRe.MatchString(raw) && !strings.ContainsAny(raw, " ") {
		l = strings.TrimPrefix(strings.TrimPrefix(l, "https://"), "http://")
		return "url:" + strings.TrimSuffix(strings.TrimPrefix(l, "www."), "/")
	}
	return "addr:" + strings.Join(strings.Fields(Fold(raw)), " ")
}

// readAttempts finds attempts to arrange a termination session in one
// sentence: a means (phone, e-mail…) in a sentence about offering a session
// or about an unanswered contact. Modes of the session offered ("a closing
// session by phone or in person") are not means of outreach.
func (f *Facts) readAttempts(sf string, ev Evidence, ctx blockCtx, v *Vocab) {
	if v.Has("attempt_not", sf) {
		return
	}
	if !v.Has("attempt_cue", sf) && !v.Has("attempt_cue", ctx.lead) && !v.Has("attempt_cue", ctx.heading) {
		return
	}
	masked := []byte(sf)
	for _, loc := range v.FindAll("session_mode", sf) {
		if isMode(sf, loc, v) {
			for i := loc[0]; i < loc[1]; i++ {
				masked[i] = ' '
			}
		}
	}
	for _, loc := range v.FindAll("channel_not", sf) {
		for i := loc[0]; i < loc[1]; i++ {
			masked[i] = ' '
		}
	}
	text := string(masked)
	type mention struct {
		channel string
		off     int
	}
	var ms []mention
	for _, ch := range Channels {
		for _, loc := range v.FindAll("channel_"+ch, text) {
			ms = append(ms, mention{ch, loc[0]})
		}
	}
	if len(ms) == 0 {
		return
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].off < ms[j-1].off; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	dates := datesIn(sf)
	for i, m := range ms {
		next := len(sf)
		if i+1 < len(ms) {
			next = ms[i+1].off
		}
		// "emails of 01-14 and 01-28": one attempt per date that follows the
		// means, else the date before it, else the note's own date.
		var keys []string
		for _, d := range dates {
			if d.off > m.off && d.off < next {
				keys = append(keys, d.key)
			}
		}
		if len(keys) == 0 {
			for _, d := range dates {
				if d.off < m.off {
					keys = []string{d.key}
				}
			}
		}
		if len(keys) == 0 {
			keys = []string{"note"}
			if f.Dated {
				keys[0] = mdKey(int(f.Date.Month()), f.Date.Day())
			}
		}
		for _, k := range keys {
			f.Attempts = append(f.Attempts, Attempt{Channel: m.channel, DateKey: k, Evidence: ev})
		}
	}
}

// isMode tells a session's mode ("a closing session by phone", "in person
// or by phone") from a means of outreach ("offered by phone").
func isMode(sf string, loc []int, v *Vocab) bool {
	span := sf[loc[0]:loc[1]]
	if strings.Contains(span, " or ") || strings.Contains(span, " ou ") || strings.Contains(span, ",") {
		return true
	}
	before := sf[max(0, loc[0]-30):loc[0]]
	nouns := v.FindAll("session_noun", before)
	if len(nouns) == 0 {
		return false
	}
	gap := before[nouns[len(nouns)-1][1]:]
	for _, verb := range []string{"offer", "propos", "sent", "envoy", "request", "demand", "invit", "confirm"} {
		if strings.Contains(gap, verb) {
			return false
		}
	}
	return true
}

// readRecordDetails finds the date, author and case identifier when the body
// states them ("Date: …", "— Name, RSW", "file DV-1121").
func (f *Facts) readRecordDetails(text string, line int, folded string, ev Evidence, bodyLine int, v *Vocab) {
	r := f.Record
	if r == nil {
		r = &Record{}
	}
	if r.Date.Line == 0 && (v.Has("record_date_label", folded) || (line <= bodyLine+4 && len(text) < 120 && isoDateRe.MatchString(text))) {
		r.Date = ev
	}
	if r.Author.Line == 0 {
		if v.Has("record_author_label", folded) {
			r.Author = ev
			if i := strings.Index(text, ":"); i >= 0 {
				r.AuthorName = strings.TrimSpace(text[i+1:])
			}
		} else if m := authorRe.FindString(text); m != "" {
			r.Author, r.AuthorName = ev, strings.TrimSpace(m)
		}
	}
	if r.Case.Line == 0 {
		if m := caseIDRe.FindStringSubmatch(text); m != nil && !isoDateRe.MatchString(m[1]) {
			r.Case = ev
		}
	}
	if f.Record == nil && (r.Date.Line > 0 || r.Author.Line > 0 || r.Case.Line > 0) {
		f.Record = r
	}
}

// datedFromBody dates a note with no front-matter date from a date stated in
// its first lines, then from its file name: for the evidence window only
// (record-details still asks for a date written in the note).
func (f *Facts) datedFromBody(n *parser.Note, file string) {
	if f.Record != nil && f.Record.Date.Line > 0 {
		if d, ok := ParseDate(f.Record.Date.Text); ok {
			f.Date, f.Dated, f.DateText = d, true, d.Format("2006-01-02")
			return
		}
	}
	for i, b := range n.Blocks {
		if i > 3 {
			break
		}
		if m := isoDateRe.FindString(b.Text); m != "" {
			if d, ok := ParseDate(m); ok {
				f.Date, f.Dated, f.DateText = d, true, d.Format("2006-01-02")
				return
			}
		}
	}
	if d, ok := ParseDate(path.Base(file)); ok {
		f.Date, f.Dated = d, true
	}
}

// laterDateIn reports whether folded text names a full date after day: a
// note that tells the client of an end date still to come gives notice.
func laterDateIn(sf string, day time.Time) bool {
	for _, m := range isoDateRe.FindAllString(sf, -1) {
		if d, ok := ParseDate(m); ok && d.After(day) {
			return true
		}
	}
	return false
}
