package audit

var contactSupport = &Check{
	ID: "contact-support", Order: 4, Core: true, Severity: Error,
	Source:  "OCSWSSW practice note, Scenario 2, Q3; Code of Ethics, Interp. 3.9",
	Applies: groundIsNot("no-longer-needed"),
	Run: func(e *EventContext) Outcome {
		hits := e.Hits("support")
		if len(hits) == 0 {
			return Outcome{Message: e.T("support-gap")}
		}
		return Outcome{Met: true, Message: e.T("support-met", len(hits)), Evidence: hits}
	},
}

func init() { register(contactSupport) }
