package audit_test

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/stretchr/testify/require"
)

func TestWaivers(t *testing.T) {
	base := "Client withdrew.\n"
	for _, row := range []struct {
		name, waive string
		want        audit.Status
		line        int // of the waiver: lines 1-5 are front matter, 6 is `audit:`
	}{
		{"reason gives waived", "  waive:\n    contacts-given: \"Declined referrals; recorded 2026-02-01.\"", audit.Waived, 8},
		{"empty reason is a gap", "  waive:\n    contacts-given: \"\"", audit.Gap, 8},
		{"flow style, empty", "  waive: {contacts-given: \"\"}", audit.Gap, 7},
	} {
		t.Run(row.name, func(t *testing.T) {
			notes := map[string]string{"n.md": fm("2026-03-01", "termination", "audit:", row.waive) + base}
			r := runCheck(t, notes, "contacts-given", nil)
			require.Equal(t, row.want, r.Status, r.Message)
			require.Len(t, r.Evidence, 1, "the waiver's place is the evidence")
			require.Equal(t, row.line, r.Evidence[0].Line)
		})
	}
}

func TestUnknownWaiverIsReported(t *testing.T) {
	notes := map[string]string{"n.md": fm("2026-03-01", "termination", "audit:", "  waive:", "    contact-given: typo") + "Client withdrew.\n"}
	dir := t.TempDir()
	writeNotes(t, dir, notes)
	res := auditTree(t, dir)
	require.Len(t, res.Errors, 1)
	require.Equal(t, "n.md", res.Errors[0].File)
	require.Equal(t, 8, res.Errors[0].Line)
	require.Contains(t, res.Errors[0].Message, "contact-given")
}
