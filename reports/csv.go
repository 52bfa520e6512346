package reports

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSV is one row per event and check, UTF-8 with a BOM (so spreadsheet
// programs show accents), every cell neutralised against formula injection.
type CSV struct{}

var csvHeader = map[string][]string{
	"en": {"case", "file", "line", "date", "practitioner", "ground", "court_ordered", "check", "status", "severity", "message", "source", "evidence"},
	"fr": {"dossier", "fichier", "ligne", "date", "intervenant", "motif", "ordonnance", "verification", "statut", "gravite", "constat", "source", "preuve"},
}

// Cell neutralises text a spreadsheet would run as a formula (OWASP).
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (CSV) Write(out io.Writer, r *Report) error {
	if _, err := io.WriteString(out, "\ufeff"); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	head := csvHeader[r.Lang]
	if head == nil {
		head = csvHeader["en"]
	}
	if err := w.Write(head); err != nil {
		return err
	}
	for _, e := range r.Events {
		ground := ""
		if e.Ground != nil {
			ground = *e.Ground
		}
		for _, c := range e.Checks {
			var ev []string
			for _, x := range c.Evidence {
				ev = append(ev, fmt.Sprintf("%s:%d: %s", x.File, x.Line, x.Text))
			}
			row := []string{e.Case, e.File, strconv.Itoa(e.Line), e.Date, e.Practitioner, ground, strconv.FormatBool(e.CourtOrdered),
				c.ID, c.Status, c.Severity, c.Message, c.Source, strings.Join(ev, " | ")}
			for i := range row {
				row[i] = Cell(row[i])
			}
			if err := w.Write(row); err != nil {
				return err
			}
		}
	}
	w.Flush()
	return w.Error()
}
