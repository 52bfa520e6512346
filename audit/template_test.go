package audit_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/stretchr/testify/require"
)

// What a practitioner would write in each section, per language.
var fills = map[string]map[string]string{
	"en": {
		"alternatives": "We looked at an evening counselling group at the community health centre and online CBT with a coach.",
		"contacts":     "- Eastside Community Health Centre — 613-555-0230\n- MindSteps online CBT — support@mindsteps.example.org",
		"support":      "I explained that Eastside takes self-referrals by phone and offered to make the first call with her.",
		"outreach":     "- 2026-02-18 phoned her cell, no answer, voicemail offering a closing session\n- 2026-02-25 letter mailed with the same offer, no reply",
		"notice":       "On 2026-02-01 I told her that services would end on 2026-03-09, five weeks ahead.",
		"risk":         "He left two threatening voicemails and waited beside my car on 2026-02-27. No closing session will be held, not even by phone, because any contact could escalate the threats.",
		"legal":        "Counselling is a condition of a family court order. I obtained legal advice from agency counsel on 2026-03-02: ending is permitted once outreach is documented.",
		"records":      "With her written consent signed on 2026-03-01, I sent a closing summary to the Eastside intake team.",
		"consultation": "Discussed the ending with my supervisor on 2026-03-03.",
	},
	"fr": {
		"alternatives": "Nous avons envisagé un groupe de soutien en soirée au CLSC et un suivi individuel dans un autre organisme.",
		"contacts":     "- CLSC du Moulin — 450-555-0701\n- Ligne Écoute-Espoir — 1-877-555-0712",
		"support":      "Je lui ai expliqué comment s'inscrire au CLSC sans référence et je l'ai aidée à appeler l'accueil.",
		"outreach":     "- 2026-02-18 appel au cellulaire, boîte vocale, offre d'une séance de cessation\n- 2026-02-25 lettre postée, même offre, pas de réponse",
		"notice":       "Le 2026-02-01, je lui ai expliqué que mes services prendront fin le 2026-03-09.",
		"risk":         "Il m'a laissé deux messages menaçants et m'a attendue près de ma voiture le 2026-02-27. Aucune séance de cessation ne sera tenue, même par téléphone, pour ma sécurité.",
		"legal":        "Le counseling est ordonné par le tribunal. Avis juridique obtenu le 2026-03-02 auprès de l'avocate de l'organisme.",
		"records":      "Avec son consentement écrit du 2026-03-01, j'ai transmis un résumé au CLSC du Moulin.",
		"consultation": "J'ai consulté ma superviseure le 2026-03-03.",
	},
}

var reasons = map[string]map[string]string{
	"en": {
		"client-request":        "The client asked to end services on 2026-02-20 because she is moving.",
		"client-withdrew":       "The client withdrew from services: no attendance since 2026-01-12 and no reply to my messages.",
		"alternatives-arranged": "Reasonable efforts were made to arrange replacement services at Eastside, which accepted her.",
		"opportunity-given":     "She had a reasonable opportunity to find other services: five weeks and a list of resources.",
		"risk-of-harm":          "Continuing would put me at serious risk of harm.",
		"no-longer-needed":      "Services are no longer needed: she met all three goals of her plan.",
	},
	"fr": {
		"client-request":        "La cliente a demandé la fin des services le 2026-02-20 en raison de son déménagement.",
		"client-withdrew":       "La cliente s'est retirée des services : aucune présence depuis le 2026-01-12.",
		"alternatives-arranged": "J'ai organisé des services de remplacement au CLSC du Moulin, qui l'a acceptée.",
		"opportunity-given":     "Elle a eu une possibilité raisonnable de trouver d'autres services : cinq semaines et une liste.",
		"risk-of-harm":          "La poursuite des services m'exposerait à un risque grave de préjudice.",
		"no-longer-needed":      "Les services ne sont plus nécessaires : objectifs atteints.",
	},
}

func auditTemplate(t *testing.T, doc *audit.TemplateDoc) audit.Event {
	t.Helper()
	dir := t.TempDir()
	writeNotes(t, dir, map[string]string{"note.md": doc.Markdown()})
	res := auditTree(t, dir)
	require.Len(t, res.Events, 1, doc.Markdown())
	require.Empty(t, res.Errors)
	return res.Events[0]
}

// Each template, once filled with realistic text, meets every check that
// applies; the same template unfilled does not: prompts are not evidence.
func TestTemplateRoundTrip(t *testing.T) {
	for _, lang := range audit.Langs {
		for ground := range reasons[lang] {
			for _, court := range []bool{false, true} {
				name := filepath.Join(lang, ground, map[bool]string{true: "court", false: "voluntary"}[court])
				t.Run(name, func(t *testing.T) {
					doc, err := audit.NewTemplate(lang, ground, court, audit.DefaultConfig())
					require.NoError(t, err)
					blank := auditTemplate(t, doc)
					gaps := 0
					for _, c := range blank.Checks {
						if c.Status == audit.Gap {
							gaps++
						}
					}
					require.Greater(t, gaps, 0, "an unfilled template must not pass")
					require.Contains(t, doc.Markdown(), "<!--")

					doc.Client, doc.Date, doc.Practitioner = "C-100", "2026-03-09", "Test Worker, RSW"
					doc.Fill(fills[lang])
					doc.Fill(map[string]string{"reason": reasons[lang][ground]})
					filled := auditTemplate(t, doc)
					require.Equal(t, ground, filled.Ground)
					require.Equal(t, court, filled.CourtOrdered)
					for _, c := range filled.Checks {
						require.NotEqual(t, audit.Gap, c.Status, "%s: %s\n%s", c.ID, c.Message, doc.Markdown())
					}
					require.NotContains(t, doc.Markdown(), "<!--")
				})
			}
		}
	}
}

func TestTemplateSectionsFollowTheGround(t *testing.T) {
	ids := func(ground string, court bool) string {
		doc, err := audit.NewTemplate("en", ground, court, audit.DefaultConfig())
		require.NoError(t, err)
		var out []string
		for _, s := range doc.Sections {
			out = append(out, s.ID)
		}
		return strings.Join(out, ",")
	}
	require.Equal(t, "reason,records,consultation", ids("no-longer-needed", false))
	require.Equal(t, "reason,alternatives,contacts,support,risk,legal,records,consultation", ids("risk-of-harm", true))
	require.Equal(t, "reason,alternatives,contacts,support,outreach,notice,records,consultation", ids("possibilite-offerte", false))
	_, err := audit.NewTemplate("en", "relocation", false, audit.DefaultConfig())
	require.ErrorContains(t, err, "unknown ground")
}
