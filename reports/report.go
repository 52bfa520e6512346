package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"sort"

	"github.com/noteaudit/noteaudit/audit"
)

// Schema is the JSON report's schema id.
const Schema = "noteaudit/report/v1"

// Report is exactly the JSON report of SPEC §5; every writer renders it.
type Report struct {
	Schema  string      `json:"schema"`
	Tool    Tool        `json:"tool"`
	Root    string      `json:"root"`
	Summary Summary     `json:"summary"`
	Events  []Event     `json:"events"`
	Errors  []FileError `json:"errors"`
	Lang    string      `json:"-"`
}

type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type Summary struct {
	Files          int       `json:"files"`
	Notes          int       `json:"notes"`
	Cases          int       `json:"cases"`
	Events         int       `json:"events"`
	EventsWithGaps int       `json:"events_with_gaps"`
	Gaps           GapCounts `json:"gaps"`
	Errors         int       `json:"errors"`
}

type GapCounts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

type Event struct {
	Case         string   `json:"case"`
	File         string   `json:"file"`
	Line         int      `json:"line"`
	Date         string   `json:"date"`
	Practitioner string   `json:"practitioner"`
	Ground       *string  `json:"ground"`
	CourtOrdered bool     `json:"court_ordered"`
	Notes        []string `json:"notes"`
	Checks       []Check  `json:"checks"`
}

type Check struct {
	ID       string     `json:"id"`
	Status   string     `json:"status"`
	Severity string     `json:"severity"`
	Message  string     `json:"message"`
	Source   string     `json:"source"`
	Evidence []Evidence `json:"evidence"`
}

type Evidence struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

type FileError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Options say how to build a report.
type Options struct {
	Root    string
	Files   int // files looked at, readable or not
	Version string
	Lang    string
	Redact  bool   // no evidence text, no practitioner names, hashed case ids
	Salt    string // for the case-id hash
}

// Build turns an audit result into the report model: sorted, counted, and
// redacted when asked.
func Build(res audit.Result, errs []audit.FileError, o Options) *Report {
	// Lists are made at their size, never nil: JSON writes [] for none.
	r := &Report{Schema: Schema, Tool: Tool{"noteaudit", o.Version}, Root: o.Root, Lang: o.Lang,
		Events: make([]Event, 0, len(res.Events)), Errors: make([]FileError, 0, len(errs)+len(res.Errors))}
	for _, e := range res.Events {
		ev := Event{Case: e.Case, File: e.File, Line: e.Line, Date: e.Date, Practitioner: e.Practitioner,
			CourtOrdered: e.CourtOrdered, Notes: append([]string{}, e.Notes...), Checks: make([]Check, 0, len(e.Checks))}
		if e.Ground != "" {
			g := e.Ground
			ev.Ground = &g
		}
		for _, c := range e.Checks {
			if c.Severity == audit.Off {
				continue
			}
			ch := Check{ID: c.ID, Status: string(c.Status), Severity: c.Severity.String(), Message: c.Message, Source: c.Source, Evidence: make([]Evidence, 0, len(c.Evidence))}
			for _, x := range c.Evidence {
				ch.Evidence = append(ch.Evidence, Evidence{x.File, x.Line, x.Text})
			}
			ev.Checks = append(ev.Checks, ch)
		}
		r.Events = append(r.Events, ev)
	}
	all := append(append([]audit.FileError{}, errs...), res.Errors...)
	audit.SortErrors(all)
	for _, e := range all {
		r.Errors = append(r.Errors, FileError{e.File, e.Line, e.Message})
	}
	sort.SliceStable(r.Events, func(i, j int) bool {
		if r.Events[i].Case != r.Events[j].Case {
			return r.Events[i].Case < r.Events[j].Case
		}
		return r.Events[i].File < r.Events[j].File
	})
	r.Summary.Files, r.Summary.Notes, r.Summary.Cases = o.Files, res.Notes, res.Cases
	r.recount()
	if o.Redact {
		redact(r, o.Salt)
	}
	return r
}

// redact removes what identifies clients or staff: case ids become salted
// hashes; file paths (folder and file names often hold client names or ids)
// become hashes too, keeping the extension; evidence text and practitioner
// names are dropped. Lines stay, so a holder of the tree can still find them.
// recount sets the summary's event, gap and error figures from the events
// and errors (files, notes and cases come from the audit).
func (r *Report) recount() {
	r.Summary.Events, r.Summary.Errors = len(r.Events), len(r.Errors)
	r.Summary.EventsWithGaps, r.Summary.Gaps = 0, GapCounts{}
	for _, e := range r.Events {
		if gapsOf(e) > 0 {
			r.Summary.EventsWithGaps++
		}
		for _, c := range e.Checks {
			if c.Status != "gap" {
				continue
			}
			switch c.Severity {
			case "error":
				r.Summary.Gaps.Error++
			case "warning":
				r.Summary.Gaps.Warning++
			case "info":
				r.Summary.Gaps.Info++
			}
		}
	}
}

func redact(r *Report, salt string) {
	r.Root = "redacted"
	for i := range r.Events {
		e := &r.Events[i]
		e.Case = HashID(e.Case, salt)
		e.File = redactPath(e.File, salt)
		e.Practitioner = ""
		for j := range e.Notes {
			e.Notes[j] = redactPath(e.Notes[j], salt)
		}
		for j := range e.Checks {
			for k := range e.Checks[j].Evidence {
				x := &e.Checks[j].Evidence[k]
				x.File, x.Text = redactPath(x.File, salt), ""
			}
		}
	}
	for i := range r.Errors {
		r.Errors[i].File = redactPath(r.Errors[i].File, salt)
	}
}

func redactPath(p, salt string) string {
	sum := sha256.Sum256([]byte(salt + "\x00path\x00" + p))
	return "note-" + hex.EncodeToString(sum[:])[:12] + path.Ext(p)
}

// HashID is the stable salted hash that replaces a case id in redacted reports.
func HashID(id, salt string) string {
	sum := sha256.Sum256([]byte(salt + "\x00" + id))
	return "case-" + hex.EncodeToString(sum[:])[:12]
}

// FailOn is the lowest gap severity that makes the exit code 1; Never
// disables it.
type FailOn int

const (
	FailNever FailOn = iota
	FailInfo
	FailWarning
	FailError
)

// ParseFailOn reads error, warning, info or never.
func ParseFailOn(s string) (FailOn, bool) {
	switch s {
	case "error":
		return FailError, true
	case "warning":
		return FailWarning, true
	case "info":
		return FailInfo, true
	case "never":
		return FailNever, true
	}
	return FailNever, false
}

// ExitCode is SPEC §4's: 2 when some file could not be read or parsed, else
// 1 when a gap is at or above failOn, else 0.
func ExitCode(r *Report, failOn FailOn) int {
	if len(r.Errors) > 0 {
		return 2
	}
	if failOn == FailNever {
		return 0
	}
	g := r.Summary.Gaps
	if g.Error > 0 || (failOn <= FailWarning && g.Warning > 0) || (failOn <= FailInfo && g.Info > 0) {
		return 1
	}
	return 0
}
