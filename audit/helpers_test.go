package audit_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/scan"
	"github.com/stretchr/testify/require"
)

// checkCase is one row of a check's table: notes (path -> text, front
// matter included) and the status the check must reach.
type checkCase struct {
	name  string
	notes map[string]string
	want  audit.Status
}

// fm builds YAML front matter for a note of case C-1.
func fm(date, typ string, extra ...string) string {
	lines := []string{"---", "client: C-1", "date: " + date, "practitioner: Test Worker, RSW"}
	if typ != "" {
		lines = append(lines, "type: "+typ)
	}
	lines = append(lines, extra...)
	return strings.Join(append(lines, "---", ""), "\n")
}

// runCheck writes the notes to a temporary tree, audits it, and returns the
// one event's result for check id.
func runCheck(t *testing.T, notes map[string]string, id string, cfg *audit.Config) audit.CheckResult {
	t.Helper()
	dir := t.TempDir()
	writeNotes(t, dir, notes)
	if cfg == nil {
		cfg = audit.DefaultConfig()
	}
	sc := scan.Paths([]string{dir}, scan.Options{Vocab: cfg.Vocab})
	res := audit.Run(sc.Facts, cfg)
	require.Len(t, res.Events, 1, "exactly one termination event expected")
	for _, c := range res.Events[0].Checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("check %s not in the event", id)
	return audit.CheckResult{}
}

func runTable(t *testing.T, id string, rows []checkCase) {
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			r := runCheck(t, row.notes, id, nil)
			require.Equal(t, row.want, r.Status, "message: %s", r.Message)
			require.NotEmpty(t, r.Message)
			if row.want == audit.Met {
				require.NotEmpty(t, r.Evidence, "a met check shows the evidence that met it")
			}
		})
	}
}

func writeNotes(t *testing.T, dir string, notes map[string]string) {
	t.Helper()
	for name, text := range notes {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
}
