package audit

import "strings"

var recordDetails = &Check{
	ID: "record-details", Order: 7, Core: true, Severity: Error,
	Source:  "OCSWSSW practice note, Scenario 2, Q6; Code of Ethics, Principle IV",
	Applies: always,
	Run: func(e *EventContext) Outcome {
		a := e.Anchor
		var missing []string
		var evidence []Evidence
		found := func(key string, fm Evidence, body Evidence) {
			switch {
			case fm.Line > 0:
				evidence = append(evidence, fm)
			case body.Line > 0:
				evidence = append(evidence, body)
			default:
				missing = append(missing, e.T(key))
			}
		}
		var dateFM, authorFM, caseFM Evidence
		if a.DateText != "" && a.Dated {
			dateFM = Evidence{a.Path, a.DateLine, "date: " + a.DateText}
		}
		if a.Practitioner != "" {
			authorFM = Evidence{a.Path, a.PractLine, "practitioner: " + a.Practitioner}
		}
		if a.Client != "" {
			caseFM = Evidence{a.Path, a.ClientLine, "client: " + a.Client}
		}
		var body Record
		if a.Record != nil {
			body = *a.Record
		}
		found("detail-date", dateFM, body.Date)
		found("detail-author", authorFM, body.Author)
		found("detail-case", caseFM, body.Case)
		if len(missing) == 0 {
			return Outcome{Met: true, Message: e.T("record-met"), Evidence: evidence}
		}
		return Outcome{Message: e.T("record-gap", strings.Join(missing, ", ")), Evidence: evidence}
	},
}

func init() { register(recordDetails) }
