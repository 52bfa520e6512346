package reports

import (
	"bufio"

	"fmt"
	"github.com/noteaudit/noteaudit/audit"
	"io"
	"strings"
)

// Markdown is a gap report ready for a file review: the summary, then each
// event with gaps, grouped by case, with its checks and evidence.
type Markdown struct{}

func mdEscape(s string) string {
	r := strings.NewReplacer("|", "\\|", "\n", " ", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "#", "\\#")
	return r.Replace(s)
}

func (Markdown) Write(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	lang := r.Lang
	s := r.Summary
	fmt.Fprintf(w, "# %s\n\n%s\n\n## %s\n\n", L(lang, "title"), mdEscape(L(lang, "generated", r.Tool.Version, r.Root)), L(lang, "sum-head"))
	fmt.Fprintf(w, "| | |\n|---|---:|\n")
	for _, row := range []struct {
		k string
		v int
	}{{"files", s.Files}, {"notes", s.Notes}, {"cases", s.Cases}, {"events", s.Events}, {"with-gaps", s.EventsWithGaps}, {"gap-errors", s.Gaps.Error}, {"gap-warn", s.Gaps.Warning}, {"gap-info", s.Gaps.Info}, {"problems", s.Errors}} {
		fmt.Fprintf(w, "| %s | %d |\n", L(lang, row.k), row.v)
	}
	fmt.Fprintf(w, "\n## %s\n\n| %s | %s | %s | %% |\n|---|---:|---:|---:|\n", L(lang, "by-check"), L(lang, "check"), L(lang, "applicable"), L(lang, "share-met"))
	for _, c := range shares(r) {
		fmt.Fprintf(w, "| `%s` | %d | %d | %d |\n", c.ID, c.Applicable, c.MetOrWaiv, c.Percent())
	}
	fmt.Fprintf(w, "\n## %s\n\n", L(lang, "gap-events"))
	any := false
	lastCase := ""
	for _, e := range r.Events {
		if gapsOf(e) == 0 {
			continue
		}
		any = true
		if e.Case != lastCase {
			fmt.Fprintf(w, "### %s %s\n\n", L(lang, "case"), mdEscape(e.Case))
			lastCase = e.Case
		}
		ground := L(lang, "none")
		if e.Ground != nil {
			ground = audit.GroundLabel(lang, *e.Ground)
		}
		fmt.Fprintf(w, "**%s:** `%s:%d` — %s %s — %s %s — %s\n\n", L(lang, "anchor"), e.File, e.Line, L(lang, "date"), orDash(e.Date), L(lang, "ground"), ground, mdEscape(e.Practitioner))
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n|---|---|---|---|\n", L(lang, "check"), L(lang, "status"), L(lang, "severity"), L(lang, "message"))
		for _, c := range e.Checks {
			fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", c.ID, L(lang, "st-"+c.Status), c.Severity, mdEscape(c.Message))
		}
		fmt.Fprintln(w)
		for _, c := range e.Checks {
			if c.Status != "gap" || len(c.Evidence) == 0 {
				continue
			}
			fmt.Fprintf(w, "- `%s` — %s:\n", c.ID, L(lang, "evidence"))
			for _, x := range c.Evidence {
				fmt.Fprintf(w, "  - `%s:%d` %s\n", x.File, x.Line, mdEscape(x.Text))
			}
		}
		fmt.Fprintf(w, "\n%s: %s\n\n", L(lang, "notes-in"), strings.Join(quoteAll(e.Notes), ", "))
	}
	if !any {
		fmt.Fprintln(w, L(lang, "none-gaps"))
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "\n## %s\n\n", L(lang, "errors-head"))
		for _, e := range r.Errors {
			fmt.Fprintf(w, "- `%s:%d` %s\n", e.File, e.Line, mdEscape(e.Message))
		}
	}
	return w.Flush()
}

func quoteAll(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = "`" + p + "`"
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
