// The grounds of Reg. 384/00 s. 2.8 and Interp. 3.9: codes, aliases, labels.

package audit

import "strings"

// Grounds in the order they win when a note states several: the more
// specific reason (risk, a chance to find other help, a transfer) over the
// circumstance (the client left or asked), over goals met.
var groundPriority = []string{"risk-of-harm", "opportunity-given", "alternatives-arranged", "client-withdrew", "client-request", "no-longer-needed"}

// The concepts that state each ground of groundPriority, and that answer
// a bare "Reason:" with it: named once, not per sentence.
var (
	groundConcepts = prefixed("ground_", groundPriority)
	answerConcepts = prefixed("answer_", groundPriority)
)

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// GroundCodes are the SPEC §1 codes with their French aliases.
var GroundCodes = map[string]string{
	"client-request": "client-request", "demande-du-client": "client-request",
	"client-withdrew": "client-withdrew", "retrait-du-client": "client-withdrew",
	"alternatives-arranged": "alternatives-arranged", "services-de-rechange": "alternatives-arranged",
	"opportunity-given": "opportunity-given", "possibilite-offerte": "opportunity-given",
	"risk-of-harm": "risk-of-harm", "risque-de-prejudice": "risk-of-harm",
	"no-longer-needed": "no-longer-needed", "services-plus-necessaires": "no-longer-needed",
	// Reg. 384/00 s. 2.8's own numbering.
	"i": "client-request", "ii": "client-withdrew", "iii": "alternatives-arranged", "iv": "opportunity-given", "v": "risk-of-harm",
}

// groundFR is each ground's French alias (SPEC §1).
var groundFR = map[string]string{"client-request": "demande-du-client", "client-withdrew": "retrait-du-client",
	"alternatives-arranged": "services-de-rechange", "opportunity-given": "possibilite-offerte",
	"risk-of-harm": "risque-de-prejudice", "no-longer-needed": "services-plus-necessaires"}

// GroundLabel is the ground's code in lang: the French alias in French.
func GroundLabel(lang, code string) string {
	if fr, ok := groundFR[code]; ok && lang == "fr" {
		return fr
	}
	return code
}

// keyDasher makes a written value a key: "client withdrew" and
// "client_withdrew" are "client-withdrew".
var keyDasher = strings.NewReplacer(" ", "-", "_", "-")

// NormalizeGround maps a written ground (any case, accents, spaces or
// underscores) to its code; ok is false for an unknown value.
func NormalizeGround(s string) (string, bool) {
	k := keyDasher.Replace(Fold(strings.TrimSpace(s)))
	code, ok := GroundCodes[k]
	return code, ok
}

// readGroundAnswer reads the terse answer under a reason label or heading
// ("Reason for closure: Non-engagement") that no sentence pattern matched,
// in words those patterns would not trust elsewhere. Under a bare "Reason:" the answer is Loose: it
// counts only in a termination note, not in an intake's "Reason: …".
func (f *Facts) readGroundAnswer(label, rest, sf string, first bool, ctx blockCtx, ev Evidence, v *Vocab) {
	var answer string
	loose := false
	switch {
	case label != "" && v.Has("reason_end_label", label):
		answer = rest
	case label != "" && v.Has("reason_bare_label", label):
		answer, loose = rest, true
	case v.Has("reason_end_label", ctx.heading) || first && v.Has("reason_end_label", ctx.label):
		answer = sf
	case v.Has("reason_bare_label", ctx.heading) || first && v.Has("reason_bare_label", ctx.label):
		answer, loose = sf, true
	default:
		return
	}
	// The answer's first reason is the one: "goals met, no other services
	// requested" is about goals.
	best, at := "", len(answer)
	for i, code := range groundPriority {
		if loc := v.Find(answerConcepts[i], answer); loc != nil && loc[0] < at {
			best, at = code, loc[0]
		}
	}
	if best != "" {
		f.Grounds = append(f.Grounds, GroundHit{Code: best, Evidence: ev, Stated: true, Loose: loose})
	}
}
