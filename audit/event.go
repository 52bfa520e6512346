package audit

import (
	"fmt"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// Event is one termination event of a case: its termination notes within
// one evidence window, anchored at the latest.
type Event struct {
	Case         string
	File         string // the anchor note
	Line         int
	Date         string
	Practitioner string
	Ground       string // a SPEC §1 code, "" when none is known
	CourtOrdered bool
	Notes        []string // every note of the case in the window
	Checks       []CheckResult
}

// FileError is a file that could not be read, or a part of it that could not.
type FileError struct {
	File    string
	Line    int
	Message string
}

// Result is the audit of a set of notes.
type Result struct {
	Notes  int
	Cases  int
	Events []Event
	Errors []FileError
}

// Run groups the notes into cases, finds their events and checks each one.
// Results are sorted (case, then anchor file), so equal input gives equal
// output whatever order the notes came in.
func Run(notes []*Facts, cfg *Config) Result {
	return RunAll(notes, nil, cfg)
}

// RunAll is Run for notes and for notes in brief that no event can see
// (scan.Result.Unseen): those count as notes of their cases, and their
// client values group other notes of their folder, as in Run.
func RunAll(notes []*Facts, unseen []Brief, cfg *Config) Result {
	return RunAllIn(notes, unseen, nil, cfg)
}

// RunAllIn is RunAll given the client values of each folder, as
// ClientsByFolder gives them for the keys of the same notes (nil: it finds
// them).
func RunAllIn(notes []*Facts, unseen []Brief, folderClients map[string]map[string]bool, cfg *Config) Result {
	res := Result{Notes: len(notes) + len(unseen)}
	if folderClients == nil {
		folderClients = clientsByFolder(notes, unseen)
	}
	cases := groupCases(notes, folderClients)
	res.Cases = len(cases)
	others := map[string]bool{}
	last := ""
	for i, b := range unseen {
		id := caseOf(b.Path, b.Client, folderClients)
		if i > 0 && id == last {
			continue // a case's notes come together
		}
		last = id
		if cases[id] == nil && !others[id] {
			others[id] = true
			res.Cases++
		}
	}
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// Cases are independent: audit them on every core, keep their order.
	type audited struct {
		events []Event
		errs   []FileError
	}
	out := make([]audited, len(ids))
	onEveryCore(len(ids), func(i int) {
		out[i].events, out[i].errs = AuditCase(ids[i], cases[ids[i]], cfg)
	})
	n := 0
	for _, a := range out {
		n += len(a.events)
	}
	if n > 0 {
		res.Events = make([]Event, 0, n)
	}
	for _, a := range out {
		res.Events = append(res.Events, a.events...)
		res.Errors = append(res.Errors, a.errs...)
	}
	for _, f := range notes {
		for _, p := range f.Problems {
			res.Errors = append(res.Errors, FileError{f.Path, p.Line, p.Message})
		}
	}
	SortErrors(res.Errors)
	return res
}

// SortErrors orders file errors by file, then line.
func SortErrors(errs []FileError) {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].File != errs[j].File {
			return errs[i].File < errs[j].File
		}
		return errs[i].Line < errs[j].Line
	})
}

// GroupKeys groups notes, given by their keys (Facts.Key), into cases
// (SPEC §2): case id -> positions in keys. Notes sharing a client value
// are a case; a note without one at the root is its own case (its file
// name); elsewhere it joins the single client value of its folder, or the
// folder.
func GroupKeys(keys []Brief) map[string][]int {
	return GroupKeysIn(keys, ClientsByFolder(keys))
}

// GroupKeysIn is GroupKeys given ClientsByFolder(keys).
func GroupKeysIn(keys []Brief, folderClients map[string]map[string]bool) map[string][]int {
	cases := map[string][]int{}
	var members []int // of the case the last note joined: the next is often its neighbour in the same case
	last := ""
	for i, k := range keys {
		id := caseOf(k.Path, k.Client, folderClients)
		if i > 0 && id != last {
			cases[last] = members
			members = cases[id]
		}
		members, last = append(members, i), id
	}
	if len(keys) > 0 {
		cases[last] = members
	}
	return cases
}

// groupCases is GroupKeys on Facts: case id -> notes.
func groupCases(notes []*Facts, folderClients map[string]map[string]bool) map[string][]*Facts {
	cases := map[string][]*Facts{}
	for _, f := range notes {
		id := CaseOf(f, folderClients)
		cases[id] = append(cases[id], f)
	}
	return cases
}

// ClientsByFolder gives each folder's client values, from its notes' keys
// (Facts.Key): what joins a note without one to a case.
func ClientsByFolder(keys []Brief) map[string]map[string]bool {
	return clientsByFolder(nil, keys)
}

// clientsByFolder gives each folder's client values.
func clientsByFolder(notes []*Facts, unseen []Brief) map[string]map[string]bool {
	folderClients := map[string]map[string]bool{}
	// Notes come folder by folder, a client's often in a row.
	lastDir, lastClient := "", ""
	var clients map[string]bool // lastDir's
	add := func(file, client string) {
		if c := strings.TrimSpace(client); c != "" {
			dir := dirOf(file)
			if dir == lastDir && c == lastClient {
				return
			}
			if clients == nil || dir != lastDir {
				if clients = folderClients[dir]; clients == nil {
					clients = map[string]bool{}
					folderClients[dir] = clients
				}
			}
			lastDir, lastClient = dir, c
			clients[c] = true
		}
	}
	for _, f := range notes {
		add(f.Path, f.Client)
	}
	for _, b := range unseen {
		add(b.Path, b.Client)
	}
	return folderClients
}

// dirOf is path.Dir of a note's path, without cleaning again the clean
// path a scan gives (a case's notes are grouped by it, for every note).
func dirOf(file string) string {
	i := strings.LastIndexByte(file, '/')
	if i <= 0 || strings.Contains(file, "//") || strings.Contains(file, "./") {
		return path.Dir(file)
	}
	return file[:i]
}

// CaseOf is the case id of one note given the client values of each folder.
func CaseOf(f *Facts, folderClients map[string]map[string]bool) string {
	return caseOf(f.Path, f.Client, folderClients)
}

func caseOf(file, client string, folderClients map[string]map[string]bool) string {
	if c := strings.TrimSpace(client); c != "" {
		return c
	}
	dir := dirOf(file)
	if dir == "." {
		return path.Base(file)
	}
	if cs := folderClients[dir]; len(cs) == 1 {
		for c := range cs {
			return c
		}
	}
	return dir
}

// AuditCase finds and checks the events of one case.
func AuditCase(caseID string, notes []*Facts, cfg *Config) ([]Event, []FileError) {
	sorted := append([]*Facts(nil), notes...)
	sort.SliceStable(sorted, func(i, j int) bool { return noteBefore(sorted[i], sorted[j]) })
	var terms []*Facts
	for _, f := range sorted {
		if f.Termination {
			terms = append(terms, f)
		}
	}
	var events []Event
	var errs []FileError
	// Latest termination note first: it anchors an event that takes every
	// termination note in its window; older ones outside it start another.
	for len(terms) > 0 {
		anchor := terms[len(terms)-1]
		from, to := window(anchor, cfg)
		var inEvent, rest []*Facts
		for _, t := range terms {
			if inWindow(t, from, to, anchor) {
				inEvent = append(inEvent, t)
			} else {
				rest = append(rest, t)
			}
		}
		var windowNotes []*Facts
		for _, f := range sorted {
			if inWindow(f, from, to, anchor) {
				windowNotes = append(windowNotes, f)
			}
		}
		ctx := newEventContext(caseID, anchor, inEvent, windowNotes, cfg)
		ev, e := runChecks(ctx)
		events = append(events, ev)
		errs = append(errs, e...)
		terms = rest
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].File < events[j].File })
	return events, errs
}

func noteBefore(a, b *Facts) bool {
	if a.Dated != b.Dated {
		return a.Dated // undated notes sort last
	}
	if a.Dated && !a.Date.Equal(b.Date) {
		return a.Date.Before(b.Date)
	}
	return a.Path < b.Path
}

func window(anchor *Facts, cfg *Config) (time.Time, time.Time) {
	return windowAt(anchor.Date, anchor.Dated, cfg)
}

func windowAt(date time.Time, dated bool, cfg *Config) (time.Time, time.Time) {
	if !dated {
		return time.Time{}, time.Time{}
	}
	return date.AddDate(0, 0, -cfg.WindowBefore), date.AddDate(0, 0, cfg.WindowAfter)
}

// inWindow: undated notes of the case always count (SPEC §2); an undated
// anchor has no window.
func inWindow(f *Facts, from, to time.Time, anchor *Facts) bool {
	return within(f.Date, f.Dated, from, to, anchor.Dated)
}

func within(date time.Time, dated bool, from, to time.Time, anchorDated bool) bool {
	if !dated || !anchorDated {
		return true
	}
	return !date.Before(from) && !date.After(to)
}

// EventContext is what a check sees of an event.
type EventContext struct {
	Case         string
	Anchor       *Facts
	Terminations []*Facts // latest first
	Notes        []*Facts // every note of the case in the window, oldest first
	Config       *Config

	Ground         string     // resolved code, "" if none
	GroundInvalid  string     // a front-matter ground that is no known code
	GroundEvidence []Evidence // where the ground was found
	CourtOrdered   bool
	CourtEvidence  []Evidence
}

func newEventContext(caseID string, anchor *Facts, terms, notes []*Facts, cfg *Config) *EventContext {
	e := &EventContext{Case: caseID, Anchor: anchor, Notes: notes, Config: cfg}
	for i := len(terms) - 1; i >= 0; i-- {
		e.Terminations = append(e.Terminations, terms[i])
	}
	e.resolveGround()
	e.resolveCourtOrder()
	return e
}

// T formats a message in the configured language.
func (e *EventContext) T(key string, args ...any) string { return T(e.Config.Lang, key, args...) }

// Hits pools a concept's evidence from every note in the window.
func (e *EventContext) Hits(concept string) []Evidence {
	var out []Evidence
	for _, f := range e.Notes {
		for _, h := range f.Hits {
			if h.Concept == concept {
				out = append(out, h.Evidence)
			}
		}
	}
	return out
}

// resolveGround: a front-matter ground wins (a wrong one is a gap); then
// what the termination notes say, latest first; then the other notes.
func (e *EventContext) resolveGround() {
	for _, t := range e.Terminations {
		if g := t.BlockGround; g.Set() {
			ev := Evidence{t.Path, g.Line, "ground: " + g.Text}
			if code, ok := NormalizeGround(g.Text); ok {
				e.Ground = code
			} else {
				e.GroundInvalid = g.Text
			}
			e.GroundEvidence = []Evidence{ev}
			return
		}
	}
	ordered := append([]*Facts(nil), e.Terminations...)
	for i := len(e.Notes) - 1; i >= 0; i-- {
		if !e.Notes[i].Termination {
			ordered = append(ordered, e.Notes[i])
		}
	}
	// A ground stated under a "Reason" label wins over one mentioned in
	// passing ("sent at her request"), then the grounds' own priority.
	for _, f := range ordered {
		for _, stated := range []bool{true, false} {
			for _, code := range groundPriority {
				for _, h := range f.Grounds {
					if h.Code == code && h.Stated == stated && (f.Termination || !h.Loose) {
						e.Ground, e.GroundEvidence = code, []Evidence{h.Evidence}
						return
					}
				}
			}
		}
	}
}

// resolveCourtOrder: the front matter's court_ordered decides when given;
// otherwise a court order or legal mandate stated in any note of the window.
func (e *EventContext) resolveCourtOrder() {
	for i := len(e.Notes) - 1; i >= 0; i-- {
		if f := e.Notes[i]; f.CourtOrdered != nil {
			e.CourtOrdered = *f.CourtOrdered
			e.CourtEvidence = []Evidence{{f.Path, f.CourtLine, fmt.Sprintf("court_ordered: %t", *f.CourtOrdered)}}
			return
		}
	}
	if hits := e.Hits("court_order"); len(hits) > 0 {
		e.CourtOrdered, e.CourtEvidence = true, hits
	}
}

func runChecks(e *EventContext) (Event, []FileError) {
	a := e.Anchor
	ev := Event{Case: e.Case, File: a.Path, Line: a.TerminationWhy.Line, Date: a.DateText, Practitioner: a.Practitioner,
		Ground: e.Ground, CourtOrdered: e.CourtOrdered}
	if ev.Practitioner == "" && a.Record != nil {
		ev.Practitioner = a.Record.AuthorName
	}
	if ev.Date == "" && a.Dated {
		ev.Date = a.Date.Format("2006-01-02")
	}
	if len(e.Notes) > 0 {
		ev.Notes = make([]string, 0, len(e.Notes))
	}
	for _, f := range e.Notes {
		ev.Notes = append(ev.Notes, f.Path)
	}
	ev.Checks = make([]CheckResult, 0, len(registry))
	waivers, errs := e.waivers()
	for _, c := range registry {
		sev := e.Config.SeverityOf(c)
		r := CheckResult{ID: c.ID, Severity: sev, Source: c.Source}
		if w, ok := waivers[c.ID]; ok {
			if strings.TrimSpace(w.reason) != "" {
				r.Status, r.Message = Waived, e.T("waived")
			} else {
				r.Status, r.Message = Gap, e.T("waiver-empty")
			}
			r.Evidence = []Evidence{w.ev}
		} else if ok, why := c.Applies(e); !ok {
			r.Status, r.Message = NotApplicable, why
		} else {
			out := c.Run(e)
			r.Message, r.Evidence = out.Message, out.Evidence
			r.Status = Gap
			if out.Met {
				r.Status = Met
			}
		}
		r.Evidence = uniqueEvidence(r.Evidence)
		ev.Checks = append(ev.Checks, r)
	}
	return ev, errs
}

type waiver struct {
	reason string
	ev     Evidence
}

// waivers are read from every note of the event's window (the latest
// note's wins); a waiver naming no known check is reported as a file error.
func (e *EventContext) waivers() (map[string]waiver, []FileError) {
	out := map[string]waiver{}
	var errs []FileError
	for _, f := range e.Notes {
		for _, w := range f.Waivers {
			if CheckByID(w.Check) == nil {
				errs = append(errs, FileError{f.Path, w.Line, T(e.Config.Lang, "waiver-unknown", w.Check, strings.Join(checkIDs(), ", "))})
				continue
			}
			out[w.Check] = waiver{w.Reason, Evidence{f.Path, w.Line, clip("audit.waive." + w.Check + ": " + shownReason(w.Reason))}}
		}
	}
	return out, errs
}

// shownReason writes an empty waiver reason as "" so the evidence shows it.
func shownReason(s string) string {
	if strings.TrimSpace(s) == "" {
		return `""`
	}
	return s
}

func checkIDs() []string {
	var ids []string
	for _, c := range registry {
		ids = append(ids, c.ID)
	}
	return ids
}

func groundList(lang string, codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = GroundLabel(lang, c)
	}
	return strings.Join(out, ", ")
}

// groundIs returns an Applies func true only for the given grounds.
func groundIs(codes ...string) func(*EventContext) (bool, string) {
	return func(e *EventContext) (bool, string) {
		for _, c := range codes {
			if e.Ground == c {
				return true, ""
			}
		}
		if e.Ground == "" {
			return false, e.T("na-no-ground", groundList(e.Config.Lang, codes))
		}
		return false, e.T("na-ground-not", GroundLabel(e.Config.Lang, e.Ground), groundList(e.Config.Lang, codes))
	}
}

// groundIsNot returns an Applies func false for the given grounds.
func groundIsNot(codes ...string) func(*EventContext) (bool, string) {
	return func(e *EventContext) (bool, string) {
		for _, c := range codes {
			if e.Ground == c {
				return false, e.T("na-ground", GroundLabel(e.Config.Lang, c))
			}
		}
		return true, ""
	}
}

// uniqueEvidence drops repeated places, keeping the first, and never
// returns nil (reports print [] rather than null).
func uniqueEvidence(in []Evidence) []Evidence {
	out := []Evidence{}
	seen := map[Evidence]bool{}
	for _, e := range in {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// onEveryCore runs do(0..n-1) on every core; each do writes only its own
// results.
func onEveryCore(n int, do func(i int)) {
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	wg.Wait()
}
