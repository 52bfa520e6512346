package scan

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/parser"
)

// Options tune a scan.
type Options struct {
	Extensions []string // with the dot; default .md .markdown .txt
	MaxSize    int64    // bytes; larger files are skipped with an error
	Workers    int      // default: every core
	Vocab      *audit.Vocab
	Config     *audit.Config         // its window bounds what the shortcut reads; default audit.DefaultConfig()
	Ignore     func(rel string) bool // true to skip a path (relative, slash)
	Progress   func(done, total int) // called as files finish, may be nil
	// Shortcut parses the Markdown of a note only when an event can see
	// it (it is in the window of a note of its case that may be a
	// termination note) and its body may hold a fact; the others give their
	// front matter only. The results are the same (tests prove it), only
	// faster.
	Shortcut bool

	extract func(*parser.Note, string, *audit.Vocab) *audit.Facts // tests only: replaces audit.Extract
}

// DefaultExtensions are the note file extensions of SPEC §1.
var DefaultExtensions = []string{".md", ".markdown", ".txt"}

// DefaultMaxSize is the largest note read (10 MB).
const DefaultMaxSize = 10 << 20

// Result is what a scan found.
type Result struct {
	Root   string // what relative paths are relative to
	Files  int    // note files looked at, readable or not
	Facts  []*audit.Facts
	Unseen []audit.Brief // notes no event can see, in brief (with the shortcut)
	Errors []audit.FileError

	// The client values of each folder, where the scan found them for
	// the very notes of Facts and Unseen (nil: Audit finds them).
	folderClients map[string]map[string]bool
}

// Audit audits what the scan found (audit.RunAll).
func (r Result) Audit(cfg *audit.Config) audit.Result {
	return audit.RunAllIn(r.Facts, r.Unseen, r.folderClients, cfg)
}

// File is one note to read: its path on disk and in reports.
type File struct {
	Abs string
	Rel string
}

// Paths scans files and folders. One folder: paths are relative to it; one
// file: relative to its folder; several: relative to the working directory.
func Paths(args []string, o Options) Result {
	o = withDefaults(o)
	if o.Shortcut && len(args) == 1 {
		if st, err := os.Lstat(args[0]); err == nil && st.IsDir() {
			return streamed(args[0], o)
		}
	}
	res := Result{}
	base, files, errs := List(args, o)
	res.Root, res.Errors = base, errs
	res.Files = len(files)
	facts, errs := Read(files, o)
	res.Facts = facts
	res.Errors = append(res.Errors, errs...)
	audit.SortErrors(res.Errors)
	return res
}

func withDefaults(o Options) Options {
	if len(o.Extensions) == 0 {
		o.Extensions = DefaultExtensions
	}
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Config == nil {
		o.Config = audit.DefaultConfig()
	}
	if o.Vocab == nil {
		o.Vocab = o.Config.Vocab
	}
	return o
}

func dedupe(files []File) []File {
	var out []File
	for i, f := range files {
		if i == 0 || f.Rel != files[i-1].Rel {
			out = append(out, f)
		}
	}
	return out
}

// IsNote reports whether name has one of the note extensions.
func IsNote(name string, exts []string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range exts {
		if ext == strings.ToLower(e) {
			return true
		}
	}
	return false
}

func rel(base, p string) string {
	return relTo(base)(p)
}

// relTo returns rel for one base. The walk joins each name to base, so
// when base is clean a path under it needs no filepath.Rel, and shares
// the path's memory.
func relTo(base string) func(p string) string {
	prefix := ""
	if filepath.Clean(base) == base && base != "." && base != string(filepath.Separator) {
		prefix = base + string(filepath.Separator)
	}
	return func(p string) string {
		if prefix != "" && len(p) > len(prefix) && strings.HasPrefix(p, prefix) {
			if r := p[len(prefix):]; r[0] != filepath.Separator && !strings.Contains(r, "..") && isCleanRel(r) {
				return filepath.ToSlash(r)
			}
		}
		return relSlow(base, p)
	}
}

// isCleanRel reports whether filepath.Clean(r) == r for a relative path
// with no "..": "." alone, or no empty or "." element. (The
// walk gives every path cleaned already; Clean would check it again, for
// every note.)
func isCleanRel(r string) bool {
	if filepath.Separator != '/' || r == "." {
		return filepath.Clean(r) == r
	}
	for {
		i := strings.IndexByte(r, '/')
		if i < 0 {
			return r != "" && r != "."
		}
		if elem := r[:i]; elem == "" || elem == "." {
			return false
		}
		r = r[i+1:]
	}
}

func relSlow(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil || strings.HasPrefix(r, "..") {
		r = p
	}
	return filepath.ToSlash(r)
}

// List finds the notes under the given paths (as Paths does) without
// reading them: for callers that keep their own index (watch).
func List(args []string, o Options) (base string, files []File, errs []audit.FileError) {
	o = withDefaults(o)
	base = "."
	if len(args) == 1 {
		base = args[0]
		if st, err := os.Stat(base); err == nil && !st.IsDir() {
			base = filepath.Dir(base)
		}
	}
	for _, a := range args {
		errs = append(errs, walk(a, base, o, func(f File) { files = append(files, f) })...)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Rel < files[j].Rel })
	return base, dedupe(files), errs
}

// IsCandidate reports whether a file name is one scan would read: a note
// extension, not hidden, not a README.
func IsCandidate(name string, o Options) bool {
	o = withDefaults(o)
	return !strings.HasPrefix(name, ".") && !isReadme(name) && IsNote(name, o.Extensions)
}

// walk gives each note under root to found, in the walk's order (a folder's
// notes one after another). Symbolic links are not followed (a loop or a
// link out of the tree cannot be audited by accident); they are reported so
// nothing is skipped silently.
func walk(root, base string, o Options, found func(File)) []audit.FileError {
	var errs []audit.FileError
	st, err := os.Lstat(root)
	if err != nil {
		return []audit.FileError{{File: filepath.ToSlash(root), Message: readError(err)}}
	}
	if !st.IsDir() {
		if st.Mode()&fs.ModeSymlink != 0 {
			return []audit.FileError{{File: rel(base, root), Message: "symbolic link, not followed"}}
		}
		found(File{root, rel(base, root)})
		return nil
	}
	relOf := relTo(base)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		r := relOf(p)
		if err != nil {
			errs = append(errs, audit.FileError{File: r, Message: readError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a folder or file is never followed (a loop, or a
			// way out of the tree); say so rather than skip it silently.
			if !strings.HasPrefix(name, ".") && (o.Ignore == nil || !o.Ignore(r)) {
				errs = append(errs, audit.FileError{File: r, Message: "symbolic link, not followed"})
			}
			return nil
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || (o.Ignore != nil && o.Ignore(r))) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || isReadme(name) || !IsNote(name, o.Extensions) || (o.Ignore != nil && o.Ignore(r)) {
			return nil
		}
		if !d.Type().IsRegular() {
			errs = append(errs, audit.FileError{File: r, Message: "not a regular file (a device, pipe or socket); skipped"})
			return nil
		}
		found(File{p, r})
		return nil
	})
	return errs
}

// isReadme: a folder's README documents the folder; it is no client note.
func isReadme(name string) bool {
	base := strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name)))
	return base == "readme" || base == "lisezmoi"
}

func readError(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read: permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist (deleted or moved while reading?)"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot be read: " + pe.Err.Error()
	}
	return "cannot be read: " + err.Error()
}

// Read parses the files on o.Workers goroutines and returns their facts in
// the order of files. Nothing but Facts outlives a worker's iteration.
func Read(files []File, o Options) ([]*audit.Facts, []audit.FileError) {
	o = withDefaults(o)
	facts := make([]*audit.Facts, len(files))
	errs := make([]*audit.FileError, len(files))
	if !o.Shortcut {
		parallel(len(files), o, len(files), one, func(i int) { facts[i], errs[i] = ReadOne(files[i], o) })
		return collect(facts, errs)
	}
	// Pass 1, a folder at a time: every note's front matter and whether it
	// may be a termination note; the notes of a case (as far as the
	// folder shows it) that such a note's event could see are read in full
	// at once, from the bytes in hand.
	triage := make([]audit.Triage, len(files))
	full := make([]bool, len(files))
	batches := folderBatches(files)
	parallel(len(batches), o, len(files), func(k int) int { return batches[k][1] - batches[k][0] }, func(k int) {
		readBatch(files, batches[k], o, facts, triage, full, errs)
	})
	facts, _, ferrs, _ := finish(files, pass1{facts: facts, triage: triage, full: full, errs: errs}, o)
	return facts, ferrs
}

// pass1 is what the first pass learnt of each file.
type pass1 struct {
	facts  []*audit.Facts
	briefs []audit.Brief // when facts[i] is nil: the facts in brief (Path "" if none)
	triage []audit.Triage
	full   []bool // read in full
	errs   []*audit.FileError
}

func newPass1(n int) pass1 {
	return pass1{make([]*audit.Facts, n), make([]audit.Brief, n), make([]audit.Triage, n), make([]bool, n), make([]*audit.FileError, n)}
}

// finish runs pass 2 on the sorted files and returns their facts in order,
// and in brief the notes held in brief (p.briefs) that no event can see.
func finish(files []File, p pass1, o Options) ([]*audit.Facts, []audit.Brief, []audit.FileError, map[string]map[string]bool) {
	facts, triage, full, errs := p.facts, p.triage, p.full, p.errs
	keys, pos := keysOf(p)
	folderClients := audit.ClientsByFolder(keys)
	// Pass 2: a case that spans folders may need notes pass 1 did not read
	// in full; read those now (a short tail, not counted in the progress).
	var rest []int
	needed := perCase(keys, pos, triage, folderClients, o.Config, audit.BodyNeeded, audit.Seen)
	for _, i := range needed[0] {
		if !full[i] {
			rest = append(rest, i)
		}
	}
	var unseen []audit.Brief
	if p.briefs != nil {
		seen := make([]bool, len(facts))
		for _, i := range needed[1] {
			seen[i] = true
		}
		// The unseen briefs are gathered at the front of p.briefs, in
		// place: pos only grows, so each moves to where one was already
		// read.
		n := 0
		for _, i := range pos {
			switch {
			case facts[i] != nil:
			case seen[i]:
				facts[i] = p.briefs[i].Facts()
			default:
				p.briefs[n] = p.briefs[i]
				n++
			}
		}
		unseen = p.briefs[:n:n]
	}
	o.Progress = nil
	parallel(len(rest), o, len(rest), one, func(k int) {
		i := rest[k]
		facts[i], errs[i] = ReadOne(files[i], o)
	})
	outF, outE := collect(facts, errs)
	if len(rest) > 0 {
		folderClients = nil // a note read again may say otherwise
	}
	return outF, unseen, outE, folderClients
}

// keysOf lists the keys of the notes read (Facts.Key), and where each is
// in p. Where every note was read, held in brief or not, the keys are
// p.briefs itself, completed, not a copy of it.
func keysOf(p pass1) (keys []audit.Brief, pos []int) {
	complete := p.briefs != nil
	for i, f := range p.facts {
		if f == nil && (!complete || p.briefs[i].Path == "") {
			complete = false // a note that could not be read
			break
		}
	}
	if complete {
		pos = make([]int, len(p.facts))
		for i, f := range p.facts {
			if pos[i] = i; f != nil {
				p.briefs[i] = f.Key()
			}
		}
		return p.briefs, pos
	}
	keys = make([]audit.Brief, 0, len(p.facts))
	pos = make([]int, 0, len(p.facts))
	for i, f := range p.facts {
		switch {
		case f != nil:
			keys, pos = append(keys, f.Key()), append(pos, i)
		case p.briefs != nil && p.briefs[i].Path != "":
			keys, pos = append(keys, p.briefs[i]), append(pos, i)
		}
	}
	return keys, pos
}

// streamed is Paths for one folder with the shortcut: the walk hands each
// folder's notes to the workers as it finds them, so reading starts at once
// instead of after the whole tree is listed (the walk is a few system calls
// per folder that would otherwise keep a core idle).
func streamed(root string, o Options) Result {
	// The walk may run well ahead of the reading (a batch is a list of
	// paths), so the progress total is known early.
	batches := make(chan batch, 1<<14)
	var walkErrs []audit.FileError
	prog := &progress{report: o.Progress, walking: true}
	st := &store{}
	go func() {
		var files []File // in the walk's order
		off := 0         // where the batch being gathered starts in files
		// A batch is files[off:], sent as is: growing files copies it to
		// a new array and never changes the old one a batch may be in.
		flush := func() {
			if off < len(files) {
				batches <- batch{files[off:len(files):len(files)], off}
				off = len(files)
			}
		}
		sorted := true
		walkErrs = walk(root, root, o, func(f File) {
			if n := len(files) - off; n == maxBatch || (n > 0 && !sameFolder(files[off].Rel, f.Rel)) {
				flush()
			}
			sorted = sorted && (len(files) == 0 || files[len(files)-1].Rel < f.Rel)
			files = append(files, f)
			prog.found(1)
		})
		flush()
		st.walked(files, sorted) // before the workers can end
		close(batches)
	}()
	var wg sync.WaitGroup
	for w := 0; w < o.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Word sets live as long as a batch: each batch reuses the
			// storage of the one before.
			scratch := audit.NewScratch()
			var held interner
			wo := o
			wo.Vocab = o.Vocab.WithScratch(scratch)
			for b := range batches {
				n := len(b.files)
				r, inPlace := st.slot(b)
				scratch.Reset()
				readBatch(b.files, [2]int{0, n}, wo, r.facts, r.triage, r.full, r.errs)
				// Most notes give their front matter's plain fields only:
				// held in brief until every note is read.
				for i, f := range r.facts {
					if f != nil {
						if brief, ok := f.Brief(); ok {
							brief.Client, brief.DateText = held.of(brief.Client), held.of(brief.DateText)
							brief.Practitioner, brief.Type = held.of(brief.Practitioner), held.of(brief.Type)
							r.briefs[i], r.facts[i] = brief, nil
							scratch.Recycle(f) // the batch's looks at it are done
						}
					}
				}
				if !inPlace {
					st.done(b, r)
				}
				prog.finished(n)
			}
		}()
	}
	wg.Wait()
	prog.walkDone() // the walk ended before batches closed

	files, all := st.files, st.all
	if !st.sorted {
		// Pass 2 and the facts' order are those of the sorted file list;
		// the walk's (lexical) order is that list, unless a name holds a
		// character before "/" ("a-b/" comes after "a/").
		order := make([]int, len(files))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return files[order[a]].Rel < files[order[b]].Rel })
		sortedFiles, sorted := make([]File, len(files)), newPass1(len(files))
		for k, i := range order {
			sortedFiles[k] = files[i]
			sorted.facts[k], sorted.briefs[k], sorted.triage[k], sorted.full[k], sorted.errs[k] = all.facts[i], all.briefs[i], all.triage[i], all.full[i], all.errs[i]
		}
		files, all = sortedFiles, sorted
	}
	res := Result{Root: root, Files: len(files)}
	res.Facts, res.Unseen, res.Errors, res.folderClients = finish(files, all, o)
	res.Errors = append(walkErrs, res.Errors...)
	audit.SortErrors(res.Errors)
	return res
}

// batch is a run of one folder's notes, and where the first is in the
// walk's order.
type batch struct {
	files []File
	off   int
}

// store holds pass 1's findings for every note, in the walk's order. The
// number of notes is known once the walk ends, well before the reading
// does: from then on, a batch is read into its place; the few read before
// are kept apart and moved there then. So no note's findings are copied
// once every note is read.
type store struct {
	mu      sync.Mutex
	all     pass1 // nil slices until the walk ends
	files   []File
	sorted  bool         // the walk's order is the order of the notes' paths
	pending []earlyBatch // read before the walk ended
}

type earlyBatch struct {
	off int
	p   pass1
}

// walked sets the store up for the walk's files, and moves the batches
// read so far into their places.
func (s *store) walked(files []File, sorted bool) {
	all := newPass1(len(files))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all, s.files, s.sorted = all, files, sorted
	for _, r := range s.pending {
		r.p.copyTo(all, r.off)
	}
	s.pending = nil
}

// slot gives the place to read b into: its place in the store when the
// walk has ended (inPlace), else its own.
func (s *store) slot(b batch) (p pass1, inPlace bool) {
	s.mu.Lock()
	all := s.all
	s.mu.Unlock()
	if all.facts == nil {
		return newPass1(len(b.files)), false
	}
	end := b.off + len(b.files)
	return pass1{all.facts[b.off:end], all.briefs[b.off:end], all.triage[b.off:end], all.full[b.off:end], all.errs[b.off:end]}, true
}

// done takes a batch read in its own place (slot).
func (s *store) done(b batch, p pass1) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.all.facts == nil {
		s.pending = append(s.pending, earlyBatch{b.off, p})
		return
	}
	p.copyTo(s.all, b.off)
}

// copyTo copies p to dst from off on.
func (p pass1) copyTo(dst pass1, off int) {
	copy(dst.facts[off:], p.facts)
	copy(dst.briefs[off:], p.briefs)
	copy(dst.triage[off:], p.triage)
	copy(dst.full[off:], p.full)
	copy(dst.errs[off:], p.errs)
}

// interner gives one copy of each string it is given, so that the briefs
// of a sweep, held until every note is read, share the values notes repeat
// (a practitioner, a type, a client, a date) instead of each keeping its
// own: fewer objects for each collection to mark. It belongs to one
// goroutine and stops learning at a bound.
type interner struct {
	seen map[string]string
}

// maxInterned bounds an interner: a share of all-different values costs a
// map no larger than this.
const maxInterned = 1 << 16

func (h *interner) of(s string) string {
	if s == "" {
		return s
	}
	if c, ok := h.seen[s]; ok {
		return c
	}
	if h.seen == nil {
		h.seen = make(map[string]string, 1024)
	}
	if len(h.seen) < maxInterned {
		h.seen[s] = s
	}
	return s
}

// progress reports notes done against the notes found; while the walk is
// still finding notes, the total it gives stays above the notes done.
type progress struct {
	report      func(done, total int)
	mu          sync.Mutex
	done, total int
	walking     bool
	shown       [2]int // done and total last reported
}

func (p *progress) found(n int) {
	if p.report != nil {
		p.mu.Lock()
		p.total += n
		p.mu.Unlock()
	}
}

func (p *progress) finished(n int) {
	if p.report != nil {
		p.mu.Lock()
		p.done += n
		p.show()
		p.mu.Unlock()
	}
}

func (p *progress) walkDone() {
	if p.report != nil {
		p.mu.Lock()
		p.walking = false
		p.show()
		p.mu.Unlock()
	}
}

func (p *progress) show() {
	total := p.total
	if p.walking {
		total = max(total, p.done+1)
	}
	if p.done != p.shown[0] || total != p.shown[1] {
		p.shown = [2]int{p.done, total}
		p.report(p.done, total)
	}
}

// maxBatch bounds the notes (and bytes) a worker holds at once.
const maxBatch = 256

// folderBatches splits the sorted files into runs of one folder each.
func folderBatches(files []File) [][2]int {
	var out [][2]int
	for i := 0; i < len(files); {
		j := i + 1
		for j < len(files) && j-i < maxBatch && sameFolder(files[j].Rel, files[i].Rel) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// sameFolder reports whether two clean relative paths are in one folder:
// path.Dir would clean each again.
func sameFolder(a, b string) bool {
	return a[:strings.LastIndexByte(a, '/')+1] == b[:strings.LastIndexByte(b, '/')+1]
}

// perCase lists, for each test, the positions (pos[i] for keys[i]) of the
// notes which, case by case, it says yes to. The notes are grouped once.
func perCase(keys []audit.Brief, pos []int, triage []audit.Triage, folderClients map[string]map[string]bool, cfg *audit.Config, tests ...func([]audit.Brief, []audit.Triage, *audit.Config) []bool) [][]int {
	out := make([][]int, len(tests))
	var ks []audit.Brief
	var m []audit.Triage
	for _, members := range audit.GroupKeysIn(keys, folderClients) {
		if a, b := members[0], members[len(members)-1]+1; b-a == len(members) && pos[b-1]-pos[a] == b-1-a {
			// A run of notes, as a case's usually are: the tests read
			// them in place (they keep neither list).
			ks, m = keys[a:b], triage[pos[a]:pos[b-1]+1]
		} else {
			ks, m = ks[:0:0], m[:0:0]
			for _, i := range members {
				ks, m = append(ks, keys[i]), append(m, triage[pos[i]])
			}
		}
		for t, test := range tests {
			for k, yes := range test(ks, m, cfg) {
				if yes {
					out[t] = append(out[t], pos[members[k]])
				}
			}
		}
	}
	return out
}

// readBatch is pass 1 for one folder's notes, files[b[0]:b[1]].
func readBatch(files []File, b [2]int, o Options, facts []*audit.Facts, triage []audit.Triage, full []bool, errs []*audit.FileError) {
	notes := make([]*parser.Note, b[1]-b[0])
	looks := make([]*audit.Look, b[1]-b[0])
	for i := b[0]; i < b[1]; i++ {
		notes[i-b[0]], looks[i-b[0]], facts[i], triage[i], errs[i] = readMeta(files[i], o)
	}
	keys := make([]audit.Brief, 0, b[1]-b[0])
	pos := make([]int, 0, b[1]-b[0])
	for i := b[0]; i < b[1]; i++ {
		if facts[i] != nil {
			keys = append(keys, facts[i].Key())
			pos = append(pos, i)
		}
	}
	for _, i := range perCase(keys, pos, triage, audit.ClientsByFolder(keys), o.Config, audit.BodyNeeded)[0] {
		switch {
		case mayMatter(looks[i-b[0]]):
			facts[i], errs[i] = extractBody(files[i], notes[i-b[0]], facts[i], o, (*audit.Facts).ReadBody)
		case facts[i].Dated:
			triage[i].MayMatter = false // its body holds nothing an event reads
			continue
		default:
			// Undated: its body is parsed for its date only, the one thing
			// it holds (a note without front matter, most often).
			facts[i], errs[i] = extractBody(files[i], notes[i-b[0]], facts[i], o, (*audit.Facts).ReadDate)
		}
		full[i] = true
	}
}

// readMeta reads a note's front matter facts, and whether it may be a
// termination note. The note is returned unfinished (ParseBody), with the
// look at its body.
func readMeta(f File, o Options) (note *parser.Note, look *audit.Look, facts *audit.Facts, t audit.Triage, ferr *audit.FileError) {
	defer func() {
		if r := recover(); r != nil {
			note, look, facts, t, ferr = nil, nil, nil, audit.Triage{}, panicError(f, r)
		}
	}()
	src, ferr := load(f, o)
	if ferr != nil {
		return nil, nil, nil, t, ferr
	}
	note, body := parser.ParseMeta(f.Rel, src)
	facts = audit.ExtractMeta(note, f.Rel, o.Vocab)
	look = o.Vocab.Look(facts, body)
	return note, look, facts, audit.Triage{MayTerminate: look.MayTerminate(), MayMatter: true}, nil
}

// mayMatter is look.MayMatter. A panic in it means "read it in full",
// where a panic is reported as the file's error.
func mayMatter(look *audit.Look) (m bool) {
	defer func() {
		if recover() != nil {
			m = true
		}
	}()
	return look.MayMatter()
}

// extractBody finishes a note readMeta began and adds its body's facts to
// its front matter's, with read (Facts.ReadBody, or ReadDate).
func extractBody(f File, note *parser.Note, meta *audit.Facts, o Options, read func(*audit.Facts, *parser.Note, *audit.Vocab)) (facts *audit.Facts, ferr *audit.FileError) {
	defer func() {
		if r := recover(); r != nil {
			facts, ferr = nil, panicError(f, r)
		}
	}()
	note.ParseBody()
	if o.extract != nil {
		return o.extract(note, f.Rel, o.Vocab), nil
	}
	read(meta, note, o.Vocab)
	return meta, nil
}

func panicError(f File, r any) *audit.FileError {
	return &audit.FileError{File: f.Rel, Message: fmt.Sprintf("internal error while auditing this note (%v); please report it", r)}
}

// parallel runs do(0..n-1) on o.Workers goroutines. For progress, item i
// stands for files(i) of the total files.
func parallel(n int, o Options, total int, files func(int) int, do func(int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < o.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				do(i)
				if o.Progress != nil {
					mu.Lock()
					done += files(i)
					o.Progress(done, total)
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

func one(int) int { return 1 }

func collect(facts []*audit.Facts, errs []*audit.FileError) ([]*audit.Facts, []audit.FileError) {
	var outF []*audit.Facts
	var outE []audit.FileError
	n := 0
	for _, f := range facts {
		if f != nil {
			n++
		}
	}
	if n > 0 {
		outF = make([]*audit.Facts, 0, n) // a sweep's 100,000, grown from nothing, were copied 17 times
	}
	for i := range facts {
		if facts[i] != nil {
			outF = append(outF, facts[i])
		}
		if errs[i] != nil {
			outE = append(outE, *errs[i])
		}
	}
	return outF, outE
}

// ReadOne reads, parses and extracts one note. A panic anywhere in it is
// recovered and reported as the file's error.
func ReadOne(f File, o Options) (facts *audit.Facts, ferr *audit.FileError) {
	o = withDefaults(o)
	defer func() {
		if r := recover(); r != nil {
			facts, ferr = nil, panicError(f, r)
		}
	}()
	src, ferr := load(f, o)
	if ferr != nil {
		return nil, ferr
	}
	note := parser.Parse(f.Rel, src)
	if o.extract != nil {
		return o.extract(note, f.Rel, o.Vocab), nil
	}
	return audit.Extract(note, f.Rel, o.Vocab), nil
}

// load reads a note within the size limit.
func load(f File, o Options) ([]byte, *audit.FileError) {
	src, size, err := readFile(f.Abs, o.MaxSize)
	switch {
	case err != nil:
		return nil, &audit.FileError{File: f.Rel, Message: readError(err)}
	case size > o.MaxSize:
		return nil, &audit.FileError{File: f.Rel, Message: fmt.Sprintf("skipped: %d bytes is over the %d-byte limit for a note", size, o.MaxSize)}
	case int64(len(src)) > o.MaxSize:
		return nil, &audit.FileError{File: f.Rel, Message: fmt.Sprintf("skipped: over the %d-byte limit for a note", o.MaxSize)}
	}
	return src, nil
}
