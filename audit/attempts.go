// Attempts to arrange a termination session, by means and date.

package audit

import "strings"

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
	for i, ch := range Channels {
		for _, loc := range v.FindAll(channelConcepts[i], text) {
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
