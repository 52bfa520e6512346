package audit_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Common ways practitioners state the ground, each must give its code.
func TestGroundPhrasings(t *testing.T) {
	rows := map[string]string{
		"Client requested to discontinue services.":                                       "client-request",
		"Client requested discharge.":                                                     "client-request",
		"Terminated at client's request.":                                                 "client-request",
		"Client no longer wishes to attend.":                                              "client-request",
		"Client declined further services.":                                               "client-request",
		"Client refused further service.":                                                 "client-request",
		"Client did not return after the intake.":                                         "client-withdrew",
		"Unable to contact client; client disengaged.":                                    "client-withdrew",
		"Client failed to attend three appointments and did not respond.":                 "client-withdrew",
		"Client has not attended since June and has not responded to outreach.":           "client-withdrew",
		"Treatment goals achieved.":                                                       "no-longer-needed",
		"Client successfully completed the program.":                                      "no-longer-needed",
		"Services no longer required.":                                                    "no-longer-needed",
		"Referred to a more appropriate service and transferred.":                         "alternatives-arranged",
		"Client was referred to the hospital's program, which can better meet her needs.": "alternatives-arranged",
		"Worker safety concern.":                                                          "risk-of-harm",
		"La cliente a refusé la poursuite des services.":                                  "client-request",
		"Le client ne s'est pas présenté depuis mars et ne retourne pas les appels.":      "client-withdrew",
		"Objectifs atteints.":                                                             "no-longer-needed",
		"Référée vers un service mieux adapté à ses besoins.":                             "alternatives-arranged",
	}
	for text, want := range rows {
		dir := t.TempDir()
		writeNotes(t, dir, map[string]string{"n.md": fm("2026-03-01", "closing") + text + "\n"})
		res := auditTree(t, dir)
		got := ""
		if len(res.Events) == 1 {
			got = res.Events[0].Ground
		}
		require.Equal(t, want, got, text)
	}
}
