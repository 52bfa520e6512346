package scan

import (
	"testing"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/internal/gen"
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
