package audit

import (
	_ "embed"

	"go.yaml.in/yaml/v3"
)

//go:embed explain.yaml
var explainYAML []byte

// Explanation is what `rules` and `explain` print about a check.
type Explanation struct {
	Title    map[string]string `yaml:"title"`
	Concepts []string          `yaml:"concepts"`
	What     map[string]string `yaml:"what"`
	NA       map[string]string `yaml:"na"`
	Met      map[string]string `yaml:"met"`
	Gap      map[string]string `yaml:"gap"`
}

var explanations = mustExplanations()

func mustExplanations() map[string]Explanation {
	var m map[string]Explanation
	if err := yaml.Unmarshal(explainYAML, &m); err != nil {
		panic("audit: explain.yaml: " + err.Error())
	}
	return m
}

// Explain returns the explanation of a check (zero value if unknown).
func Explain(id string) Explanation { return explanations[id] }
