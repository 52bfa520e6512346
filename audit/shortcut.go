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
	folded := Fold(string(body))
	// Any line may be a heading: "# …", a bold line, a line in capitals,
	// the line above "===". Test the heading patterns on each.
	heading := v.concept("termination_heading")
	if v.anyWords(heading, folded) {
		for _, line := range strings.Split(folded, "\n") {
			if h := cleanHeading(markStripper.Replace(strings.TrimRight(line, "# \r"))); h != "" && v.anyMatch(heading, h) {
				return true
			}
		}
	}
	statement, session := v.concept("termination_statement"), v.concept("session_held")
	if !v.anyWords(statement, folded) && !v.anyWords(session, folded) {
		return false // most notes: none of the words, no need to clean the text
	}
	plain := plainish(folded)
	return v.anyMatch(statement, plain) || v.anyMatch(session, plain)
}

var (
	linkTargetRe  = regexp.MustCompile(`\]\([^)]*\)`)
	markStripper  = strings.NewReplacer("*", "", "_", "", "`", "")
	plainStripper = strings.NewReplacer("*", "", "_", "", "`", "", "[", "", "]", "", "<", "", ">", "", "#", "", "|", " | ", "\\", "")
)

// anyWords reports whether text holds the required words of any pattern
// of the concept (a cheap test before running any of them line by line).
func (v *Vocab) anyWords(c *concept, text string) bool {
	words := v.words(text)
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
