package audit

var contactsGiven = &Check{
	ID: "contacts-given", Order: 3, Core: true, Severity: Error,
	Source:  "OCSWSSW practice note, Scenario 2, Q2; Code of Ethics, Interp. 3.9",
	Applies: groundIsNot("no-longer-needed"),
	Run: func(e *EventContext) Outcome {
		orgs, evidence := distinctOrgs(e.Notes)
		stated, statedEv := 0, []Evidence(nil)
		for _, f := range e.Notes {
			stated += f.StatedContacts
			statedEv = append(statedEv, f.StatedEvidence...)
		}
		// Details written out and contacts stated as given often describe
		// the same organisations: count the larger, never the sum.
		n := orgs
		if stated > orgs {
			n, evidence = stated, append(evidence, statedEv...)
		}
		min := e.Config.MinContacts
		if n >= min {
			return Outcome{Met: true, Message: e.T("contacts-met", n, min), Evidence: evidence}
		}
		return Outcome{Message: e.T("contacts-gap", n, min), Evidence: evidence}
	},
}

// distinctOrgs merges organisations that share a phone, e-mail, URL or
// address across notes (the same list is often restated) and counts them.
func distinctOrgs(notes []*Facts) (int, []Evidence) {
	var groups []map[string]bool
	var evidence []Evidence
	for _, f := range notes {
		for _, o := range f.Orgs {
			var merged map[string]bool
			for _, g := range groups {
				for _, k := range o.Keys {
					if g[k] {
						merged = g
					}
				}
			}
			if merged == nil {
				merged = map[string]bool{}
				groups = append(groups, merged)
				evidence = append(evidence, o.Evidence)
			}
			for _, k := range o.Keys {
				merged[k] = true
			}
		}
	}
	return len(groups), evidence
}

func init() { register(contactsGiven) }
