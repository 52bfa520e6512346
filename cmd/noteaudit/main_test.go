package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/require"
)

// treeHash fingerprints a tree: every path, mode, size, time and content.
func treeHash(t *testing.T, root string) string {
	t.Helper()
	var lines []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		sum := ""
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum = fmt.Sprintf("%x", sha256.Sum256(b))
		}
		lines = append(lines, fmt.Sprintf("%s %v %d %d %s", p, info.Mode(), info.Size(), info.ModTime().UnixNano(), sum))
		return nil
	}))
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	}))
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckSampleNotesNeverWritesTheTree(t *testing.T) {
	tree := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "sample-notes"), tree)
	before := treeHash(t, tree)
	report := filepath.Join(t.TempDir(), "r.json")
	code, _, stderr := runCLI("check", "--format", "json", "--out", report, tree)
	require.Equal(t, 1, code, stderr)
	code, stdout, _ := runCLI("check", "--lang", "fr", tree)
	require.Equal(t, 1, code)
	require.Contains(t, stdout, "dossier C-2002")
	require.Equal(t, before, treeHash(t, tree), "check must not write, move or delete anything in the notes tree")
	var doc map[string]any
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	require.Equal(t, "noteaudit/report/v1", doc["schema"])
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := "---\nclient: C-1\ndate: 2026-03-01\npractitioner: W, RSW\ntype: closing\n---\nServices are no longer needed: goals met. Discussed with my supervisor.\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ok.md"), []byte(clean), 0o644))
	code, out, _ := runCLI("check", dir)
	require.Equal(t, 0, code, out)

	gap := filepath.Join(t.TempDir(), "gap")
	require.NoError(t, os.MkdirAll(gap, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(gap, "n.md"), []byte("---\nclient: C-2\ndate: 2026-03-01\ntype: closing\n---\nFile closed.\n"), 0o644))
	code, out, _ = runCLI("check", gap)
	require.Equal(t, 1, code)
	require.Contains(t, out, "n.md:4: error termination-ground", "points at the line that made it a termination note (type, line 4)")
	code, _, _ = runCLI("check", "--fail-on", "never", gap)
	require.Equal(t, 0, code)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.md"), []byte("---\nclient: \"C\n---\nText\n"), 0o644))
	code, out, _ = runCLI("check", "--fail-on", "never", dir)
	require.Equal(t, 2, code, "a file that cannot be parsed gives 2")
	require.Contains(t, out, "broken.md:3: error front matter")
	require.Contains(t, out, "ok.md", "the rest is still reported")

	for _, args := range [][]string{{"check", "--fail-on", "sometimes"}, {"check", "--lang", "de"}, {"check", "--format", "pdf"}, {"check", "--nope"}, {"frobnicate"}} {
		code, _, stderr := runCLI(args...)
		require.Equal(t, 2, code, "%v: %s", args, stderr)
		require.NotEmpty(t, stderr)
	}
	code, out, _ = runCLI("version")
	require.Equal(t, 0, code)
	require.True(t, strings.HasPrefix(out, "noteaudit "))
}

func TestLangFromEnvironment(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "fr_CA.UTF-8")
	l, err := resolveLang("")
	require.NoError(t, err)
	require.Equal(t, "fr", l)
	l, _ = resolveLang("en")
	require.Equal(t, "en", l, "the flag wins")
	t.Setenv("LANG", "en_CA.UTF-8")
	l, _ = resolveLang("")
	require.Equal(t, "en", l)
}

func TestConfigCommands(t *testing.T) {
	tree := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "sample-notes", "centre-ouest", "d-3002"), filepath.Join(tree, "d-3002"))
	require.NoError(t, os.WriteFile(filepath.Join(tree, ".noteaudit.yaml"), []byte("lang: fr\nmin_contacts: 3\nseverity:\n  supervision-consulted: off\n"), 0o644))
	code, out, _ := runCLI("check", "--fail-on", "never", filepath.Join(tree, "d-3002"))
	require.Equal(t, 0, code)
	require.Contains(t, out, "dossier D-3002", "lang from the configuration found above the audited path")
	require.Contains(t, out, "il en faut au moins 3")
	require.NotContains(t, out, "supervision-consulted")
	code, out, _ = runCLI("check", "--lang", "en", "--fail-on", "never", filepath.Join(tree, "d-3002"))
	require.Equal(t, 0, code)
	require.Contains(t, out, "case D-3002", "--lang overrides the configuration")

	code, out, _ = runCLI("config", tree)
	require.Equal(t, 0, code)
	require.Contains(t, out, "min_contacts: 3  # from ")
	require.Contains(t, out, "min_attempts: 2  # default")

	require.NoError(t, os.WriteFile(filepath.Join(tree, ".noteaudit.yaml"), []byte("lang: fr\nmin_contact: 3\n"), 0o644))
	code, _, stderr := runCLI("check", tree)
	require.Equal(t, 2, code)
	require.Contains(t, stderr, ".noteaudit.yaml:2: unknown key \"min_contact\"")
}

func TestRulesExplainTemplate(t *testing.T) {
	code, out, _ := runCLI("rules", "--lang", "en")
	require.Equal(t, 0, code)
	require.Contains(t, out, "outreach-attempts")
	require.Contains(t, out, "Scenario 2, Q4")
	code, out, _ = runCLI("rules", "--format", "json")
	require.Equal(t, 0, code)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	require.Len(t, rows, 11)

	code, out, _ = runCLI("explain", "--lang", "fr", "contact-support")
	require.Equal(t, 0, code)
	require.Contains(t, out, "Ce qu'elle vérifie")
	require.Contains(t, out, "auto-?ref")
	code, _, stderr := runCLI("explain", "nope")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "unknown check")

	code, out, _ = runCLI("template", "--lang", "fr", "--ground", "client-withdrew", "--court-ordered")
	require.Equal(t, 0, code)
	require.Contains(t, out, "ground: retrait-du-client")
	require.Contains(t, out, "## Ordonnance et avis juridique")
	code, _, _ = runCLI("template", "--ground", "relocation")
	require.Equal(t, 2, code)
}

// sweep and watch (stopped by Ctrl-C) leave the notes tree exactly as it was.
func TestSweepAndWatchNeverWriteTheTree(t *testing.T) {
	tree := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "sample-notes"), tree)
	before := treeHash(t, tree)
	outDir := t.TempDir()
	for _, f := range []string{"qa.html", "qa.md", "qa.csv", "qa.sarif", "qa.json"} {
		code, _, stderr := runCLI("sweep", tree, "--out", filepath.Join(outDir, f), "--redact")
		require.Equal(t, 1, code, stderr)
		st, err := os.Stat(filepath.Join(outDir, f))
		require.NoError(t, err)
		require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	}
	code, _, _ := runCLI("sweep", tree)
	require.Equal(t, 2, code, "sweep needs --out")

	if !canInterrupt {
		return // watch is stopped with Ctrl-C, which a test cannot send here
	}
	out := filepath.Join(outDir, "live.json")
	done := make(chan int, 1)
	var stdout bytes.Buffer
	go func() { done <- run([]string{"watch", tree, "--out", out}, &stdout, &bytes.Buffer{}) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(out); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	_, err := os.Stat(out)
	require.NoError(t, err, "watch writes its report at start")
	require.NoError(t, interruptSelf())
	select {
	case code := <-done:
		require.Equal(t, 0, code, "Ctrl-C is a clean stop")
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not stop on SIGINT")
	}
	require.Equal(t, before, treeHash(t, tree))
}

// Help exists in both languages: every description and flag has French.
func TestHelpInFrench(t *testing.T) {
	root := newRoot(&bytes.Buffer{}, &bytes.Buffer{})
	root.InitDefaultHelpCmd()
	root.InitDefaultHelpFlag()
	var missing []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if _, ok := helpFR[c.Short]; !ok && c.Name() != "help" && c.Name() != "completion" {
			missing = append(missing, c.Short)
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if _, ok := helpFR[f.Usage]; !ok && f.Name != "help" {
				missing = append(missing, f.Usage)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	require.Empty(t, missing)
	code, out, _ := runCLI("check", "--help", "--lang", "fr")
	require.Equal(t, 0, code)
	require.Contains(t, out, "Vérifie les notes")
	require.Contains(t, out, "Options :")
}

// The progress bar follows a total that grows while the walk finds notes.
func TestProgressBarFollowsAGrowingTotal(t *testing.T) {
	var out bytes.Buffer
	show := progressBar(&out)
	show(1, 5)
	time.Sleep(150 * time.Millisecond) // past the bar's redraw throttle
	show(6, 40)
	require.Contains(t, out.String(), "/40,", "the bar shows the new total")
	require.NotContains(t, out.String(), "(6/5,")
}
