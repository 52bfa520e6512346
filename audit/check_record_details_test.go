package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/stretchr/testify/require"
)

func TestRecordDetails(t *testing.T) {
	runTable(t, "record-details", []checkCase{
		{"en met: front matter", map[string]string{"n.md": fm("2026-03-01", "termination") + "Client withdrew.\n"}, audit.Met},
		{"en met: stated in the body", map[string]string{"2026-05-06-discharge.md": "# Discharge summary\n\nClient: DV-1119\nDate: 2026-05-06\nWorker: Kwame Asante, RSW\n\nServices are no longer needed.\n"}, audit.Met},
		{"en met: identifier with letters after the dash", map[string]string{"n.md": "Client: DV-T01\nDate: 2026-02-02\nWorker: Nadia Okonkwo, RSW\n\n# Termination summary\n\nClient withdrew.\n"}, audit.Met},
		{"en met: a written date opens the body", map[string]string{"n.md": "---\nclient: R-3\ntype: closing\n---\nMarch 1, 2026 — Client requested to end services.\n\n— Jane Doe, MSW, RSW\n"}, audit.Met},
		{"fr met: date écrite en toutes lettres", map[string]string{"n.md": "---\nclient: R-5\ntype: fermeture\n---\nLe 1er mars 2026, la cliente a demandé la fin des services.\n\nJulie Côté, TS\n"}, audit.Met},
		{"en gap: a month and day without a year", map[string]string{"n.md": "---\nclient: R-6\ntype: closing\n---\nMarch 1 — Client requested to end services.\n\n— Jane Doe, MSW, RSW\n"}, audit.Gap},
		{"en met: a number", map[string]string{"n.md": "# Closing note\n\nFile #48213, 2026-02-02, Jo Park, RSW. Client withdrew.\n"}, audit.Met},
		{"en gap: no author", map[string]string{"n.md": "---\nclient: C-1\ndate: 2026-03-01\ntype: closing\n---\nFile closed; client withdrew.\n"}, audit.Gap},
		{"fr met: dans le texte", map[string]string{"d/n.md": "# Fin des services\n\nDossier : DV-1125\nDate : 2026-03-12\nIntervenante : Josée Lalonde, TS\n\nIl s'est retiré des services.\n"}, audit.Met},
		{"fr gap: pas de numéro de dossier", map[string]string{"famille/n.md": "---\ndate: 2026-05-21\nintervenant: Julien Beaudry, TTS\ntype: fermeture\n---\n# Fermeture du dossier\n\nObjectifs atteints.\n"}, audit.Gap},
	})
}

// Ways a note is signed without a "Worker:" label, and a line that only
// names a resource, which signs nothing.
func TestRecordAuthorSignatures(t *testing.T) {
	rows := map[string]string{
		"Signed electronically by Jane Doe":                      "met",
		"— Jane Doe, Social Worker":                              "met",
		"Jane Doe, travailleuse sociale":                         "met",
		"Note by Jane Doe (RSW)":                                 "met",
		"JD, RSW":                                                "met",
		"Rédigé par Julie Côté":                                  "met",
		"Referred to Dr Lee, the psychotherapist at the clinic.": "gap",
	}
	for sig, want := range rows {
		got := runCheck(t, map[string]string{"n.md": "---\nclient: A-1\ndate: 2026-03-01\ntype: closing\n---\nClient requested to end services.\n\n" + sig + "\n"}, "record-details", nil)
		require.Equal(t, want, string(got.Status), sig)
	}
}
