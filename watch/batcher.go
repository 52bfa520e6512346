package watch

import (
	"sort"
	"time"
)

// Batch is a set of changed paths, or a request to re-audit everything.
type Batch struct {
	Paths []string
	Full  bool
}

// Batcher gathers paths into a batch that is due Quiet after the last
// event, but at most Max after the first while events keep coming; more
// than Limit paths, or an overflow, make it a full re-audit. It is a pure
// unit: the caller passes the time, so tests use a fake clock.
type Batcher struct {
	Quiet, Max time.Duration
	Limit      int

	pending     map[string]bool
	full        bool
	first, last time.Time
}

// NewBatcher uses the defaults: 250 ms quiet, 2 s cap, 50 paths.
func NewBatcher() *Batcher {
	return &Batcher{Quiet: 250 * time.Millisecond, Max: 2 * time.Second, Limit: 50}
}

func (b *Batcher) touch(now time.Time) {
	if b.pending == nil {
		b.pending = map[string]bool{}
	}
	if len(b.pending) == 0 && !b.full {
		b.first = now
	}
	b.last = now
}

// Add records a changed path.
func (b *Batcher) Add(path string, now time.Time) {
	b.touch(now)
	b.pending[path] = true
	if len(b.pending) > b.Limit {
		b.full = true
	}
}

// Overflow records that events were lost: the next batch is a full re-audit.
func (b *Batcher) Overflow(now time.Time) {
	b.touch(now)
	b.full = true
}

// Due returns when the pending batch should be flushed; ok is false when
// nothing is pending.
func (b *Batcher) Due() (time.Time, bool) {
	if len(b.pending) == 0 && !b.full {
		return time.Time{}, false
	}
	due := b.last.Add(b.Quiet)
	if cap := b.first.Add(b.Max); cap.Before(due) {
		due = cap
	}
	return due, true
}

// Flush returns the batch if it is due at now, and starts a new one.
func (b *Batcher) Flush(now time.Time) (Batch, bool) {
	due, ok := b.Due()
	if !ok || now.Before(due) {
		return Batch{}, false
	}
	out := Batch{Full: b.full}
	for p := range b.pending {
		out.Paths = append(out.Paths, p)
	}
	sort.Strings(out.Paths)
	b.pending, b.full = map[string]bool{}, false
	return out, true
}
