package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestLegalAdvice(t *testing.T) {
	runTable(t, "legal-advice", []checkCase{
		{"en n/a: an order in the client's life, our service voluntary", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. The family court ordered supervised access; our counselling is voluntary.\n"}, audit.NotApplicable},
		{"en gap: an order without that statement", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. The family court ordered supervised access.\n"}, audit.Gap},
		{"fr n/a: ordonnance de garde, suivi volontaire", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré. Le tribunal a rendu une ordonnance de garde; notre suivi est volontaire.\n"}, audit.NotApplicable},
		{"fr gap: ordonnance de garde", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré. Le tribunal a rendu une ordonnance de garde.\n"}, audit.Gap},
		{"en met: counsel consulted", map[string]string{"n.md": fm("2026-03-01", "termination") + "Counselling is court-ordered. Client withdrew. Legal advice obtained from agency counsel on 2026-02-20.\n"}, audit.Met},
		{"en met: direction from the court", map[string]string{"n.md": fm("2026-03-01", "termination", "termination:", "  court_ordered: true") + "Client withdrew. I sought direction from the court on 2026-02-01.\n"}, audit.Met},
		{"en gap: block says not obtained", map[string]string{"n.md": fm("2026-03-01", "termination", "termination:", "  court_ordered: yes", "  legal_advice: {obtained: false, note: to do}") + "Client withdrew.\n"}, audit.Gap},
		{"en gap: order, no advice", map[string]string{"n.md": fm("2026-03-01", "termination") + "Counselling was a condition of a youth court order. Client withdrew.\n"}, audit.Gap},
		{"en n/a: no court order", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. No court order or other legal mandate.\n"}, audit.NotApplicable},
		{"en n/a: employer's lawyer about threats", map[string]string{"n.md": fm("2026-03-01", "termination") + "Continuing would put me at risk of harm. I consulted my employer's lawyer about the threats.\n"}, audit.NotApplicable},
		{"fr met: avis juridique", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Counseling ordonné par le tribunal. Le client s'est retiré. Avis juridique obtenu le 2026-02-06.\n"}, audit.Met},
		{"fr gap: ordonnance sans avis", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Counseling ordonné par la Cour supérieure. Le client s'est retiré.\n"}, audit.Gap},
		{"fr n/a: aucune ordonnance", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Le client s'est retiré. Aucune ordonnance du tribunal ni mandat légal.\n"}, audit.NotApplicable},
	})
}
