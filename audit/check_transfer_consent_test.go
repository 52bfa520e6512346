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
		// The client's own copy is no transfer to another provider.
		{"en n/a: summary mailed to the client", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. A copy of this discharge summary was mailed to the client.\n"}, audit.NotApplicable},
		{"en n/a: the client's copy", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. Closing summary sent (client's copy).\n"}, audit.NotApplicable},
		{"fr n/a: résumé remis à la cliente", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "La cliente s'est retirée. Une copie du résumé de fermeture a été envoyée à la cliente.\n"}, audit.NotApplicable},
		// An unticked box: not done.
		{"en n/a: unticked box", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client asked to end services.\n\n- [x] Closing session held\n- [ ] Summary sent to family doctor\n"}, audit.NotApplicable},
		{"en gap: ticked box", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client asked to end services.\n\n- [x] Closing session held\n- [x] Summary sent to family doctor\n"}, audit.Gap},
		{"fr n/a: case vide", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "La cliente s'est retirée.\n\n- ☐ Résumé transmis au médecin de famille\n"}, audit.NotApplicable},
		// A pronoun may be the new provider: the record counts as shared.
		{"en gap: faxed to him", map[string]string{"n.md": fm("2026-03-01", "termination") + "Dr. Osei takes over. I faxed the discharge summary to him today.\n"}, audit.Gap},
		{"en gap: to the client's new counsellor", map[string]string{"n.md": fm("2026-03-01", "termination") + "Discharge summary sent to the client's new counsellor at CMHA.\n"}, audit.Gap},
		{"fr gap: envoyé à la clinique de la cliente", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Résumé envoyé à la clinique de la cliente.\n"}, audit.Gap},
	})
}
