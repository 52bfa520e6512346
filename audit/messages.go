package audit

import (
	_ "embed"
	"fmt"

	"go.yaml.in/yaml/v3"
)

//go:embed messages.yaml
var messagesYAML []byte

var messages = mustMessages()

func mustMessages() map[string]map[string]string {
	var m map[string]map[string]string
	if err := yaml.Unmarshal(messagesYAML, &m); err != nil {
		panic("audit: messages.yaml: " + err.Error())
	}
	return m
}

// T formats message key in lang (falling back to English).
func T(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	f, ok := m[lang]
	if !ok {
		f = m["en"]
	}
	return fmt.Sprintf(f, args...)
}

// MessageKeys lists every message key (tests check both languages have each).
func MessageKeys() []string {
	var out []string
	for k := range messages {
		out = append(out, k)
	}
	return out
}

// HasMessage reports whether key exists in lang.
func HasMessage(key, lang string) bool {
	_, ok := messages[key][lang]
	return ok
}
