package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestAlternativesConsidered(t *testing.T) {
	runTable(t, "alternatives-considered", []checkCase{
		{"en met: heading", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client asked to end services.\n\n## Alternatives considered\n- evening group\n- online CBT\n"}, audit.Met},
		{"en met: narrative", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. I looked at what would still meet her needs: a peer group and a walk-in clinic.\n"}, audit.Met},
		{"en gap: same agency only", map[string]string{"n.md": fm("2026-03-01", "closing") + "Client asked today to end counselling. She may request services again through intake.\n"}, audit.Gap},
		{"en n/a: goals met", map[string]string{"n.md": fm("2026-03-01", "closing") + "Services are no longer needed: goals met.\n"}, audit.NotApplicable},
		{"fr met: services de rechange", map[string]string{"n.md": fm("2026-03-01", "cessation") + "La cliente s'est retirée.\n\nServices de rechange envisagés : groupe d'entraide, CLSC.\n"}, audit.Met},
		{"fr gap: rien", map[string]string{"n.md": fm("2026-03-01", "cessation") + "La cliente s'est retirée. Dossier fermé.\n"}, audit.Gap},
		// A referral made to another service is an alternative considered.
		{"en met: referral made", map[string]string{"n.md": fm("2026-03-01", "termination") + "Youth asked to end counselling. Referral made to the John Howard Society youth program.\n"}, audit.Met},
		{"en met: referred her to", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. I referred her to the walk-in clinic on Queen St.\n"}, audit.Met},
		{"fr met: référence faite", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "La cliente s'est retirée. Référence faite au CLSC de Gatineau.\n"}, audit.Met},
		{"en met: warm transfer", map[string]string{"n.md": fm("2026-03-01", "closing") + "Services end: reasonable efforts made to arrange replacement services (warm transfer to the CMHA adult program).\n"}, audit.Met},
		{"fr met: transfert vers le CLSC", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "La cliente s'est retirée. Transfert personnalisé vers le CLSC de Hull.\n"}, audit.Met},
		{"fr n/a: objectifs atteints", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Objectifs atteints; les services ne sont plus nécessaires.\n"}, audit.NotApplicable},
	})
}
