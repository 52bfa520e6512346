package audit_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/stretchr/testify/require"
)

// specOrder is SPEC §3's table order, which every report follows.
var specOrder = []string{"termination-ground", "alternatives-considered", "contacts-given", "contact-support",
	"outreach-attempts", "legal-advice", "record-details", "notice-given", "risk-documented", "transfer-consent",
	"supervision-consulted"}

func TestRegistryOrderIsSpecOrder(t *testing.T) {
	var got []string
	for _, c := range audit.Checks() {
		got = append(got, c.ID)
		require.NotEmpty(t, c.Source, c.ID)
		require.NotNil(t, c.Applies, c.ID)
		require.NotNil(t, c.Run, c.ID)
	}
	require.Equal(t, specOrder, got)
}

// When SPEC.md is beside the project (as in CI), read its check tables.
func TestRegistryMatchesSpecFile(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "SPEC.md"))
	if err != nil {
		t.Skip("no ../shared/SPEC.md")
	}
	var ids []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(string(raw), -1) {
		if audit.CheckByID(m[1]) != nil || len(m[1]) > 12 {
			ids = append(ids, m[1])
		}
	}
	var want []string
	for _, id := range ids {
		if id != "client-request" && id != "client-withdrew" && id != "alternatives-arranged" && id != "opportunity-given" && id != "risk-of-harm" && id != "no-longer-needed" {
			want = append(want, id)
		}
	}
	require.Equal(t, want, specOrder)
}

func TestSeverities(t *testing.T) {
	for _, c := range audit.Checks() {
		want := audit.Warning
		switch {
		case c.Core:
			want = audit.Error
		case c.ID == "supervision-consulted":
			want = audit.Info
		}
		require.Equal(t, want, c.Severity, c.ID)
	}
}

func TestMessagesInBothLanguages(t *testing.T) {
	for _, k := range audit.MessageKeys() {
		for _, lang := range audit.Langs {
			require.True(t, audit.HasMessage(k, lang), "message %q has no %s text", k, lang)
		}
	}
}

func TestEveryCheckIsExplainedInBothLanguages(t *testing.T) {
	for _, c := range audit.Checks() {
		ex := audit.Explain(c.ID)
		for _, lang := range audit.Langs {
			for name, m := range map[string]map[string]string{"title": ex.Title, "what": ex.What, "na": ex.NA, "met": ex.Met, "gap": ex.Gap} {
				require.NotEmpty(t, m[lang], "%s: %s in %s", c.ID, name, lang)
			}
		}
		for _, concept := range ex.Concepts {
			require.NotEmpty(t, audit.DefaultVocab.Patterns(concept, "en"), "%s: concept %s", c.ID, concept)
		}
	}
}
