package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestContactSupport(t *testing.T) {
	runTable(t, "contact-support", []checkCase{
		{"en met: self-referral explained", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. The letter explains that Eastgate takes self-referrals by phone.\n"}, audit.Met},
		{"en met: helped call", map[string]string{"n.md": fm("2026-03-01", "termination") + "At her request services end. I helped her call the clinic from my office.\n"}, audit.Met},
		{"en gap: list only", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n\n## Names and numbers handed over\n- Dr. Moreau — 416-555-0129\n\nShe preferred to choose someone herself rather than be referred.\n"}, audit.Gap},
		{"en n/a: goals met", map[string]string{"n.md": fm("2026-03-01", "closing") + "Goals met; services no longer needed.\n"}, audit.NotApplicable},
		{"fr met: aidée à appeler", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le suivi prend fin à sa demande. Je l'ai aidée à appeler la Maison de la famille.\n"}, audit.Met},
		{"fr gap: rien", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le suivi prend fin à sa demande. Je lui ai envoyé deux ressources.\n"}, audit.Gap},
		{"fr n/a: plus nécessaires", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Les services ne sont plus nécessaires.\n"}, audit.NotApplicable},
	})
}
