package audit

import "strings"

var outreachAttempts = &Check{
	ID: "outreach-attempts", Order: 5, Core: true, Severity: Error,
	Source:  "OCSWSSW practice note, Scenario 2, Q4; Reg. 384/00 s. 2.8",
	Applies: groundIsNot("risk-of-harm", "no-longer-needed"),
	Run: func(e *EventContext) Outcome {
		if held := sessionHeld(e); len(held) > 0 {
			return Outcome{Met: true, Message: e.T("outreach-held"), Evidence: held}
		}
		attempts, channels, evidence := countAttempts(e.Notes)
		c := e.Config
		var names []string
		for _, ch := range channels {
			names = append(names, e.T("channel-"+ch))
		}
		msg := []any{len(attempts), len(channels), strings.Join(names, ", ")}
		if len(attempts) >= c.MinAttempts && len(channels) >= c.MinChannels {
			return Outcome{Met: true, Message: e.T("outreach-met", msg...), Evidence: evidence}
		}
		if len(attempts) == 0 {
			return Outcome{Message: e.T("outreach-none", c.MinAttempts, c.MinChannels)}
		}
		return Outcome{Message: e.T("outreach-gap", append(msg, c.MinAttempts, c.MinChannels)...), Evidence: evidence}
	},
}

// sessionHeld is the evidence that a termination session took place, in any
// mode. A block saying it was declined or not held is not overridden by
// nothing, but a sentence saying it was held wins over a stale block.
func sessionHeld(e *EventContext) []Evidence {
	held := e.Hits("session_held")
	for _, f := range e.Notes {
		if f.SessionStatus == "held" {
			held = append(held, Evidence{f.Path, f.SessionLine, "session: held"})
		}
	}
	return held
}

// countAttempts counts distinct attempts (means + date) and distinct means.
func countAttempts(notes []*Facts) (map[string]bool, []string, []Evidence) {
	attempts := map[string]bool{}
	seenChannel := map[string]bool{}
	var channels []string
	var evidence []Evidence
	seenEv := map[Evidence]bool{}
	for _, f := range notes {
		for _, a := range f.Attempts {
			attempts[a.Channel+"|"+a.DateKey] = true
			if !seenChannel[a.Channel] {
				seenChannel[a.Channel] = true
				channels = append(channels, a.Channel)
			}
			if !seenEv[a.Evidence] {
				seenEv[a.Evidence] = true
				evidence = append(evidence, a.Evidence)
			}
		}
	}
	return attempts, channels, evidence
}

func init() { register(outreachAttempts) }
