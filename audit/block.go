// Reading the structured termination block of the front matter.

package audit

import (
	"strings"

	"github.com/noteaudit/noteaudit/parser"
)

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
	switch k := keyDasher.Replace(Fold(strings.TrimSpace(s))); k {
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
	for i, ch := range Channels {
		if DefaultVocab.Has(channelConcepts[i], f) {
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

// channelConcepts[i] is the concept that names Channels[i].
var channelConcepts = prefixed("channel_", Channels)
