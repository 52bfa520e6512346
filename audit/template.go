package audit

import (
	_ "embed"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed template.yaml
var templateYAML []byte

type templateFile struct {
	Title    map[string]string `yaml:"title"`
	Sections []struct {
		ID      string            `yaml:"id"`
		Heading map[string]string `yaml:"heading"`
		Prompt  map[string]string `yaml:"prompt"`
	} `yaml:"sections"`
	Grounds map[string]map[string]string `yaml:"grounds"`
}

var templates = mustTemplates()

func mustTemplates() templateFile {
	var t templateFile
	if err := yaml.Unmarshal(templateYAML, &t); err != nil {
		panic("audit: template.yaml: " + err.Error())
	}
	return t
}

// TemplateSection is one headed part of a termination-note template.
type TemplateSection struct {
	ID, Heading, Prompt string
	Text                string // what the practitioner wrote; "" leaves the prompt
}

// TemplateDoc is a termination-note skeleton tailored to a ground.
type TemplateDoc struct {
	Lang, Ground string
	CourtOrdered bool
	Client, Date string
	Practitioner string
	Title        string
	Sections     []TemplateSection
}

// NewTemplate builds the skeleton for a ground ("" when not yet known) and
// whether a court order applies; only the sections the checks need for that
// ground are included.
func NewTemplate(lang, ground string, court bool, cfg *Config) (*TemplateDoc, error) {
	if ground != "" {
		code, ok := NormalizeGround(ground)
		if !ok {
			return nil, fmt.Errorf("unknown ground %q (accepted: %s)", ground, strings.Join(groundPriority, ", "))
		}
		ground = code
	}
	if lang != "fr" {
		lang = "en"
	}
	d := &TemplateDoc{Lang: lang, Ground: ground, CourtOrdered: court, Title: templates.Title[lang]}
	include := map[string]bool{"reason": true, "records": true, "consultation": true,
		"alternatives": ground != "no-longer-needed", "contacts": ground != "no-longer-needed", "support": ground != "no-longer-needed",
		"outreach": ground != "no-longer-needed" && ground != "risk-of-harm",
		"notice":   ground == "alternatives-arranged" || ground == "opportunity-given",
		"risk":     ground == "risk-of-harm", "legal": court}
	for _, s := range templates.Sections {
		if !include[s.ID] {
			continue
		}
		prompt := s.Prompt[lang]
		if strings.Contains(prompt, "%[") {
			prompt = fmt.Sprintf(prompt, cfg.MinContacts, cfg.MinAttempts, cfg.MinChannels)
		}
		if s.ID == "reason" && ground != "" {
			prompt = templates.Grounds[ground][lang]
		}
		d.Sections = append(d.Sections, TemplateSection{ID: s.ID, Heading: s.Heading[lang], Prompt: prompt})
	}
	return d, nil
}

// Fill sets the text of sections by id (for tests and tools).
func (d *TemplateDoc) Fill(texts map[string]string) {
	for i := range d.Sections {
		if t, ok := texts[d.Sections[i].ID]; ok {
			d.Sections[i].Text = t
		}
	}
}

// Markdown renders the note: front matter, then each section with its text,
// or with its prompt as an HTML comment (never read as evidence).
func (d *TemplateDoc) Markdown() string {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "client: %q\n", d.Client)
	fmt.Fprintf(&b, "date: %q\n", d.Date)
	fmt.Fprintf(&b, "practitioner: %q\n", d.Practitioner)
	b.WriteString("type: termination\n")
	if d.Ground != "" || d.CourtOrdered {
		b.WriteString("termination:\n")
		if d.Ground != "" {
			fmt.Fprintf(&b, "  ground: %s\n", GroundLabel(d.Lang, d.Ground))
		}
		fmt.Fprintf(&b, "  court_ordered: %t\n", d.CourtOrdered)
	}
	b.WriteString("---\n\n# " + d.Title + "\n")
	for _, s := range d.Sections {
		b.WriteString("\n## " + s.Heading + "\n")
		if s.Text != "" {
			b.WriteString(strings.TrimSpace(s.Text) + "\n")
		} else {
			b.WriteString("<!-- " + s.Prompt + " -->\n")
		}
	}
	return b.String()
}
