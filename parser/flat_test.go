package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fast paths must take the front matter notes really have (or they
// save nothing) and leave to the library anything whose meaning is not
// plain.
func TestFlatFrontMatterTakesOnlyPlainLines(t *testing.T) {
	for _, tc := range []struct {
		format, data string
		ok           bool
	}{
		{"yaml", "client: C-007064\ndate: 2025-09-04\npractitioner: Grace Tremblay, RSW\ntype: progress\n", true},
		{"yaml", "client: C-1\r\ndate: 2025-09-04\r\n", true},
		{"yaml", "praticienne: Émilie Côté, TS\ntype: fermeture\n", true},
		{"yaml", "client: C-1\n\nnext_review:\n", true},
		{"yaml", "client: C-1\nclient: C-2\n", true},
		{"yaml", "", true},
		{"yaml", "client: 'C-1'\n", false},
		{"yaml", "client: \"C-1\"\n", false},
		{"yaml", "client: C-1 # old id\n", false},
		{"yaml", "# a comment\nclient: C-1\n", false},
		{"yaml", "contacts:\n  - 211\n", false},
		{"yaml", "contacts:\n- 211\n", false},
		{"yaml", "time: 10:30\n", false},
		{"yaml", "client:C-1\n", false},
		{"yaml", "client : C-1\n", false},
		{"yaml", "  client: C-1\n", false},
		{"yaml", "a: [b, c]\n", false},
		{"yaml", "a: &x b\n", false},
		{"yaml", "a: |\n  b\n", false},
		{"yaml", "a: b\tc\n", false},
		{"yaml", "a: b\u2028c\n", false},
		{"yaml", "a: \xff\n", false},

		{"toml", "client = \"C-000385\"\ndate = 2025-04-20\npractitioner = \"Grace Tremblay, RSW\"\ntype = \"progress\"\n", true},
		{"toml", "praticienne=\"Émilie Côté, TS\"\r\n\r\n", true},
		{"toml", "", true},
		{"toml", "client = 'C-1'\n", false},
		{"toml", "client = \"C\\u00e9\"\n", false},
		{"toml", "date = 2025-02-30\n", false},
		{"toml", "date = 2025-04-20T10:00:00\n", false},
		{"toml", "a = \"x\"\na = \"y\"\n", false},
		{"toml", "[termination]\nground = \"x\"\n", false},
		{"toml", "a = \"x\" # why\n", false},
		{"toml", "n = 3\n", false},

		{"json", "{\n  \"client\": \"C-000385\",\n  \"date\": \"2025-06-15\",\n  \"practitioner\": \"Grace Tremblay, RSW\",\n  \"type\": \"progress\"\n}", true},
		{"json", "{\"client\": \"C-1\", \"next\": null}", true},
		{"json", "{\r\n\"a\": \"x\",\r\n\"a\": \"y\"\r\n}", true},
		{"json", "{}", true},
		{"json", "{\"a\": 3}", false},
		{"json", "{\"a\": \"x\\\"y\"}", false},
		{"json", "{\"a\": [\"x\"]}", false},
		{"json", "{\"a\": {\"b\": \"x\"}}", false},
		{"json", "{\"a\"\n: \"x\"}", false},
		{"json", "{\t\"a\": \"x\"}", false},
	} {
		raw := &rawFrontMatter{format: tc.format, data: []byte(tc.data), openLine: 1, dataLine: 2}
		var fast, slow *fnode
		var fastProblems, slowProblems []Problem
		var ok bool
		switch tc.format {
		case "yaml":
			fast, fastProblems, ok = decodeFlatYAML(raw)
			slow, slowProblems = decodeYAML(raw)
		case "toml":
			fast, ok = decodeFlatTOML(raw)
			slow, slowProblems = decodeTOML(raw)
		case "json":
			fast, fastProblems, ok = decodeFlatJSON(raw)
			slow, slowProblems = decodeYAML(raw)
		}
		assert.Equal(t, tc.ok, ok, "%s %q", tc.format, tc.data)
		if ok {
			require.Equal(t, dumpNode(slow), dumpNode(fast), "%s %q", tc.format, tc.data)
			require.Equal(t, slowProblems, fastProblems, "%s %q", tc.format, tc.data)
		}
	}
}
