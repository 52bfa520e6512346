package reports_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/noteaudit/noteaudit/scan"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func sampleReport(t *testing.T, lang string, redact bool) *reports.Report {
	t.Helper()
	root := filepath.Join("..", "sample-notes")
	sc := scan.Paths([]string{root}, scan.Options{})
	cfg := audit.DefaultConfig()
	cfg.Lang = lang
	res := sc.Audit(cfg)
	return reports.Build(res, sc.Errors, reports.Options{Root: "sample-notes", Files: sc.Files, Version: "test", Lang: lang, Redact: redact, Salt: "s"})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run `go test ./reports -update` to create %s", path)
	if string(want) != string(got) {
		t.Errorf("%s differs (run `go test ./reports -update` if the change is intended):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line with a little context.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			var b strings.Builder
			for j := max(0, i-3); j < i+3; j++ {
				if j < len(w) {
					fmt.Fprintf(&b, "- %d: %s\n", j+1, w[j])
				}
				if j < len(g) {
					fmt.Fprintf(&b, "+ %d: %s\n", j+1, g[j])
				}
			}
			return b.String()
		}
	}
	return ""
}

// The JSON report of sample-notes, pinned: any change to a verdict, a
// message or the schema shows up here.
func TestGoldenJSON(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		var buf bytes.Buffer
		require.NoError(t, reports.JSON{}.Write(&buf, sampleReport(t, lang, false)))
		golden(t, "sample-notes."+lang+".json", buf.Bytes())
	}
}

func TestGoldenText(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, reports.Text{}.Write(&buf, sampleReport(t, "en", false)))
	golden(t, "sample-notes.en.txt", buf.Bytes())
	require.NotContains(t, buf.String(), "\x1b[", "no colour unless asked")
}

// The JSON matches SPEC §5: these keys, in every event every check.
func TestJSONSchema(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, reports.JSON{}.Write(&buf, sampleReport(t, "en", false)))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	require.Equal(t, "noteaudit/report/v1", doc["schema"])
	require.ElementsMatch(t, []string{"schema", "tool", "root", "summary", "events", "errors"}, keys(doc))
	require.ElementsMatch(t, []string{"files", "notes", "cases", "events", "events_with_gaps", "gaps", "errors"}, keys(doc["summary"].(map[string]any)))
	events := doc["events"].([]any)
	require.NotEmpty(t, events)
	for _, e := range events {
		ev := e.(map[string]any)
		require.ElementsMatch(t, []string{"case", "file", "line", "date", "practitioner", "ground", "court_ordered", "notes", "checks"}, keys(ev))
		checks := ev["checks"].([]any)
		require.Len(t, checks, len(audit.Checks()))
		for i, c := range checks {
			ch := c.(map[string]any)
			require.Equal(t, audit.Checks()[i].ID, ch["id"])
			require.ElementsMatch(t, []string{"id", "status", "severity", "message", "source", "evidence"}, keys(ch))
			require.NotNil(t, ch["evidence"], "evidence is [] rather than null")
		}
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestRedactLeavesNoClientText(t *testing.T) {
	plain := sampleReport(t, "en", false)
	red := sampleReport(t, "en", true)
	for name, w := range reports.Writers(false) {
		var buf bytes.Buffer
		require.NoError(t, w.Write(&buf, red), name)
		out := buf.String()
		for _, e := range plain.Events {
			require.NotContains(t, out, e.Case, name)
			require.NotContains(t, out, e.File, name)
			if e.Practitioner != "" {
				require.NotContains(t, out, e.Practitioner, name)
			}
			for _, c := range e.Checks {
				for _, x := range c.Evidence {
					if len(x.Text) > 12 {
						require.NotContains(t, out, x.Text, name)
					}
				}
			}
		}
	}
	require.Equal(t, reports.HashID("C-2001", "s"), reports.HashID("C-2001", "s"), "stable")
	require.NotEqual(t, reports.HashID("C-2001", "s"), reports.HashID("C-2001", "t"), "salted")
}

func TestExitCode(t *testing.T) {
	rep := func(errs, e, w, i int) *reports.Report {
		r := &reports.Report{}
		r.Summary.Gaps = reports.GapCounts{Error: e, Warning: w, Info: i}
		for k := 0; k < errs; k++ {
			r.Errors = append(r.Errors, reports.FileError{File: "x"})
		}
		return r
	}
	for _, row := range []struct {
		r      *reports.Report
		failOn string
		want   int
	}{
		{rep(0, 0, 0, 0), "error", 0},
		{rep(0, 1, 0, 0), "error", 1},
		{rep(0, 0, 1, 1), "error", 0},
		{rep(0, 0, 1, 0), "warning", 1},
		{rep(0, 0, 0, 1), "warning", 0},
		{rep(0, 0, 0, 1), "info", 1},
		{rep(0, 5, 5, 5), "never", 0},
		{rep(1, 0, 0, 0), "never", 2},
		{rep(1, 3, 0, 0), "error", 2},
	} {
		f, ok := reports.ParseFailOn(row.failOn)
		require.True(t, ok)
		require.Equal(t, row.want, reports.ExitCode(row.r, f), "%+v fail-on %s", row.r.Summary.Gaps, row.failOn)
	}
}

func TestFormatFor(t *testing.T) {
	for _, row := range []struct{ flag, out, want, err string }{
		{"", "", "text", ""},
		{"json", "", "json", ""},
		{"", "r.JSON", "json", ""},
		{"text", "r.json", "text", ""},
		{"pdf", "", "", "unknown format"},
	} {
		got, err := reports.FormatFor(row.flag, row.out, "text")
		if row.err != "" {
			require.ErrorContains(t, err, row.err)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, row.want, got)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.json")
	require.NoError(t, os.WriteFile(out, []byte("previous"), 0o644))
	// A writer that fails half-way leaves the previous report and no temp file.
	err := reports.WriteFileAtomic(out, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return io.ErrUnexpectedEOF
	})
	require.Error(t, err)
	b, _ := os.ReadFile(out)
	require.Equal(t, "previous", string(b))
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 1)

	require.NoError(t, reports.WriteFileAtomic(out, func(w io.Writer) error {
		_, err := w.Write([]byte("new"))
		return err
	}))
	b, _ = os.ReadFile(out)
	require.Equal(t, "new", string(b))
	st, _ := os.Stat(out)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "reports hold client information")
}

func TestTextColourOnlyWhenAsked(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, reports.Text{Color: true}.Write(&buf, sampleReport(t, "fr", false)))
	require.Contains(t, buf.String(), "\x1b[")
	require.True(t, strings.Contains(buf.String(), "dossier"), "French labels")
}
