package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestTransferConsent(t *testing.T) {
	runTable(t, "transfer-consent", []checkCase{
		{"en met: written consent", map[string]string{"n.md": fm("2026-03-01", "transfer") + "With his written consent, I sent a summary of our work to the trauma program.\n"}, audit.Met},
		{"en gap: records faxed", map[string]string{"n.md": fm("2026-03-01", "transfer") + "Faxed my assessment and the last three session notes to the clinic.\n"}, audit.Gap},
		{"en n/a: nothing shared", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. No records shared.\n"}, audit.NotApplicable},
		{"en n/a: counsel of record told", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. Counsel of record notified in writing.\n"}, audit.NotApplicable},
		{"fr met: consentement", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Résumé transmis au programme Laurier avec le consentement écrit de Mme.\n"}, audit.Met},
		{"fr gap: sans consentement", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Résumé de fin de services envoyé par télécopieur au médecin de famille.\n"}, audit.Gap},
		{"fr n/a: aucun résumé", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Aucun résumé ni dossier n'a été transmis.\n"}, audit.NotApplicable},
	})
}
