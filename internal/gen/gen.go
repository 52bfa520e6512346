// Package gen writes a deterministic corpus of realistic, fictional case
// notes for benchmarks and load tests: teams, practitioners and cases in
// English and French, YAML/TOML/JSON or no front matter, some CRLF and BOM
// files, about 5% termination notes with outreach logged in separate
// contact notes before them, and a share of documentation gaps. The same
// seed and size always give the same bytes.
package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Stats describe a generated corpus.
type Stats struct {
	Files, Cases, Terminations int
	Bytes                      int64
}

var (
	firstEN = []string{"Dana", "Luis", "Priya", "Amara", "Owen", "Grace", "Tom", "Leah", "Ravi", "Mei"}
	firstFR = []string{"Geneviève", "Mathieu", "Chloé", "Paul", "Sophie", "Julien", "Nadia", "Isabelle", "Marc", "Josée"}
	lastEN  = []string{"Whitcombe", "Ortega", "Anand", "Okoye", "Tremblay", "Whitfield", "Ashdown", "Brandt", "Mehta", "Zhou"}
	lastFR  = []string{"Aubin", "Caron", "Martel", "Thériault", "Lévesque", "Beaudry", "Benali", "Cormier", "Gagnon", "Lalonde"}
	orgsEN  = []string{"Eastside Community Health Centre", "MindSteps online CBT", "Harbour Peer Support Drop-In", "Tri-County Anxiety Group", "Valley Counselling Services", "Northgate Men's Group", "Westfield Anxiety Clinic", "Family Centre parenting program"}
	orgsFR  = []string{"CLSC du Moulin", "Ligne Écoute-Espoir", "Centre de counseling Horizon", "Groupe Entraide-Humeur", "Clinique juridique de l'Ouest", "Programme Cap-Calme", "Maison de la famille Bellerive", "Service de médiation de l'Est"}
	topics  = []string{"sleep and low mood", "work stress", "conflict with an adult son", "grief after a loss", "budgeting and housing", "panic attacks", "parenting after separation", "alcohol use"}
	sujets  = []string{"le sommeil et l'humeur", "le stress au travail", "les conflits avec son fils", "le deuil", "le budget et le logement", "les crises de panique", "la coparentalité", "la consommation d'alcool"}
)

type gen struct {
	r     *rand.Rand
	stats Stats
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool   { return g.r.Float64() < p }

// Generate writes about n notes under dir with the given seed.
func Generate(dir string, n int, seed uint64) (Stats, error) {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	teams := max(1, n/2000)
	caseNo := 0
	for g.stats.Files < n {
		caseNo++
		fr := g.chance(0.35)
		team := fmt.Sprintf("team-%02d", caseNo%teams+1)
		first, last := g.pick(firstEN), g.pick(lastEN)
		if fr {
			first, last = g.pick(firstFR), g.pick(lastFR)
		}
		worker := first + " " + last
		client := fmt.Sprintf("C-%06d", caseNo)
		folder := filepath.Join(dir, team, strings.ToLower(strings.ReplaceAll(first+"-"+last, " ", "-")), strings.ToLower(client))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return g.stats, err
		}
		size := 4 + g.r.IntN(13)
		size = min(size, n-g.stats.Files)
		closed := g.chance(0.5) && size >= 3
		start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(600))
		g.stats.Cases++
		for i := 0; i < size; i++ {
			day := start.AddDate(0, 0, 14*i)
			var body, typ string
			switch {
			case closed && i == size-1:
				typ, body = g.termination(fr, worker, client, day)
				g.stats.Terminations++
			case closed && i >= size-3:
				typ, body = g.contact(fr, day, i)
			default:
				typ, body = g.progress(fr, i)
			}
			name := fmt.Sprintf("%s-%s.md", day.Format("2006-01-02"), typ)
			if g.chance(0.03) {
				name = strings.TrimSuffix(name, ".md") + ".txt"
			}
			text := g.frontMatter(client, day, worker, typ) + body
			if g.chance(0.05) {
				text = strings.ReplaceAll(text, "\n", "\r\n")
			}
			if g.chance(0.03) {
				text = "\ufeff" + text
			}
			if err := os.WriteFile(filepath.Join(folder, name), []byte(text), 0o644); err != nil {
				return g.stats, err
			}
			g.stats.Files++
			g.stats.Bytes += int64(len(text))
		}
	}
	return g.stats, nil
}

func (g *gen) frontMatter(client string, day time.Time, worker, typ string) string {
	d := day.Format("2006-01-02")
	switch v := g.r.IntN(20); {
	case v < 14:
		return fmt.Sprintf("---\nclient: %s\ndate: %s\npractitioner: %s, RSW\ntype: %s\n---\n\n", client, d, worker, typ)
	case v < 16:
		return fmt.Sprintf("+++\nclient = %q\ndate = %s\npractitioner = \"%s, RSW\"\ntype = %q\n+++\n\n", client, d, worker, typ)
	case v < 18:
		return fmt.Sprintf("{\n  \"client\": %q,\n  \"date\": %q,\n  \"practitioner\": \"%s, RSW\",\n  \"type\": %q\n}\n\n", client, d, worker, typ)
	default:
		return fmt.Sprintf("Client: %s\nDate: %s\nWorker: %s, RSW\n\n", client, d, worker)
	}
}

func (g *gen) progress(fr bool, i int) (string, string) {
	if fr {
		s := g.pick(sujets)
		return "suivi", fmt.Sprintf("# Note de suivi\n\n**Données :** Rencontre %d. La personne parle de %s; elle dit que la semaine a été difficile mais qu'elle applique le plan.\n\n**Analyse :** Progrès partiel; humeur stable. Aucun enjeu de sécurité.\n\n**Plan :** Poursuivre le travail sur %s. Prochaine rencontre dans deux semaines.\n", i+1, s, s)
	}
	t := g.pick(topics)
	switch g.r.IntN(3) {
	case 0:
		return "progress", fmt.Sprintf("# Progress note — SOAP\n\n**S:** Client reports %s is \"a bit better\". Session %d.\n\n**O:** On time, good eye contact, calm.\n\n**A:** Partial progress on the goals of the plan. No safety concerns.\n\n**P:** Continue the work on %s. Next session in two weeks.\n", t, i+1, t)
	case 1:
		return "progress", fmt.Sprintf("D — Session %d. Discussed %s; client practised the skills from last time.\n\nA — Engaged and reflective; some avoidance remains.\n\nP — Homework reviewed. Next appointment booked.\n", i+1, t)
	}
	return "progress", fmt.Sprintf("Session %d with the client about %s. We reviewed the week, what helped and what did not, and set one small goal. Sessions continue every two weeks.\n", i+1, t)
}

func (g *gen) contact(fr bool, day time.Time, i int) (string, string) {
	if fr {
		if i%2 == 0 {
			return "contact", "Appel au cellulaire, boîte vocale : je lui offre une rencontre de fin de suivi. Pas de réponse.\n"
		}
		return "contact", "Courriel envoyé pour proposer une séance de cessation la semaine prochaine. Aucune réponse.\n"
	}
	if i%2 == 0 || g.chance(0.3) {
		return "contact", "Phoned the client's cell: no answer, left a voicemail offering a closing session.\n"
	}
	return "contact", fmt.Sprintf("Mailed a letter on %s offering two times for a closing session. No reply.\n", day.Format("2006-01-02"))
}

func (g *gen) termination(fr bool, worker, client string, day time.Time) (string, string) {
	var b strings.Builder
	orgs := orgsEN
	if fr {
		orgs = orgsFR
	}
	o1, o2 := orgs[g.r.IntN(len(orgs))], orgs[g.r.IntN(len(orgs))]
	if fr {
		b.WriteString("# Fermeture du dossier\n\n")
		b.WriteString("**Motif :** la personne s'est retirée des services; aucune présence depuis un mois. Je ferme le dossier aujourd'hui.\n\n")
		if g.chance(0.9) {
			b.WriteString("**Services de rechange envisagés :** un groupe d'entraide et un suivi au CLSC.\n\n")
		}
		b.WriteString("**Coordonnées remises :**\n\n")
		fmt.Fprintf(&b, "- %s — 613-555-%04d\n", o1, 100+g.r.IntN(9000))
		if g.chance(0.85) {
			fmt.Fprintf(&b, "- %s — accueil%d@exemple.example.ca\n", o2, g.r.IntN(100))
		}
		if g.chance(0.8) {
			b.WriteString("\n**Soutien :** je lui ai expliqué comment s'inscrire sans référence.\n")
		}
		b.WriteString("\nAucune ordonnance du tribunal.\n")
		return "fermeture", b.String()
	}
	b.WriteString("# Termination note\n\n## Reason for ending services\nThe client withdrew from services: no attendance for a month and no reply to my outreach. I am closing the file today.\n\n")
	if g.chance(0.9) {
		b.WriteString("## Alternatives considered\n- an evening support group\n- online CBT with a coach\n\n")
	}
	b.WriteString("## Contacts given\n")
	fmt.Fprintf(&b, "- %s — 416-555-%04d\n", o1, 100+g.r.IntN(9000))
	if g.chance(0.85) {
		fmt.Fprintf(&b, "- %s — intake%d@example.org\n", o2, g.r.IntN(100))
	}
	if g.chance(0.8) {
		b.WriteString("\n## Support to connect\nThe letter explains how to self-refer and that I can make the first call with the client.\n")
	}
	b.WriteString("\nNo court order. Consulted my supervisor before closing.\n\n" + worker + ", RSW\n")
	return "termination", b.String()
}
