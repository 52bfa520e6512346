package audit_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/internal/gen"
	"github.com/noteaudit/noteaudit/parser"
	"github.com/stretchr/testify/require"
)

// checkTriage holds the two claims a sweep's shortcut rests on, for one
// note: a note MayTerminate rules out is no termination note, and a dated
// note MayMatter rules out gives from its body no fact beyond its front
// matter's (and, undated, its date).
func checkTriage(t *testing.T, path string, src []byte) {
	meta, body := parser.ParseMeta(path, src)
	lite := audit.ExtractMeta(meta, path, audit.DefaultVocab)
	mayTerminate := audit.DefaultVocab.Look(lite, body).MayTerminate()
	mayMatter := audit.DefaultVocab.Look(lite, body).MayMatter()
	full := audit.Extract(parser.Parse(path, src), path, audit.DefaultVocab)
	if !mayTerminate && full.Termination {
		t.Fatalf("%s: MayTerminate said no to a termination note (%v)", path, full.TerminationWhy)
	}
	if !mayMatter {
		// An undated note still takes its date from its body.
		again := audit.ExtractMeta(meta, path, audit.DefaultVocab)
		if !again.Dated {
			again.ReadDate(parser.Parse(path, src), audit.DefaultVocab)
		}
		require.Equal(t, again, full, "%s: MayMatter said no to a body with facts", path)
	}
}

// Both claims hold on every note we have: the sample notes, the
// hand-written corpus, the devset and a generated share.
func TestTriageClaims(t *testing.T) {
	generated := t.TempDir()
	_, err := gen.Generate(generated, 1500, 5)
	require.NoError(t, err)
	notes, skipped := 0, 0
	for _, root := range []string{"testdata/corpus", "../sample-notes", "../../shared/devset/corpus", generated} {
		_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			src, err := os.ReadFile(p)
			require.NoError(t, err)
			checkTriage(t, p, src)
			notes++
			meta, body := parser.ParseMeta(p, src)
			if !audit.DefaultVocab.Look(audit.ExtractMeta(meta, p, audit.DefaultVocab), body).MayMatter() {
				skipped++
			}
			return nil
		})
	}
	require.Greater(t, notes, 1700)
	require.Greater(t, skipped, notes/4, "MayMatter should rule out the plain progress notes")
}

// FuzzTriage: the claims hold for any body.
func FuzzTriage(f *testing.F) {
	for _, s := range []string{
		"Session 3 with the client about sleep. We reviewed the week. Sessions continue every two weeks.\n",
		"## Attempts\n\n- Phoned 03-01, no answer\n",
		"# Fin\n\nMotif : **perte** de contact.\n\n**Alternatives** : groupe.\n",
		"Closing session: held.\n\n2. Alternatives: a group\n\nReason:\nclient request\n",
		"Told her on 2026-01-02 that services end on 2026-04-01.\n\n> 12\n> Main Street\n",
		"Contact: CMHA 416-555-0101; help@x.org\n\nclos**ing** the file today\n",
		"## 2Closing summary\n\nClient withdrew.\n",
		" # 0Client withdrew",                              // a ground stated in a heading, read without its number
		"Notes.\n\nDone. 2Alternatives: a weekly group.\n", // a label at a sentence's start, likewise
		"## 1Alternatives\n\nA weekly group.\n",
		"I am [clos](x\ny)ing the file today.\n",
		"Closing session\\held\n",      // the parse keeps a backslash: "session\held" holds "held"
		"Closing session\\\nheld\n",    // a hard line break reads as a space
		"# Closing\\\nsession: held\n", // a heading keeps its backslash
		// A phone number needs a run of three digits, which the parse may
		// make of digits the body keeps apart.
		"Call 4**1**6-5**5**5-0101.\n", "Phone &#52;16-&#53;55-0101\n", "41[6](x)-55[5](y)-0101\n", "41<b>6</b>-55<b>5</b>-0101\n",
		"4\\16-5\\55-0101\n", "`41`6-`55`5-0101\n", "Date: 2025-03-17\n\nSession 5 on 2025-03-17.\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkTriage(t, "c/note.md", append([]byte("---\nclient: C\ndate: 2026-03-01\n---\n"), body...))
		checkTriage(t, "c/note.md", body) // undated: its body dates it
	})
}
