package audit_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Termination events are found by type, heading or sentence, and never in
// the look-alikes of SPEC §2.
func TestTerminationDetection(t *testing.T) {
	const head = "---\nclient: C-9\ndate: 2026-03-01\npractitioner: W, RSW\n---\n"
	for _, row := range []struct {
		name, body string
		event      bool
	}{
		{"type", "---\nclient: C-9\ndate: 2026-03-01\ntype: discharge\n---\nText.\n", true},
		{"heading en", head + "# Case closure\n\nText.\n", true},
		{"heading fr", head + "# Clôture du dossier\n\nTexte.\n", true},
		{"heading naming a parent", head + "# Résumé de fermeture — Mme (parent B)\n\nTexte.\n", true},
		{"sentence en", head + "My services to her end today.\n", true},
		{"bold line as a title", head + "**Closing Summary**\n\nClient withdrew in May.\n", true},
		{"capitals as a title", head + "TERMINATION NOTE\n\nClient withdrew in May.\n", true},
		{"bold decoy title", head + "**Employment termination**\n\nHe was let go. Sessions continue weekly.\n", false},
		{"bold words in a sentence", head + "She asked about **termination** of her lease. Sessions continue.\n", false},
		{"sentence fr", head + "Mes services se terminent aujourd'hui.\n", true},
		{"sentence fr je termine", head + "Je termine le suivi aujourd'hui.\n", true},
		{"heading fr conge", head + "# Congé du suivi\n\nTexte.\n", true},
		{"sentence en wrapping up", head + "We are wrapping up our work today.\n", true},
		{"sentence fr je mets fin", head + "Je mets fin au counseling parental de M. à compter d'aujourd'hui.\n", true},
		{"employment", head + "# Termination of employment\n\nHe got a termination letter. Counselling continues weekly.\n", false},
		{"lease", head + "## Fin de bail\n\nAvis de fin de bail reçu. Le suivi se poursuit.\n", false},
		{"pregnancy", head + "Client has decided on a termination of pregnancy. Our weekly sessions continue.\n", false},
		{"smoking", head + "# Cessation tabagique\n\nNeuf jours sans fumer.\n", false},
		{"terminal illness", head + "Her mother has terminal cancer; the oncologist is ending chemotherapy.\n", false},
		{"after the file was closed", head + "Client called after the file was closed; re-referred to intake.\n", false},
		{"apres la fermeture", head + "Appel de la cliente apres que le dossier a ete ferme.\n", false},
		{"EAP sessions ended", head + "Client's EAP sessions ended in March.\n", false},
		{"another agency's file", head + "The CAS file was closed last month.\n", false},
		{"another service", head + "Client says she will end her services with the Housing Help Centre.\n", false},
		{"another service, ending", head + "She is ending her services with the Housing Help Centre.\n", false},
		{"another service, decided", head + "Client decided to end her counselling at the Family Centre.\n", false},
		{"our file for her", head + "I closed her file today.\n", true},
		{"agreed together", head + "We agreed to end counselling as her goals were met.\n", true},
		{"parental rights topic", head + "The CAS worker mentioned termination of parental rights as a possible outcome.\n", false},
		{"future possibility en", head + "We might talk about ending services next year.\n", false},
		{"no plan en", head + "There is no plan to end services.\n", false},
		{"hypothetical fr", head + "Nous pourrions envisager la fin des services l'an prochain.\n", false},
		{"hospital discharge", head + "## Father's hospital discharge\n\nThe discharge summary says he needs help.\n", false},
		{"setext front matter not a heading", "---\ntype: progress\nclient: C-9\n\nNo closing delimiter, termination mentioned here.\n", false},
	} {
		t.Run(row.name, func(t *testing.T) {
			dir := t.TempDir()
			writeNotes(t, dir, map[string]string{"n.md": row.body})
			res := auditTree(t, dir)
			require.Equal(t, row.event, len(res.Events) == 1, "events: %+v", res.Events)
		})
	}
}

// One event per case per window, anchored at the latest termination note;
// an older one outside the window is its own event.
func TestGroundInAHeading(t *testing.T) {
	r := runCheck(t, map[string]string{"n.md": fm("2026-03-01", "closing") + "# Closure — client withdrew\n\nNo contact since May.\n"}, "termination-ground", nil)
	require.Equal(t, "met", string(r.Status), r.Message)
}

func TestEventsAndWindow(t *testing.T) {
	dir := t.TempDir()
	writeNotes(t, dir, map[string]string{
		"a.md": "---\nclient: C-7\ndate: 2026-01-21\ntype: termination\n---\nPlan to end.\n",
		"b.md": "---\nclient: C-7\ndate: 2026-02-18\ntype: closing\n---\nClosing.\n",
		"c.md": "---\nclient: C-7\ndate: 2025-01-10\ntype: closing\n---\nAn old closing, a year before.\n",
		"d.md": "---\nclient: C-7\n---\nUndated contact note.\n",
	})
	res := auditTree(t, dir)
	require.Len(t, res.Events, 2)
	require.Equal(t, "b.md", res.Events[0].File)
	require.Equal(t, []string{"a.md", "b.md", "d.md"}, res.Events[0].Notes)
	require.Equal(t, "c.md", res.Events[1].File)
}

// Case ids: client value, else the folder's single client, else the folder;
// at the root, the file name.
func TestCaseIDs(t *testing.T) {
	dir := t.TempDir()
	writeNotes(t, dir, map[string]string{
		"root-note.md":     "# Discharge summary\n\nGoals met.\n",
		"f1/a.md":          "---\nclient: C-1\ndate: 2026-01-01\n---\nProgress.\n",
		"f1/b.md":          "---\ndate: 2026-02-01\ntype: closing\n---\nClosing, no client key.\n",
		"f2/x.md":          "---\ndate: 2026-02-01\ntype: closing\n---\nClosing.\n",
		"f3/p.md":          "---\nclient_id: A\n---\nx\n",
		"f3/q.md":          "---\ncase_id: B\ndate: 2026-02-01\ntype: closing\n---\nClosing.\n",
		"f3/unassigned.md": "---\ndate: 2026-02-01\ntype: closing\n---\nClosing.\n",
	})
	res := auditTree(t, dir)
	var cases []string
	for _, e := range res.Events {
		cases = append(cases, e.Case)
	}
	require.Equal(t, []string{"B", "C-1", "f2", "f3", "root-note.md"}, cases)
}
