package reports

import "fmt"

// labels are the words writers print around the audit's own messages.
var labels = map[string]map[string]string{
	"case":       {"en": "case", "fr": "dossier"},
	"ground":     {"en": "ground", "fr": "motif"},
	"none":       {"en": "none", "fr": "aucun"},
	"court":      {"en": "court-ordered", "fr": "ordonné par le tribunal"},
	"gaps":       {"en": "%d gap(s)", "fr": "%d écart(s)"},
	"no-gaps":    {"en": "all applicable checks met", "fr": "toutes les vérifications applicables sont satisfaites"},
	"met":        {"en": "met", "fr": "satisfaites"},
	"na":         {"en": "not applicable", "fr": "sans objet"},
	"waived":     {"en": "waived", "fr": "dispensées"},
	"evidence":   {"en": "found", "fr": "trouvé"},
	"file-error": {"en": "error", "fr": "erreur"},
	"unreadable": {"en": "file", "fr": "fichier"},
	"undated":    {"en": "undated", "fr": "non daté"},
	"summary":    {"en": "%d note(s) in %d case(s): %d termination event(s), %d with gaps (%d error, %d warning, %d info); %d file problem(s)", "fr": "%d note(s) dans %d dossier(s) : %d événement(s) de cessation, %d avec écarts (%d erreur, %d avertissement, %d info); %d problème(s) de fichier"},
	"no-events":  {"en": "no termination event found", "fr": "aucun événement de cessation trouvé"},
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
