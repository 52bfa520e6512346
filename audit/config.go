package audit

// Config holds what an agency may tune (SPEC §4). The zero value is not
// useful: start from DefaultConfig.
type Config struct {
	Lang         string
	MinContacts  int
	MinAttempts  int
	MinChannels  int
	WindowBefore int // days before the anchor's date
	WindowAfter  int // days after it
	Severity     map[string]Severity
	Vocab        *Vocab
}

// DefaultConfig is SPEC's defaults: 2 contacts, 2 attempts by 2 means, a
// window of 120 days before to 30 days after the anchor.
func DefaultConfig() *Config {
	return &Config{Lang: "en", MinContacts: 2, MinAttempts: 2, MinChannels: 2, WindowBefore: 120, WindowAfter: 30, Severity: map[string]Severity{}, Vocab: DefaultVocab}
}

// SeverityOf is the check's severity after configuration.
func (c *Config) SeverityOf(ch *Check) Severity {
	if s, ok := c.Severity[ch.ID]; ok {
		return s
	}
	return ch.Severity
}
