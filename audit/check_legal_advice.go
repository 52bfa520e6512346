package audit

var legalAdvice = &Check{
	ID: "legal-advice", Order: 6, Core: true, Severity: Error,
	Source: "OCSWSSW practice note, Scenario 2, Q5",
	Applies: func(e *EventContext) (bool, string) {
		if !e.CourtOrdered {
			return false, e.T("legal-na")
		}
		return true, ""
	},
	Run: func(e *EventContext) Outcome {
		hits := e.Hits("legal_advice")
		if len(hits) == 0 {
			return Outcome{Message: e.T("legal-gap"), Evidence: e.CourtEvidence}
		}
		return Outcome{Met: true, Message: e.T("legal-met"), Evidence: append(hits, e.CourtEvidence...)}
	},
}

func init() { register(legalAdvice) }
