package audit

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/noteaudit/noteaudit/parser"
)

// Evidence is a place in a note that a check relied on.
type Evidence struct {
	File string
	Line int
	Text string
}

const maxEvidenceText = 200

func clip(s string) string {
	s = parser.CollapseSpace(s) // most text is already collapsed: no copy
	if len(s) <= maxEvidenceText || utf8.RuneCountInString(s) <= maxEvidenceText {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:maxEvidenceText-1])) + "…"
}

var (
	isoDateRe   = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	monthDayRe  = regexp.MustCompile(`(?:^|[\s(])(\d{2})-(\d{2})\b`)
	frDateRe    = regexp.MustCompile(`\b(\d{1,2})(?:er)? (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b`)
	enDateRe    = regexp.MustCompile(`\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? (\d{1,2})\b`)
	yearRe      = regexp.MustCompile(`\b(19|20)\d\d\b`)
	enDateRevRe = regexp.MustCompile(`\b(\d{1,2}) (january|february|march|april|june|july|august|september|october|november|december)\b`)
)

var monthNumbers = map[string]int{
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
	"septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// ParseDate reads a note date: ISO (with or without time), or day month
// year in English or French. ok is false when s is no date.
func ParseDate(s string) (time.Time, bool) { return parseDate(s, true) }

// parseDate is ParseDate; with skip, a pattern is not tried on text that
// lacks what it reads (tests compare both ways).
func parseDate(s string, skip bool) (time.Time, bool) {
	f := Fold(strings.TrimSpace(s))
	// Most dates are front matter's "2026-03-01": what isoDateRe reads of
	// it, read without it (FuzzParseDate holds it).
	if y, mo, d, ok := plainISODate(f); ok && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
	}
	if skip && longestDigitRun(f) < 4 {
		return time.Time{}, false // isoDateRe and yearRe both read four digits in a row
	}
	if m := isoDateRe.FindStringSubmatch(f); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
		}
	}
	year := yearRe.FindString(f)
	if year == "" {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(year)
	if md, ok := monthDayOf(f, skip); ok {
		return time.Date(y, time.Month(md/100), md%100, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

// plainISODate reads f when it is exactly "dddd-dd-dd" ("-", "/" or ".").
func plainISODate(f string) (y, mo, d int, ok bool) {
	if len(f) != 10 || !isDateSep(f[4]) || !isDateSep(f[7]) {
		return 0, 0, 0, false
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				ok = false
				return 0
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	ok = true
	y, mo, d = num(f[:4]), num(f[5:7]), num(f[8:])
	return y, mo, d, ok
}

func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// monthDayOf finds a written month and day ("16 mars", "March 16") as
// MMDD; with skip, only where a month's name stands next to a number.
func monthDayOf(f string, skip bool) (int, bool) {
	if skip && !monthNearNumber(f) {
		return 0, false
	}
	if m := frDateRe.FindStringSubmatch(f); m != nil {
		d, _ := strconv.Atoi(m[1])
		return monthNumbers[m[2]]*100 + d, true
	}
	if m := enDateRevRe.FindStringSubmatch(f); m != nil {
		d, _ := strconv.Atoi(m[1])
		return monthNumbers[m[2]]*100 + d, true
	}
	if m := enDateRe.FindStringSubmatch(f); m != nil {
		d, _ := strconv.Atoi(m[2])
		return monthNumbers[m[1]]*100 + d, true
	}
	return 0, false
}

// datesIn returns the month-day keys ("MM-DD") of dates written in folded
// text, with their offsets: enough to tell two logged attempts apart.
func datesIn(f string) []dateMention { return datesOf(f, true) }

// datesOf is datesIn; with skip, each form is looked for only where the
// text has what it needs.
func datesOf(f string, skip bool) []dateMention {
	if countDigits(f) == 0 {
		return nil // every date form has a number
	}
	// Each form is looked for only where the text has what it needs: most
	// sentences that log an attempt name no date.
	var out []dateMention
	var taken []bool // by offset: inside a full date
	if !skip || longestDigitRun(f) >= 4 {
		for _, m := range isoDateRe.FindAllStringSubmatchIndex(f, -1) {
			mo, _ := strconv.Atoi(f[m[4]:m[5]])
			d, _ := strconv.Atoi(f[m[6]:m[7]])
			out = append(out, dateMention{key: mdKey(mo, d), off: m[0]})
			if taken == nil {
				taken = make([]bool, len(f))
			}
			for i := m[0]; i < m[1]; i++ {
				taken[i] = true
			}
		}
	}
	for _, m := range monthDayRe.FindAllStringSubmatchIndex(f, -1) {
		if taken != nil && taken[m[2]] {
			continue
		}
		mo, _ := strconv.Atoi(f[m[2]:m[3]])
		d, _ := strconv.Atoi(f[m[4]:m[5]])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			out = append(out, dateMention{key: mdKey(mo, d), off: m[2]})
		}
	}
	if skip && !monthNearNumber(f) {
		return out
	}
	for _, re := range []*regexp.Regexp{frDateRe, enDateRe, enDateRevRe} {
		for _, m := range re.FindAllStringIndex(f, -1) {
			if md, ok := monthDayOf(f[m[0]:m[1]], skip); ok && md/100 > 0 {
				out = append(out, dateMention{key: mdKey(md/100, md%100), off: m[0]})
			}
		}
	}
	return out
}

// monthStems: each month name frDateRe, enDateRe and enDateRevRe read
// starts with one of them.
var monthStems = []string{"jan", "feb", "fev", "mar", "apr", "avr", "may", "mai", "jun", "jui", "jul", "aug", "aou", "sep", "oct", "nov", "dec"}

// monthNearNumber reports whether some word that starts with a month stem
// has a digit just before it ("1er mars", "3 june") or just after it
// ("sept. 3"), as each written date frDateRe, enDateRe and enDateRevRe
// read has: a sentence with "may" or "decided" in it is not tried.
func monthNearNumber(f string) bool {
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' }
	for i := 0; i < len(f); {
		if !isLetter(f[i]) {
			i++
			continue
		}
		j := i
		for j < len(f) && isLetter(f[j]) {
			j++
		}
		if j-i >= 3 && slices.Contains(monthStems, f[i:i+3]) && (countDigits(f[max(0, i-4):i]) > 0 || countDigits(f[j:min(len(f), j+3)]) > 0) {
			return true
		}
		i = j
	}
	return false
}

// longestDigitRun is the length of the longest run of ASCII digits in s.
func longestDigitRun(s string) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

type dateMention struct {
	key string
	off int
}

func mdKey(month, day int) string {
	return strconv.Itoa(100 + month)[1:] + "-" + strconv.Itoa(100 + day)[1:]
}
