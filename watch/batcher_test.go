package watch

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestBatcherDebounceCapAndLimit(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }

	b := NewBatcher()
	_, ok := b.Flush(at(0))
	require.False(t, ok, "nothing pending")
	b.Add("a.md", at(0))
	b.Add("b.md", at(100))
	b.Add("a.md", at(200))
	_, ok = b.Flush(at(449))
	require.False(t, ok, "quiet period restarts at each event")
	batch, ok := b.Flush(at(450))
	require.True(t, ok)
	require.Equal(t, Batch{Paths: []string{"a.md", "b.md"}}, batch)
	_, ok = b.Flush(at(2000))
	require.False(t, ok, "a flushed batch is not flushed again")

	// Continuous writes still flush every 2 s.
	for ms := 3000; ms <= 5200; ms += 100 {
		b.Add("busy.md", at(ms))
		if ms < 5000 {
			_, ok := b.Flush(at(ms))
			require.False(t, ok, "at %d ms", ms)
		}
	}
	batch, ok = b.Flush(at(5000))
	require.True(t, ok, "cap of 2 s after the first event")
	require.Equal(t, []string{"busy.md"}, batch.Paths)

	// A burst over the limit, or an overflow, is a full re-audit.
	b2 := NewBatcher()
	for i := 0; i <= 50; i++ {
		b2.Add(fmt.Sprintf("n%02d.md", i), at(10000))
	}
	batch, ok = b2.Flush(at(10250))
	require.True(t, ok)
	require.True(t, batch.Full)
	b2.Overflow(at(20000))
	due, ok := b2.Due()
	require.True(t, ok)
	require.Equal(t, at(20250), due)
	batch, _ = b2.Flush(at(20250))
	require.True(t, batch.Full)
	require.Empty(t, batch.Paths)
}
