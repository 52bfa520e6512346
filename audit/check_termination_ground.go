package audit

var terminationGround = &Check{
	ID: "termination-ground", Order: 1, Core: true, Severity: Error,
	Source:  "Reg. 384/00 s. 2.8 (i–v); Code of Ethics, Interp. 3.9; OCSWSSW practice note, Scenario 2",
	Applies: always,
	Run: func(e *EventContext) Outcome {
		switch {
		case e.GroundInvalid != "":
			return Outcome{Message: e.T("ground-invalid", e.GroundInvalid, groundList(e.Config.Lang, groundPriority)), Evidence: e.GroundEvidence}
		case e.Ground != "":
			return Outcome{Met: true, Message: e.T("ground-met", GroundLabel(e.Config.Lang, e.Ground)), Evidence: e.GroundEvidence}
		}
		return Outcome{Message: e.T("ground-gap", groundList(e.Config.Lang, groundPriority))}
	},
}

func init() { register(terminationGround) }
