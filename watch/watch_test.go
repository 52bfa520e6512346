package watch

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/noteaudit/noteaudit/scan"
	"github.com/stretchr/testify/require"
)

// recorder is a Sink that keeps what it was told.
type recorder struct {
	mu      sync.Mutex
	started chan struct{}
	changes []CaseChange
}

func (r *recorder) Started(int, int, []string, bool) { close(r.started) }
func (r *recorder) Changed(ch []CaseChange, _ time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.changes = append(r.changes, ch...)
}

func note(client, date, typ, body string) string {
	return "---\nclient: " + client + "\ndate: " + date + "\npractitioner: W, RSW\ntype: " + typ + "\n---\n" + body + "\n"
}

const closing = "# Termination note\n\nClient withdrew. File closed today."

func write(t *testing.T, p, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
}

// start runs a watch on dir and returns its index, sink and stop function.
func start(t *testing.T, dir string, o Options, sink Sink, rec *recorder) (*Index, func()) {
	t.Helper()
	ix := NewIndex(dir, scan.Options{}, audit.DefaultConfig())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ix, o, sink) }()
	select {
	case <-rec.started:
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not start")
	}
	return ix, func() {
		cancel()
		select {
		case err := <-done:
			require.NoError(t, err)
		case <-time.After(10 * time.Second):
			t.Fatal("watch did not stop")
		}
	}
}

// eventually waits, bounded, for the report to reach a state.
func eventually(t *testing.T, ix *Index, what string, ok func(*reports.Report) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok(ix.Report("t", false, "")) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for: %s", what)
}

func caseIDs(r *reports.Report) string {
	var ids []string
	for _, e := range r.Events {
		ids = append(ids, e.Case)
	}
	return strings.Join(ids, ",")
}

func TestWatchFollowsEditorsAndFolders(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "c1", "contact.md"), note("C-1", "2026-02-01", "contact", "Phoned, voicemail offering a closing session."))
	write(t, filepath.Join(dir, "a", "c1", "closing.md"), note("C-1", "2026-03-01", "closing", closing))
	rec := &recorder{started: make(chan struct{})}
	b := NewBatcher()
	b.Quiet = 50 * time.Millisecond
	ix, stop := start(t, dir, Options{Batcher: b}, rec, rec)
	read := func(what string, ok func(*reports.Report) bool) { eventually(t, ix, what, ok) }
	read("initial audit", func(r *reports.Report) bool { return caseIDs(r) == "C-1" })

	// Atomic save: a temp file renamed over the note (only CREATE of the target).
	p := filepath.Join(dir, "a", "c1", "closing.md")
	tmp := p + ".tmp123"
	write(t, tmp, note("C-1", "2026-03-01", "closing", closing+"\n\nEmailed her on 2026-02-10 offering a final session; no reply."))
	require.NoError(t, os.Rename(tmp, p))
	read("atomic save re-audited", func(r *reports.Report) bool {
		return len(r.Events) == 1 && strings.Contains(r.Events[0].Checks[4].Message, "2 means")
	})

	// vim: rename the note to a backup, write it anew, remove the backup; swap files ignored.
	write(t, filepath.Join(dir, "a", "c1", ".closing.md.swp"), "binary swap")
	require.NoError(t, os.Rename(p, p+"~"))
	write(t, p, note("C-1", "2026-03-01", "closing", closing+"\n\nFinal session held in person today."))
	require.NoError(t, os.Remove(p+"~"))
	read("vim save", func(r *reports.Report) bool {
		return len(r.Events) == 1 && r.Events[0].Checks[4].Message == "termination session held"
	})

	// mkdir -p then a note: only the CREATE of the top folder is seen.
	write(t, filepath.Join(dir, "b", "deep", "c2", "n.md"), note("C-2", "2026-04-01", "termination", closing))
	read("new nested folder", func(r *reports.Report) bool { return caseIDs(r) == "C-1,C-2" })

	// A note whose client changes moves between cases.
	write(t, filepath.Join(dir, "b", "deep", "c2", "n.md"), note("C-3", "2026-04-01", "termination", closing))
	read("client change", func(r *reports.Report) bool { return caseIDs(r) == "C-1,C-3" })

	// mv out of the tree, and back in.
	outside := filepath.Join(t.TempDir(), "n.md")
	require.NoError(t, os.Rename(filepath.Join(dir, "b", "deep", "c2", "n.md"), outside))
	read("moved out", func(r *reports.Report) bool { return caseIDs(r) == "C-1" })
	require.NoError(t, os.Rename(outside, filepath.Join(dir, "a", "moved-in.md")))
	read("moved in", func(r *reports.Report) bool { return caseIDs(r) == "C-1,C-3" })

	// rm -rf a client folder: its case disappears.
	require.NoError(t, os.RemoveAll(filepath.Join(dir, "a", "c1")))
	read("folder removed", func(r *reports.Report) bool { return caseIDs(r) == "C-3" })

	// A half-written note is that note's error only.
	write(t, filepath.Join(dir, "a", "broken.md"), "---\nclient: \"C-9\n---\nHalf")
	read("broken note reported", func(r *reports.Report) bool {
		return len(r.Errors) == 1 && r.Errors[0].File == "a/broken.md" && caseIDs(r) == "C-3"
	})
	stop()
	rec.mu.Lock()
	var gone bool
	for _, c := range rec.changes {
		if c.Case == "C-1" && c.Gone {
			gone = true
		}
	}
	rec.mu.Unlock()
	require.True(t, gone, "the removed case is reported as gone")
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	require.LessOrEqual(t, runtime.NumGoroutine(), before, "no goroutine left behind")
}

func TestWatchOutReportAndPoll(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "c1", "closing.md"), note("C-1", "2026-03-01", "closing", closing))
	out := filepath.Join(t.TempDir(), "report.json")
	ix := NewIndex(dir, scan.Options{}, audit.DefaultConfig())
	writes := 0
	var mu sync.Mutex
	sink := &TextSink{W: &strings.Builder{}, Lang: "en", Index: ix, Out: out, Writer: reports.JSON{}, Version: "t", Wrote: func() {
		mu.Lock()
		writes++
		mu.Unlock()
	}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ix, Options{Poll: 50 * time.Millisecond}, sink) }()
	readOut := func() *reports.Report {
		b, err := os.ReadFile(out)
		if err != nil {
			return nil
		}
		var r reports.Report
		if json.Unmarshal(b, &r) != nil {
			t.Fatalf("a reader saw a half-written report: %q", b)
		}
		return &r
	}
	deadline := time.Now().Add(10 * time.Second)
	for readOut() == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	require.NotNil(t, readOut())
	// Poll mode notices a new note without any event.
	time.Sleep(20 * time.Millisecond)
	write(t, filepath.Join(dir, "c2", "n.md"), note("C-2", "2026-04-01", "termination", closing))
	for time.Now().Before(deadline) {
		if r := readOut(); r != nil && len(r.Events) == 2 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	require.Len(t, readOut().Events, 2)
	time.Sleep(200 * time.Millisecond) // the write is counted just after its rename
	mu.Lock()
	n := writes
	mu.Unlock()
	// An edit that changes nothing in the report does not rewrite it.
	p := filepath.Join(dir, "c2", "n.md")
	require.NoError(t, os.Chtimes(p, time.Now(), time.Now().Add(time.Minute)))
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	require.Equal(t, n, writes, "same content, no rewrite")
	mu.Unlock()
	cancel()
	require.NoError(t, <-done)
}

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{"note.md": false, ".note.md.swp": true, "note.md~": true, "4913": true, ".#note.md": true,
		"#note.md#": true, ".goutputstream-X1": true, "~$note.docx": true, ".~lock.note.md#": true, "note.md___jb_tmp___": true} {
		require.Equal(t, want, IsTemp(name), name)
	}
}

// The watch's report is the check's report: same facts, same cases, same events.
func TestIndexReportEqualsCheck(t *testing.T) {
	root := filepath.Join("..", "sample-notes")
	ix := NewIndex(root, scan.Options{}, audit.DefaultConfig())
	ix.Load()
	sc := scan.Paths([]string{root}, scan.Options{})
	want := reports.Build(sc.Audit(audit.DefaultConfig()), sc.Errors, reports.Options{Root: root, Files: sc.Files, Version: "t", Lang: "en"})
	got := ix.Report("t", false, "")
	var a, b strings.Builder
	require.NoError(t, reports.JSON{}.Write(&a, want))
	require.NoError(t, reports.JSON{}.Write(&b, got))
	require.Equal(t, a.String(), b.String())
	// And after touching every note, nothing changes.
	_, files, _ := scan.List([]string{root}, scan.Options{})
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Rel)
	}
	ix.Update(paths)
	b.Reset()
	require.NoError(t, reports.JSON{}.Write(&b, ix.Report("t", false, "")))
	require.Equal(t, a.String(), b.String())
}

// At the system's watch limit, what could be added is watched, the rest is
// named, and the sink is told how to raise the limit.
func TestWatchLimit(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "n.md"), note("C-1", "2026-03-01", "closing", closing))
	write(t, filepath.Join(dir, "b", "n.md"), note("C-2", "2026-03-01", "closing", closing))
	real := addWatch
	t.Cleanup(func() { addWatch = real })
	addWatch = func(w *fsnotify.Watcher, p string) error {
		if filepath.Base(p) == "b" {
			return fmt.Errorf("watching %s: %w", p, syscall.ENOSPC)
		}
		return real(w, p)
	}
	rec := &limitSink{started: make(chan struct{})}
	ix := NewIndex(dir, scan.Options{}, audit.DefaultConfig())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ix, Options{}, rec) }()
	<-rec.started
	cancel()
	require.NoError(t, <-done)
	require.True(t, rec.limit)
	require.Equal(t, []string{filepath.Join(dir, "b")}, rec.unwatched)
	require.Equal(t, 2, rec.dirs, "the root and a are watched")

	var out strings.Builder
	(&TextSink{W: &out, Lang: "en", Index: ix}).Started(2, 2, rec.unwatched, true)
	require.Contains(t, out.String(), "fs.inotify.max_user_watches")
	require.Contains(t, out.String(), filepath.Join(dir, "b"))
}

type limitSink struct {
	started   chan struct{}
	dirs      int
	unwatched []string
	limit     bool
}

func (l *limitSink) Started(_ int, dirs int, unwatched []string, limit bool) {
	l.dirs, l.unwatched, l.limit = dirs, unwatched, limit
	close(l.started)
}
func (l *limitSink) Changed([]CaseChange, time.Duration) {}
