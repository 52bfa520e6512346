package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CollapseSpace is strings.Join(strings.Fields(s), " "): each run of
// spacing one space, none at either end. Text with nothing to collapse is
// not copied, and the rest is copied a word at a time (FuzzCollapseSpace
// holds it to the definition).
func CollapseSpace(s string) string {
	// The longest start of s that is collapsed already: words, each
	// followed by one ' ' and another word.
	i := 0
	for prevSpace := true; i < len(s); {
		c, n := s[i], 1
		sp := IsASCIISpace(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
		}
		if sp && (c != ' ' || prevSpace || i+1 == len(s)) {
			break
		}
		prevSpace = sp
		i += n
	}
	if i == len(s) {
		return s
	}
	if i > 0 && s[i-1] == ' ' {
		i-- // the copy collapses the run that space starts
	}
	var b strings.Builder // its string is its buffer: no copy at the end
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		word := skipWhile(s, i, true)
		i = skipWhile(s, word, false)
		if i > word {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[word:i])
		}
	}
	return b.String()
}

// skipWhile returns where, from i, the run of spacing (space) or of other
// characters (!space) ends.
func skipWhile(s string, i int, space bool) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != space {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) != space {
			return i
		}
		i += n
	}
	return i
}

// IsASCIISpace reports whether unicode.IsSpace is true of an ASCII byte
// (false for the others).
func IsASCIISpace(c byte) bool { return asciiSpace[c] }

var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
