package parser

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// rawFrontMatter is the front matter as found in the file, before decoding.
type rawFrontMatter struct {
	format   string
	data     []byte // what lies between the delimiters (JSON: with its braces)
	openLine int    // line of the opening delimiter
	dataLine int    // file line of data's first line
}

// openers are the first lines that start front matter, and their format.
var openers = map[string]string{
	"---": "yaml", "---yaml": "yaml", "+++": "toml", "---toml": "toml", ";;;": "json", "---json": "json",
}

// readers are handed to adrg/frontmatter, which reads through a 4 KB
// bufio.Reader and takes one it is given as is: a sweep would otherwise
// allocate one per note.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4096) }}

// errCaptured stops adrg/frontmatter once it has found the front matter.
var errCaptured = errors.New("front matter captured")

// splitFrontMatter finds the front matter of src and where the body starts.
// adrg/frontmatter finds the delimiters; its unmarshal step only measures the
// bytes between them, so a decode error never costs us the body. JSON in braces is found
// with a JSON decoder instead, because adrg's `{`/`}` format stops at the
// first line holding only `}`, which may close a nested object.
func splitFrontMatter(src []byte) (raw *rawFrontMatter, bodyOff int, problems []Problem) {
	firstOff, first := firstNonBlankLine(src)
	if first == "" {
		return nil, 0, nil
	}
	openLine := lineAt(src, firstOff)
	if strings.HasPrefix(first, "{") {
		return splitJSON(src, firstOff, openLine)
	}
	format, known := openers[first]
	if !known {
		return nil, 0, nil
	}
	// The unmarshal step only measures what lies between the delimiters,
	// then stops adrg before it copies the rest of the file (the body is
	// src itself).
	dataOff := lineEnd(src, firstOff)
	dataLen := -1
	capture := func(data []byte, _ any) error {
		dataLen = len(data)
		return errCaptured
	}
	end := "---"
	if first == "+++" || first == ";;;" {
		end = first
	}
	var err error
	if firstOff == 0 && (first == "---" || first == "+++") {
		// Nearly every note: read here as adrg reads it, without a copy of
		// each line (FuzzFrontMatter holds the two to the same split).
		if dataLen = closingLine(src, dataOff, end); dataLen >= 0 {
			err = errCaptured
		}
	} else {
		br := readers.Get().(*bufio.Reader)
		br.Reset(bytes.NewReader(src))
		_, err = frontmatter.Parse(br, nil, frontmatter.NewFormat(first, end, capture))
		br.Reset(nil)
		readers.Put(br)
	}
	if err != errCaptured || dataLen < 0 {
		// Never closed: report it, and audit what follows the opening line so
		// that nothing of the note is lost.
		return nil, dataOff, []Problem{{Line: openLine, Message: fmt.Sprintf("front matter opened with %q at line %d is never closed; read as body text", first, openLine)}}
	}
	captured := src[dataOff : dataOff+dataLen]
	bodyOff = lineEnd(src, dataOff+dataLen) // after the closing line
	return &rawFrontMatter{format: format, data: captured, openLine: openLine, dataLine: openLine + 1}, bodyOff, nil
}

// closingLine is the length of the front matter that starts at dataOff, up
// to the first line that is end once trimmed as adrg/frontmatter trims it;
// -1 if no line closes it.
func closingLine(src []byte, dataOff int, end string) int {
	for off := dataOff; off < len(src); {
		next := lineEnd(src, off)
		if string(bytes.TrimSpace(src[off:next])) == end {
			return off - dataOff
		}
		off = next
	}
	return -1
}

func splitJSON(src []byte, firstOff, openLine int) (*rawFrontMatter, int, []Problem) {
	dec := json.NewDecoder(bytes.NewReader(src[firstOff:]))
	var msg json.RawMessage
	if err := dec.Decode(&msg); err != nil {
		line := openLine
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = lineAt(src, firstOff+int(se.Offset))
		}
		// Not front matter we can read: a body that starts with "{" is rare,
		// so say so and audit the whole file as body.
		return nil, 0, []Problem{{Line: line, Message: "JSON front matter at line " + strconv.Itoa(openLine) + " could not be read: " + err.Error()}}
	}
	end := firstOff + int(dec.InputOffset())
	return &rawFrontMatter{format: "json", data: src[firstOff:end], openLine: openLine, dataLine: openLine}, lineEnd(src, end-1), nil
}

// firstNonBlankLine returns the offset and trimmed text of the first line with text.
func firstNonBlankLine(src []byte) (int, string) {
	off := 0
	for off < len(src) {
		end := lineEnd(src, off)
		if t := strings.TrimSpace(string(src[off:end])); t != "" {
			return off, t
		}
		off = end
	}
	return 0, ""
}

// lineEnd returns the offset just past the '\n' ending the line holding off.
func lineEnd(src []byte, off int) int {
	if off < 0 {
		off = 0
	}
	if i := bytes.IndexByte(src[min(off, len(src)):], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

// fnode is a decoded front-matter value of any format, with its file line.
type fnode struct {
	kind byte // 's' scalar, 'm' map, 'l' list
	val  string
	line int
	keys []string // map keys in order, normalised
	m    map[string]*fnode
	list []*fnode
}

const maxNodes = 10000 // front matter larger than this is not a note's

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

// decode turns raw front matter into an fnode tree; problems carry file lines.
func decode(raw *rawFrontMatter) (*fnode, []Problem) {
	switch raw.format {
	case "toml":
		if root, ok := decodeFlatTOML(raw); ok {
			return root, nil
		}
		return decodeTOML(raw)
	case "yaml":
		if root, problems, ok := decodeFlatYAML(raw); ok {
			return root, problems
		}
	case "json":
		if root, problems, ok := decodeFlatJSON(raw); ok {
			return root, problems
		}
	}
	return decodeYAML(raw)
}

// decodeYAML decodes YAML (or JSON, which is YAML) front matter with yaml.v3.
func decodeYAML(raw *rawFrontMatter) (*fnode, []Problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw.data, &doc); err != nil {
		if raw.format == "json" {
			return decodeJSONFallback(raw)
		}
		return nil, []Problem{{Line: yamlErrLine(err, raw.dataLine), Message: "front matter (YAML) could not be read: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	b := &yamlBuilder{offset: raw.dataLine - 1}
	n := b.build(doc.Content[0], 0)
	return n, b.problems
}

func yamlErrLine(err error, dataLine int) int {
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			return dataLine + n - 1
		}
	}
	return dataLine
}

type yamlBuilder struct {
	offset   int
	count    int
	problems []Problem
}

func (b *yamlBuilder) build(n *yaml.Node, depth int) *fnode {
	b.count++
	if n == nil || depth > 20 || b.count > maxNodes {
		if b.count == maxNodes+1 {
			b.problems = append(b.problems, Problem{Line: b.offset + 1, Message: "front matter is too large or too deeply nested (YAML aliases?); the rest of it is ignored"})
		}
		return &fnode{kind: 's', line: b.offset + 1}
	}
	line := b.offset + n.Line
	switch n.Kind {
	case yaml.AliasNode:
		return b.build(n.Alias, depth+1)
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return b.build(n.Content[0], depth+1)
		}
		return &fnode{kind: 's', line: line}
	case yaml.MappingNode:
		out := &fnode{kind: 'm', line: line, m: map[string]*fnode{}}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := normKey(k.Value)
			if prev, dup := out.m[key]; dup {
				b.problems = append(b.problems, Problem{Line: b.offset + k.Line, Message: fmt.Sprintf("front matter key %q is given twice (first at line %d); the last value is used", k.Value, prev.line)})
			} else {
				out.keys = append(out.keys, key)
			}
			child := b.build(v, depth+1)
			if v.Kind == yaml.ScalarNode || v.Kind == yaml.AliasNode {
				child.line = b.offset + k.Line
			}
			out.m[key] = child
		}
		return out
	case yaml.SequenceNode:
		out := &fnode{kind: 'l', line: line}
		for _, c := range n.Content {
			out.list = append(out.list, b.build(c, depth+1))
		}
		return out
	}
	val := n.Value
	if n.Tag == "!!null" {
		val = ""
	}
	return &fnode{kind: 's', val: val, line: line}
}

func decodeTOML(raw *rawFrontMatter) (*fnode, []Problem) {
	var m map[string]any
	if _, err := toml.Decode(string(raw.data), &m); err != nil {
		line := raw.dataLine
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = raw.dataLine + pe.Position.Line - 1
		}
		return nil, []Problem{{Line: line, Message: "front matter (TOML) could not be read: " + firstLine(err.Error())}}
	}
	keyLines := tomlKeyLines(raw.data, raw.dataLine)
	return fromAny(m, raw.dataLine, keyLines, "", 0), nil
}

// tomlKeyLines finds the line of each `key =` and `[table]` in TOML text,
// keyed by dotted path. BurntSushi/toml keeps no positions for values.
func tomlKeyLines(data []byte, dataLine int) map[string]int {
	out := map[string]int{}
	table := ""
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "[["):
			table = normKey(strings.Trim(t, "[] \r"))
			if _, ok := out[table]; !ok {
				out[table] = dataLine + i
			}
		case strings.HasPrefix(t, "["):
			table = normKey(strings.Trim(t, "[] \r"))
			out[table] = dataLine + i
		default:
			if k, _, ok := strings.Cut(t, "="); ok {
				path := normKey(strings.Trim(strings.TrimSpace(k), `"'`))
				if table != "" {
					path = table + "." + path
				}
				if _, seen := out[path]; !seen {
					out[path] = dataLine + i
				}
			}
		}
	}
	return out
}

func decodeJSONFallback(raw *rawFrontMatter) (*fnode, []Problem) {
	var m any
	if err := json.Unmarshal(raw.data, &m); err != nil {
		return nil, []Problem{{Line: raw.openLine, Message: "front matter (JSON) could not be read: " + err.Error()}}
	}
	return fromAny(m, raw.openLine, nil, "", 0), nil
}

// fromAny converts decoded TOML/JSON values; lines come from keyLines when known.
func fromAny(v any, line int, keyLines map[string]int, path string, depth int) *fnode {
	if l, ok := keyLines[path]; ok {
		line = l
	}
	if depth > 20 {
		return &fnode{kind: 's', line: line}
	}
	switch x := v.(type) {
	case map[string]any:
		out := &fnode{kind: 'm', line: line, m: map[string]*fnode{}}
		for k, c := range x {
			key := normKey(k)
			p := key
			if path != "" {
				p = path + "." + key
			}
			out.keys = append(out.keys, key)
			out.m[key] = fromAny(c, line, keyLines, p, depth+1)
		}
		return out
	case []map[string]any:
		out := &fnode{kind: 'l', line: line}
		for _, c := range x {
			out.list = append(out.list, fromAny(c, line, nil, "", depth+1))
		}
		return out
	case []any:
		out := &fnode{kind: 'l', line: line}
		for _, c := range x {
			out.list = append(out.list, fromAny(c, line, nil, "", depth+1))
		}
		return out
	case nil:
		return &fnode{kind: 's', line: line}
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return &fnode{kind: 's', val: x.Format("2006-01-02"), line: line}
		}
		return &fnode{kind: 's', val: x.Format(time.RFC3339), line: line}
	case float64:
		return &fnode{kind: 's', val: strconv.FormatFloat(x, 'f', -1, 64), line: line}
	default:
		return &fnode{kind: 's', val: fmt.Sprint(x), line: line}
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// normKey folds a key to its canonical spelling: lower case, no accents,
// '_' for spaces and hyphens.
func normKey(k string) string {
	if isNormal(k) {
		return k
	}
	k = strings.ToLower(strings.TrimSpace(k))
	var b strings.Builder
	for _, r := range k {
		switch r {
		case ' ', '-':
			b.WriteByte('_')
		default:
			WriteFolded(&b, r)
		}
	}
	return b.String()
}

// isNormal: k is already its canonical spelling (the usual case).
func isNormal(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// WriteFolded writes r without its accent (é → e), for matching French
// text written with or without accents.
func WriteFolded(b *strings.Builder, r rune) {
	if f, ok := foldRune(r); ok {
		b.WriteString(f)
	} else {
		b.WriteRune(r)
	}
}

// foldRune returns r's unaccented spelling, if it has one.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'â', 'ä', 'á':
		return "a", true
	case 'À', 'Â', 'Ä', 'Á':
		return "A", true
	case 'é', 'è', 'ê', 'ë':
		return "e", true
	case 'É', 'È', 'Ê', 'Ë':
		return "E", true
	case 'î', 'ï', 'í':
		return "i", true
	case 'Î', 'Ï', 'Í':
		return "I", true
	case 'ô', 'ö', 'ó':
		return "o", true
	case 'Ô', 'Ö', 'Ó':
		return "O", true
	case 'ù', 'û', 'ü', 'ú':
		return "u", true
	case 'Ù', 'Û', 'Ü', 'Ú':
		return "U", true
	case 'ç':
		return "c", true
	case 'Ç':
		return "C", true
	case 'œ':
		return "oe", true
	case 'Œ':
		return "OE", true
	case '’', 'ʼ', '‘':
		return "'", true
	case '\u00a0', '\u202f':
		return " ", true
	}
	return "", false
}
