package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
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
		for k, e := range r.Events {
			eb, err := enc(e, "    ")
			if err != nil {
				return err
			}
			if k > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n    ")
			w.Write(eb)
		}
		w.WriteString("\n  ]")
	}
	w.Write(b[i+len(marker):])
	w.WriteString("\n")
	return w.Flush()
}
