package audit

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var detailSeeds = []string{"416-555-0101", "(416) 555-0101", "(416)555-0101", "+1 416.555.0101", "1-866-APPELLE", "1 800 FLOWERS",
	"call 613 555 0106 today", "2026-03-01", "03-15 and 04-01", "12345-6789", "x416-555-0101", "4165550101", "1-8000-555-0101", "٤١٦-555-0101",
	"12 Main Street", "12, Elm Rd", "4 Bay St.", "1200 rue Sainte-Catherine", "5 av. du Parc", "10 boul. Gouin", "3 King's Crescent",
	"WWW.CMHA.CA", "Https://x.org/a", "see cmha.ca", "help@cmha.ca then www.x.org", "a.INFO", "Session 3 The client"}

// Every contact detail a regexp reads holds what the cheap tests before it
// look for (a run of exactly three digits, a street word, a URL hint), so
// the extraction skips the regexps on text without them.
func TestDetailHints(t *testing.T) {
	for _, s := range append(corpusSentences(t), detailSeeds...) {
		detailHints(t, s)
	}
	require.True(t, hasThreeDigitRun("(416) 555-0101"))
	require.False(t, hasThreeDigitRun("met on 2026-03-01 and 03-15"))
	require.True(t, detailKindsIn("12 Main Street").address)
	require.False(t, detailKindsIn("Session 3 The client called").address, "no street word")
	require.True(t, urlMayBeIn([]byte("see WWW.CMHA.CA")))
	require.False(t, urlMayBeIn([]byte("help@x         ")), "an e-mail masked, its .org with it")
}

func FuzzDetailHints(f *testing.F) {
	for _, s := range detailSeeds {
		f.Add(s)
	}
	f.Fuzz(detailHints)
}

func detailHints(t *testing.T, s string) {
	if phoneRe.MatchString(s) && !hasThreeDigitRun(s) {
		t.Fatalf("%q: phoneRe reads a number, but no run of three digits was found", s)
	}
	if addressRe.MatchString(s) && !detailKindsIn(s).address {
		t.Fatalf("%q: addressRe reads an address, but detailKindsIn says none", s)
	}
	if urlRe.MatchString(s) && !urlMayBeIn([]byte(s)) {
		t.Fatalf("%q: urlRe reads a URL, but no hint of one was found", s)
	}
}

// The triage's look for contact details answers as the detail kinds of
// the body with its markup spaced out, which it reads only when the body
// itself cannot tell, but for a phone number where no run of
// three digits is or can be made (TestTriageClaims and FuzzTriage hold
// that rule to the extraction).
func FuzzLookMayHoldDetails(f *testing.F) {
	for _, s := range detailSeeds {
		f.Add(s)
	}
	for _, s := range []string{"", "no digits", "www*.*x.ca", "Call 2*1*1", "12 *Main* St", "a@b", "4 1 6", "see x.c_a_", "x.org|y", "1 rue [Gouin]",
		"12 Main St_x", "12 Main*St*", "Status 12 avec", "5 av.\\\ndu Parc", "7 Elm|Road", "9 Oak Way", "Anyway 9 Oak", "3 <b>King</b> St.",
		"Date: 2025-03-17", "4**1**6-555-0101", "&#52;16", "call 416 555 0101"} {
		f.Add(s)
	}
	v := DefaultConfig().Vocab
	f.Fuzz(func(t *testing.T, s string) {
		text := spacedStripper.Replace(s)
		k := detailKindsIn(text)
		want := k.email || k.phone && phoneMayBeIn(s, countDigits(s)) || k.url || k.shortLine || k.address && addressRe.MatchString(text)
		if got := v.Look(&Facts{}, []byte(s)).mayHoldDetails(); got != want {
			t.Fatalf("%q: %v, with the markup spaced out %v", s, got, want)
		}
	})
}

// The dates read in a text, and ParseDate's answer, are those of every
// date pattern tried on the whole text: each is skipped only where the
// text lacks what it needs (four digits in a row, a month name).
func FuzzDatesIn(f *testing.F) {
	for _, s := range []string{"called on 2026-03-01 and 03-05", "left vm 12 mars, then mar. 14", "emails of 01-14 and 01-28", "sept 3 2025", "1er avril 2026",
		"3 june", "phone 416-555-2518", "le 5 aout", "may 2", "2026/3/1 (04-05)", "10 decembre 2025", "12345", "juillet 14 2026 1999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fl := Fold(s)
		require.Equal(t, datesOf(fl, false), datesIn(fl), "%q", fl)
		got, ok := ParseDate(s)
		want, wantOK := parseDate(s, false)
		require.Equal(t, wantOK, ok, "%q", s)
		require.Equal(t, want, got, "%q", s)
	})
}

// ParseDate's reading of a plain "dddd-dd-dd" is the regexp path's.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-01", "2026/3/1", "2026.13.01", "2026-02-31", "0000-00-00", " 2026-03-01 ", "2026-03-1x", "20260-3-01", "mars 3, 2026", "٢٠٢٦-03-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotOK := ParseDate(s)
		fl := Fold(strings.TrimSpace(s))
		if _, _, _, plain := plainISODate(fl); !plain {
			return // the regexp path, as before
		}
		m := isoDateRe.FindStringSubmatch(fl)
		require.NotNil(t, m, "%q: isoDateRe reads no date in a plain one", s)
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			require.True(t, gotOK, s)
			require.Equal(t, time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), got, s)
		}
	})
}
