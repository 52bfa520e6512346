package audit_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Common ways practitioners state the ground, each must give its code.
func TestGroundPhrasings(t *testing.T) {
	rows := map[string]string{
		"Client requested to discontinue services.":                                                      "client-request",
		"Client requested discharge.":                                                                    "client-request",
		"Terminated at client's request.":                                                                "client-request",
		"Client no longer wishes to attend.":                                                             "client-request",
		"Client declined further services.":                                                              "client-request",
		"Client refused further service.":                                                                "client-request",
		"Client did not return after the intake.":                                                        "client-withdrew",
		"Unable to contact client; client disengaged.":                                                   "client-withdrew",
		"Client failed to attend three appointments and did not respond.":                                "client-withdrew",
		"Client has not attended since June and has not responded to outreach.":                          "client-withdrew",
		"Treatment goals achieved.":                                                                      "no-longer-needed",
		"Client successfully completed the program.":                                                     "no-longer-needed",
		"Services no longer required.":                                                                   "no-longer-needed",
		"Referred to a more appropriate service and transferred.":                                        "alternatives-arranged",
		"Client was referred to the hospital's program, which can better meet her needs.":                "alternatives-arranged",
		"Worker safety concern.":                                                                         "risk-of-harm",
		"La cliente a refusé la poursuite des services.":                                                 "client-request",
		"Le client ne s'est pas présenté depuis mars et ne retourne pas les appels.":                     "client-withdrew",
		"Objectifs atteints.":                                                                            "no-longer-needed",
		"Référée vers un service mieux adapté à ses besoins.":                                            "alternatives-arranged",
		"Client threatened me with a knife during the home visit; services are ended for worker safety.": "risk-of-harm",
		"Due to repeated threats toward staff, continuing services would place me at serious risk.":      "risk-of-harm",
		"Le client a proféré des menaces de mort envers moi; je mets fin aux services pour ma sécurité.": "risk-of-harm",
		"Client was given three months to find another counsellor and did not.":                          "opportunity-given",
		"Client had a reasonable opportunity to arrange other services.":                                 "opportunity-given",
		"La cliente a eu amplement le temps de trouver un autre service.":                                "opportunity-given",
		"Client asked to stop counselling; she feels ready to manage on her own.":                        "client-request",
		"Client decided to end therapy.":                                                                 "client-request",
		"La cliente souhaite mettre fin au suivi.":                                                       "client-request",
		"Client stopped attending and did not respond to outreach.":                                      "client-withdrew",
		"Client moved out of province and is no longer reachable.":                                       "client-withdrew",
		"Le client a cessé de se présenter aux rendez-vous.":                                             "client-withdrew",
		"Client has met all her counselling goals.":                                                      "no-longer-needed",
		"Services are no longer needed; the client is doing well.":                                       "no-longer-needed",
		"La cliente n'a plus besoin de nos services.":                                                    "no-longer-needed",
		"Client transferred to the Community Mental Health team, which offers longer-term support.":      "alternatives-arranged",
		"Transfert vers le CLSC, qui offre un suivi à long terme.":                                       "alternatives-arranged",
		"Services ended because the funding for her program ended.":                                      "",
		"Client no-showed for the last three appointments and has not returned calls.":                   "client-withdrew",
		"After 3 missed appointments and no contact for 60 days, the file is closed.":                    "client-withdrew",
		"Le dossier est fermé faute de contact depuis 60 jours.":                                         "client-withdrew",
		"Closed due to non-engagement.":                                                                  "client-withdrew",
		"File closed: no contact since January despite outreach.":                                        "client-withdrew",
		"Client said she doesn't want to come anymore.":                                                  "client-request",
		"La cliente m'a dit qu'elle ne voulait plus venir.":                                              "client-request",
		"She feels she has what she needs now and we agreed to end.":                                     "no-longer-needed",
		"Fermeture : la cliente va bien et n'a plus besoin de suivi.":                                    "no-longer-needed",
		"Goals met; services no longer needed. One no-show in January.":                                  "no-longer-needed",
	}
	for text, want := range rows {
		require.Equal(t, want, groundOf(t, text), text)
	}
}

// Terse answers under a reason label give their ground.
func TestGroundAnswers(t *testing.T) {
	rows := map[string]string{
		"Reason for termination: Client request":                  "client-request",
		"Reason for closure: Goals achieved":                      "no-longer-needed",
		"Reason for discharge: Lost contact":                      "client-withdrew",
		"Reason: Non-engagement":                                  "client-withdrew",
		"Reason for closing: No show x3, no response to outreach": "client-withdrew",
		"Reason: Transferred to adult mental health services":     "alternatives-arranged",
		"Reason for termination: Worker safety":                   "risk-of-harm",
		"Motif de fermeture : demande du client":                  "client-request",
		"Motif : objectifs atteints":                              "no-longer-needed",
		"Motif de fin : perte de contact":                         "client-withdrew",
		"Motif : non-engagement de la cliente":                    "client-withdrew",
		"Motif : transfert au CLSC":                               "alternatives-arranged",
		"Raison de la fermeture : sécurité de l'intervenante":     "risk-of-harm",
		"Reason for closure: Client declined further service":     "client-request",
		"Closure reason - client chose to discontinue":            "client-request",
		"Reason: Goals met":                                       "no-longer-needed",
	}
	for text, want := range rows {
		require.Equal(t, want, groundOf(t, text), text)
	}
}

// A bare "Reason:" answer in an intake note is the reason for referral, not
// for ending: it must not become the event's ground.
func TestGroundAnswerOnlyInTerminationNotes(t *testing.T) {
	dir := t.TempDir()
	writeNotes(t, dir, map[string]string{
		"intake.md": fm("2026-01-10", "intake") + "Reason: lost contact with her family; threats from an ex-partner.\n",
		"n.md":      fm("2026-03-01", "closing") + "Closing the file today.\n",
	})
	res := auditTree(t, dir)
	require.Len(t, res.Events, 1)
	require.Equal(t, "", res.Events[0].Ground)

	dir = t.TempDir()
	writeNotes(t, dir, map[string]string{"n.md": fm("2026-03-01", "closing") + "Closing the file today.\n\nReason: lost contact.\n"})
	res = auditTree(t, dir)
	require.Len(t, res.Events, 1)
	require.Equal(t, "client-withdrew", res.Events[0].Ground)
}

// groundOf audits text as the body of a closing note and returns its event's
// ground.
func groundOf(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	writeNotes(t, dir, map[string]string{"n.md": fm("2026-03-01", "closing") + text + "\n"})
	res := auditTree(t, dir)
	require.Len(t, res.Events, 1, text)
	return res.Events[0].Ground
}
