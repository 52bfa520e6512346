package scan

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/internal/gen"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/stretchr/testify/require"
)

func reportOf(t *testing.T, root string, o Options) string {
	t.Helper()
	sc := Paths([]string{root}, o)
	res := audit.Run(sc.Facts, audit.DefaultConfig())
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
