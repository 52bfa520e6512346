package scan

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/internal/gen"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/stretchr/testify/require"
)

func reportOf(t *testing.T, root string, o Options) string {
	t.Helper()
	sc := Paths([]string{root}, o)
	res := sc.Audit(audit.DefaultConfig())
	var buf bytes.Buffer
	require.NoError(t, reports.JSON{}.Write(&buf, reports.Build(res, sc.Errors, reports.Options{Root: "r", Files: sc.Files, Version: "t", Lang: "en"})))
	return buf.String()
}

// The shortcut (front matter only for notes whose case cannot have an
// event) gives exactly the report of the full reading, on every corpus we
// have: the sample notes, the hand-written corpus, the devset, a hostile
// tree and a generated share.
func TestShortcutChangesNothing(t *testing.T) {
	generated := t.TempDir()
	_, err := gen.Generate(generated, 3000, 11)
	require.NoError(t, err)
	hostile := t.TempDir()
	copyDir(t, filepath.Join("..", "sample-notes"), hostile)
	hostileTree(t, hostile)
	roots := []string{filepath.Join("..", "sample-notes"), filepath.Join("..", "audit", "testdata", "corpus"), generated, hostile}
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "devset", "corpus")); err == nil {
		roots = append(roots, filepath.Join("..", "..", "shared", "devset", "corpus"))
	}
	for _, root := range roots {
		full := reportOf(t, root, Options{MaxSize: 4096 * 1024})
		short := reportOf(t, root, Options{MaxSize: 4096 * 1024, Shortcut: true})
		require.Equal(t, full, short, root)
	}
}

// Cases the first pass cannot see whole: a client's notes in two folders,
// and a flat folder larger than a batch, its clients' notes interleaved.
// The second pass reads what the first missed: the report is still the
// full reading's, and the outreach in the other folder still counts.
func TestShortcutAcrossFoldersAndBatches(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	note := func(client, date, body string) string {
		return "---\nclient: " + client + "\ndate: " + date + "\n---\n" + body
	}
	// Termination in one folder, outreach in another.
	write("closing/x-1.md", note("X-1", "2026-03-01", "# Termination note\n\nThe client withdrew from services; I am closing the file today.\n"))
	write("outreach/x-1-a.md", note("X-1", "2026-02-10", "Phoned the client: no answer, left a voicemail offering a closing session.\n"))
	write("outreach/x-1-b.md", note("X-1", "2026-02-17", "Emailed the client offering two times for a closing session. No reply.\n"))
	// One flat folder of more than maxBatch notes: each client's notes are
	// named by date, so they interleave with every other client's.
	for c := 0; c < 40; c++ {
		client := fmt.Sprintf("F-%02d", c)
		for k := 0; k < 8; k++ {
			date := fmt.Sprintf("2026-%02d-%02d", 1+k/4, 1+(k%4)*7)
			body := "Session with the client about sleep. We reviewed the week.\n"
			switch {
			case k == 7 && c%2 == 0:
				body = "# Closing note\n\nGoals met; no longer needed. Closing the file today.\n"
			case k >= 5 && c%2 == 0:
				body = "Phoned the client's cell, no answer; left a voicemail offering a closing session.\n"
			}
			write(fmt.Sprintf("flat/%s-%s.md", date, client), note(client, date, body))
		}
	}
	require.Greater(t, 40*8, maxBatch)
	full := reportOf(t, root, Options{})
	short := reportOf(t, root, Options{Shortcut: true})
	require.Equal(t, full, short)
	require.Contains(t, short, "outreach/x-1-b.md", "the other folder's outreach is part of the event")
}

// Progress counts every note once, up to the total, with or without the
// shortcut (where the total grows while the walk finds notes, but is only
// reached at the end).
func TestProgressCountsEveryNote(t *testing.T) {
	for _, shortcut := range []bool{false, true} {
		var mu sync.Mutex
		first, last, calls, total := 0, 0, 0, 0
		res := Paths([]string{filepath.Join("..", "sample-notes")}, Options{Shortcut: shortcut, Progress: func(done, tot int) {
			mu.Lock()
			defer mu.Unlock()
			require.GreaterOrEqual(t, done, last)
			require.False(t, done == last && tot == total, "the same figures twice")
			require.LessOrEqual(t, done, tot)
			if calls == 0 {
				first = done
			}
			last, total = done, tot
			calls++
		}})
		require.Equal(t, res.Files, total)
		require.Equal(t, total, last, "the last call is the total")
		require.Greater(t, total, 30)
		require.LessOrEqual(t, first, 10, "the first call counts one folder's notes, not most of the tree")
	}
}

// The notes come out in the order of their paths, whether the walk's order
// is that order (batches are merged) or not: "a.md" sorts before "a/x.md"
// though the walk visits the folder "a" first.
func TestStreamedOrder(t *testing.T) {
	for _, names := range [][]string{
		{"a/x.md", "a/y.md", "b/x.md", "b/c/x.md"},
		{"a.md", "a/x.md", "a-b/y.md", "a b/z.md", "a/b.md", "ab.md"},
	} {
		root := t.TempDir()
		var want []string
		for _, rel := range names {
			p := filepath.Join(root, filepath.FromSlash(rel))
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			require.NoError(t, os.WriteFile(p, []byte("---\nclient: C-1\ndate: 2026-01-05\n---\nSession about sleep.\n"), 0o644))
			want = append(want, rel)
		}
		for i := 0; i < 2*maxBatch+3; i++ { // a folder of several batches
			rel := fmt.Sprintf("flat/%04d.md", i)
			p := filepath.Join(root, filepath.FromSlash(rel))
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			require.NoError(t, os.WriteFile(p, []byte("---\nclient: F-1\ndate: 2026-01-05\n---\nSession.\n"), 0o644))
			want = append(want, rel)
		}
		slices.Sort(want)
		res := Paths([]string{root}, Options{Shortcut: true, Workers: 3})
		var got []string
		for _, b := range res.Unseen {
			got = append(got, b.Path)
		}
		require.Empty(t, res.Facts, "no event can see these notes")
		require.Equal(t, want, got)
	}
}

// The store puts each batch's findings at its place in the walk's order,
// whether the batch was read before the walk ended (kept apart, then
// moved) or after (read in place).
func TestStore(t *testing.T) {
	files := []File{{"r/a/1.md", "a/1.md"}, {"r/a/2.md", "a/2.md"}, {"r/b/1.md", "b/1.md"}, {"r/b/2.md", "b/2.md"}, {"r/c/1.md", "c/1.md"}}
	read := func(p pass1, b batch) {
		for i, f := range b.files {
			p.briefs[i].Path = f.Rel
			p.full[i] = i%2 == 0
		}
	}
	s := &store{}
	early := batch{files: files[2:4], off: 2}
	p, inPlace := s.slot(early)
	require.False(t, inPlace, "no place before the walk ends")
	read(p, early)
	s.done(early, p)

	s.walked(files, true)
	for _, b := range []batch{{files: files[:2], off: 0}, {files: files[4:], off: 4}} {
		p, inPlace := s.slot(b)
		require.True(t, inPlace)
		read(p, b)
	}
	var got []string
	for _, b := range s.all.briefs {
		got = append(got, b.Path)
	}
	require.Equal(t, []string{"a/1.md", "a/2.md", "b/1.md", "b/2.md", "c/1.md"}, got)
	require.Equal(t, []bool{true, false, true, false, true}, s.all.full)
	require.Equal(t, files, s.files)
	require.True(t, s.sorted)
}
