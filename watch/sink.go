package watch

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/noteaudit/noteaudit/reports"
)

// TextSink prints, per touched case, the new and resolved gaps and the
// case's status, and keeps an --out report current.
type TextSink struct {
	W       io.Writer
	Lang    string
	Color   bool
	Index   *Index
	Out     string         // report file, "" for none
	Writer  reports.Writer // its format
	Version string
	Redact  bool
	Salt    string
	// Wrote is called after each rewrite of Out (tests and benchmarks).
	Wrote func()

	mu   sync.Mutex
	last [32]byte
}

func (s *TextSink) text() reports.Text { return reports.Text{Color: s.Color} }

func (s *TextSink) label(key string, args ...any) string { return reports.L(s.Lang, key, args...) }

// Started prints the first full audit and what is watched.
func (s *TextSink) Started(notes, folders int, unwatched []string, limitHit bool) {
	rep := s.Index.Report(s.Version, s.Redact, s.Salt)
	_ = s.text().Write(s.W, rep)
	fmt.Fprintln(s.W, s.label("watching", notes, folders))
	if limitHit {
		fmt.Fprintln(s.W, s.label("watch-limit"))
	}
	for _, d := range unwatched {
		fmt.Fprintf(s.W, "  %s %s\n", s.label("not-watched"), d)
	}
	s.writeOut(rep)
}

// Changed prints what a batch changed and rewrites the report.
func (s *TextSink) Changed(changes []CaseChange, elapsed time.Duration) {
	t := s.text()
	now := time.Now().Format("15:04:05")
	for _, ch := range changes {
		if ch.Gone {
			fmt.Fprintf(s.W, "%s %s\n", now, s.label("case-gone", ch.Case))
			continue
		}
		if len(ch.New) == 0 && len(ch.Resolved) == 0 && len(ch.Events) == 0 {
			continue
		}
		fmt.Fprintf(s.W, "%s %s\n", now, s.label("case-change", ch.Case, len(ch.New), len(ch.Resolved)))
		for _, g := range ch.New {
			fmt.Fprintf(s.W, "  + %s\n", t.GapLine(g.File, g.Line, g.Check))
		}
		for _, g := range ch.Resolved {
			fmt.Fprintf(s.W, "  - %s (%s)\n", t.GapLine(g.File, g.Line, g.Check), s.label("resolved"))
		}
		for _, e := range ch.Events {
			fmt.Fprintf(s.W, "  %s\n", t.StatusLine(s.Lang, e))
		}
		if len(ch.Events) == 0 {
			fmt.Fprintf(s.W, "  %s\n", s.label("no-events"))
		}
	}
	s.writeOut(s.Index.Report(s.Version, s.Redact, s.Salt))
}

// writeOut rewrites the report atomically, only when its content changed.
func (s *TextSink) writeOut(rep *reports.Report) {
	if s.Out == "" {
		return
	}
	var buf bytes.Buffer
	if err := s.Writer.Write(&buf, rep); err != nil {
		fmt.Fprintln(s.W, "noteaudit:", err)
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	s.mu.Lock()
	defer s.mu.Unlock()
	if sum == s.last {
		return
	}
	if err := reports.WriteFileAtomic(s.Out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
		fmt.Fprintln(s.W, "noteaudit:", err)
		return
	}
	s.last = sum
	if s.Wrote != nil {
		s.Wrote()
	}
}
