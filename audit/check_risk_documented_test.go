package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestRiskDocumented(t *testing.T) {
	runTable(t, "risk-documented", []checkCase{
		{"en met: threats and no session", map[string]string{"n.md": fm("2026-03-01", "termination") + "Continuing would put me at serious risk of harm: he left threatening voicemails. No closing session will be held, not even by phone.\n"}, audit.Met},
		{"en gap: ground only", map[string]string{"n.md": fm("2026-03-01", "termination") + "Ground: continuing services would put me at serious risk of harm. Services terminated effective today.\n"}, audit.Gap},
		{"en n/a: withdrew", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n"}, audit.NotApplicable},
		{"fr met: menaces, séance par téléphone", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Je mets fin aux services : risque grave de préjudice. Il m'a envoyé des courriels menaçants. La séance de cessation a eu lieu par téléphone pour cette raison.\n"}, audit.Met},
		{"fr gap: motif seul", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Je mets fin aux services : le maintien du suivi me ferait courir un risque grave de préjudice.\n"}, audit.Gap},
		// What happened, told without the word "threat".
		{"en met: a chair thrown", map[string]string{"n.md": fm("2026-03-01", "termination") + "Continuing would put me at serious risk of harm: he threw a chair and said he would make me pay. No closing session will be held.\n"}, audit.Met},
		{"en met: yelled at me, police called", map[string]string{"n.md": fm("2026-03-01", "termination") + "Ground: risk of harm. She yelled at me and blocked the door until security was called; the police were called. No final session.\n"}, audit.Met},
		{"fr met: chaise lancée", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Je mets fin aux services : risque grave de préjudice. Il a lancé une chaise et a crié contre moi. Aucune rencontre de fin ne sera tenue.\n"}, audit.Met},
		{"fr n/a: demande", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Le suivi prend fin à sa demande.\n"}, audit.NotApplicable},
	})
}
