package audit

var alternativesConsidered = &Check{
	ID: "alternatives-considered", Order: 2, Core: true, Severity: Error,
	Source:  "OCSWSSW practice note, Scenario 2, Q1; Code of Ethics, Interp. 3.9",
	Applies: groundIsNot("no-longer-needed"),
	Run: func(e *EventContext) Outcome {
		hits := e.Hits("alternatives")
		if len(hits) == 0 {
			return Outcome{Message: e.T("alternatives-gap")}
		}
		return Outcome{Met: true, Message: e.T("alternatives-met", len(hits)), Evidence: hits}
	},
}

func init() { register(alternativesConsidered) }
