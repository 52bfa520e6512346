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
	// The document without its events, then the events spliced in.
	head := *r
	head.Events = []Event{}
	b, err := newEncoder().encode(nil, &head, "")
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
		// Events are encoded a chunk at a time, the chunk's on every core;
		// each core's encoder, and each slot of the chunk, is reused from
		// one chunk to the next.
		const chunk = 256
		encoded := make([][]byte, chunk)
		errs := make([]error, chunk)
		encoders := make([]*encoder, runtime.NumCPU())
		for g := range encoders {
			encoders[g] = newEncoder()
		}
		for start := 0; start < len(r.Events); start += chunk {
			part := r.Events[start:min(start+chunk, len(r.Events))]
			var wg sync.WaitGroup
			for g, e := range encoders {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := g; k < len(part); k += len(encoders) {
						encoded[k], errs[k] = e.encode(encoded[k][:0], part[k], "    ")
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

// encoder encodes values as the report's JSON, indented, reusing its
// buffer from one value to the next.
type encoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newEncoder() *encoder {
	e := &encoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// encode appends v, indented after prefix, to dst.
func (e *encoder) encode(dst []byte, v any, prefix string) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return indent(dst, bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")), prefix, "  "), nil
}

// indent is json.Indent for the compact, valid JSON that encoding/json
// writes: the same bytes, without running each one through a validating
// scanner again (that scan was most of the time of writing a large report).
// FuzzIndent holds it to json.Indent.
func indent(dst, src []byte, prefix, indent string) []byte {
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	depth, open := 0, false // open: a '{' or '[' whose first member is not yet written
	body := bytes.TrimRight(src, " \t\n\r")
	trailing := src[len(body):] // json.Indent keeps it
	src = body
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue // json.Indent drops spacing outside strings
		}
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline(depth)
		}
		switch c {
		case '"':
			// Copy the string whole: up to the first quote after it that
			// an odd run of backslashes does not escape.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src) - 1
					break
				}
				j += k
				slashes := 0
				for src[j-1-slashes] == '\\' {
					slashes++
				}
				if slashes%2 == 0 {
					break
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false // an empty object or array stays {} or []
			} else {
				depth--
				newline(depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, trailing...)
}
