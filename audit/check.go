package audit

import (
	"fmt"
	"sort"
	"strings"
)

// Status is the outcome of one check on one event.
type Status string

const (
	Met           Status = "met"
	Gap           Status = "gap"
	NotApplicable Status = "not-applicable"
	Waived        Status = "waived"
)

// Severity orders gaps: Info < Warning < Error. Off silences a check.
type Severity int

const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = []string{"off", "info", "warning", "error"}

func (s Severity) String() string {
	if s < Off || s > Error {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity reads error, warning, info or off.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q (accepted: error, warning, info, off)", s)
}

// CheckResult is one check's verdict on one event.
type CheckResult struct {
	ID       string
	Status   Status
	Severity Severity // of the check; it matters for gaps
	Message  string
	Source   string
	Evidence []Evidence
}

// Outcome is what a check's Run returns; the runner adds id, severity,
// source, waivers and applicability.
type Outcome struct {
	Met      bool
	Message  string
	Evidence []Evidence
}

// Check is one rule of SPEC §3. Each lives in its own file and registers
// itself; Order is its place in the SPEC table, which reports follow.
type Check struct {
	ID       string
	Order    int
	Core     bool
	Severity Severity
	Source   string
	// Applies says whether the check applies to the event; when it does
	// not, the message says why.
	Applies func(e *EventContext) (bool, string)
	Run     func(e *EventContext) Outcome
}

var registry []*Check

func register(c *Check) {
	registry = append(registry, c)
	sort.SliceStable(registry, func(i, j int) bool { return registry[i].Order < registry[j].Order })
}

// Checks returns the registered checks in SPEC order.
func Checks() []*Check { return append([]*Check(nil), registry...) }

// CheckByID finds a check, or nil.
func CheckByID(id string) *Check {
	for _, c := range registry {
		if c.ID == id {
			return c
		}
	}
	return nil
}

func always(*EventContext) (bool, string) { return true, "" }
