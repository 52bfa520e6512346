package watch

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/noteaudit/noteaudit/scan"
)

type entry struct {
	size  int64
	mtime time.Time
	facts *audit.Facts     // nil when the file could not be read
	err   *audit.FileError // why not
}

type caseResult struct {
	events []audit.Event
	errs   []audit.FileError
}

// Index is the incremental state of a watch: every note's facts (re-read
// only when its size or modification time changes) and every case's audit.
type Index struct {
	Root   string
	Scan   scan.Options
	Config *audit.Config

	mu      sync.Mutex                 // the watcher updates while --out writers and tests read
	notes   map[string]*entry          // slash path relative to Root
	caseOf  map[string]string          // note -> its case
	members map[string]map[string]bool // case -> its notes
	byDir   map[string]map[string]bool // folder -> its notes
	clients map[string]map[string]bool // folder -> client values of its notes
	cases   map[string]caseResult
}

// NewIndex returns an empty index of root.
func NewIndex(root string, so scan.Options, cfg *audit.Config) *Index {
	ix := &Index{Root: root, Scan: so, Config: cfg}
	ix.reset()
	return ix
}

func (ix *Index) reset() {
	ix.notes, ix.caseOf, ix.cases = map[string]*entry{}, map[string]string{}, map[string]caseResult{}
	ix.members, ix.byDir, ix.clients = map[string]map[string]bool{}, map[string]map[string]bool{}, map[string]map[string]bool{}
}

// CaseChange is what a batch changed in one case.
type CaseChange struct {
	Case     string
	Gone     bool // the case has no notes any more
	New      []Gap
	Resolved []Gap
	Events   []reports.Event // the case's events now
}

// Gap is one gap of one event, for the change list.
type Gap struct {
	File  string
	Line  int
	Check reports.Check
}

func (ix *Index) rel(abs string) string {
	r, err := filepath.Rel(ix.Root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

// Load reads the whole tree and audits every case.
func (ix *Index) Load() []CaseChange {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	_, files, _ := scan.List([]string{ix.Root}, ix.Scan)
	ix.reset()
	var touched []string
	for _, f := range files {
		ix.refresh(f.Rel)
		touched = append(touched, f.Rel)
	}
	return ix.reaudit(touched, true)
}

// Update re-reads the given paths (files or folders, absolute or relative
// to Root; gone ones are dropped) and re-audits the cases they touch.
func (ix *Index) Update(paths []string) []CaseChange {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var touched []string
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(p) {
			abs = filepath.Join(ix.Root, p)
		}
		rel := ix.rel(abs)
		st, err := os.Lstat(abs)
		if err != nil || st.IsDir() {
			// Gone, or a folder: drop what we knew under it...
			for n := range ix.notes {
				if n == rel || strings.HasPrefix(n, rel+"/") {
					delete(ix.notes, n)
					touched = append(touched, n)
				}
			}
		}
		if err != nil {
			continue
		}
		if st.IsDir() {
			// ...and read what is there now (`mkdir -p a/b` then a note
			// shows only the CREATE of a).
			_, files, _ := scan.List([]string{abs}, ix.Scan)
			for _, f := range files {
				r := ix.rel(f.Abs)
				ix.refresh(r)
				touched = append(touched, r)
			}
			continue
		}
		if !scan.IsCandidate(filepath.Base(abs), ix.Scan) || st.Mode()&os.ModeSymlink != 0 {
			continue
		}
		if ix.refresh(rel) {
			touched = append(touched, rel)
		}
	}
	return ix.reaudit(touched, false)
}

// refresh re-reads a note when its size or modification time changed; it
// reports whether anything changed.
func (ix *Index) refresh(rel string) bool {
	abs := filepath.Join(ix.Root, filepath.FromSlash(rel))
	st, err := os.Stat(abs)
	if err != nil {
		if _, had := ix.notes[rel]; had {
			delete(ix.notes, rel)
			return true
		}
		return false
	}
	if old, ok := ix.notes[rel]; ok && old.size == st.Size() && old.mtime.Equal(st.ModTime()) {
		return false
	}
	facts, ferr := scan.ReadOne(scan.File{Abs: abs, Rel: rel}, ix.Scan)
	ix.notes[rel] = &entry{size: st.Size(), mtime: st.ModTime(), facts: facts, err: ferr}
	return true
}

// reaudit moves the touched notes, and the other notes of their folders,
// to their cases now (a note whose client changed moves between cases; a
// folder's notes without a client follow the folder's single client), then
// audits every case that lost or gained a note. Only those folders are
// looked at, so the cost does not grow with the tree.
func (ix *Index) reaudit(touched []string, _ bool) []CaseChange {
	dirs := map[string]bool{}
	for _, n := range touched {
		d := path.Dir(n)
		dirs[d] = true
		if e, ok := ix.notes[n]; ok && e.facts != nil {
			addTo(ix.byDir, d, n)
		} else {
			removeFrom(ix.byDir, d, n)
		}
	}
	cases := map[string]bool{}
	for _, n := range touched {
		if e, ok := ix.notes[n]; !ok || e.facts == nil {
			if old, had := ix.caseOf[n]; had {
				removeFrom(ix.members, old, n)
				delete(ix.caseOf, n)
				cases[old] = true
			}
		}
	}
	for d := range dirs {
		ix.clients[d] = map[string]bool{}
		for n := range ix.byDir[d] {
			if c := strings.TrimSpace(ix.notes[n].facts.Client); c != "" {
				ix.clients[d][c] = true
			}
		}
		for n := range ix.byDir[d] {
			id := audit.CaseOf(ix.notes[n].facts, ix.clients)
			if old, had := ix.caseOf[n]; had {
				cases[old] = true
				if old != id {
					removeFrom(ix.members, old, n)
				}
			}
			ix.caseOf[n] = id
			addTo(ix.members, id, n)
			cases[id] = true
		}
	}
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var changes []CaseChange
	for _, id := range ids {
		before := ix.cases[id]
		var after caseResult
		notes := ix.members[id]
		if len(notes) > 0 {
			facts := make([]*audit.Facts, 0, len(notes))
			for n := range notes {
				facts = append(facts, ix.notes[n].facts)
			}
			after.events, after.errs = audit.AuditCase(id, facts, ix.Config)
			ix.cases[id] = after
		} else {
			delete(ix.cases, id)
		}
		changes = append(changes, ix.diff(id, before, after, len(notes) == 0))
	}
	return changes
}

func addTo(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

func removeFrom(m map[string]map[string]bool, k, v string) {
	delete(m[k], v)
	if len(m[k]) == 0 {
		delete(m, k)
	}
}

func (ix *Index) toReport(events []audit.Event) []reports.Event {
	return reports.Build(audit.Result{Events: events}, nil, reports.Options{Lang: ix.Config.Lang}).Events
}

func gapsIn(evs []reports.Event) map[string]Gap {
	out := map[string]Gap{}
	for _, e := range evs {
		for _, c := range e.Checks {
			if c.Status == "gap" {
				out[e.File+"\x00"+c.ID] = Gap{File: e.File, Line: e.Line, Check: c}
			}
		}
	}
	return out
}

func (ix *Index) diff(id string, before, after caseResult, gone bool) CaseChange {
	ch := CaseChange{Case: id, Gone: gone, Events: ix.toReport(after.events)}
	old, now := gapsIn(ix.toReport(before.events)), gapsIn(ch.Events)
	for k, g := range now {
		if _, ok := old[k]; !ok {
			ch.New = append(ch.New, g)
		}
	}
	for k, g := range old {
		if _, ok := now[k]; !ok {
			ch.Resolved = append(ch.Resolved, g)
		}
	}
	sortGaps(ch.New)
	sortGaps(ch.Resolved)
	return ch
}

func sortGaps(gs []Gap) {
	sort.Slice(gs, func(i, j int) bool {
		if gs[i].File != gs[j].File {
			return gs[i].File < gs[j].File
		}
		return gs[i].Check.ID < gs[j].Check.ID
	})
}

// Report is the whole current audit, as `check` would report it.
func (ix *Index) Report(version string, redact bool, salt string) *reports.Report {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	res := audit.Result{}
	var readErrs []audit.FileError
	var facts int
	for _, e := range ix.notes {
		if e.facts != nil {
			facts++
			for _, p := range e.facts.Problems {
				res.Errors = append(res.Errors, audit.FileError{File: e.facts.Path, Line: p.Line, Message: p.Message})
			}
		}
		if e.err != nil {
			readErrs = append(readErrs, *e.err)
		}
	}
	res.Notes = facts
	for _, c := range ix.cases {
		res.Events = append(res.Events, c.events...)
		res.Errors = append(res.Errors, c.errs...)
	}
	res.Cases = len(ix.members)
	return reports.Build(res, readErrs, reports.Options{Root: ix.Root, Files: len(ix.notes), Version: version, Lang: ix.Config.Lang, Redact: redact, Salt: salt})
}

// Notes is how many notes the index holds.
func (ix *Index) Notes() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.notes)
}

func scanList(ix *Index) (string, []string, error) {
	_, files, _ := scan.List([]string{ix.Root}, ix.Scan)
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Rel
	}
	return ix.Root, out, nil
}
