package audit_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Common ways practitioners record each check, in both languages: each must
// reach its status in a note of a client who withdrew.
func TestCheckPhrasings(t *testing.T) {
	type row struct{ id, text, want string }
	rows := []row{
		{"outreach-attempts", "Termination session held on 2026-03-01.", "met"},
		{"outreach-attempts", "Met with the client for a final session.", "met"},
		{"outreach-attempts", "The last session took place by phone.", "met"},
		{"outreach-attempts", "Saw client for termination session today.", "met"},
		{"outreach-attempts", "Final visit completed at the client's home.", "met"},
		{"outreach-attempts", "Closed with the client in session today.", "met"},
		{"outreach-attempts", "Séance de fin réalisée en personne.", "met"},
		{"outreach-attempts", "Rencontre finale tenue le 2026-03-01.", "met"},
		{"outreach-attempts", "Called client twice (02-01, 02-08) and sent a letter on 02-15 offering a closing session; no response.", "met"},
		{"outreach-attempts", "Attempted contact by phone on 02-01 and by email on 02-08 to schedule a termination session.", "met"},
		{"outreach-attempts", "Two phone attempts (02-01, 02-08) to book a final appointment, no answer.", "gap"},
		{"contact-support", "Provided a warm handoff to the new counsellor.", "met"},
		{"contact-support", "Assisted client to make an appointment with the clinic.", "met"},
		{"contact-support", "Reviewed how to access the crisis line.", "met"},
		{"contact-support", "Client was given the intake phone number and told to call to self-refer.", "met"},
		{"contact-support", "Je l'ai accompagnée dans sa demande au CLSC.", "met"},
		{"contact-support", "J'ai fait la demande de service au CLSC avec elle.", "met"},
		{"alternatives-considered", "Explored other treatment options with client.", "met"},
		{"alternatives-considered", "Discussed community resources that could meet her needs.", "met"},
		{"alternatives-considered", "Nous avons exploré d'autres options de soutien.", "met"},
		{"alternatives-considered", "Client is open to attending a support group.", "met"},
		{"legal-advice", "Court-ordered treatment. Consulted with our legal department before closing.", "met"},
		{"legal-advice", "Counselling is court-ordered. Legal consultation completed on 2026-02-20.", "met"},
		{"legal-advice", "Suivi ordonné par le tribunal. J'ai consulté le contentieux de l'organisme.", "met"},
		{"notice-given", "Reasonable efforts were made to arrange replacement services. Client was notified in writing on 2026-02-01 of the termination date.", "met"},
		{"transfer-consent", "Records released to the new provider with the client's signed ROI.", "met"},
		{"transfer-consent", "Closing summary sent to the family doctor.", "gap"},
		{"contact-support", "Sent the referral to CMHA with her permission.", "met"},
		{"contact-support", "Called the clinic's intake with the client present to book her first appointment.", "met"},
		{"contact-support", "Provided her with a letter of referral to bring to the clinic.", "met"},
		{"contact-support", "Reviewed the steps to register for the group.", "met"},
		{"contact-support", "Client will self-refer; I explained the intake process.", "met"},
		{"contact-support", "Nous avons rempli ensemble le formulaire d'inscription.", "met"},
		{"contact-support", "Je lui ai expliqué la marche à suivre pour obtenir un rendez-vous.", "met"},
		{"contact-support", "Référence acheminée au CLSC avec son accord.", "met"},
		{"contact-support", "Client will contact them herself.", "gap"},
		{"alternatives-considered", "We talked about whether a group would suit her better than individual sessions.", "met"},
		{"alternatives-considered", "Looked into EAP counselling through her employer and a sliding-scale clinic.", "met"},
		{"alternatives-considered", "Suggested she connect with the family health team's social worker.", "met"},
		{"alternatives-considered", "Nous avons regardé ensemble les options : groupe d'entraide, CLSC, ligne d'écoute.", "met"},
		{"alternatives-considered", "J'ai suggéré un suivi au CLSC de son quartier.", "met"},
		{"alternatives-considered", "Proposé un groupe de soutien pour proches aidants.", "met"},
		{"alternatives-considered", "Client was not interested in other services.", "gap"},
		{"contact-support", "I gave her the intake hours and explained she can walk in.", "met"},
		{"contact-support", "Walked her through the online self-referral form.", "met"},
		{"contact-support", "Je lui ai montré comment s'inscrire en ligne.", "met"},
		{"contact-support", "Offert de faire l'appel avec elle; elle préfère appeler seule.", "met"},
		{"alternatives-considered", "Proposed a closing session to review counselling progress.", "gap"},
		{"alternatives-considered", "J'ai proposé une dernière rencontre pour faire le bilan du suivi.", "gap"},
		{"transfer-consent", "Client signed a release of information; file copy faxed to CMHA.", "met"},
		{"transfer-consent", "Le résumé de fermeture a été transmis au médecin de famille avec le consentement écrit de la cliente.", "met"},
		{"transfer-consent", "Dossier transmis au CLSC.", "gap"},
		{"transfer-consent", "No records were shared.", "not-applicable"},
		{"supervision-consulted", "Consulted with my manager on 02-20.", "met"},
		{"supervision-consulted", "Aucune supervision.", "gap"},
		{"supervision-consulted", "Not discussed with a supervisor.", "gap"},
		{"contact-support", "Helped client complete the intake form for the clinic.", "met"},
		{"contact-support", "Client declined help connecting with the services.", "met"},
		{"contact-support", "Nous avons appelé ensemble le centre de crise.", "met"},
		{"contact-support", "Client declined services.", "gap"},
		{"contact-support", "J'ai fait la référence au CLSC.", "met"},
		{"alternatives-considered", "Client declined the other services offered.", "met"},
		{"supervision-consulted", "Case conference held 02-20; closure approved.", "met"},
		{"supervision-consulted", "Discussion de cas en équipe le 20 février.", "met"},
		{"contacts-given", "Referral list given with contact info for three agencies (attached).", "met"},
		{"contacts-given", "Coordonnées remises : Tel-Aide 514-935-1101; CLSC Ahuntsic 514-331-2572.", "met"},
		{"contacts-given", "Gave her the crisis line number.", "gap"},
		{"outreach-attempts", "Outreach: phone 02-01 (no answer), text 02-05 (no reply), letter 02-12 (returned).", "met"},
		{"outreach-attempts", "Called once; no answer.", "gap"},
	}
	for _, r := range rows {
		got := runCheck(t, map[string]string{"n.md": fm("2026-03-01", "closing") + "Client withdrew from services.\n\n" + r.text + "\n"}, r.id, nil)
		require.Equal(t, r.want, string(got.Status), "%s: %s", r.id, r.text)
	}
}

// Notice applies only when the worker ends services; both languages.
func TestNoticePhrasings(t *testing.T) {
	rows := map[string]string{
		"Client was informed on 02-01 that the file would close on 03-01.":             "met",
		"Avisée par écrit le 1er février de la fin des services prévue le 1er mars.":   "met",
		"Client was told about the group program.":                                     "gap",
		"On 02-01 I let her know our sessions would end in four weeks.":                "met",
		"Client was given 30 days' notice of the end of services.":                     "met",
		"Discussed the end date (03-01) with client at the 02-01 session.":             "met",
		"J'ai annoncé à la cliente en janvier que le suivi prendrait fin le 1er mars.": "met",
		"La cliente a été informée un mois à l'avance de la fin du suivi.":             "met",
		"Client was not told in advance.":                                              "gap",
	}
	for text, want := range rows {
		got := runCheck(t, map[string]string{"n.md": fm("2026-03-01", "closing") +
			"Client was given a reasonable opportunity to attend but has not engaged.\n\n" + text + "\n"}, "notice-given", nil)
		require.Equal(t, want, string(got.Status), text)
	}
}
