package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Sink receives what the watcher finds.
type Sink interface {
	Started(notes, folders int, unwatched []string, limitHit bool)
	Changed(changes []CaseChange, elapsed time.Duration)
}

// Options tune Run.
type Options struct {
	Poll    time.Duration // rescan modification times at this interval instead of events (network shares)
	Batcher *Batcher      // default NewBatcher()
}

// IsTemp reports editors' temporary, backup and lock files, which are
// never notes: vim swap files and `4913`, backups `~`, Emacs `.#x` and
// `#x#`, GNOME `.goutputstream-*`, JetBrains `*___jb_*`, office locks.
func IsTemp(name string) bool {
	switch {
	case name == "4913", strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"), strings.HasSuffix(name, ".tmp"), strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), strings.HasPrefix(name, ".goutputstream-"),
		strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#"),
		strings.Contains(name, "___jb_"), strings.HasPrefix(name, ".sb-"):
		return true
	}
	return false
}

// Run audits the index's tree, then keeps it current until ctx is done.
// It returns nil on a clean stop; every goroutine it started has ended.
func Run(ctx context.Context, ix *Index, o Options, sink Sink) error {
	b := o.Batcher
	if b == nil {
		b = NewBatcher()
	}
	ix.Load()
	if o.Poll > 0 {
		sink.Started(ix.Notes(), countDirs(ix.Root), nil, false)
		return poll(ctx, ix, o.Poll, sink)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	dirs, unwatched, limit := addTree(w, ix.Root)
	sink.Started(ix.Notes(), dirs, unwatched, limit)

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	rearm := func() {
		if due, ok := b.Due(); ok {
			timer.Reset(max(0, time.Until(due)))
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(ev, ix) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
					_, more, _ := addTree(w, ev.Name)
					unwatched = append(unwatched, more...)
				}
			}
			b.Add(ev.Name, time.Now())
			rearm()
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				b.Overflow(time.Now())
				rearm()
			}
		case <-timer.C:
			batch, ok := b.Flush(time.Now())
			if !ok {
				rearm()
				continue
			}
			start := time.Now()
			var changes []CaseChange
			if batch.Full {
				changes = ix.Load()
			} else {
				changes = ix.Update(batch.Paths)
			}
			sink.Changed(changes, time.Since(start))
			rearm()
		}
	}
}

// relevant drops editors' temp files, non-notes and Chmod-only events.
func relevant(ev fsnotify.Event, ix *Index) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := filepath.Base(ev.Name)
	if IsTemp(name) {
		return false
	}
	if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
		return !strings.HasPrefix(name, ".")
	}
	// A removed or renamed path may have been a folder: keep it, Update
	// drops whatever the index had under it.
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		return true
	}
	return ix.acceptsName(name)
}

func (ix *Index) acceptsName(name string) bool {
	return !strings.HasPrefix(name, ".") && isNoteName(name, ix)
}

func isNoteName(name string, ix *Index) bool {
	exts := ix.Scan.Extensions
	if len(exts) == 0 {
		exts = []string{".md", ".markdown", ".txt"}
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// addWatch is w.Add; tests replace it to reach the system's watch limit.
var addWatch = func(w *fsnotify.Watcher, p string) error { return w.Add(p) }

// addTree watches root and every folder below it (fsnotify is not
// recursive). When the system's watch limit is reached it keeps what was
// added and returns the folders left unwatched.
func addTree(w *fsnotify.Watcher, root string) (added int, unwatched []string, limit bool) {
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if err := addWatch(w, p); err != nil {
			if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
				limit = true
			}
			unwatched = append(unwatched, p)
			return nil
		}
		added++
		return nil
	})
	return added, unwatched, limit
}

func countDirs(root string) int {
	n := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			n++
		}
		return nil
	})
	return n
}

// poll rescans sizes and modification times: for network shares, which
// send no file-system events.
func poll(ctx context.Context, ix *Index, every time.Duration, sink Sink) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			start := time.Now()
			changes := ix.Rescan()
			if len(changes) > 0 {
				sink.Changed(changes, time.Since(start))
			}
		}
	}
}

// Rescan compares the tree with the index and updates what changed.
func (ix *Index) Rescan() []CaseChange {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	_, files, _ := scanList(ix)
	seen := map[string]bool{}
	var changed []string
	for _, f := range files {
		seen[f] = true
		if ix.refresh(f) {
			changed = append(changed, f)
		}
	}
	for n := range ix.notes {
		if !seen[n] {
			delete(ix.notes, n)
			changed = append(changed, n)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return ix.reaudit(changed, false)
}
