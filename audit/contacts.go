// Contact details written in the text, grouped by organisation.

package audit

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/noteaudit/noteaudit/parser"
)

var numberWords = map[string]int{"two": 2, "both": 2, "deux": 2, "2": 2, "three": 3, "trois": 3, "3": 3, "four": 4, "quatre": 4, "4": 4, "five": 5, "cinq": 5, "5": 5}

var contactFillers = map[string]bool{"Tel": true, "Tél": true, "Phone": true, "Email": true, "E-mail": true, "Courriel": true, "Fax": true, "Cell": true, "Ext": true, "Or": true, "Ou": true, "And": true, "Et": true, "Téléphone": true, "Telephone": true, "Web": true, "Site": true, "Call": true, "Text": true, "Toll-free": true, "Sans": true}

func hasDetails(s string) bool {
	return phoneRe.MatchString(s) || emailRe.MatchString(s) || urlRe.MatchString(s)
}

// readContacts groups the contact details written in a block by
// organisation: a new organisation starts where a name (a capitalised word)
// stands between two details.
func (f *Facts) readContacts(n *parser.Note, bi int, file string, v *Vocab) {
	b := n.Blocks[bi]
	text := b.Text
	type detail struct {
		start, end int
		key        string
	}
	var ds []detail
	masked := []byte(text)
	add := func(re *regexp.Regexp) {
		for _, loc := range re.FindAllStringIndex(string(masked), -1) {
			raw := text[loc[0]:loc[1]]
			for i := loc[0]; i < loc[1]; i++ {
				masked[i] = ' '
			}
			ds = append(ds, detail{loc[0], loc[1], detailKey(raw)})
		}
	}
	k := detailKindsIn(text)
	if k.email {
		add(emailRe)
	}
	if k.url && urlMayBeIn(masked) { // its hints may all have been in e-mails
		add(urlRe)
	}
	if k.phone && hasThreeDigitRun(text) {
		add(phoneRe)
	}
	if k.address {
		add(addressRe)
	}
	if k.shortLine {
		add(shortLineRe) // province-wide lines
	}
	if len(ds) == 0 {
		return
	}
	sortDetails := func() {
		for i := 1; i < len(ds); i++ {
			for j := i; j > 0 && ds[j].start < ds[j-1].start; j-- {
				ds[j], ds[j-1] = ds[j-1], ds[j]
			}
		}
	}
	sortDetails()
	prevEnd := 0
	var cur *Org
	for _, d := range ds {
		before := Fold(text[max(0, d.start-40):d.start])
		if v.Has("client_phone", before) {
			prevEnd = d.end
			continue
		}
		between := text[prevEnd:d.start]
		if cur == nil || namesIn(between) {
			f.Orgs = append(f.Orgs, Org{Evidence: evidenceAt(n, bi, file, d.start)})
			cur = &f.Orgs[len(f.Orgs)-1]
		}
		cur.Keys = append(cur.Keys, d.key)
		prevEnd = d.end
	}
}

// serviceNounRe names a kind of service: "the crisis line (…)" is an
// organisation even without a capital.
var serviceNounRe = regexp.MustCompile(`\b(line|centre|center|clinic|program|programme|service|group|team|counsell?ing|counsell?or|therapist|worker|doctor|physician|psychologist|nurse|course|website|site|app|hub|agency|association|society|ligne|clinique|groupe|organisme|equipe|cours|application|intervenante?|medecin|psychologue|travailleuse|travailleur)s?\b`)

func namesIn(s string) bool {
	if strings.Contains(s, ";") {
		return true // "…-0101; school counsellor …": a new entry
	}
	for _, w := range capWordRe.FindAllString(s, -1) {
		if !contactFillers[w] {
			return true
		}
	}
	return serviceNounRe.MatchString(Fold(s))
}

// evidenceAt returns the sentence of block bi that holds text offset off.
func evidenceAt(n *parser.Note, bi int, file string, off int) Evidence {
	b := n.Blocks[bi]
	pos := 0
	for si := b.First; si < b.First+b.Count; si++ {
		s := n.Sentences[si]
		pos += len(s.Text) + 1
		if off < pos || si == b.First+b.Count-1 {
			return Evidence{file, s.Line, clip(s.Text)}
		}
	}
	return Evidence{file, b.Line, clip(b.Text)}
}

var nonDigit = regexp.MustCompile(`\D`)

func detailKey(raw string) string {
	raw = strings.TrimSpace(raw)
	if strings.Contains(raw, "@") {
		return "email:" + strings.ToLower(raw)
	}
	if digits := nonDigit.ReplaceAllString(raw, ""); len(digits) >= 10 && phoneRe.MatchString(raw) {
		return "phone:" + digits[len(digits)-10:]
	}
	l := strings.ToLower(raw)
	if urlRe.MatchString(raw) && !strings.ContainsAny(raw, " ") {
		l = strings.TrimPrefix(strings.TrimPrefix(l, "https://"), "http://")
		return "url:" + strings.TrimSuffix(strings.TrimPrefix(l, "www."), "/")
	}
	return "addr:" + strings.Join(strings.Fields(Fold(raw)), " ")
}

var nameListSep = regexp.MustCompile(`,|;| and | et | & `)

// statedCount is how many organisations a sentence says were given without
// writing their details: a number ("the numbers of two agencies"), else the
// names listed after the words ("contact information for the Distress
// Centre and Family Services"), else one.
func statedCount(folded, text string, end int) int {
	if m := countRe.FindString(folded); m != "" {
		return numberWords[m]
	}
	// Folding shortens accented letters, so in French the cut may fall a
	// few characters early; it only serves to count the names after it.
	rest := text
	if end <= len(text) {
		rest = text[end:]
	}
	names := 0
	for _, part := range nameListSep.Split(rest, -1) {
		if namesIn(part) {
			names++
		}
	}
	return max(1, names)
}

// detailKinds says which kinds of contact detail a text may hold, from
// cheap tests: most text holds none, and the regexps need not run.
type detailKinds struct{ email, url, phone, address, shortLine bool }

func detailKindsIn(text string) detailKinds {
	digits := countDigits(text)
	return detailKinds{
		email:     strings.IndexByte(text, '@') >= 0,
		url:       containsOneOf(text, urlHints),
		phone:     digits >= 4, // a phone number has ten digits, a toll-free word number four
		address:   digits > 0 && numberThenName(text) && streetWordIn(text),
		shortLine: containsOneOf(text, shortLines),
	}
}

// shortLines are the province-wide lines shortLineRe reads.
var shortLines = []string{"211", "811", "988"}

// addressWords are the street words of addressRe's two forms.
var addressWords = []string{"Rd", "Road", "St", "Street", "Ave", "Avenue", "Lane", "Blvd", "Boulevard", "Drive", "Way", "Crescent", "Cres", "Court", "Place",
	"rue", "chemin", "boulevard", "boul.", "avenue", "av."}

// streetWordIn reports whether body holds a street word of addressRe as a
// word of its own once the markup is spaced out: after spacing or markup,
// and before a character that is not a letter or digit. Every address
// addressRe reads has one; "Status" or "avec" is none.
func streetWordIn(body string) bool {
	spaceOrMark := func(c byte) bool { return strings.IndexByte(" \t\n\f\r*_`[]<>#|", c) >= 0 }
	for _, w := range addressWords {
		for from := 0; ; {
			k := strings.Index(body[from:], w)
			if k < 0 {
				break
			}
			at, end := from+k, from+k+len(w)
			if at > 0 && spaceOrMark(body[at-1]) && (end == len(body) || !isWordByte(body[end]) || body[end] == '_') {
				return true
			}
			from = at + 1
		}
	}
	return false
}

// containsOneOf reports whether text holds one of subs.
func containsOneOf(text string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(text, sub) {
			return true
		}
	}
	return false
}

// urlHints: every URL urlRe reads holds one of them, in any case.
var urlHints = []string{"http", "www.", ".org", ".ca", ".com", ".net", ".info"}

// urlMayBeIn reports whether text holds a URL hint, in any case.
func urlMayBeIn(text []byte) bool {
	for _, h := range urlHints {
		for i := 0; i+len(h) <= len(text); i++ {
			if text[i]|0x20 == h[0]|0x20 && bytes.EqualFold(text[i:i+len(h)], []byte(h)) {
				return true
			}
		}
	}
	return false
}

// numberThenName reports whether some number is followed (after an
// optional comma and spacing) by a capital letter or a French street word,
// as every address addressRe reads is.
func numberThenName(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j < len(text) && text[j] == ',' {
			j++
		}
		k := j
		for k < len(text) && unicode.IsSpace(rune(text[k])) {
			k++
		}
		if k > j && k < len(text) {
			r, _ := utf8.DecodeRuneInString(text[k:])
			rest := text[k:]
			if unicode.IsUpper(r) || strings.HasPrefix(rest, "rue") || strings.HasPrefix(rest, "chemin") || strings.HasPrefix(rest, "boul") || strings.HasPrefix(rest, "av") {
				return true
			}
		}
		i = j
	}
	return false
}

// hasThreeDigitRun reports whether some run of digits in s is exactly
// three long, as in every number phoneRe reads ("(416) 555-0101",
// "1-866-APPELLE"), and in no date ("2026-03-01", "03-15"). Masking an
// e-mail or a URL never makes one: each takes a run of digits whole.
// (The triage's cheaper test stays as it is: it reads the raw body, where
// markup and entities may still stand between digits.)
func hasThreeDigitRun(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 3 {
			return true
		}
		i = j
	}
	return false
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
