package audit_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/scan"
	"github.com/stretchr/testify/require"
)

// keyFile is the auditor's key format of ../shared/devset/expected.json.
type keyFile struct {
	Cases []struct {
		Case   string            `json:"case"`
		Event  bool              `json:"event"`
		Anchor string            `json:"anchor"`
		Ground *string           `json:"ground"`
		Checks map[string]string `json:"checks"`
	} `json:"cases"`
}

func scanTree(t *testing.T, root string) []*audit.Facts {
	t.Helper()
	return scan.Paths([]string{root}, scan.Options{}).Facts
}

// auditTree runs the whole pipeline on a folder.
func auditTree(t *testing.T, root string) audit.Result {
	t.Helper()
	sc := scan.Paths([]string{root}, scan.Options{})
	return audit.Run(sc.Facts, audit.DefaultConfig())
}

// compareWithKey reports every check status that differs from the key,
// every event missed and every look-alike reported as an event.
func compareWithKey(t *testing.T, root, keyPath string) {
	raw, err := os.ReadFile(keyPath)
	require.NoError(t, err)
	var key keyFile
	require.NoError(t, json.Unmarshal(raw, &key))
	res := auditTree(t, root)
	byCase := map[string]audit.Event{}
	for _, e := range res.Events {
		byCase[e.Case] = e
	}
	for _, c := range key.Cases {
		e, found := byCase[c.Case]
		if !c.Event {
			if found {
				t.Errorf("%s: look-alike reported as a termination event (anchor %s)", c.Case, e.File)
			}
			continue
		}
		if !found {
			t.Errorf("%s: termination event missed", c.Case)
			continue
		}
		if c.Anchor != "" && e.File != c.Anchor {
			t.Errorf("%s: anchor %s, want %s", c.Case, e.File, c.Anchor)
		}
		wantGround := ""
		if c.Ground != nil {
			wantGround = *c.Ground
		}
		if e.Ground != wantGround {
			t.Errorf("%s: ground %q, want %q", c.Case, e.Ground, wantGround)
		}
		got := map[string]audit.CheckResult{}
		for _, r := range e.Checks {
			got[r.ID] = r
		}
		for id, want := range c.Checks {
			if g := got[id]; string(g.Status) != want {
				t.Errorf("%s: %s is %s, want %s (%s)", c.Case, id, g.Status, want, g.Message)
			}
		}
	}
}

// TestHandwrittenCorpus runs notes written for this test in styles the
// sample notes and the devset do not use (terse logs, tables, checkboxes,
// TOML tables, French CIRP…) against the verdicts an auditor would give.
func TestHandwrittenCorpus(t *testing.T) {
	compareWithKey(t, "testdata/corpus", "testdata/corpus/expected.json")
}

// TestDevset scores the labelled development corpus beside the project
// (../shared/devset, present in CI); every status must agree.
func TestDevset(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "devset")
	if _, err := os.Stat(filepath.Join(dir, "expected.json")); err != nil {
		t.Skip("no ../shared/devset beside the project")
	}
	compareWithKey(t, filepath.Join(dir, "corpus"), filepath.Join(dir, "expected.json"))
}
