package audit_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/stretchr/testify/require"
)

func writeConfig(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, audit.ConfigFileName)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

func TestConfigKeys(t *testing.T) {
	dir := t.TempDir()
	st, err := audit.LoadSettings(writeConfig(t, dir, `lang: fr
severity:
  supervision-consulted: off
  notice-given: error
min_contacts: 3
min_attempts: 3
min_channels: 3
window:
  before_days: 60
  after_days: 10
vocabulary:
  en:
    support: ['\bbridged\b']
ignore: ["archive/**", "*.draft.md"]
extensions: [md, ".note"]
max_size: 2MB
salt: pepper
`))
	require.NoError(t, err)
	c := st.Config
	require.Equal(t, "fr", c.Lang)
	require.Equal(t, audit.Off, c.SeverityOf(audit.CheckByID("supervision-consulted")))
	require.Equal(t, audit.Error, c.SeverityOf(audit.CheckByID("notice-given")))
	require.Equal(t, audit.Error, c.SeverityOf(audit.CheckByID("contacts-given")), "others keep their default")
	require.Equal(t, []int{3, 3, 3, 60, 10}, []int{c.MinContacts, c.MinAttempts, c.MinChannels, c.WindowBefore, c.WindowAfter})
	require.True(t, c.Vocab.Has("support", "she was bridged to the clinic"))
	require.False(t, audit.DefaultVocab.Has("support", "she was bridged to the clinic"))
	require.Equal(t, []string{".md", ".note"}, st.Extensions)
	require.Equal(t, int64(2<<20), st.MaxSize)
	require.Equal(t, "pepper", st.Salt)
	ignore := st.IgnoreFunc()
	for rel, want := range map[string]bool{"archive/2019/a.md": true, "team/x.draft.md": true, "team/x.md": false, "archived.md": false} {
		require.Equal(t, want, ignore(rel), rel)
	}
	require.Contains(t, st.YAML(), "min_contacts: 3  # from "+st.File)
	require.Contains(t, st.YAML(), "  supervision-consulted: off")
}

func TestConfigErrorsNameFileLineAndAcceptedValues(t *testing.T) {
	for _, row := range []struct {
		text, want string
		line       int
	}{
		{"lang: fr\nmin_contact: 3\n", `unknown key "min_contact" (accepted: lang, severity,`, 2},
		{"lang: de\n", "accepted values are en, fr", 1},
		{"severity:\n  outreach-attempts: loud\n", "accepted: error, warning, info, off", 2},
		{"severity:\n  outreach: error\n", `"outreach" is no check`, 2},
		{"min_contacts: two\n", "a whole number from 1 to 20", 1},
		{"min_channels: 0\n", "a whole number from 1 to 20", 1},
		{"window:\n  before: 10\n", "accepted: before_days, after_days", 2},
		{"window:\n  before_days: -1\n", "from 0 to 3650", 2},
		{"vocabulary:\n  fr:\n    suport: [x]\n", `unknown concept "suport"`, 3},
		{"vocabulary:\n  en:\n    support: ['(']\n", "missing closing )", 3},
		{"ignore: archive\n", "must be a list", 1},
		{"max_size: huge\n", "a positive size", 1},
		{"lang: fr\nlang: en\n", "given twice", 2},
		{"lang: [fr\n", "did not find expected", 1},
	} {
		p := writeConfig(t, t.TempDir(), row.text)
		_, err := audit.LoadSettings(p)
		require.Error(t, err, row.text)
		var ce *audit.ConfigError
		require.ErrorAs(t, err, &ce, row.text)
		require.Equal(t, p, ce.File)
		require.Equal(t, row.line, ce.Line, row.text)
		require.Contains(t, err.Error(), row.want, row.text)
	}
}

// The file is found from the audited path upwards, not from the working directory.
func TestFindConfigFromAuditedPath(t *testing.T) {
	root := t.TempDir()
	p := writeConfig(t, root, "lang: fr\n")
	deep := filepath.Join(root, "team", "client")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(deep, "n.md"), []byte("x"), 0o644))
	require.Equal(t, p, audit.FindConfig(deep))
	require.Equal(t, p, audit.FindConfig(filepath.Join(deep, "n.md")))
	other := t.TempDir()
	t.Chdir(root)
	require.Equal(t, "", audit.FindConfig(other))
}

// min_contacts: 3 changes the verdicts it should and no other.
func TestMinContactsChangesOnlyContacts(t *testing.T) {
	base := auditTree(t, filepath.Join("..", "sample-notes"))
	st, err := audit.LoadSettings(writeConfig(t, t.TempDir(), "min_contacts: 3\n"))
	require.NoError(t, err)
	sc := scanTree(t, filepath.Join("..", "sample-notes"))
	raised := audit.Run(sc, st.Config)
	require.Equal(t, len(base.Events), len(raised.Events))
	changed := 0
	for i := range base.Events {
		for j, c := range base.Events[i].Checks {
			r := raised.Events[i].Checks[j]
			if c.Status != r.Status {
				require.Equal(t, "contacts-given", c.ID)
				require.Equal(t, audit.Met, c.Status)
				require.Equal(t, audit.Gap, r.Status)
				changed++
			}
		}
	}
	require.Greater(t, changed, 5)
}

// What `noteaudit config` prints can be saved as a configuration file.
func TestConfigYAMLRoundTrip(t *testing.T) {
	dir := t.TempDir()
	st, err := audit.LoadSettings(writeConfig(t, dir, "lang: fr\nmin_contacts: 3\nvocabulary:\n  en:\n    support: ['\\bbridged\\b']\nignore: [\"archive/**\"]\n"))
	require.NoError(t, err)
	again, err := audit.LoadSettings(writeConfig(t, t.TempDir(), st.YAML()))
	require.NoError(t, err)
	require.Equal(t, st.Config.MinContacts, again.Config.MinContacts)
	require.Equal(t, st.Config.Lang, again.Config.Lang)
	require.Equal(t, st.Ignore, again.Ignore)
	require.Equal(t, st.Vocabulary, again.Vocabulary)
	require.Equal(t, st.MaxSize, again.MaxSize)
	for _, c := range audit.Checks() {
		require.Equal(t, st.Config.SeverityOf(c), again.Config.SeverityOf(c))
	}
}
