package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
)

func TestSupervisionConsulted(t *testing.T) {
	runTable(t, "supervision-consulted", []checkCase{
		{"en met: supervisor", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew. Discussed with my supervisor before closing.\n"}, audit.Met},
		{"en gap: nobody", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n"}, audit.Gap},
		{"fr met: l'Ordre", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Le client s'est retiré. J'ai consulté l'Ordre.\n"}, audit.Met},
		{"fr gap: personne", map[string]string{"n.md": fm("2026-03-01", "cessation") + "Le client s'est retiré.\n"}, audit.Gap},
	})
}
