package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: any bytes parse without panic, every line is inside the file,
// and parsing twice gives the same note.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{"", "---", "---\n", "+++\n+++\n", "{", "{\n}", ">\t#", "- a\n  - b\n    > c", "# \xef\xbb\xbf", "---\na: &a [*a]\n---\n", "\r\r\n\n", "AAAA!. A"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		n := Parse("fuzz.md", src)
		limit := max(n.Lines, 1)
		for _, s := range n.Sentences {
			if s.Line < 1 || s.Line > limit {
				t.Fatalf("sentence %q at line %d of %d", s.Text, s.Line, n.Lines)
			}
		}
		for _, b := range n.Blocks {
			if b.Line < 1 || b.Line > limit {
				t.Fatalf("block at line %d of %d", b.Line, n.Lines)
			}
		}
		for _, p := range n.Problems {
			if strings.Contains(p.Message, "internal error") {
				t.Fatalf("recovered panic: %s", p.Message)
			}
			if p.Line < 0 || p.Line > limit {
				t.Fatalf("problem at line %d of %d: %s", p.Line, n.Lines, p.Message)
			}
		}
		again := Parse("fuzz.md", src)
		if len(again.Sentences) != len(n.Sentences) || len(again.Problems) != len(n.Problems) {
			t.Fatal("parsing is not stable")
		}
	})
}

// FuzzFrontMatter drives the front-matter split and decoders alone.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{"---\nclient: C\n---\n", "+++\nclient = \"C\"\n[termination]\nground = 1\n+++\n", "{\"termination\": {\"contacts\": [1, {\"phone\": 2}]}}\n", "---\naudit: {waive: [a, b]}\n---\n", "---\na: &a [*a, *a]\nb: *a\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := newLineIndex(src)
		raw, off, _ := splitFrontMatter(src, lines)
		if off < 0 || off > len(src) {
			t.Fatalf("body offset %d outside 0..%d", off, len(src))
		}
		if raw != nil {
			root, _ := decode(raw)
			buildMeta(root, raw.format, raw.openLine)
		}
	})
}
