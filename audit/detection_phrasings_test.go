package audit_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// requireDetection audits each text as the body of an untyped note and
// requires an event exactly when the row says so.
func requireDetection(t *testing.T, rows map[string]bool) {
	t.Helper()
	const head = "---\nclient: C-9\ndate: 2026-03-01\npractitioner: W, RSW\n---\n"
	for text, want := range rows {
		dir := t.TempDir()
		writeNotes(t, dir, map[string]string{"n.md": head + text + "\n"})
		res := auditTree(t, dir)
		require.Equal(t, want, len(res.Events) == 1, text)
	}
}

// Plain ways of recording that services ended must open an event; talk about
// other people's endings, plans or unrelated "ends" must not.
func TestDetectionPhrasings(t *testing.T) {
	rows := map[string]bool{
		"Case closed as of today.":                                              true,
		"This file is now closed.":                                              true,
		"Services discontinued effective 2026-03-01.":                           true,
		"I have closed the case.":                                               true,
		"Counselling has been terminated.":                                      true,
		"Client discharged from counselling today.":                             true,
		"Today was our last session; the file will be closed.":                  true,
		"Our work together has ended.":                                          true,
		"This note documents the end of services.":                              true,
		"Service episode closed.":                                               true,
		"Closing the file due to no contact.":                                   true,
		"Le dossier est fermé en date d'aujourd'hui.":                           true,
		"Fin du suivi aujourd'hui.":                                             true,
		"J'ai mis fin à nos rencontres.":                                        true,
		"Les services ont été interrompus à la demande de la cliente.":          true,
		"Clôture du dossier ce jour.":                                           true,
		"Terminaison des services aujourd'hui.":                                 true,
		"Nous avons terminé le suivi aujourd'hui.":                              true,
		"Client says her therapist ended their sessions.":                       false,
		"We discussed what ending would look like, when the time comes.":        false,
		"The group program ended for the summer; individual sessions continue.": false,
		"Her lease was terminated.":                                             false,
		"On parle de la fin de son emploi.":                                     false,
		"Elle pense mettre fin à sa relation.":                                  false,
		"Client is being discharged from our program as of today.":              true,
		"This is the final note for this client.":                               true,
		"No further services will be provided; file closed.":                    true,
		"We have concluded our work together.":                                  true,
		"Counselling concluded today.":                                          true,
		"Case inactivated in the system today.":                                 true,
		"Treatment ended on 2026-03-01.":                                        true,
		"Je ferme le dossier aujourd'hui.":                                      true,
		"Ceci est la dernière note au dossier.":                                 true,
		"Le suivi s'est terminé aujourd'hui.":                                   true,
		"Nous avons conclu le suivi.":                                           true,
		"Her previous worker closed her file in 2024 before she came to us.":    false,
		"She concluded that her job was the main stressor.":                     false,
	}
	requireDetection(t, rows)
}

// Other endings a note may talk about, and section headings of ordinary
// session notes, must not open an event; the real thing, in both languages, must.
func TestDetectionLookAlikes(t *testing.T) {
	rows := map[string]bool{
		"## Session summary\n\nWorked on budgeting.\n\n## Closing\n\nEnded with a grounding exercise. Next appointment 03-08.\n":        false,
		"## Discharge planning\n\nHospital social worker is planning her discharge home next week; we will continue weekly sessions.\n": false,
		"## Termination of parental rights\n\nHearing set for April; client anxious.\n":                                                 false,
		"**Closing remarks:** client thanked worker for the session.\n":                                                                 false,
		"## Fin de la rencontre\n\nExercice de respiration. Prochain rendez-vous le 8 mars.\n":                                          false,
		"## Plan de fermeture\n\nNous allons discuter de la fin du suivi à la prochaine rencontre.\n":                                   false,
		"## Closing note\n\nClient requested to end services.\n":                                                                        true,
		"## Fermeture du dossier\n\nLa cliente a demandé la fin des services.\n":                                                        true,
		"**Termination summary**\n\nGoals met; services ended.\n":                                                                       true,
	}
	requireDetection(t, rows)
}

// Plans, conditions and denials of an ending are not an ending.
func TestDetectionPlansAndConditions(t *testing.T) {
	rows := map[string]bool{
		"Il n'est pas question de mettre fin au suivi.":                             false,
		"La fin du suivi n'est pas prévue avant juin.":                              false,
		"Si elle ne revient pas, je fermerai le dossier.":                           false,
		"Fermeture du dossier prévue le 30 avril.":                                  false,
		"File will be closed on April 30 if no contact.":                            false,
		"Closure planned for next month.":                                           false,
		"We are not ending services at this time.":                                  false,
		"Client worried that services would end; reassured her they will continue.": false,
		"Discussed ending in 4 sessions; next appointment 03-08.":                   false,
		"Le dossier sera fermé si aucun contact d'ici le 30 avril.":                 false,
		"Termination letter sent on 02-15; file closed today.":                      true,
		"Lettre de fin envoyée le 15 février; dossier fermé aujourd'hui.":           true,
	}
	requireDetection(t, rows)
}
