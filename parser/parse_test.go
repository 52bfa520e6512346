package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func parseFile(t *testing.T, name string) *Note {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return Parse(name, src)
}

func sentenceAt(n *Note, text string) int {
	for _, s := range n.Sentences {
		if s.Text == text {
			return s.Line
		}
	}
	return -1
}

func TestFrontMatterFormatsAndAliases(t *testing.T) {
	for _, row := range []struct {
		file, format, client, date, practitioner string
		clientLine, dateLine                     int
	}{
		{"bom-crlf-yaml.md", "yaml", "C-1", "2026-03-14", "Sophie Lévesque, TS", 2, 3},
		{"toml.md", "toml", "C-2", "2026-02-12", "Leah Brandt, RSW", 2, 3},
		{"json.md", "json", "C-3", "2026-04-20", "Ravi Mehta, RSW", 2, 3},
	} {
		t.Run(row.file, func(t *testing.T) {
			n := parseFile(t, row.file)
			require.Empty(t, n.Problems)
			require.Equal(t, row.format, n.Meta.Format)
			require.Equal(t, Value{row.client, row.clientLine}, n.Meta.Client)
			require.Equal(t, Value{row.date, row.dateLine}, n.Meta.Date)
			require.Equal(t, row.practitioner, n.Meta.Practitioner.Text)
		})
	}
}

func TestBOMAndCRLFKeepLines(t *testing.T) {
	n := parseFile(t, "bom-crlf-yaml.md")
	require.Equal(t, "cessation", n.Meta.Type.Text)
	require.Equal(t, Heading, n.Blocks[0].Kind, "the BOM must not turn the heading into a paragraph")
	require.Equal(t, "Cessation des services", n.Blocks[0].Text)
	require.Equal(t, 8, n.Blocks[0].Line)
	require.Equal(t, 10, sentenceAt(n, "La cliente a demandé la fin."))
	require.Equal(t, 10, sentenceAt(n, "Elle part à Orléans."))
	require.Equal(t, 12, sentenceAt(n, "Centre Rive-Est — 613-555-0124"))
	require.Equal(t, Item, n.Blocks[n.Sentences[len(n.Sentences)-1].Block].Kind)
}

func TestTerminationBlock(t *testing.T) {
	n := parseFile(t, "toml.md")
	tb := n.Meta.Termination
	require.NotNil(t, tb)
	require.Equal(t, "client-withdrew", tb.Ground.Text)
	require.Equal(t, 7, tb.Ground.Line)
	require.NotNil(t, tb.CourtOrdered)
	require.True(t, *tb.CourtOrdered)
	require.Equal(t, 13, sentenceAt(n, "Second one, Dr. Smith agreed."), "no split after the abbreviation Dr.")

	j := parseFile(t, "json.md")
	require.Equal(t, "alternatives-arranged", j.Meta.Termination.Ground.Text)
	require.Equal(t, []Contact{{Name: "Westfield", Phone: "519-555-0132", Line: 5}}, j.Meta.Termination.Contacts)
	require.Equal(t, 7, j.Blocks[0].Line)
	require.Equal(t, []Link{{URL: "intake@west.example.org", Label: "intake@west.example.org", Line: 9}, {URL: "https://west.example.org", Line: 9}}, j.Links)
	require.Equal(t, 9, sentenceAt(j, "Mail intake@west.example.org or see the site."))
}

func TestBrokenFrontMatterKeepsBody(t *testing.T) {
	n := parseFile(t, "broken-yaml.md")
	require.Len(t, n.Problems, 1)
	require.Equal(t, 3, n.Problems[0].Line, "YAML error lines are file lines (the unclosed quote opens on line 3)")
	require.Contains(t, n.Problems[0].Message, "YAML")
	require.Equal(t, 7, sentenceAt(n, "Letter mailed to the client's home address."))

	u := parseFile(t, "unclosed.md")
	require.Len(t, u.Problems, 1)
	require.Equal(t, 1, u.Problems[0].Line)
	require.Contains(t, u.Problems[0].Message, "never closed")
	require.Equal(t, Paragraph, u.Blocks[0].Kind, "the unclosed front matter is read as body text")
	require.Equal(t, 2, u.Blocks[0].Line)
	require.Equal(t, Heading, u.Blocks[1].Kind)
	require.Equal(t, 5, u.Blocks[1].Line)
	for _, b := range u.Blocks {
		if b.Kind == Heading {
			require.NotContains(t, b.Text, "client: C-5", "unclosed front matter must not become a heading")
		}
	}
}

func TestWaiversDuplicatesBadValuesTables(t *testing.T) {
	n := parseFile(t, "waivers-dup.md")
	require.Equal(t, []Waiver{{"outreach-attempts", "", 5}, {"contacts-given", "declined", 5}}, n.Meta.Waivers)
	require.Equal(t, "C-6b", n.Meta.Client.Text, "the last duplicate wins")
	var msgs []string
	for _, p := range n.Problems {
		msgs = append(msgs, p.Message)
	}
	require.Len(t, n.Problems, 2, "%v", msgs)
	require.Equal(t, 3, n.Problems[0].Line)
	require.Contains(t, n.Problems[0].Message, "given twice")
	require.Equal(t, 7, n.Problems[1].Line)
	require.Contains(t, n.Problems[1].Message, "maybe")
	require.Equal(t, "retrait-du-client", n.Meta.Termination.Ground.Text)

	require.Equal(t, Heading, n.Blocks[0].Kind, "=== underline makes a heading")
	require.Equal(t, "Text", n.Blocks[0].Text)
	require.Equal(t, 13, sentenceAt(n, "Motif : il s'est retiré."))
	require.Equal(t, 14, sentenceAt(n, "Soutien : aidé à appeler."), "a bold label line starts a sentence")
	require.Equal(t, 18, sentenceAt(n, "2026-02-01 | phone"))
}

func TestOddInputs(t *testing.T) {
	for _, row := range []struct {
		name     string
		src      string
		problems int
		lines    int
	}{
		{"empty", "", 1, 0},
		{"blank", " \n\n", 1, 0},
		{"front matter only", "---\nclient: X\n---\n", 0, 3},
		{"binary", "abc\x00def", 1, 0},
		{"windows-1252", "---\nclient: C\n---\nCaf\xe9 cr\xe8me.\n", 1, 4},
		{"lone CR", "# Title\rSecond line\r", 0, 2},
		{"tab heading pos past end", ">\t#", 0, 1},
		{"one-line json", "{\"client\": \"C\"}\nBody", 0, 2},
		{"bad json", "{ not json\nBody\n", 1, 2},
		{"setext dashes", "Some text\n---\nMore\n", 0, 3},
	} {
		t.Run(row.name, func(t *testing.T) {
			n := Parse(row.name, []byte(row.src))
			require.Len(t, n.Problems, row.problems, "%v", n.Problems)
			require.Equal(t, row.lines, n.Lines)
			for _, s := range n.Sentences {
				require.GreaterOrEqual(t, s.Line, 1)
				require.LessOrEqual(t, s.Line, max(n.Lines, 1))
			}
		})
	}
	n := Parse("cp1252", []byte("Caf\xe9 cr\xe8me.\n"))
	require.Equal(t, "Café crème.", n.Sentences[0].Text, "Windows-1252 is decoded, not garbled")
	h := Parse("dash", []byte("Some text\n---\nMore\n"))
	for _, b := range h.Blocks {
		require.NotEqual(t, Heading, b.Kind, "--- under text is a rule, not a heading")
	}
}

func TestPseudoHeadings(t *testing.T) {
	n := Parse("p.md", []byte("**Reason for closure**\n\nText here.\n\nCONTACTS GIVEN\n\nA **bold** word.\n\nOK\n"))
	var kinds []string
	for _, b := range n.Blocks {
		kinds = append(kinds, b.Kind.String()+":"+b.Text)
	}
	require.Equal(t, []string{"heading:Reason for closure", "paragraph:Text here.", "heading:CONTACTS GIVEN", "paragraph:A bold word.", "paragraph:OK"}, kinds)
	require.Equal(t, 0, n.Blocks[1].Section)
}

func TestSentenceSplitting(t *testing.T) {
	for _, row := range []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"Seen by J. Mercer today. Next.", []string{"Seen by J. Mercer today.", "Next."}},
		{"O. Reg. 384/00 s. 2.8 v applies. Services end.", []string{"O. Reg. 384/00 s. 2.8 v applies.", "Services end."}},
		{"Call 613-555-0101. « Oui », dit-elle.", []string{"Call 613-555-0101.", "« Oui », dit-elle."}},
		{"no capital. after", []string{"no capital. after"}},
		{"Done!. Next one.", []string{"Done!.", "Next one."}}, // once crashed: the second mark was read as a new end
	} {
		var got []string
		for _, s := range splitSentences(row.in) {
			got = append(got, s.text)
		}
		require.Equal(t, row.want, got, row.in)
	}
}
