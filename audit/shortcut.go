// Deciding cheaply, before any Markdown parse, whether a note may be a termination note.

package audit

import (
	"regexp"
	"strings"
)

// Triage is what a cheap look at a note, before any Markdown parse, says
// its body may hold.
type Triage struct {
	// MayTerminate: the note may be a termination note. It is never false
	// for a note Extract finds to be one (the patterns are run without
	// their cancelling cues, on text that holds every sentence and heading
	// of the note).
	MayTerminate bool
	// MayMatter: the body may hold a fact a check reads (a ground, an
	// attempt, a contact detail…). When false, Extract gives the same facts
	// as ExtractMeta, as tests prove on every corpus.
	MayMatter bool
}

// bodyTriggers are the concepts that yield a fact on their own; the
// others only refine those (a channel needs an attempt cue, an answer a
// reason label, a cue cancels). A text without any of their words gives no
// body facts.
var bodyTriggers = []string{
	"termination_heading", "termination_statement", "session_held",
	"ground_risk-of-harm", "ground_opportunity-given", "ground_alternatives-arranged",
	"ground_client-withdrew", "ground_client-request", "ground_no-longer-needed",
	"reason_end_label", "reason_bare_label",
	"alternatives", "alternatives_heading", "support", "support_heading", "session_heading",
	"court_order", "legal_advice", "notice", "notice_verb", "threat", "risk_session",
	"record_shared", "consent", "supervision", "contact_stated", "attempt_cue",
}

// Triage looks at a note's front matter facts and raw body.
func (v *Vocab) Triage(f *Facts, body []byte) Triage {
	t := Triage{MayTerminate: f.Termination}
	v = v.forNote()
	heading := v.concept("termination_heading")
	statement, session := v.concept("termination_statement"), v.concept("session_held")
	// A block never spans a blank line, so each run of lines between blank
	// lines is tested alone: shorter texts, and words must meet in one.
	for _, chunk := range paragraphs(Fold(string(body))) {
		words := v.words(chunk)
		if !t.MayMatter {
			for _, name := range bodyTriggers {
				if v.concept(name).anyGate(words) {
					t.MayMatter = true
					break
				}
			}
		}
		if t.MayTerminate {
			if t.MayMatter {
				break
			}
			continue
		}
		// Any line may be a heading: "# …", a bold line, a line in
		// capitals, the line above "===". Test the heading patterns on each.
		if heading.anyGate(words) {
			for _, line := range strings.Split(chunk, "\n") {
				if h := cleanHeading(markStripper.Replace(strings.TrimRight(line, "# \r"))); h != "" && v.anyMatch(heading, h) {
					t.MayTerminate = true
					break
				}
			}
		}
		if t.MayTerminate || !statement.anyGate(words) && !session.anyGate(words) {
			continue // most paragraphs: none of the words, no need to clean the text
		}
		plain := plainish(chunk)
		t.MayTerminate = v.anyMatch(statement, plain) || v.anyMatch(session, plain)
	}
	t.MayMatter = t.MayMatter || t.MayTerminate || mayHoldDetails(plainStripper.Replace(string(body)))
	return t
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
	linkTargetRe  = regexp.MustCompile(`\]\([^)]*\)`)
	markStripper  = strings.NewReplacer("*", "", "_", "", "`", "")
	plainStripper = strings.NewReplacer("*", "", "_", "", "`", "", "[", "", "]", "", "<", "", ">", "", "#", "", "|", " | ", "\\", "")
)

// anyGate reports whether a text with these words passes the word test
// of any of the concept's patterns.
func (c *concept) anyGate(words wordSet) bool {
	for _, g := range c.gates {
		if g.passes(words) {
			return true
		}
	}
	return false
}

// plainish approximates the note's plain text from its raw body: link
// targets and emphasis marks dropped, spacing folded. Every sentence of
// the parsed note is a substring of it.
func plainish(folded string) string {
	s := linkTargetRe.ReplaceAllString(folded, "")
	s = plainStripper.Replace(s)
	return abbrevDotRe.ReplaceAllString(strings.Join(strings.Fields(s), " "), "$1 ")
}

// anyMatch reports whether any pattern of the concept matches, ignoring
// its cancelling cues.
func (v *Vocab) anyMatch(c *concept, text string) bool {
	words := v.words(text)
	for i, re := range c.re {
		if c.gates[i].passes(words) && re.MatchString(text) {
			return true
		}
	}
	return false
}

// BodyNeeded reports which notes of one case need their body read, not
// only their front matter: those an event of the case could see, if their
// body may matter. Only a note that may be a termination note can anchor
// an event, and its event sees the notes in its window. A note undated in
// its front matter may take a date from its body or file name, so it is
// always read, and a possible termination note without a date sees every
// note.
func BodyNeeded(notes []*Facts, triage []Triage, cfg *Config) []bool {
	need := make([]bool, len(notes))
	var anchors []*Facts
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
		if !triage[i].MayMatter {
			continue
		}
		need[i] = need[i] || everything
		for _, a := range anchors {
			from, to := window(a, cfg)
			need[i] = need[i] || inWindow(f, from, to, a)
		}
	}
	return need
}
