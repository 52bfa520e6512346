package reports

import "fmt"

// labels are the words writers print around the audit's own messages.
var labels = map[string]map[string]string{
	"case":              {"en": "case", "fr": "dossier"},
	"ground":            {"en": "ground", "fr": "motif"},
	"none":              {"en": "none", "fr": "aucun"},
	"court":             {"en": "court-ordered", "fr": "ordonné par le tribunal"},
	"gaps":              {"en": "%d gap(s)", "fr": "%d écart(s)"},
	"gaps-info":         {"en": "%d gap(s), info only", "fr": "%d écart(s), info seulement"},
	"no-gaps":           {"en": "all applicable checks met", "fr": "toutes les vérifications applicables sont satisfaites"},
	"met":               {"en": "met", "fr": "satisfaites"},
	"na":                {"en": "not applicable", "fr": "sans objet"},
	"waived":            {"en": "waived", "fr": "dispensées"},
	"evidence":          {"en": "found", "fr": "trouvé"},
	"file-error":        {"en": "error", "fr": "erreur"},
	"unreadable":        {"en": "file", "fr": "fichier"},
	"undated":           {"en": "undated", "fr": "non daté"},
	"watching":          {"en": "watching %d notes in %d folders (Ctrl-C to stop)", "fr": "surveillance de %d notes dans %d dossiers (Ctrl-C pour arrêter)"},
	"watch-limit":       {"en": "the system's limit on watched folders was reached: raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (and in /etc/sysctl.conf), or use --poll; these folders are not watched:", "fr": "la limite du système sur les dossiers surveillés est atteinte : augmentez-la avec `sudo sysctl fs.inotify.max_user_watches=524288` (et dans /etc/sysctl.conf), ou utilisez --poll; ces dossiers ne sont pas surveillés :"},
	"not-watched":       {"en": "not watched:", "fr": "non surveillé :"},
	"case-gone":         {"en": "case %s: no notes left; removed from the report", "fr": "dossier %s : plus aucune note; retiré du rapport"},
	"case-change":       {"en": "case %s: %d new gap(s), %d resolved", "fr": "dossier %s : %d nouvel(s) écart(s), %d résolu(s)"},
	"resolved":          {"en": "resolved", "fr": "résolu"},
	"title":             {"en": "Termination documentation audit", "fr": "Audit de la documentation des cessations de services"},
	"generated":         {"en": "noteaudit %s — root: %s", "fr": "noteaudit %s — racine : %s"},
	"sum-head":          {"en": "Summary", "fr": "Sommaire"},
	"files":             {"en": "Files read", "fr": "Fichiers lus"},
	"notes":             {"en": "Notes", "fr": "Notes"},
	"cases":             {"en": "Cases", "fr": "Dossiers"},
	"events":            {"en": "Termination events", "fr": "Événements de cessation"},
	"with-gaps":         {"en": "Events with gaps", "fr": "Événements avec écarts"},
	"gap-errors":        {"en": "Gaps (error)", "fr": "Écarts (erreur)"},
	"gap-warn":          {"en": "Gaps (warning)", "fr": "Écarts (avertissement)"},
	"gap-info":          {"en": "Gaps (info)", "fr": "Écarts (info)"},
	"problems":          {"en": "File problems", "fr": "Problèmes de fichiers"},
	"by-check":          {"en": "Share of events meeting each check", "fr": "Part des événements qui satisfont chaque vérification"},
	"check":             {"en": "Check", "fr": "Vérification"},
	"applicable":        {"en": "Applicable", "fr": "Applicables"},
	"share-met":         {"en": "Met (or waived)", "fr": "Satisfaites (ou dispensées)"},
	"by-worker":         {"en": "By practitioner", "fr": "Par intervenant"},
	"by-team":           {"en": "By team (top-level folder)", "fr": "Par équipe (dossier de premier niveau)"},
	"by-month":          {"en": "Events by month", "fr": "Événements par mois"},
	"worker":            {"en": "Practitioner", "fr": "Intervenant"},
	"team":              {"en": "Team", "fr": "Équipe"},
	"month":             {"en": "Month", "fr": "Mois"},
	"gaps-col":          {"en": "Gaps", "fr": "Écarts"},
	"unknown":           {"en": "(not recorded)", "fr": "(non indiqué)"},
	"gap-events":        {"en": "Events with gaps", "fr": "Événements avec écarts"},
	"status":            {"en": "Status", "fr": "Statut"},
	"message":           {"en": "Finding", "fr": "Constat"},
	"severity":          {"en": "Severity", "fr": "Gravité"},
	"source":            {"en": "Source", "fr": "Source"},
	"file":              {"en": "File", "fr": "Fichier"},
	"line":              {"en": "Line", "fr": "Ligne"},
	"date":              {"en": "Date", "fr": "Date"},
	"anchor":            {"en": "Termination note", "fr": "Note de cessation"},
	"notes-in":          {"en": "Notes in the event", "fr": "Notes de l'événement"},
	"st-met":            {"en": "met", "fr": "satisfaite"},
	"st-gap":            {"en": "gap", "fr": "écart"},
	"st-not-applicable": {"en": "not applicable", "fr": "sans objet"},
	"st-waived":         {"en": "waived", "fr": "dispensée"},
	"none-gaps":         {"en": "No event has a gap.", "fr": "Aucun événement n'a d'écart."},
	"errors-head":       {"en": "Files that could not be read or parsed", "fr": "Fichiers illisibles ou mal formés"},
	"summary":           {"en": "%d note(s) in %d case(s): %d termination event(s), %d with gaps (%d error, %d warning, %d info); %d file problem(s)", "fr": "%d note(s) dans %d dossier(s) : %d événement(s) de cessation, %d avec écarts (%d erreur, %d avertissement, %d info); %d problème(s) de fichier"},
	"no-events":         {"en": "no termination event found", "fr": "aucun événement de cessation trouvé"},
}

// L returns the label key in lang (English when missing), formatted.
func L(lang, key string, args ...any) string {
	m := labels[key]
	s, ok := m[lang]
	if !ok {
		s = m["en"]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
