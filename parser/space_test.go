package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var collapseSeeds = []string{"", " ", "a b", "a  b", " a", "a ", "a\nb", "a\tb", "é b", "a\u2003b", "a\u00a0b", "x\x0by", "one two three",
	"a \u2003b", "D — Session 5", "\u00a0é\u3000", "\xff \xfe", "a\u2028", " \u0085x  y ", "a b ", "a b  c", "ab\n", "a b\tc d"}

func TestCollapseSpace(t *testing.T) {
	for _, s := range collapseSeeds {
		require.Equal(t, strings.Join(strings.Fields(s), " "), CollapseSpace(s), "%q", s)
	}
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range collapseSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want := strings.Join(strings.Fields(s), " "); CollapseSpace(s) != want {
			t.Fatalf("%q: got %q, want %q", s, CollapseSpace(s), want)
		}
	})
}
