package audit

var transferConsent = &Check{
	ID: "transfer-consent", Order: 10, Severity: Warning,
	Source: "OCSWSSW practice note, Scenario 1; Code of Ethics, Principle V (confidentiality)",
	Applies: func(e *EventContext) (bool, string) {
		if len(e.Hits("record_shared")) == 0 {
			return false, e.T("transfer-na")
		}
		return true, ""
	},
	Run: func(e *EventContext) Outcome {
		shared, consent := e.Hits("record_shared"), e.Hits("consent")
		if len(consent) == 0 {
			return Outcome{Message: e.T("transfer-gap"), Evidence: shared}
		}
		return Outcome{Met: true, Message: e.T("transfer-met"), Evidence: append(consent, shared...)}
	},
}

func init() { register(transferConsent) }
