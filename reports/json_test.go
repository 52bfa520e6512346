package reports

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

var indentSeeds = []string{
	`{}`, `[]`, `{"a":[],"b":{},"c":[{}]}`, `"x"`, `12`, `null`, `[true,false,null,-1.5e3]`,
	`{"k":"a,b:c{d}[e]"}`, `{"q":"say \"hi\"","s":"a\\","t":"\\\"","u":"\\\\\""}`,
	`{"é":"ü – ✓","n":[1,[2,[3,[]]]]}`, " { \"a\" : [ 1 , 2 ] } ", "[\n\t1,\r\n2]",
}

// indent writes exactly what json.Indent writes, on compact JSON (what
// encoding/json gives it) and on JSON with spacing.
func TestIndent(t *testing.T) {
	for _, s := range indentSeeds {
		sameAsIndent(t, []byte(s))
	}
}

func FuzzIndent(f *testing.F) {
	for _, s := range indentSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if json.Valid(src) {
			sameAsIndent(t, src)
		}
	})
}

func sameAsIndent(t *testing.T, src []byte) {
	t.Helper()
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, src))
	for _, in := range [][]byte{src, compact.Bytes()} {
		for _, prefix := range []string{"", "    "} {
			var want bytes.Buffer
			require.NoError(t, json.Indent(&want, in, prefix, "  "))
			require.Equal(t, want.String(), string(indent(nil, in, prefix, "  ")), "%q", in)
		}
	}
}

// An event is written exactly as encoding/json and indent write it, with
// any strings in it (escapes, control characters, invalid UTF-8, U+2028)
// and nil or empty lists.
func FuzzAppendEvent(f *testing.F) {
	for _, s := range []string{"", "plain", "say \"hi\" \\ there", "tab\tnew\nline\r\b\f\x01\x1f\x7f", "é – ✓ \u2028\u2029", "\xff\xfe bad", "<b>&amp;</b>"} {
		f.Add(s, 3, uint8(0))
		f.Add(s, -1, uint8(7))
	}
	f.Fuzz(func(t *testing.T, s string, line int, shape uint8) {
		ground := s + "g"
		e := Event{Case: s, File: s + ".md", Line: line, Date: s, Practitioner: s, CourtOrdered: shape&1 != 0}
		if shape&2 != 0 {
			e.Ground = &ground
		}
		if shape&4 != 0 {
			e.Notes = []string{}
		}
		if shape&8 != 0 {
			e.Notes = append(e.Notes, s, "b")
		}
		if shape&16 != 0 {
			e.Checks = []Check{}
		}
		if shape&32 != 0 {
			c := Check{ID: s, Status: "met", Severity: s, Message: s, Source: s}
			if shape&64 != 0 {
				c.Evidence = []Evidence{}
			}
			if shape&128 != 0 {
				c.Evidence = append(c.Evidence, Evidence{File: s, Line: line, Text: s}, Evidence{})
			}
			e.Checks = append(e.Checks, c, Check{})
		}
		want, err := newEncoder().encode(nil, e, "    ")
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendEvent(nil, &e)))
	})
}
