package scan

import (
	"bytes"
	"os"
	"testing"

	"github.com/adrg/frontmatter"
	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/internal/gen"
	"github.com/noteaudit/noteaudit/parser"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// BenchmarkPaths audits a generated share of 2,000 notes end to end.
func BenchmarkPaths(b *testing.B) { benchPaths(b, false) }

// BenchmarkPathsShortcut is the same with the shortcut.
func BenchmarkPathsShortcut(b *testing.B) { benchPaths(b, true) }

func benchPaths(b *testing.B, shortcut bool) {
	dir := b.TempDir()
	st, err := gen.Generate(dir, 2000, 7)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := Paths([]string{dir}, Options{Shortcut: shortcut})
		audit.Run(res.Facts, audit.DefaultConfig())
	}
}

// The per-note costs, on one core, that bound a sweep against the floor
// (go test ./scan -bench PerNote): what the floor pays for every note, and
// what the sweep pays for every note before any check.

func perNoteFiles(b *testing.B) ([]File, Options) {
	dir := b.TempDir()
	if _, err := gen.Generate(dir, 2000, 7); err != nil {
		b.Fatal(err)
	}
	o := withDefaults(Options{Workers: 1})
	_, files, _ := List([]string{dir}, o)
	b.ResetTimer()
	return files, o
}

// BenchmarkPerNoteFloor: read, front matter (adrg into a map), goldmark.
func BenchmarkPerNoteFloor(b *testing.B) {
	files, _ := perNoteFiles(b)
	md := goldmark.New()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			src, _ := os.ReadFile(f.Abs)
			var fm map[string]any
			rest, err := frontmatter.Parse(bytes.NewReader(src), &fm)
			if err != nil {
				rest = src
			}
			md.Parser().Parse(text.NewReader(rest))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/note")
}

// BenchmarkPerNoteFrontMatter: the sweep's read and front matter (values
// with their lines), before any look at the body.
func BenchmarkPerNoteFrontMatter(b *testing.B) {
	files, o := perNoteFiles(b)
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			src, _ := load(f, o)
			n, _ := parser.ParseMeta(f.Rel, src)
			audit.ExtractMeta(n, f.Rel, o.Vocab)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/note")
}

// BenchmarkPerNoteTriage: the same plus MayTerminate, the look every note
// gets.
func BenchmarkPerNoteTriage(b *testing.B) {
	files, o := perNoteFiles(b)
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			src, _ := load(f, o)
			n, body := parser.ParseMeta(f.Rel, src)
			o.Vocab.MayTerminate(audit.ExtractMeta(n, f.Rel, o.Vocab), body)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/note")
}
