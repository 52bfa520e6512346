package audit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ConfigFileName is the file looked for from the audited path upwards.
const ConfigFileName = ".noteaudit.yaml"

// Settings is everything a configuration file can set, with where each
// value came from ("default", or the file), for `noteaudit config`.
type Settings struct {
	Config     *Config
	Ignore     []string
	Extensions []string
	MaxSize    int64
	Salt       string
	Vocabulary map[string]map[string][]string // lang -> concept -> patterns
	Source     map[string]string              // key -> "default" or file path
	File       string                         // the file read, "" if none
}

// DefaultSettings are the settings with no configuration file.
func DefaultSettings() *Settings {
	s := &Settings{Config: DefaultConfig(), Extensions: []string{".md", ".markdown", ".txt"}, MaxSize: 10 << 20,
		Vocabulary: map[string]map[string][]string{}, Source: map[string]string{}}
	return s
}

// ConfigError is a configuration problem with its file and line.
type ConfigError struct {
	File string
	Line int
	Msg  string
}

func (e *ConfigError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// FindConfig walks up from the audited path (not the working directory)
// to the first folder holding .noteaudit.yaml; "" when there is none.
func FindConfig(auditedPath string) string {
	abs, err := filepath.Abs(auditedPath)
	if err != nil {
		return ""
	}
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		abs = filepath.Dir(abs)
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, ConfigFileName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

var configKeys = []string{"lang", "severity", "min_contacts", "min_attempts", "min_channels", "window", "vocabulary", "ignore", "extensions", "max_size", "salt"}

// LoadSettings reads a configuration file strictly: an unknown key or a bad
// value is an error naming the file, the line and what is accepted.
func LoadSettings(path string) (*Settings, error) {
	s := DefaultSettings()
	if path == "" {
		return s, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading configuration: %w", err)
	}
	s.File = path
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, &ConfigError{path, yamlErrLine(err), strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return s, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &ConfigError{path, root.Line, "the configuration must be a set of `key: value` lines"}
	}
	bad := func(n *yaml.Node, format string, args ...any) error {
		return &ConfigError{path, n.Line, fmt.Sprintf(format, args...)}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return nil, bad(k, "%q is given twice", k.Value)
		}
		seen[k.Value] = true
		s.Source[k.Value] = path
		switch k.Value {
		case "lang":
			if v.Value != "en" && v.Value != "fr" {
				return nil, bad(v, "lang %q: accepted values are en, fr", v.Value)
			}
			s.Config.Lang = v.Value
		case "severity":
			if v.Kind != yaml.MappingNode {
				return nil, bad(v, "severity must map a check id to error, warning, info or off")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				id, sv := v.Content[j], v.Content[j+1]
				if CheckByID(id.Value) == nil {
					return nil, bad(id, "severity: %q is no check (known: %s)", id.Value, strings.Join(checkIDs(), ", "))
				}
				sev, err := ParseSeverity(sv.Value)
				if err != nil {
					return nil, bad(sv, "severity of %s: %v", id.Value, err)
				}
				s.Config.Severity[id.Value] = sev
			}
		case "min_contacts", "min_attempts", "min_channels":
			n, err := strconv.Atoi(v.Value)
			if err != nil || n < 1 || n > 20 || v.Kind != yaml.ScalarNode {
				return nil, bad(v, "%s %q: a whole number from 1 to 20", k.Value, v.Value)
			}
			switch k.Value {
			case "min_contacts":
				s.Config.MinContacts = n
			case "min_attempts":
				s.Config.MinAttempts = n
			default:
				s.Config.MinChannels = n
			}
		case "window":
			if v.Kind != yaml.MappingNode {
				return nil, bad(v, "window must hold before_days and after_days")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				wk, wv := v.Content[j], v.Content[j+1]
				n, err := strconv.Atoi(wv.Value)
				if err != nil || n < 0 || n > 3650 {
					return nil, bad(wv, "window.%s %q: a whole number of days from 0 to 3650", wk.Value, wv.Value)
				}
				switch wk.Value {
				case "before_days":
					s.Config.WindowBefore = n
				case "after_days":
					s.Config.WindowAfter = n
				default:
					return nil, bad(wk, "window: unknown key %q (accepted: before_days, after_days)", wk.Value)
				}
			}
		case "vocabulary":
			if err := s.readVocabulary(v, bad); err != nil {
				return nil, err
			}
		case "ignore", "extensions":
			var list []string
			if err := v.Decode(&list); err != nil || v.Kind != yaml.SequenceNode {
				return nil, bad(v, "%s must be a list of strings", k.Value)
			}
			if k.Value == "ignore" {
				for _, g := range list {
					if _, err := globRegexp(g); err != nil {
						return nil, bad(v, "ignore: bad pattern %q: %v", g, err)
					}
				}
				s.Ignore = list
			} else {
				for i, e := range list {
					if !strings.HasPrefix(e, ".") {
						list[i] = "." + e
					}
				}
				s.Extensions = list
			}
		case "max_size":
			n, err := parseSize(v.Value)
			if err != nil {
				return nil, bad(v, "max_size %q: %v (e.g. 10MB, 500KB)", v.Value, err)
			}
			s.MaxSize = n
		case "salt":
			s.Salt = v.Value
		default:
			return nil, bad(k, "unknown key %q (accepted: %s)", k.Value, strings.Join(configKeys, ", "))
		}
	}
	if len(s.Vocabulary) > 0 {
		extra := map[string]map[string][]string{}
		for lang, concepts := range s.Vocabulary {
			for c, ws := range concepts {
				if extra[c] == nil {
					extra[c] = map[string][]string{}
				}
				extra[c][lang] = append(extra[c][lang], ws...)
			}
		}
		voc, err := NewVocab(extra)
		if err != nil {
			return nil, &ConfigError{path, 0, err.Error()}
		}
		s.Config.Vocab = voc
	}
	return s, nil
}

func (s *Settings) readVocabulary(v *yaml.Node, bad func(*yaml.Node, string, ...any) error) error {
	if v.Kind != yaml.MappingNode {
		return bad(v, "vocabulary must map a language (en, fr) to concepts and their patterns")
	}
	for j := 0; j+1 < len(v.Content); j += 2 {
		lang, concepts := v.Content[j], v.Content[j+1]
		if lang.Value != "en" && lang.Value != "fr" {
			return bad(lang, "vocabulary: language %q: accepted values are en, fr", lang.Value)
		}
		if concepts.Kind != yaml.MappingNode {
			return bad(concepts, "vocabulary.%s must map a concept to a list of patterns", lang.Value)
		}
		for k := 0; k+1 < len(concepts.Content); k += 2 {
			name, list := concepts.Content[k], concepts.Content[k+1]
			if _, ok := DefaultVocab.concepts[name.Value]; !ok {
				return bad(name, "vocabulary.%s: unknown concept %q (known: %s)", lang.Value, name.Value, strings.Join(DefaultVocab.ConceptNames(), ", "))
			}
			var pats []string
			if err := list.Decode(&pats); err != nil {
				return bad(list, "vocabulary.%s.%s must be a list of patterns", lang.Value, name.Value)
			}
			for _, p := range pats {
				if _, err := regexp.Compile(p); err != nil {
					return bad(list, "vocabulary.%s.%s: pattern %q: %v", lang.Value, name.Value, p, err)
				}
			}
			if s.Vocabulary[lang.Value] == nil {
				s.Vocabulary[lang.Value] = map[string][]string{}
			}
			s.Vocabulary[lang.Value][name.Value] = append(s.Vocabulary[lang.Value][name.Value], pats...)
		}
	}
	return nil
}

var configLineRe = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int {
	if m := configLineRe.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

func parseSize(s string) (int64, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, suf := range []struct {
		s string
		m int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(u, suf.s) {
			u, mult = strings.TrimSpace(strings.TrimSuffix(u, suf.s)), suf.m
			break
		}
	}
	n, err := strconv.ParseInt(u, 10, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("a positive size")
	}
	return n * mult, nil
}

// globRegexp turns an ignore glob into a regexp over slash paths: `**`
// crosses folders, `*` and `?` do not; a pattern without `/` matches a name
// at any depth.
func globRegexp(g string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	if !strings.Contains(g, "/") {
		b.WriteString("(.*/)?")
	}
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case '*':
			if i+1 < len(g) && g[i+1] == '*' {
				b.WriteString(".*")
				i++
				if i+1 < len(g) && g[i+1] == '/' {
					i++
					b.WriteString("/?")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("(/.*)?$")
	return regexp.Compile(b.String())
}

// IgnoreFunc returns a matcher for the ignore globs (nil when none).
func (s *Settings) IgnoreFunc() func(rel string) bool {
	if len(s.Ignore) == 0 {
		return nil
	}
	var res []*regexp.Regexp
	for _, g := range s.Ignore {
		if re, err := globRegexp(g); err == nil {
			res = append(res, re)
		}
	}
	return func(rel string) bool {
		for _, re := range res {
			if re.MatchString(rel) {
				return true
			}
		}
		return false
	}
}

// YAML prints the effective settings as a configuration file, each value
// with a comment saying where it came from.
func (s *Settings) YAML() string {
	from := func(k string) string {
		if src, ok := s.Source[k]; ok {
			return "  # from " + src
		}
		return "  # default"
	}
	c := s.Config
	var b strings.Builder
	fmt.Fprintf(&b, "# noteaudit configuration (effective). Save as %s beside your notes.\n", ConfigFileName)
	fmt.Fprintf(&b, "lang: %s%s\n", c.Lang, from("lang"))
	fmt.Fprintf(&b, "min_contacts: %d%s\n", c.MinContacts, from("min_contacts"))
	fmt.Fprintf(&b, "min_attempts: %d%s\n", c.MinAttempts, from("min_attempts"))
	fmt.Fprintf(&b, "min_channels: %d%s\n", c.MinChannels, from("min_channels"))
	fmt.Fprintf(&b, "window:%s\n  before_days: %d\n  after_days: %d\n", from("window"), c.WindowBefore, c.WindowAfter)
	fmt.Fprintf(&b, "severity:%s\n", from("severity"))
	for _, ch := range Checks() {
		fmt.Fprintf(&b, "  %s: %s\n", ch.ID, c.SeverityOf(ch))
	}
	fmt.Fprintf(&b, "extensions: [%s]%s\n", strings.Join(s.Extensions, ", "), from("extensions"))
	fmt.Fprintf(&b, "ignore: [%s]%s\n", quoteList(s.Ignore), from("ignore"))
	fmt.Fprintf(&b, "max_size: %dB%s\n", s.MaxSize, from("max_size"))
	if len(s.Vocabulary) == 0 {
		fmt.Fprintf(&b, "vocabulary: {}%s  (add patterns per language and concept; `noteaudit explain CHECK` lists them)\n", from("vocabulary"))
	} else {
		fmt.Fprintf(&b, "vocabulary:%s\n", from("vocabulary"))
		for _, lang := range Langs {
			var names []string
			for n := range s.Vocabulary[lang] {
				names = append(names, n)
			}
			sort.Strings(names)
			if len(names) > 0 {
				fmt.Fprintf(&b, "  %s:\n", lang)
			}
			for _, n := range names {
				fmt.Fprintf(&b, "    %s: [%s]\n", n, quoteList(s.Vocabulary[lang][n]))
			}
		}
	}
	return b.String()
}

func quoteList(l []string) string {
	var q []string
	for _, s := range l {
		q = append(q, strconv.Quote(s))
	}
	return strings.Join(q, ", ")
}
