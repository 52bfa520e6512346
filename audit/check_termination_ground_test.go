package audit_test

import (
	"strings"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestTerminationGround(t *testing.T) {
	runTable(t, "termination-ground", []checkCase{
		{"en met: withdrew", map[string]string{"n.md": fm("2026-03-01", "termination") + "# Termination note\n\nThe client withdrew from services in January.\n"}, audit.Met},
		{"en met: lost contact", map[string]string{"n.md": fm("2026-03-01", "closing") + "Outreach: called 3x (no answer), letter sent. Case closed — lost contact.\n"}, audit.Met},
		{"fr met: perte de contact", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "Dossier fermé : perte de contact depuis mai.\n"}, audit.Met},
		{"en met: front matter code", map[string]string{"n.md": fm("2026-03-01", "", "termination:", "  ground: no-longer-needed") + "Closing.\n"}, audit.Met},
		{"en met: the regulation's numbering", map[string]string{"n.md": fm("2026-03-01", "", "termination:", "  ground: ii") + "Closing.\n"}, audit.Met},
		{"en gap: no reason", map[string]string{"n.md": fm("2026-03-01", "closing") + "# Closing note\n\nFile closed today.\n"}, audit.Gap},
		{"en gap: unknown code", map[string]string{"n.md": fm("2026-03-01", "", "termination:", "  ground: relocation") + "Moving away.\n"}, audit.Gap},
		{"fr met: à sa demande", map[string]string{"n.md": fm("2026-03-01", "fermeture") + "# Fermeture du dossier\n\nLe suivi prend fin à sa demande.\n"}, audit.Met},
		{"fr met: alias français", map[string]string{"n.md": fm("2026-03-01", "", "cessation:", "  ground: risque-de-prejudice") + "Fin.\n"}, audit.Met},
		{"fr gap: aucun motif", map[string]string{"n.md": fm("2026-03-01", "cessation") + "# Cessation des services\n\nDossier fermé.\n"}, audit.Gap},
	})
}

func TestGroundPriorityAndAliases(t *testing.T) {
	for in, want := range map[string]string{"Client-Request": "client-request", "services de rechange": "alternatives-arranged", "possibilité_offerte": "opportunity-given"} {
		got, ok := audit.NormalizeGround(in)
		if !ok || got != want {
			t.Errorf("NormalizeGround(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := audit.NormalizeGround("relocation"); ok {
		t.Error("relocation is no ground")
	}
	// risk wins over the circumstance stated beside it.
	r := runCheck(t, map[string]string{"n.md": fm("2026-03-01", "termination") + "The client withdrew, and continuing would put me at serious risk of harm.\n"}, "termination-ground", nil)
	if len(r.Evidence) == 0 || r.Message == "" {
		t.Fatal("no evidence")
	}
	if r.Status != audit.Met || !strings.Contains(r.Message, "risk-of-harm") {
		t.Errorf("got %s %q, want risk-of-harm", r.Status, r.Message)
	}
}
