package reports

import (
	"bufio"

	"fmt"
	"github.com/noteaudit/noteaudit/audit"
	"io"
	"strings"
)

// Text is the terminal report: one `path:line: severity check-id message`
// line per gap (grep- and editor-friendly), grouped by case, each event
// with a status line. Colour only when asked (the caller decides from the
// terminal and NO_COLOR).
type Text struct {
	Color   bool
	Verbose bool // also print met, waived and not-applicable checks
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
	ansiDim    = "\x1b[2m"
)

func (t Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

func (t Text) Write(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	lang := r.Lang
	for _, e := range r.Events {
		var met, na, waived []string
		for _, c := range e.Checks {
			switch c.Status {
			case "met":
				met = append(met, c.ID)
			case "not-applicable":
				na = append(na, c.ID)
			case "waived":
				waived = append(waived, c.ID)
			}
		}
		fmt.Fprintln(w, t.StatusLine(lang, e))
		for _, c := range e.Checks {
			if c.Status != "gap" && !t.Verbose {
				continue
			}
			sev := c.Severity
			if c.Status != "gap" {
				sev = c.Status
			}
			fmt.Fprintf(w, "%s:%d: %s %s %s\n", e.File, e.Line, t.severity(lang, sev), c.ID, c.Message)
			for _, x := range c.Evidence {
				if x.Text == "" {
					fmt.Fprintf(w, "    %s %s:%d\n", t.paint(ansiDim, L(lang, "evidence")+":"), x.File, x.Line)
					continue
				}
				fmt.Fprintf(w, "    %s %s:%d: %s\n", t.paint(ansiDim, L(lang, "evidence")+":"), x.File, x.Line, x.Text)
			}
		}
		if !t.Verbose {
			var parts []string
			if len(met) > 0 {
				parts = append(parts, L(lang, "met")+": "+strings.Join(met, ", "))
			}
			if len(waived) > 0 {
				parts = append(parts, L(lang, "waived")+": "+strings.Join(waived, ", "))
			}
			if len(na) > 0 {
				parts = append(parts, L(lang, "na")+": "+strings.Join(na, ", "))
			}
			fmt.Fprintf(w, "    %s\n", t.paint(ansiDim, strings.Join(parts, "; ")))
		}
		fmt.Fprintln(w)
	}
	if len(r.Events) == 0 {
		fmt.Fprintln(w, L(lang, "no-events"))
	}
	for _, e := range r.Errors {
		fmt.Fprintf(w, "%s:%d: %s %s\n", e.File, e.Line, t.paint(ansiRed, L(lang, "file-error")), e.Message)
	}
	s := r.Summary
	fmt.Fprintln(w, L(lang, "summary", s.Notes, s.Cases, s.Events, s.EventsWithGaps, s.Gaps.Error, s.Gaps.Warning, s.Gaps.Info, s.Errors))
	return w.Flush()
}

// severity prints the severity (or status) id untranslated: it is a
// stable token like the check id, so `grep error` works in both languages.
// StatusLine is an event's one-line status: case, anchor, date, ground and
// how many gaps (watch prints it after each change).
func (t Text) StatusLine(lang string, e Event) string {
	ground := L(lang, "none")
	if e.Ground != nil {
		ground = audit.GroundLabel(lang, *e.Ground)
	}
	date := e.Date
	if date == "" {
		date = L(lang, "undated")
	}
	gaps, info := gapsOf(e), 0
	for _, c := range e.Checks {
		if c.Status == "gap" && c.Severity == "info" {
			info++
		}
	}
	status := t.paint(ansiGreen, L(lang, "no-gaps"))
	switch {
	case gaps > 0 && gaps == info:
		status = t.paint(ansiCyan, L(lang, "gaps-info", gaps))
	case gaps > 0:
		status = t.paint(ansiRed, L(lang, "gaps", gaps))
	}
	court := ""
	if e.CourtOrdered {
		court = ", " + L(lang, "court")
	}
	return fmt.Sprintf("%s %s — %s (%s, %s: %s%s): %s", t.paint(ansiBold, L(lang, "case")), t.paint(ansiBold, e.Case), e.File, date, L(lang, "ground"), ground, court, status)
}

// GapLine is the `path:line: severity check-id message` line of a gap.
func (t Text) GapLine(file string, line int, c Check) string {
	return fmt.Sprintf("%s:%d: %s %s %s", file, line, t.severity("", c.Severity), c.ID, c.Message)
}

func (t Text) severity(_ string, s string) string {
	switch s {
	case "error":
		return t.paint(ansiRed, s)
	case "warning":
		return t.paint(ansiYellow, s)
	case "info":
		return t.paint(ansiCyan, s)
	}
	return t.paint(ansiDim, s)
}
