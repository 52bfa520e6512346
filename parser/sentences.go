package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Abbreviations that end with a period but do not end a sentence.
var abbreviations = map[string]bool{
	"dr": true, "st": true, "mr": true, "mrs": true, "ms": true, "me": true, "m": true, "mme": true,
	"mlle": true, "no": true, "nos": true, "e.g": true, "i.e": true, "etc": true, "vs": true, "approx": true,
	"rd": true, "ave": true, "av": true, "blvd": true, "ch": true, "s": true, "ss": true, "p": true,
	"ext": true, "tel": true, "tél": true, "env": true, "cf": true, "art": true, "reg": true, "sr": true,
	"jr": true, "inc": true, "ltd": true, "prof": true, "dre": true, "ph": true, "vm": true, "min": true,
	"jan": true, "feb": true, "fév": true, "mar": true, "apr": true, "avr": true, "jun": true, "jul": true,
	"juil": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "déc": true,
}

type span struct {
	text string
	off  int
}

// splitSentences cuts text after '.', '!' or '?' followed by a space and a
// capital, digit or quote, except after abbreviations and initials.
func splitSentences(text string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		raw := text[start:end]
		trimmed := strings.TrimSpace(raw)
		if trimmed != "" {
			lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			out = append(out, span{CollapseSpace(trimmed), start + lead})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == ')' || text[j] == '\'' || text[j] == '.') {
			j++
		}
		if j < len(text) && text[j] != ' ' {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '«' || r == '“' || r == '(' || r == '-' || r == '—') {
			continue
		}
		if c == '.' && isAbbreviation(text[start:i]) {
			continue
		}
		emit(j)
		i = j - 1 // "Done!. Next": the marks after the end belong to it
	}
	emit(len(text))
	return out
}

func isAbbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := strings.ToLower(before[i+1:])
	if utf8.RuneCountInString(word) == 1 {
		return true // an initial: "J. Mercer"
	}
	return abbreviations[word]
}
