package scan

import (
	"runtime"
	"testing"
)

func TestZZAlloc(t *testing.T) {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	res := Paths([]string{"/tmp/zzcorpus"}, Options{Shortcut: true})
	runtime.ReadMemStats(&b)
	t.Logf("facts %d alloc %d MB (%d B/note) mallocs %d/note gcs %d", len(res.Facts), (b.TotalAlloc-a.TotalAlloc)>>20, (b.TotalAlloc-a.TotalAlloc)/uint64(len(res.Facts)), (b.Mallocs-a.Mallocs)/uint64(len(res.Facts)), b.NumGC-a.NumGC)
}
