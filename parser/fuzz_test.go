package parser

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
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
	for _, s := range []string{"---\nclient: C\n---\n", "+++\nclient = \"C\"\n[termination]\nground = 1\n+++\n", "{\"termination\": {\"contacts\": [1, {\"phone\": 2}]}}\n", "---\naudit: {waive: [a, b]}\n---\n", "---\na: &a [*a, *a]\nb: *a\n---\n",
		"---\na: b\n ---\u00a0\nc: d\n---\n", "+++\na = 1\n+++  \n", "---\r\na: b\r\n---\r\nbody", "---\na: b\n----\n", "---\na: b", "---\n---"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := newLineIndex(src)
		for _, off := range []int{-1, 0, len(src) / 2, len(src), len(src) + 1} {
			if lineAt(src, off) != lines.Line(off) {
				t.Fatalf("lineAt(%d) = %d, the index says %d", off, lineAt(src, off), lines.Line(off))
			}
		}
		if lineCount(src) != lines.Count(len(src)) {
			t.Fatalf("lineCount = %d, the index says %d", lineCount(src), lines.Count(len(src)))
		}
		raw, off, _ := splitFrontMatter(src)
		if off < 0 || off > len(src) {
			t.Fatalf("body offset %d outside 0..%d", off, len(src))
		}
		if raw != nil {
			root, _ := decode(raw)
			buildMeta(root, raw.format, raw.openLine)
		}
		if raw != nil && raw.format != "json" || raw == nil && off > 0 {
			// Stopped early, adrg must agree with adrg run to the end.
			data, bodyOff, closed := adrgToTheEnd(src)
			if closed != (raw != nil) || closed && (!bytes.Equal(data, raw.data) || bodyOff != off) {
				t.Fatalf("split (%v, %d) differs from adrg's (%q, %d, closed %v)", raw, off, data, bodyOff, closed)
			}
		}
	})
}

// adrgToTheEnd is the front matter and body offset adrg/frontmatter gives
// when it reads the whole file.
func adrgToTheEnd(src []byte) (data []byte, bodyOff int, closed bool) {
	_, first := firstNonBlankLine(src)
	end := "---"
	if first == "+++" || first == ";;;" {
		end = first
	}
	rest, err := frontmatter.Parse(bytes.NewReader(src), nil, frontmatter.NewFormat(first, end, func(d []byte, _ any) error {
		data, closed = append([]byte{}, d...), true
		return nil
	}))
	if err != nil {
		return nil, 0, false
	}
	return data, len(src) - len(rest), closed
}

// FuzzFlatYAML, FuzzFlatTOML and FuzzFlatJSON: wherever a flat fast path
// takes front matter, it gives exactly what the library gives.
func FuzzFlatYAML(f *testing.F) {
	fuzzFlat(f, "yaml", 2, decodeFlatYAML, decodeYAML,
		"client: C-1\ndate: 2025-09-04\npractitioner: Grace Tremblay, RSW\ntype: progress\n",
		"client: C\nclient: D\n", "a:\nb: ~\nc: null\nd: NULL \n", "a b: c\r\n\r\n  \nx: y", "a: b:c\n", "a: b #c\n",
		"praticienne : Émilie\n", "a: \u2028\n", "a: \xc2\x85\n", "- a\n", "a:\n- b\n", "a:\n  b: c\n", "~: x\n", "...: x\n",
		"a: 'q'\n", "a: b\tc\n", "é: à\n", "")
}

func FuzzFlatTOML(f *testing.F) {
	fast := func(raw *rawFrontMatter) (*fnode, []Problem, bool) {
		root, ok := decodeFlatTOML(raw)
		return root, nil, ok
	}
	fuzzFlat(f, "toml", 2, fast, decodeTOML,
		"client = \"C-000385\"\ndate = 2025-04-20\npractitioner = \"Grace Tremblay, RSW\"\ntype = \"progress\"\n",
		"a=\"\"\r\n\nb = 2025-02-30\n", "a = \"x\"\na = \"y\"\n", "A-b_1 = \"é\"\n", "a = \"x\" # c\n", "a = 'x'\n",
		"[t]\na = \"x\"\n", "a = 0000-01-01\n", "a = \"\\u00e9\"\n", "")
}

func FuzzFlatJSON(f *testing.F) {
	fuzzFlat(f, "json", 1, decodeFlatJSON, decodeYAML,
		"{\n  \"client\": \"C-000385\",\n  \"date\": \"2025-06-15\",\n  \"practitioner\": \"Grace Tremblay, RSW\",\n  \"type\": \"progress\"\n}",
		"{}", " {\r\n\"a\":null}", "{\"a\": \"x\", \"a\": \"y\"}", "{\"a\"\n: \"x\"}", "{\"a\": 1}", "{\"a\": \"x\",}",
		"{\"\": \"\"}", "{\"a\": \"# b: c\"}", "{\"a\":\"x\"}\n", "{\"a\": \"x\\\"\"}", "{\t\"a\": \"x\"}")
}

// fuzzFlat checks a fast path against the library on any front matter of
// one format.
func fuzzFlat(f *testing.F, format string, dataLine int, fast func(*rawFrontMatter) (*fnode, []Problem, bool), library func(*rawFrontMatter) (*fnode, []Problem), seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		raw := &rawFrontMatter{format: format, data: data, openLine: 1, dataLine: dataLine}
		if got, problems, ok := fast(raw); ok {
			want, wantProblems := library(raw)
			sameAsLibrary(t, data, got, problems, want, wantProblems)
		}
	})
}

func sameAsLibrary(t *testing.T, data []byte, fast *fnode, fastProblems []Problem, slow *fnode, slowProblems []Problem) {
	t.Helper()
	if dumpNode(fast) != dumpNode(slow) || !reflect.DeepEqual(fastProblems, slowProblems) {
		t.Fatalf("fast path differs from the library on %q:\nfast    %s %v\nlibrary %s %v", data, dumpNode(fast), fastProblems, dumpNode(slow), slowProblems)
	}
}

// dumpNode writes a node with its lines, map keys sorted (TOML's decoder
// gives them in map order).
func dumpNode(n *fnode) string {
	if n == nil {
		return "nil"
	}
	switch n.kind {
	case 'm':
		keys := slices.Sorted(maps.Keys(n.m))
		if len(keys) != len(n.keys) {
			return "map with keys out of step"
		}
		s := fmt.Sprintf("map@%d{", n.line)
		for _, k := range keys {
			s += fmt.Sprintf("%q: %s, ", k, dumpNode(n.m[k]))
		}
		return s + "}"
	case 'l':
		s := fmt.Sprintf("list@%d[", n.line)
		for _, c := range n.list {
			s += dumpNode(c) + ", "
		}
		return s + "]"
	}
	return fmt.Sprintf("%q@%d", n.val, n.line)
}
