package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/spf13/cobra"
)

func newConfig(stdout io.Writer) *cobra.Command {
	var configFlag, langFlag string
	c := &cobra.Command{
		Use:   "config [PATH]",
		Short: "Print the effective configuration and where each value comes from",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			st, err := loadSettings(configFlag, langFlag, path)
			if err != nil {
				return err
			}
			fmt.Fprint(stdout, st.YAML())
			return nil
		},
	}
	c.Flags().StringVar(&configFlag, "config", "", "configuration file (default: found walking up from PATH)")
	c.Flags().StringVar(&langFlag, "lang", "", "en or fr")
	return c
}

// ruleRow is one check as `rules --format json` prints it.
type ruleRow struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Core     bool   `json:"core"`
	Title    string `json:"title"`
	What     string `json:"what"`
	Applies  string `json:"applies"`
	Source   string `json:"source"`
}

func newRules(stdout io.Writer) *cobra.Command {
	var configFlag, langFlag, format string
	c := &cobra.Command{
		Use:   "rules",
		Short: "List the checks with their severity, what they look for and their source",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			st, err := loadSettings(configFlag, langFlag, ".")
			if err != nil {
				return err
			}
			lang := st.Config.Lang
			var rows []ruleRow
			for _, ch := range audit.Checks() {
				ex := audit.Explain(ch.ID)
				rows = append(rows, ruleRow{ch.ID, st.Config.SeverityOf(ch).String(), ch.Core, ex.Title[lang], ex.What[lang], ex.NA[lang], ch.Source})
			}
			switch format {
			case "json":
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			case "text", "":
				tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, map[string]string{"en": "ID\tSEVERITY\tLOOKS FOR\tSOURCE", "fr": "ID\tGRAVITÉ\tVÉRIFIE\tSOURCE"}[lang])
				for _, r := range rows {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Title, r.Source)
				}
				return tw.Flush()
			}
			return fmt.Errorf("--format %q: accepted values are text, json", format)
		},
	}
	c.Flags().StringVar(&configFlag, "config", "", "configuration file")
	c.Flags().StringVar(&langFlag, "lang", "", "en or fr")
	c.Flags().StringVar(&format, "format", "text", "text or json")
	return c
}

var explainLabels = map[string]map[string]string{
	"looks":   {"en": "What it looks for", "fr": "Ce qu'elle vérifie"},
	"applies": {"en": "When it applies", "fr": "Quand elle s'applique"},
	"sev":     {"en": "Severity", "fr": "Gravité"},
	"source":  {"en": "Source", "fr": "Source"},
	"words":   {"en": "Words it recognises (patterns, accents removed)", "fr": "Mots reconnus (motifs, sans accents)"},
	"met":     {"en": "Meets it", "fr": "Satisfait la vérification"},
	"gap":     {"en": "Does not", "fr": "Ne la satisfait pas"},
}

func newExplain(stdout io.Writer) *cobra.Command {
	var configFlag, langFlag string
	c := &cobra.Command{
		Use:   "explain CHECK",
		Short: "Explain a check: what it looks for, when it applies, the words it knows, and examples",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			ch := audit.CheckByID(args[0])
			if ch == nil {
				var ids []string
				for _, c := range audit.Checks() {
					ids = append(ids, c.ID)
				}
				return fmt.Errorf("unknown check %q (known: %s)", args[0], strings.Join(ids, ", "))
			}
			st, err := loadSettings(configFlag, langFlag, ".")
			if err != nil {
				return err
			}
			lang := st.Config.Lang
			l := func(k string) string { return explainLabels[k][lang] }
			ex := audit.Explain(ch.ID)
			fmt.Fprintf(stdout, "%s\n\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n\n%s:\n", ch.ID, l("looks"), ex.What[lang], l("applies"), ex.NA[lang],
				l("sev"), st.Config.SeverityOf(ch), l("source"), ch.Source, l("words"))
			for _, concept := range ex.Concepts {
				for _, p := range st.Config.Vocab.Patterns(concept, lang) {
					fmt.Fprintf(stdout, "  %-28s %s\n", concept, p)
				}
			}
			fmt.Fprintf(stdout, "\n%s:\n%s\n\n%s:\n%s\n", l("met"), indent(ex.Met[lang]), l("gap"), indent(ex.Gap[lang]))
			return nil
		},
	}
	c.Flags().StringVar(&configFlag, "config", "", "configuration file")
	c.Flags().StringVar(&langFlag, "lang", "", "en or fr")
	return c
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func newTemplate(stdout io.Writer) *cobra.Command {
	var configFlag, langFlag, ground string
	var court bool
	c := &cobra.Command{
		Use:   "template",
		Short: "Print a termination-note skeleton tailored to a ground",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			st, err := loadSettings(configFlag, langFlag, ".")
			if err != nil {
				return err
			}
			doc, err := audit.NewTemplate(st.Config.Lang, ground, court, st.Config)
			if err != nil {
				return err
			}
			fmt.Fprint(stdout, doc.Markdown())
			return nil
		},
	}
	c.Flags().StringVar(&configFlag, "config", "", "configuration file")
	c.Flags().StringVar(&langFlag, "lang", "", "en or fr")
	c.Flags().StringVar(&ground, "ground", "", "client-request, client-withdrew, alternatives-arranged, opportunity-given, risk-of-harm, no-longer-needed (French aliases accepted)")
	c.Flags().BoolVar(&court, "court-ordered", false, "the service is governed by a court order or other legal mandate")
	return c
}
