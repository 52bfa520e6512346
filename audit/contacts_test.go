package audit

import (
	"testing"

	"github.com/stretchr/testify/require"
)

var phoneSeeds = []string{"416-555-0101", "(416) 555-0101", "(416)555-0101", "+1 416.555.0101", "1-866-APPELLE", "1 800 FLOWERS",
	"call 613 555 0106 today", "2026-03-01", "03-15 and 04-01", "12345-6789", "x416-555-0101", "4165550101", "1-8000-555-0101", "٤١٦-555-0101"}

// Every number phoneRe reads has a run of exactly three digits, so the
// extraction may skip phoneRe on text without one.
func TestPhoneNeedsThreeDigitRun(t *testing.T) {
	for _, s := range append(corpusSentences(t), phoneSeeds...) {
		phoneNeedsThreeDigitRun(t, s)
	}
	require.True(t, hasThreeDigitRun("(416) 555-0101"))
	require.False(t, hasThreeDigitRun("met on 2026-03-01 and 03-15"))
}

func FuzzPhoneNeedsThreeDigitRun(f *testing.F) {
	for _, s := range phoneSeeds {
		f.Add(s)
	}
	f.Fuzz(phoneNeedsThreeDigitRun)
}

func phoneNeedsThreeDigitRun(t *testing.T, s string) {
	if phoneRe.MatchString(s) && !hasThreeDigitRun(s) {
		t.Fatalf("%q: phoneRe reads a number, but no run of three digits was found", s)
	}
}
