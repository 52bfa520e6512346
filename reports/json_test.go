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
