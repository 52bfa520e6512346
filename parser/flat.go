package parser

import (
	"bytes"
	"fmt"
	"time"
	"unicode/utf8"
)

// The front matter nearly every note has is flat: one line per key, a plain
// value on each. Decoding it with yaml.v3's node tree, BurntSushi/toml, or
// yaml.v3 again for JSON, costs as much per note as a whole goldmark parse
// of the note, so these fast paths read it directly. Each recognises only a
// strict subset whose meaning is plain and returns ok=false for anything
// else, which then goes to the library; where it says ok, its result is the
// library's (FuzzFlatYAML, FuzzFlatTOML and FuzzFlatJSON prove it on any
// input).

// decodeFlatYAML reads `key: plain value` lines: no quotes, comments,
// indentation, flow or block indicators, anchors, tags, tabs or odd
// characters.
func decodeFlatYAML(raw *rawFrontMatter) (root *fnode, problems []Problem, ok bool) {
	data := raw.data
	if len(data) > 64<<10 {
		return nil, nil, false
	}
	for i := 0; len(data) > 0; i++ {
		line := data
		if k := bytes.IndexByte(data, '\n'); k >= 0 {
			line, data = data[:k], data[k+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if len(bytes.TrimLeft(line, " ")) == 0 {
			continue
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 || (colon+1 < len(line) && line[colon+1] != ' ') {
			return nil, nil, false
		}
		key, val := line[:colon], bytes.Trim(line[colon+1:], " ")
		// yaml.v3 refuses a key over 1,024 characters.
		if len(key) > 512 || !plainText(key) || key[len(key)-1] == ' ' || bytes.HasPrefix(key, []byte("...")) {
			return nil, nil, false
		}
		if len(val) > 0 && (!plainText(val) || bytes.IndexByte(val, ':') >= 0) {
			return nil, nil, false
		}
		fileLine := raw.dataLine + i
		if root == nil {
			root = newMapNode(fileLine, bytes.Count(data, []byte{'\n'})+1)
		}
		v := string(val)
		switch v {
		case "~", "null", "Null", "NULL":
			v = ""
		}
		problems = root.set(key, v, fileLine, problems)
	}
	return root, problems, true
}

// newMapNode is a map node for about size keys.
func newMapNode(line, size int) *fnode {
	size = min(size, 64)
	return &fnode{kind: 'm', line: line, m: make(map[string]*fnode, size), keys: make([]string, 0, size)}
}

// knownKeys are the keys front matter has most often, normalised: reading
// one makes no string.
var knownKeys = func() map[string]string {
	m := map[string]string{}
	for k := range metaAliases {
		m[k] = normKey(k)
	}
	return m
}()

// set adds key's scalar value to a map node; a key given twice is a problem,
// as the YAML path reports it.
func (n *fnode) set(key []byte, val string, line int, problems []Problem) []Problem {
	k, known := knownKeys[string(key)]
	if !known {
		k = normKey(string(key))
	}
	if prev, dup := n.m[k]; dup {
		problems = append(problems, Problem{Line: line, Message: fmt.Sprintf("front matter key %q is given twice (first at line %d); the last value is used", key, prev.line)})
	} else {
		n.keys = append(n.keys, k)
	}
	n.m[k] = &fnode{kind: 's', val: val, line: line}
	return problems
}

// decodeFlatTOML reads `key = "text"` and `key = 2025-01-31` lines: bare
// keys, basic strings without escapes, local dates.
func decodeFlatTOML(raw *rawFrontMatter) (root *fnode, ok bool) {
	data := raw.data
	if len(data) > 64<<10 {
		return nil, false
	}
	root = newMapNode(raw.dataLine, bytes.Count(data, []byte{'\n'})+1)
	for i := 0; len(data) > 0; i++ {
		line := data
		if k := bytes.IndexByte(data, '\n'); k >= 0 {
			line, data = bytes.TrimSuffix(data[:k], []byte{'\r'}), data[k+1:]
		} else {
			data = nil // a lone '\r' is an error to TOML
		}
		line = bytes.TrimRight(line, " ")
		if len(line) == 0 {
			continue
		}
		k := 0
		for k < len(line) && isBareKeyByte(line[k]) {
			k++
		}
		key := line[:k]
		rest := bytes.TrimLeft(line[k:], " ")
		if k == 0 || len(rest) == 0 || rest[0] != '=' {
			return nil, false
		}
		val := bytes.TrimLeft(rest[1:], " ")
		switch {
		case len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' && quotable(val[1:len(val)-1]):
			val = val[1 : len(val)-1]
		case !localDate(val):
			return nil, false
		}
		if _, dup := root.m[normKey(string(key))]; dup {
			return nil, false // an error to TOML
		}
		root.set(key, string(val), raw.dataLine+i, nil)
	}
	return root, true
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// localDate reports whether s is a valid YYYY-MM-DD date.
func localDate(s []byte) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	_, err := time.Parse("2006-01-02", string(s))
	return err == nil
}

// decodeFlatJSON reads an object whose values are all strings without
// escapes (or null), each key on one line with its value.
func decodeFlatJSON(raw *rawFrontMatter) (root *fnode, problems []Problem, ok bool) {
	data, line := raw.data, raw.dataLine
	if len(data) > 64<<10 {
		return nil, nil, false
	}
	i := 0
	space := func(newlines bool) {
		for ; i < len(data); i++ {
			switch {
			case data[i] == ' ':
			case newlines && data[i] == '\n':
				line++
			case newlines && data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
			default:
				return
			}
		}
	}
	str := func() ([]byte, bool) {
		if i >= len(data) || data[i] != '"' {
			return nil, false
		}
		end := bytes.IndexByte(data[i+1:], '"')
		if end < 0 || end > 512 || !quotable(data[i+1:i+1+end]) {
			return nil, false
		}
		s := data[i+1 : i+1+end]
		i += end + 2
		return s, true
	}
	space(true)
	if i >= len(data) || data[i] != '{' {
		return nil, nil, false
	}
	root = &fnode{kind: 'm', line: line, m: map[string]*fnode{}}
	i++
	space(true)
	if i < len(data) && data[i] == '}' {
		i++
	} else {
		for {
			space(true)
			keyLine := line
			key, ok := str()
			if !ok {
				return nil, nil, false
			}
			space(false)
			if i >= len(data) || data[i] != ':' {
				return nil, nil, false
			}
			i++
			space(false)
			var val string
			if bytes.HasPrefix(data[i:], []byte("null")) {
				i += 4
			} else if v, ok := str(); ok {
				val = string(v)
			} else {
				return nil, nil, false
			}
			problems = root.set(key, val, keyLine, problems)
			space(true)
			if i < len(data) && data[i] == ',' {
				i++
				continue
			}
			if i < len(data) && data[i] == '}' {
				i++
				break
			}
			return nil, nil, false
		}
	}
	space(true)
	if i != len(data) {
		return nil, nil, false
	}
	return root, problems, true
}

// plainText reports whether s reads the same as a YAML plain scalar on one
// line: it starts with no indicator, holds no comment (" #"), and only
// characters YAML prints as they are.
func plainText(s []byte) bool {
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	return !bytes.Contains(s, []byte(" #")) && quotable(s)
}

// quotable reports whether s holds only characters YAML, TOML and JSON all
// read as themselves, with no quote or escape.
func quotable(s []byte) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && n == 1,
			r < 0xa0, // C1 controls and NEL (a line break to YAML)
			r == 0x2028, r == 0x2029, r == 0xfeff,
			r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff:
			return false
		}
		i += n
	}
	return true
}
