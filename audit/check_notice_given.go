package audit

var noticeGiven = &Check{
	ID: "notice-given", Order: 8, Severity: Warning,
	Source:  "OCSWSSW practice note, Scenario 1; Reg. 384/00 s. 2.8 (iii, iv)",
	Applies: groundIs("alternatives-arranged", "opportunity-given"),
	Run: func(e *EventContext) Outcome {
		hits := e.Hits("notice")
		if len(hits) == 0 {
			return Outcome{Message: e.T("notice-gap")}
		}
		return Outcome{Met: true, Message: e.T("notice-met"), Evidence: hits}
	},
}

func init() { register(noticeGiven) }
