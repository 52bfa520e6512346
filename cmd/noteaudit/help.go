package main

import (
	"strings"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpFR is the French text of every command description and flag usage,
// keyed by the English text written beside the command.
var helpFR = map[string]string{
	"Audit case notes for how they document the ending of services (OCSWSSW, Reg. 384/00 s. 2.8)": "Vérifie comment les notes au dossier documentent la fin des services (OTSTTSO, Règl. 384/00, art. 2.8)",
	"Print the effective configuration and where each value comes from":                           "Affiche la configuration en vigueur et la provenance de chaque valeur",
	"List the checks with their severity, what they look for and their source":                    "Liste les vérifications, leur gravité, ce qu'elles cherchent et leur source",
	"Explain a check: what it looks for, when it applies, the words it knows, and examples":       "Explique une vérification : ce qu'elle cherche, quand elle s'applique, les mots reconnus et des exemples",
	"Print a termination-note skeleton tailored to a ground":                                      "Affiche un modèle de note de cessation adapté au motif",
	"Print the version": "Affiche la version",
	"Audit notes in files or folders (default .) and print a gap report":              "Vérifie les notes de fichiers ou de dossiers (par défaut .) et affiche les écarts",
	"Audit a whole share into one report (format from --format or --out's extension)": "Vérifie tout un partage et produit un rapport (format selon --format ou l'extension de --out)",
	"Merge the JSON reports of several shares into one report":                        "Fusionne les rapports JSON de plusieurs partages en un seul rapport",
	"Audit, then re-audit each case as its notes change (Ctrl-C to stop)":             "Vérifie, puis revérifie chaque dossier à mesure que ses notes changent (Ctrl-C pour arrêter)",
	"configuration file (default: found walking up from PATH)":                        "fichier de configuration (par défaut : cherché en remontant depuis PATH)",
	"en or fr":           "en ou fr",
	"configuration file": "fichier de configuration",
	"text or json":       "text ou json",
	"the service is governed by a court order or other legal mandate":                                                                     "le service est régi par une ordonnance du tribunal ou un autre mandat légal",
	"client-request, client-withdrew, alternatives-arranged, opportunity-given, risk-of-harm, no-longer-needed (French aliases accepted)": "demande-du-client, retrait-du-client, services-de-rechange, possibilite-offerte, risque-de-prejudice, services-plus-necessaires (codes anglais acceptés)",
	"write the report to this file (atomically) instead of standard output":                                                               "écrit le rapport dans ce fichier (de façon atomique) plutôt qu'à la sortie standard",
	"language of messages and labels: en or fr (default: from LANG)":                                                                      "langue des messages et libellés : en ou fr (par défaut : selon LANG)",
	"exit 1 when a gap is at or above: error, warning, info, never":                                                                       "code de sortie 1 si un écart atteint : error, warning, info, never",
	"no evidence text or practitioner names; case ids replaced by a salted hash":                                                          "aucun extrait ni nom d'intervenant; numéros de dossier remplacés par un hachage salé",
	"salt for --redact's case-id hash":                                                                                                    "sel du hachage des numéros de dossier de --redact",
	"text: also list met, waived and not-applicable checks with their evidence":                                                           "texte : liste aussi les vérifications satisfaites, dispensées et sans objet, avec leurs preuves",
	"rescan modification times at this interval instead of waiting for events (network shares send none), e.g. 5s":                        "relit les dates de modification à cet intervalle au lieu d'attendre les événements (les partages réseau n'en envoient pas), p. ex. 5s",
	"help for ": "aide pour ",
	"read every note in full (for comparison; the results are the same)": "lit chaque note en entier (pour comparer; les résultats sont les mêmes)",
}

func init() {
	helpFR[formatUsage] = "format du rapport : " + strings.Join(reports.Formats(), ", ") + " (par défaut : selon l'extension de --out, sinon text)"
	helpFR[configUsage] = "fichier de configuration (par défaut : " + audit.ConfigFileName + " cherché en remontant depuis le chemin vérifié)"
}

// frUsage is cobra's usage template in French.
const frUsage = `Utilisation :{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [commande]{{end}}{{if .HasAvailableSubCommands}}

Commandes :{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Options :
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

« {{.CommandPath}} [commande] --help » donne l'aide d'une commande.{{end}}
`

// helpLang is the language of help texts: --lang on the command line, then
// LC_ALL/LANG (the configuration file is not read for help).
func helpLang(args []string) string {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return langFromEnv()
}

// localize rewrites the help of every command and flag in French.
func localize(c *cobra.Command, lang string) {
	if lang != "fr" {
		return
	}
	if fr, ok := helpFR[c.Short]; ok {
		c.Short = fr
	}
	c.SetUsageTemplate(frUsage)
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if fr, ok := helpFR[f.Usage]; ok {
			f.Usage = fr
		}
	})
	for _, sub := range c.Commands() {
		localize(sub, lang)
	}
}
