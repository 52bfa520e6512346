//go:build unix

package reports_test

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/noteaudit/noteaudit/reports"
	"github.com/stretchr/testify/require"
)

func writeText(text string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}
}

// "--out /dev/null" or a pipe: the report goes into it, and it stays what
// it was (a rename would have put a file in its place).
func TestWriteFileAtomicToAPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "report.json")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	require.NoError(t, reports.WriteFileAtomic(fifo, writeText("the report")))
	st, err := os.Lstat(fifo)
	require.NoError(t, err)
	require.NotZero(t, st.Mode()&os.ModeNamedPipe, "still a pipe")
	select {
	case text := <-got:
		require.Equal(t, "the report", text)
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was written to the pipe")
	}
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 1, "no temp file left")
}

// A symbolic link stays one; the file it points to gets the report.
func TestWriteFileAtomicThroughALink(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "link.json")
	require.NoError(t, os.WriteFile(real, []byte("previous"), 0o600))
	require.NoError(t, os.Symlink(real, link))
	require.NoError(t, reports.WriteFileAtomic(link, writeText("new")))
	st, err := os.Lstat(link)
	require.NoError(t, err)
	require.NotZero(t, st.Mode()&os.ModeSymlink, "still a link")
	b, err := os.ReadFile(real)
	require.NoError(t, err)
	require.Equal(t, "new", string(b))
}

func TestWriteFileAtomicRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	require.ErrorContains(t, reports.WriteFileAtomic(dir, writeText("x")), "is a folder")
	entries, _ := os.ReadDir(dir)
	require.Empty(t, entries)
}
