package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/parser"
)

// FuzzPipeline: any note, parsed, extracted and audited beside a fixed
// contact note of the same case, never panics and keeps every check.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"---\nclient: C\ndate: 2026-03-01\ntype: termination\n---\nClient withdrew. Emailed 2026-02-01; called 02-05, no answer.\n",
		"# Fin des services\n\nDossier : X-1\nJe mets fin aux services. Coordonnées : A — 613-555-0101, B — b@x.example.ca\n",
		"---\ntermination:\n  ground: risk-of-harm\n  outreach: [{date: x, channel: y}]\n  contacts: [a, {phone: 1}]\n---\n",
		"---\naudit: {waive: {nope: \"\", contacts-given: x}}\ntype: closing\n---\n",
	} {
		f.Add([]byte(s))
	}
	other := parser.Parse("c/contact.md", []byte("---\nclient: C\ndate: 2026-02-20\n---\nVoicemail offering a closing session.\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		n := parser.Parse("c/note.md", src)
		facts := []*audit.Facts{audit.Extract(n, "c/note.md", audit.DefaultVocab), audit.Extract(other, "c/contact.md", audit.DefaultVocab)}
		res := audit.Run(facts, audit.DefaultConfig())
		for _, e := range res.Events {
			if len(e.Checks) != len(audit.Checks()) {
				t.Fatalf("event with %d checks", len(e.Checks))
			}
		}
	})
}
