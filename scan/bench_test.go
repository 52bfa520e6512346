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
		res.Audit(audit.DefaultConfig())
	}
}

// The per-note costs, on one core, that bound a sweep against the floor
// (go test ./scan -bench PerNote): what the floor pays for every note, and
// what the sweep pays for every note before any check.

// perNote runs each on every note of a generated share of 2,000, and
// reports the time per note.
func perNote(b *testing.B, each func(f File, o Options)) {
	dir := b.TempDir()
	if _, err := gen.Generate(dir, 2000, 7); err != nil {
		b.Fatal(err)
	}
	o := withDefaults(Options{Workers: 1})
	_, files, _ := List([]string{dir}, o)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			each(f, o)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/note")
}

// BenchmarkPerNoteFloor: read, front matter (adrg into a map), goldmark.
func BenchmarkPerNoteFloor(b *testing.B) {
	md := goldmark.New()
	perNote(b, func(f File, _ Options) {
		src, _ := os.ReadFile(f.Abs)
		var fm map[string]any
		rest, err := frontmatter.Parse(bytes.NewReader(src), &fm)
		if err != nil {
			rest = src
		}
		md.Parser().Parse(text.NewReader(rest))
	})
}

// BenchmarkPerNoteFrontMatter: the sweep's read and front matter (values
// with their lines), before any look at the body.
func BenchmarkPerNoteFrontMatter(b *testing.B) {
	perNote(b, func(f File, o Options) {
		src, _ := load(f, o)
		n, _ := parser.ParseMeta(f.Rel, src)
		audit.ExtractMeta(n, f.Rel, o.Vocab)
	})
}

// BenchmarkPerNoteTriage: the same plus MayTerminate, the look every note
// gets.
func BenchmarkPerNoteTriage(b *testing.B) {
	perNote(b, func(f File, o Options) {
		src, _ := load(f, o)
		n, body := parser.ParseMeta(f.Rel, src)
		o.Vocab.Look(audit.ExtractMeta(n, f.Rel, o.Vocab), body).MayTerminate()
	})
}
