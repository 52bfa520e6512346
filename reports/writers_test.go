package reports_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/noteaudit/noteaudit/scan"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/require"
)

// hostileReport audits notes whose text tries to run code in a report or a
// spreadsheet.
func hostileReport(t *testing.T) *reports.Report {
	t.Helper()
	dir := t.TempDir()
	notes := map[string]string{
		"h/n.md": "---\nclient: \"<img src=x onerror=alert(1)>\"\ndate: 2026-03-01\npractitioner: \"=HYPERLINK(\\\"http://x\\\")\"\ntype: termination\n---\n" +
			"# Termination note\n\nClient withdrew. <script>alert('x')</script> \"quoted\" & <b>bold</b>\n\n- =cmd|' /C calc'!A0 — 613-555-0101\n- @SUM(1) — +1-613-555-0102\n",
	}
	for name, text := range notes {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	sc := scan.Paths([]string{dir}, scan.Options{})
	return reports.Build(sc.Audit(audit.DefaultConfig()), sc.Errors, reports.Options{Root: "h", Files: sc.Files, Version: "test", Lang: "en"})
}

func render(t *testing.T, w reports.Writer, r *reports.Report) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, w.Write(&buf, r))
	return buf.String()
}

func TestHTMLEscapesNoteText(t *testing.T) {
	out := render(t, reports.HTML{}, hostileReport(t))
	require.NotContains(t, out, "<script>alert")
	require.NotContains(t, out, "<img src=x")
	require.Contains(t, out, "&lt;img src=x onerror=alert(1)&gt;")
	require.NotContains(t, strings.ToLower(out), "<script", "no script at all")
	for _, remote := range []string{"http://", "https://", "@import", "url("} {
		require.NotContains(t, strings.ReplaceAll(out, "http://x", ""), remote, "the page loads nothing from elsewhere")
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	out := render(t, reports.CSV{}, hostileReport(t))
	require.True(t, strings.HasPrefix(out, "\ufeff"), "UTF-8 BOM for spreadsheets")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 2)
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" {
				require.NotContains(t, "=+-@\t\r", cell[:1], "cell %q can run as a formula", cell)
			}
		}
	}
	require.Equal(t, "'=SUM(1)", reports.Cell("=SUM(1)"))
	require.Equal(t, "plain", reports.Cell("plain"))
}

// SARIF 2.1.0: the requirements of the specification a consumer relies on.
func TestSARIFIsValid(t *testing.T) {
	for _, r := range []*reports.Report{hostileReport(t), sampleReport(t, "fr", false)} {
		out := render(t, reports.SARIF{}, r)
		// The SARIF 2.1.0 JSON schema, as go-sarif embeds it.
		doc, err := sarif.FromString(out)
		require.NoError(t, err)
		require.NoError(t, doc.Validate())
		broken, err := sarif.FromString(strings.Replace(out, `"level": "`, `"level": "high`, 1))
		if err == nil && r.Summary.Gaps.Error+r.Summary.Gaps.Warning+r.Summary.Gaps.Info > 0 {
			require.Error(t, broken.Validate(), "the schema check can fail")
		}
		var log map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &log))
		require.Equal(t, "2.1.0", log["version"])
		require.NotEmpty(t, log["$schema"])
		runs := log["runs"].([]any)
		require.Len(t, runs, 1)
		run := runs[0].(map[string]any)
		driver := run["tool"].(map[string]any)["driver"].(map[string]any)
		require.Equal(t, "noteaudit", driver["name"])
		ruleIDs := map[string]bool{}
		for _, rl := range driver["rules"].([]any) {
			ruleIDs[rl.(map[string]any)["id"].(string)] = true
		}
		results := run["results"].([]any)
		gaps := r.Summary.Gaps.Error + r.Summary.Gaps.Warning + r.Summary.Gaps.Info
		require.Len(t, results, gaps, "one result per gap")
		for _, res := range results {
			m := res.(map[string]any)
			require.True(t, ruleIDs[m["ruleId"].(string)], "result rule is declared")
			require.Contains(t, []string{"error", "warning", "note"}, m["level"])
			require.NotEmpty(t, m["message"].(map[string]any)["text"])
			loc := m["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
			require.NotEmpty(t, loc["artifactLocation"].(map[string]any)["uri"])
			require.GreaterOrEqual(t, loc["region"].(map[string]any)["startLine"].(float64), 1.0)
		}
	}
}

func TestMarkdownReport(t *testing.T) {
	out := render(t, reports.Markdown{}, sampleReport(t, "fr", false))
	require.Contains(t, out, "# Audit de la documentation des cessations de services")
	require.Contains(t, out, "### dossier C-2004")
	require.Contains(t, out, "`riverbend/c-2004/contact-log.md:12`")
	hostile := render(t, reports.Markdown{}, hostileReport(t))
	require.NotContains(t, hostile, "<script>")
}

func TestMerge(t *testing.T) {
	a, b := sampleReport(t, "en", false), sampleReport(t, "en", false)
	a.Root, b.Root = "/shares/site-a", "/shares/site-b"
	var bufA, bufB bytes.Buffer
	require.NoError(t, reports.JSON{}.Write(&bufA, a))
	require.NoError(t, reports.JSON{}.Write(&bufB, b))
	ra, err := reports.ReadJSON(&bufA)
	require.NoError(t, err)
	rb, err := reports.ReadJSON(&bufB)
	require.NoError(t, err)
	m := reports.Merge([]*reports.Report{ra, rb}, "en")
	require.Equal(t, 2*a.Summary.Events, m.Summary.Events)
	require.Equal(t, 2*a.Summary.Gaps.Error, m.Summary.Gaps.Error)
	require.Equal(t, 2*a.Summary.Notes, m.Summary.Notes)
	require.True(t, strings.HasPrefix(m.Events[0].File, "site-a/") || strings.HasPrefix(m.Events[0].File, "site-b/"))
	_, err = reports.ReadJSON(strings.NewReader(`{"schema":"other"}`))
	require.Error(t, err)
}

// The HTML report renders in a real browser: headless Chromium prints the
// DOM with the summary figures, and a screenshot is kept as an artefact.
// The page needs no network: Chromium runs with networking features off
// and the page holds no remote reference (TestHTMLEscapesNoteText).
func TestHTMLInChromium(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (.ci/run installs it)")
	}
	rep := sampleReport(t, "fr", false)
	page := filepath.Join(t.TempDir(), "qa.html")
	require.NoError(t, os.WriteFile(page, []byte(render(t, reports.HTML{}, rep)), 0o600))
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--user-data-dir=" + t.TempDir()}
	run := func(extra ...string) []byte {
		cmd := exec.Command(browser, append(args, extra...)...)
		done := make(chan struct{})
		var out []byte
		go func() { out, _ = cmd.Output(); close(done) }()
		select {
		case <-done:
		case <-time.After(90 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatal("chromium did not finish")
		}
		return out
	}
	dom := string(run("--dump-dom", "file://"+page))
	require.Contains(t, dom, `id="sum-events">18<`)
	require.Contains(t, dom, `id="sum-with-gaps">15<`)
	require.Contains(t, dom, "Part des événements qui satisfont chaque vérification")
	shot := filepath.Join(os.TempDir(), "noteaudit-report.png")
	if dir := os.Getenv("ARTIFACTS"); dir != "" {
		shot = filepath.Join(dir, "noteaudit-report.png")
	}
	run("--screenshot="+shot, "--window-size=1200,2400", "file://"+page)
	st, err := os.Stat(shot)
	require.NoError(t, err)
	require.Greater(t, st.Size(), int64(10000))
	t.Logf("screenshot: %s", shot)
}
