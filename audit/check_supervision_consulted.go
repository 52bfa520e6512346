package audit

var supervisionConsulted = &Check{
	ID: "supervision-consulted", Order: 11, Severity: Info,
	Source:  "OCSWSSW practice note, Scenarios 1 and 3; Code of Ethics, Interp. 3.8",
	Applies: always,
	Run: func(e *EventContext) Outcome {
		hits := e.Hits("supervision")
		if len(hits) == 0 {
			return Outcome{Message: e.T("supervision-gap")}
		}
		return Outcome{Met: true, Message: e.T("supervision-met"), Evidence: hits}
	},
}

func init() { register(supervisionConsulted) }
