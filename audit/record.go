// The record's own date, author and case identifier as its text states them.

package audit

import (
	"path"
	"strings"
	"time"

	"github.com/noteaudit/noteaudit/parser"
)

// readRecord reads the record details of every heading and sentence, in
// note order.
func (f *Facts) readRecord(n *parser.Note, file string, v *Vocab) {
	for _, b := range n.Blocks {
		if b.Kind == parser.Heading {
			f.readRecordDetails(b.Text, b.Line, Fold(b.Text), file, n.BodyLine, v)
			continue
		}
		for _, s := range n.Sentences[b.First : b.First+b.Count] {
			f.readRecordDetails(s.Text, s.Line, foldSentence(s.Text), file, n.BodyLine, v)
		}
	}
}

// readRecordDetails finds the date, author and case identifier when the body
// states them ("Date: …", "— Name, RSW", "file DV-1121").
func (f *Facts) readRecordDetails(text string, line int, folded string, file string, bodyLine int, v *Vocab) {
	var r Record
	if f.Record != nil {
		r = *f.Record
	}
	ev := func() Evidence { return Evidence{file, line, clip(text)} } // most text states none
	if r.Date.Line == 0 && (v.Has("record_date_label", folded) || (line <= bodyLine+4 && len(text) < 120 && isDate(text))) {
		r.Date = ev()
	}
	if r.Author.Line == 0 {
		if v.Has("record_author_label", folded) {
			r.Author = ev()
			if i := strings.Index(text, ":"); i >= 0 {
				r.AuthorName = strings.TrimSpace(text[i+1:])
			}
		} else if m := authorIn(text); m != "" {
			r.Author, r.AuthorName = ev(), strings.TrimSpace(m)
		}
	}
	if r.Case.Line == 0 {
		if m := caseIDIn(text); m != nil && !isoDateRe.MatchString(m[1]) {
			r.Case = ev()
		}
	}
	if r != (Record{}) && (f.Record == nil || r != *f.Record) {
		// A new one, made only here: &r would put every call's r on the
		// heap.
		f.Record = new(Record)
		*f.Record = r
	}
}

// authorIn finds "Name Surname, RSW". Every credential authorRe knows
// holds one of credentialParts, so text without them is not tried.
func authorIn(text string) string {
	for _, part := range credentialParts {
		if strings.Contains(text, part) {
			return authorRe.FindString(text)
		}
	}
	return ""
}

// credentialParts: one of these is in each credential of authorRe (RSW,
// RSSW, MSW, BSW, SSW, R.S.W., M.S.W.; TS, TTS, TSI, T.S., t.s.; RP; RCC,
// CCC; PhD).
var credentialParts = []string{"SW", "S.W", "TS", "T.S", "t.s", "RP", "CC", "PhD"}

// caseIDIn finds "file DV-1121": an identifier holds a digit.
func caseIDIn(text string) []string {
	if countDigits(text) == 0 {
		return nil
	}
	return caseIDRe.FindStringSubmatch(text)
}

// isDate: a full date, ISO or written ("March 1, 2026", "1er mars 2026").
// Each holds a four-digit year.
func isDate(text string) bool {
	if countDigits(text) < 4 {
		return false
	}
	_, ok := ParseDate(text)
	return ok
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
