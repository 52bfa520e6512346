package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"sync"
)

// JSON writes the report as SPEC §5's schema, indented. Events are encoded
// one at a time, so a sweep of a large share never holds the whole
// document in memory twice.
type JSON struct{}

func (JSON) Write(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	enc := func(v any, prefix string) ([]byte, error) {
		var buf bytes.Buffer
		e := json.NewEncoder(&buf)
		e.SetIndent(prefix, "  ")
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	// The document without its events, then the events spliced in.
	head := *r
	head.Events = []Event{}
	b, err := enc(&head, "")
	if err != nil {
		return err
	}
	marker := []byte(`"events": []`)
	i := bytes.Index(b, marker)
	w.Write(b[:i])
	if len(r.Events) == 0 {
		w.Write(marker)
	} else {
		w.WriteString(`"events": [`)
		// Events are encoded a chunk at a time, the chunk's on every core.
		const chunk = 256
		encoded := make([][]byte, chunk)
		errs := make([]error, chunk)
		for start := 0; start < len(r.Events); start += chunk {
			part := r.Events[start:min(start+chunk, len(r.Events))]
			var wg sync.WaitGroup
			workers := runtime.NumCPU()
			for g := 0; g < workers; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := g; k < len(part); k += workers {
						encoded[k], errs[k] = enc(part[k], "    ")
					}
				}()
			}
			wg.Wait()
			for k := range part {
				if errs[k] != nil {
					return errs[k]
				}
				if start+k > 0 {
					w.WriteString(",")
				}
				w.WriteString("\n    ")
				w.Write(encoded[k])
			}
		}
		w.WriteString("\n  ]")
	}
	w.Write(b[i+len(marker):])
	w.WriteString("\n")
	return w.Flush()
}
