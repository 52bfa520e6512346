package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"strconv"
	"sync"
	"unicode/utf8"
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
		workers := runtime.NumCPU()
		for start := 0; start < len(r.Events); start += chunk {
			part := r.Events[start:min(start+chunk, len(r.Events))]
			var wg sync.WaitGroup
			for g := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := g; k < len(part); k += workers {
						encoded[k] = appendEvent(encoded[k][:0], &part[k])
					}
				}()
			}
			wg.Wait()
			for k := range part {
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

// appendEvent appends e as encoding/json (without HTML escaping) and then
// indent, with the events' prefix, would write it: the report's largest
// part, written without reflection. FuzzAppendEvent holds the two to the
// same bytes.
func appendEvent(dst []byte, e *Event) []byte {
	w := jsonWriter{dst: dst, depth: 2}
	w.open('{')
	w.strs("case", e.Case, "file", e.File)
	w.key("line").int(e.Line)
	w.strs("date", e.Date, "practitioner", e.Practitioner)
	if w.key("ground"); e.Ground == nil {
		w.raw("null")
	} else {
		w.str(*e.Ground)
	}
	w.key("court_ordered").bool(e.CourtOrdered)
	if w.list("notes", e.Notes == nil) {
		for _, n := range e.Notes {
			w.item().str(n)
		}
		w.close(']')
	}
	if w.list("checks", e.Checks == nil) {
		for i := range e.Checks {
			c := &e.Checks[i]
			w.item().open('{')
			w.strs("id", c.ID, "status", c.Status, "severity", c.Severity, "message", c.Message, "source", c.Source)
			if w.list("evidence", c.Evidence == nil) {
				for _, ev := range c.Evidence {
					w.item().open('{')
					w.strs("file", ev.File)
					w.key("line").int(ev.Line)
					w.strs("text", ev.Text)
					w.close('}')
				}
				w.close(']')
			}
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	return w.dst
}

// jsonWriter writes indented JSON as indent lays it out: two spaces a
// level, after the prefix of depth-1 levels (the events' "    ").
type jsonWriter struct {
	dst   []byte
	depth int  // of the members being written
	first bool // no member written yet in the open object or array
}

func (w *jsonWriter) newline() {
	w.dst = append(w.dst, '\n')
	for range w.depth {
		w.dst = append(w.dst, "  "...)
	}
}

// member starts a member of the open object or array.
func (w *jsonWriter) member() {
	if !w.first {
		w.dst = append(w.dst, ',')
	}
	w.first = false
	w.newline()
}

func (w *jsonWriter) open(c byte) {
	w.dst = append(w.dst, c)
	w.depth++
	w.first = true
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	if !w.first { // an empty object or array stays {} or []
		w.newline()
	}
	w.first = false
	w.dst = append(w.dst, c)
}

func (w *jsonWriter) key(k string) *jsonWriter {
	w.member()
	w.dst = append(w.dst, '"')
	w.dst = append(w.dst, k...)
	w.dst = append(w.dst, '"', ':', ' ')
	return w
}

// list writes a list member's key and opens the list; a nil list is
// written null, as encoding/json writes it, and list reports false.
func (w *jsonWriter) list(key string, isNil bool) bool {
	if w.key(key); isNil {
		w.raw("null")
		return false
	}
	w.open('[')
	return true
}

func (w *jsonWriter) item() *jsonWriter {
	w.member()
	return w
}

// strs writes string members, given as key, value, key, value….
func (w *jsonWriter) strs(kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		w.key(kv[i]).str(kv[i+1])
	}
}

func (w *jsonWriter) raw(s string) { w.dst = append(w.dst, s...) }

func (w *jsonWriter) int(n int) { w.dst = strconv.AppendInt(w.dst, int64(n), 10) }

func (w *jsonWriter) bool(b bool) { w.dst = strconv.AppendBool(w.dst, b) }

// str writes s quoted as encoding/json quotes it without HTML escaping:
// `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX,
// invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	dst := append(w.dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	w.dst = append(dst, '"')
}
