package reports

import (
	"encoding/json"
	"io"
)

// SARIF writes SARIF 2.1.0 so editors and code-review tools show each gap on
// its note's line. A small hand-written model (the format's required fields
// only); tests check it against the specification's requirements.
type SARIF struct{}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool             sarifTool         `json:"tool"`
	Language         string            `json:"language,omitempty"`
	ColumnKind       string            `json:"columnKind"`
	NewlineSequences []string          `json:"newlineSequences"`
	Results          []sarifResult     `json:"results"`
	Invocations      []sarifInvocation `json:"invocations"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Language       string      `json:"language"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
	Help             sarifMessage `json:"help"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Kind      string          `json:"kind"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Related   []sarifLocation `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID       int           `json:"id,omitempty"`
	Physical sarifPhysical `json:"physicalLocation"`
	Message  *sarifMessage `json:"message,omitempty"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// sarifLevel maps severities explicitly (no silent fallback).
var sarifLevel = map[string]string{"error": "error", "warning": "warning", "info": "note"}

func location(file string, line int) sarifPhysical {
	p := sarifPhysical{Artifact: sarifArtifact{URI: file}}
	if line > 0 {
		p.Region = &sarifRegion{StartLine: line}
	}
	return p
}

func (SARIF) Write(out io.Writer, r *Report) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "noteaudit", Version: r.Tool.Version, Language: "en"}}, ColumnKind: "unicodeCodePoints",
		NewlineSequences: []string{"\r\n", "\n"},
		Results:          []sarifResult{}, Invocations: []sarifInvocation{{ExecutionSuccessful: len(r.Errors) == 0}}}
	if r.Lang == "fr" {
		run.Language, run.Tool.Driver.Language = "fr-CA", "fr"
	} else {
		run.Language = "en-CA"
	}
	seen := map[string]bool{}
	for _, e := range r.Events {
		for _, c := range e.Checks {
			if !seen[c.ID] {
				seen[c.ID] = true
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: c.ID, ShortDescription: sarifMessage{c.ID}, Help: sarifMessage{c.Source}})
			}
			if c.Status != "gap" {
				continue
			}
			res := sarifResult{RuleID: c.ID, Level: sarifLevel[c.Severity], Kind: "fail", Message: sarifMessage{e.Case + ": " + c.Message},
				Locations: []sarifLocation{{Physical: location(e.File, e.Line)}}}
			for i, x := range c.Evidence {
				m := sarifMessage{x.Text}
				res.Related = append(res.Related, sarifLocation{ID: i + 1, Physical: location(x.File, x.Line), Message: &m})
			}
			run.Results = append(run.Results, res)
		}
	}
	if run.Tool.Driver.Rules == nil {
		run.Tool.Driver.Rules = []sarifRule{}
	}
	for _, fe := range r.Errors {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{Level: "error", Message: sarifMessage{fe.Message},
			Locations: []sarifLocation{{Physical: location(fe.File, fe.Line)}}})
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}
