package watch

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/internal/gen"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/noteaudit/noteaudit/scan"
)

// BenchmarkOneNoteChange: a tree of 10,000 generated notes; one note is
// rewritten, then the index re-reads it and re-audits its case (the work
// after a batch is flushed), then the --out JSON report is rebuilt and
// written. Medians are reported as metrics.
func BenchmarkOneNoteChange(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Generate(dir, 10000, 3); err != nil {
		b.Fatal(err)
	}
	ix := NewIndex(dir, scan.Options{}, audit.DefaultConfig())
	ix.Load()
	_, files, _ := scan.List([]string{dir}, scan.Options{})
	out := filepath.Join(b.TempDir(), "report.json")
	var reaudit, report []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := files[(i*7919)%len(files)]
		src, _ := os.ReadFile(f.Abs)
		src = append(src, []byte(fmt.Sprintf("\nEdit %d: discussed with my supervisor.\n", i))...)
		if err := os.WriteFile(f.Abs, src, 0o644); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		ix.Update([]string{f.Abs})
		t1 := time.Now()
		var buf bytes.Buffer
		_ = reports.JSON{}.Write(&buf, ix.Report("bench", false, ""))
		_ = reports.WriteFileAtomic(out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
		t2 := time.Now()
		reaudit = append(reaudit, t1.Sub(t0))
		report = append(report, t2.Sub(t1))
	}
	b.ReportMetric(float64(median(reaudit).Microseconds())/1000, "reaudit-ms")
	total := make([]time.Duration, len(reaudit))
	for i := range total {
		total[i] = reaudit[i] + report[i]
	}
	b.ReportMetric(float64(median(total).Microseconds())/1000, "to-out-ms")
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
