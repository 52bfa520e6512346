package audit

import "strings"

var riskDocumented = &Check{
	ID: "risk-documented", Order: 9, Severity: Warning,
	Source:  "OCSWSSW practice note, Scenario 3; Reg. 384/00 s. 2.8 (v)",
	Applies: groundIs("risk-of-harm"),
	Run: func(e *EventContext) Outcome {
		threat, session := e.Hits("threat"), e.Hits("risk_session")
		for _, f := range e.Notes {
			if f.SessionStatus != "" && f.SessionStatus != "held" {
				session = append(session, Evidence{f.Path, f.SessionLine, "session: " + f.SessionStatus})
			}
		}
		var missing []string
		if len(threat) == 0 {
			missing = append(missing, e.T("risk-what"))
		}
		if len(session) == 0 {
			missing = append(missing, e.T("risk-session"))
		}
		evidence := append(threat, session...)
		if len(missing) == 0 {
			return Outcome{Met: true, Message: e.T("risk-met"), Evidence: evidence}
		}
		return Outcome{Message: e.T("risk-gap", strings.Join(missing, e.T("and"))), Evidence: evidence}
	},
}

func init() { register(riskDocumented) }
