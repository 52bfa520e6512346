// Deciding cheaply, before any Markdown parse, whether a note may be a termination note.

package audit

import (
	"regexp"
	"strings"
)

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
	v = v.forNote()
	heading := v.concept("termination_heading")
	statement, session := v.concept("termination_statement"), v.concept("session_held")
	// A block never spans a blank line, so each run of lines between blank
	// lines is tested alone: shorter texts, and words must meet in one.
	for _, chunk := range paragraphs(Fold(string(body))) {
		words := v.words(chunk)
		// Any line may be a heading: "# …", a bold line, a line in
		// capitals, the line above "===". Test the heading patterns on each.
		if heading.anyGate(words) {
			for _, line := range strings.Split(chunk, "\n") {
				if h := cleanHeading(markStripper.Replace(strings.TrimRight(line, "# \r"))); h != "" && v.anyMatch(heading, h) {
					return true
				}
			}
		}
		if !statement.anyGate(words) && !session.anyGate(words) {
			continue // most paragraphs: none of the words, no need to clean the text
		}
		plain := plainish(chunk)
		if v.anyMatch(statement, plain) || v.anyMatch(session, plain) {
			return true
		}
	}
	return false
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
