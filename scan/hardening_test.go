package scan

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/parser"
	"github.com/stretchr/testify/require"
)

func put(t *testing.T, root, rel string, data []byte) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

// hostileTree writes every bad input the hardening matrix names; the value
// is what the error for that file must say ("" when the file is fine).
func hostileTree(t *testing.T, root string) map[string]string {
	outside := t.TempDir()
	put(t, outside, "secret.md", []byte("---\nclient: X\n---\nOutside the tree.\n"))
	want := map[string]string{
		"bad/empty.md":        "empty file",
		"bad/only-fm.md":      "",
		"bad/binary.md":       "binary file",
		"bad/cp1252.md":       "Windows-1252",
		"bad/huge.md":         "over the",
		"bad/long-line.md":    "",
		"bad/deep.md":         "",
		"bad/alias-bomb.md":   "",
		"bad/dup-keys.md":     "given twice",
		"bad/wrong-types.md":  "not true or false",
		"bad/date-formats.md": "is not a date",
		"bad/loop":            "symbolic link",
		"bad/out-link.md":     "symbolic link",
		"bad/fifo.md":         "not a regular file",
		"bad/unclosed.md":     "never closed",
		"bad/bad-yaml.md":     "could not be read",
	}
	put(t, root, "bad/empty.md", nil)
	put(t, root, "bad/only-fm.md", []byte("---\nclient: B-1\ndate: 2026-01-01\n---\n"))
	put(t, root, "bad/binary.md", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	put(t, root, "bad/cp1252.md", []byte("---\nclient: B-2\n---\nCaf\xe9: la cliente s'est retir\xe9e.\n"))
	put(t, root, "bad/huge.md", bytes.Repeat([]byte("x"), 3000))
	put(t, root, "bad/long-line.md", append([]byte("---\nclient: B-3\n---\n"), bytes.Repeat([]byte("word "), 200000)...))
	put(t, root, "bad/deep.md", []byte(strings.Repeat("> ", 2000)+"deep\n"+strings.Repeat("  ", 1000)+"- x\n"))
	bomb := "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\nclient: B-4\n---\nText.\n"
	put(t, root, "bad/alias-bomb.md", []byte(bomb))
	put(t, root, "bad/dup-keys.md", []byte("---\nclient: B-5\nclient: B-6\n---\nText.\n"))
	put(t, root, "bad/wrong-types.md", []byte("---\nclient: [B-7, B-8]\ntermination:\n  court_ordered: maybe\n---\nText.\n"))
	put(t, root, "bad/date-formats.md", []byte("---\nclient: B-9\ndate: 14/03/2026\n---\nText.\n"))
	require.NoError(t, os.Symlink(filepath.Join(root, "bad"), filepath.Join(root, "bad", "loop")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(root, "bad", "out-link.md")))
	if err := mkfifo(filepath.Join(root, "bad", "fifo.md")); errors.Is(err, errors.ErrUnsupported) {
		delete(want, "bad/fifo.md") // no pipes in a folder here
	} else {
		require.NoError(t, err)
	}
	put(t, root, "bad/unclosed.md", []byte("---\nclient: B-10\n\nBody.\n"))
	put(t, root, "bad/bad-yaml.md", []byte("---\nclient: [B-11\n---\nBody.\n"))
	return want
}

// A hostile tree beside good notes: nothing crashes, every bad file is named
// with its reason, and every good note's results are those of the good
// notes alone.
func TestHostileTree(t *testing.T) {
	good := filepath.Join("..", "sample-notes")
	alone := Paths([]string{good}, Options{})
	wantRes := alone.Audit(audit.DefaultConfig())

	root := t.TempDir()
	copyDir(t, good, root)
	want := hostileTree(t, root)
	res := Paths([]string{root}, Options{MaxSize: 2048})
	got := res.Audit(audit.DefaultConfig())

	errs := map[string][]string{}
	for _, e := range append(res.Errors, got.Errors...) {
		errs[e.File] = append(errs[e.File], e.Message)
		require.True(t, strings.HasPrefix(e.File, "bad/"), "a good note got an error: %+v", e)
	}
	for file, msg := range want {
		if msg == "" {
			continue
		}
		require.Contains(t, strings.Join(errs[file], " | "), msg, file)
	}
	require.NotContains(t, errs, "bad/only-fm.md")
	for _, f := range res.Facts {
		require.NotContains(t, f.Path, "secret", "a link out of the tree is not followed")
	}

	var goodEvents []audit.Event
	for _, e := range got.Events {
		if !strings.HasPrefix(e.File, "bad/") {
			goodEvents = append(goodEvents, e)
		}
	}
	require.Len(t, goodEvents, len(wantRes.Events))
	sort.Slice(goodEvents, func(i, j int) bool { return goodEvents[i].File < goodEvents[j].File })
	wantEvents := append([]audit.Event(nil), wantRes.Events...)
	sort.Slice(wantEvents, func(i, j int) bool { return wantEvents[i].File < wantEvents[j].File })
	for i := range wantEvents {
		w, g := wantEvents[i], goodEvents[i]
		require.Equal(t, w.File, g.File)
		require.Equal(t, w.Case, g.Case)
		for j := range w.Checks {
			require.Equal(t, w.Checks[j].Status, g.Checks[j].Status, "%s %s", g.File, w.Checks[j].ID)
			require.Equal(t, w.Checks[j].Message, g.Checks[j].Message)
		}
	}
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	require.NoError(t, filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	}))
}

// A panic while auditing one note is that note's error; the run goes on.
func TestPanicIsOneFilesError(t *testing.T) {
	root := t.TempDir()
	put(t, root, "a.md", []byte("---\nclient: A\ndate: 2026-01-01\ntype: closing\n---\nClient withdrew.\n"))
	put(t, root, "boom.md", []byte("---\nclient: B\n---\nText.\n"))
	o := Options{extract: func(n *parser.Note, rel string, v *audit.Vocab) *audit.Facts {
		if rel == "boom.md" {
			panic("simulated bug")
		}
		return audit.Extract(n, rel, v)
	}}
	res := Paths([]string{root}, o)
	require.Len(t, res.Facts, 1)
	require.Len(t, res.Errors, 1)
	require.Equal(t, "boom.md", res.Errors[0].File)
	require.Contains(t, res.Errors[0].Message, "simulated bug")
}

// A file deleted or rewritten between the walk and the read.
func TestFileGoneBeforeRead(t *testing.T) {
	root := t.TempDir()
	p := put(t, root, "n.md", []byte("x"))
	require.NoError(t, os.Remove(p))
	facts, ferr := ReadOne(File{Abs: p, Rel: "n.md"}, Options{})
	require.Nil(t, facts)
	require.Contains(t, ferr.Message, "does not exist")
}

// Unreadable files and folders (not testable as root, who reads anything).
func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file; permission errors cannot be produced")
	}
	root := t.TempDir()
	p := put(t, root, "locked/n.md", []byte("x"))
	put(t, root, "open/m.md", []byte("---\nclient: M\n---\nText.\n"))
	require.NoError(t, os.Chmod(p, 0))
	require.NoError(t, os.Chmod(filepath.Dir(p), 0))
	t.Cleanup(func() { _ = os.Chmod(filepath.Dir(p), 0o755); _ = os.Chmod(p, 0o644) })
	res := Paths([]string{root}, Options{})
	require.Len(t, res.Facts, 1)
	require.NotEmpty(t, res.Errors)
	require.Contains(t, res.Errors[0].Message, "permission denied")
}
