package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestOutreachAttempts(t *testing.T) {
	runTable(t, "outreach-attempts", []checkCase{
		{"en met: session held", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client asked to end services. Final session held in person today.\n"}, audit.Met},
		{"en met: two means in contact notes", map[string]string{
			"a.md": fm("2026-02-01", "contact") + "Called client's cell: no answer, left voicemail offering a closing session.\n",
			"b.md": fm("2026-02-08", "contact") + "Emailed the client offering a final session. No reply.\n",
			"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n"}, audit.Met},
		{"en gap: two emails", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. Emailed her on 2026-02-12 and again on 2026-02-17 offering a final session; no response.\n"}, audit.Gap},
		{"en gap: session mode is no means", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. Voicemail on 2026-02-10 offering a closing session by phone or in person; no reply.\n"}, audit.Gap},
		{"en gap: outside the window", map[string]string{
			"old.md": fm("2025-09-01", "contact") + "Emailed him offering a closing session. No reply.\n",
			"a.md":   fm("2026-02-10", "contact") + "Phoned, voicemail offering a closing session.\n",
			"n.md":   fm("2026-03-01", "termination") + "Client withdrew.\n"}, audit.Gap},
		{"en n/a: risk of harm", map[string]string{"n.md": fm("2026-03-01", "termination") + "Continuing would put me at serious risk of harm.\n"}, audit.NotApplicable},
		{"en met: outreach written as lines in the block", map[string]string{"n.md": fm("2026-03-01", "termination", "termination:", "  outreach:", "    - 2026-02-05 phone, voicemail", "    - 2026-02-12 letter, no reply") + "Client withdrew.\n"}, audit.Met},
		{"en gap: block says declined, one means", map[string]string{"n.md": fm("2026-03-01", "termination", "termination:", "  session: declined", "  outreach:", "    - {date: 2026-02-05, channel: email, outcome: no reply}", "    - {date: 2026-02-12, channel: e-mail, outcome: declined}") + "Client withdrew.\n"}, audit.Gap},
		{"en met: a returned letter in a contact table", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n\n| Date | Method | Outcome |\n|---|---|---|\n| 02-08 | Email | No reply |\n| 02-15 | Letter | Returned |\n"}, audit.Met},
		{"fr met: lettre retournée", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré.\n\n- 2026-02-08 courriel, aucune réponse\n- 2026-02-15 lettre retournée\n"}, audit.Met},
		{"fr met: texto et appel", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré.\n\n- 2026-02-12 texto — offre une rencontre de fin — pas de réponse\n- 2026-02-17 appel, boîte vocale, même offre\n"}, audit.Met},
		// "Fermeture" is as common as "cessation" or "clôture" for the end of a file.
		{"fr met: séance de fermeture tenue", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "La cliente s'est retirée. Séance de fermeture tenue aujourd'hui en personne.\n"}, audit.Met},
		{"fr met: rencontre de fermeture offerte par deux moyens", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré.\n\n- 2026-02-08 courriel offrant une rencontre de fermeture, aucune réponse\n- 2026-02-15 appel, message vocal\n"}, audit.Met},
		{"fr gap: deux courriels", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré. Tentatives : courriels du 2026-02-14 et du 2026-02-28 proposant une séance de cessation; aucune réponse.\n"}, audit.Gap},
		{"fr n/a: plus nécessaires", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Objectifs atteints.\n"}, audit.NotApplicable},
	})
}
