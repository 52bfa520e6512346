package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/stretchr/testify/require"
)

func TestContactsGiven(t *testing.T) {
	runTable(t, "contacts-given", []checkCase{
		{"en met: two listed", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n\nContacts given:\n- Eastgate Centre — 416-555-0188\n- Peer Line — help@peer.example.org\n"}, audit.Met},
		{"en met: one sentence, two orgs", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. I gave him the numbers of Centre Horizon (613-555-0106) and the Ligne Entraide (1-877-555-0131).\n"}, audit.Met},
		{"en gap: one org with phone and email", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. Gave her Westfield Clinic, 519-555-0132, intake@westfield.example.org.\n"}, audit.Gap},
		{"en gap: client's own number is no contact", map[string]string{
			"a.md": fm("2026-02-01", "contact") + "Phoned the client's cell (416-555-0143): no answer.\n",
			"n.md": fm("2026-03-01", "termination") + "Client withdrew. Gave her the Eastgate Centre — 416-555-0188.\n"}, audit.Gap},
		{"fr met: a toll-free number in letters", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré.\n\nRessources remises :\n\n- Tel-Aide : 514 935-1101\n- Suicide Action Montréal : 1 866 APPELLE\n"}, audit.Met},
		{"en met: two named, stated as given", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. I gave her contact information for the Distress Centre and Family Services Ottawa.\n"}, audit.Met},
		{"en gap: one named, stated as given", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. I gave her contact information for the Distress Centre.\n"}, audit.Gap},
		{"en n/a: goals met", map[string]string{"n.md": fm("2026-03-01", "closing") + "Goals met; no longer needed.\n"}, audit.NotApplicable},
		{"fr met: deux organismes", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré.\n\nCoordonnées remises :\n- CLSC du Moulin — 450-555-0701\n- Ligne Écoute — 1-877-555-0712\n"}, audit.Met},
		{"fr gap: un seul", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré.\n\n## Coordonnées remises\n- Service de counseling du Grand Sudbury — 705-555-0123\n"}, audit.Gap},
	})
}

func TestContactsMinFromConfig(t *testing.T) {
	notes := map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n\n- A Centre — 416-555-0101\n- B Clinic — 416-555-0102\n"}
	cfg := audit.DefaultConfig()
	cfg.MinContacts = 3
	require.Equal(t, audit.Gap, runCheck(t, notes, "contacts-given", cfg).Status)
	require.Equal(t, audit.Met, runCheck(t, notes, "contacts-given", nil).Status)
}
