package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestNoticeGiven(t *testing.T) {
	runTable(t, "notice-given", []checkCase{
		{"en met: weeks ahead", map[string]string{"n.md": fm("2026-03-01", "closing") + "Reasonable efforts were made to arrange replacement services. Client was told on 2026-02-01, four weeks ahead.\n"}, audit.Met},
		{"en met: planning note with a later date", map[string]string{
			"a.md": fm("2026-02-01", "progress") + "Told the client that our work will end on 2026-03-01.\n",
			"n.md": fm("2026-03-01", "closing") + "Client had a reasonable opportunity to find other services. Services end today.\n"}, audit.Met},
		{"en met: let Mr. O know the caseload closes", map[string]string{
			"a.md": fm("2026-02-01", "progress") + "Let Mr. O know that I am leaving the agency and that my caseload closes on March 15.\n",
			"n.md": fm("2026-03-15", "closing") + "Mr. O has had six weeks to arrange other counselling. My services end today.\n"}, audit.Met},
		{"en gap: let me know", map[string]string{
			"a.md": fm("2026-02-01", "progress") + "Asked him to let me know whether the group closes on Fridays.\n",
			"n.md": fm("2026-03-15", "closing") + "He has had a reasonable opportunity to arrange other counselling. My services end today.\n"}, audit.Gap},
		{"en gap: told on the last day", map[string]string{"n.md": fm("2026-03-01", "transfer") + "I made reasonable efforts to arrange replacement services. I told the client at the start of today's session that this would be our last session.\n"}, audit.Gap},
		{"en n/a: client request", map[string]string{"n.md": fm("2026-03-01", "termination") + "Services end at the client's request.\n"}, audit.NotApplicable},
		{"fr met: prendront fin le", map[string]string{
			"a.md": fm("2026-02-01", "suivi") + "Je lui explique que mes services prendront fin le 2026-03-01.\n",
			"n.md": fm("2026-03-01", "fermeture") + "Elle a eu une possibilité raisonnable de trouver d'autres services.\n"}, audit.Met},
		{"fr gap: même jour", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client a eu une possibilité raisonnable de trouver d'autres services. Je mets fin aux services aujourd'hui.\n"}, audit.Gap},
		{"fr n/a: retrait", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Le client s'est retiré.\n"}, audit.NotApplicable},
	})
}
