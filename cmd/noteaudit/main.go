// Command noteaudit audits Markdown case notes for how they document the
// ending of services (see SPEC.md). This package is CLI wiring only: flags,
// terminal decisions, output files and the exit code.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/noteaudit/noteaudit/audit"
	"github.com/noteaudit/noteaudit/reports"
	"github.com/noteaudit/noteaudit/scan"
	"github.com/noteaudit/noteaudit/watch"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// exitError carries an exit code through cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	localize(root, helpLang(args))
	root.SetArgs(args)
	err := root.Execute()
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintln(stderr, "noteaudit:", err)
		return 2
	}
}

type shared struct {
	format, out, lang, failOn, salt, config string
	redact, verbose, progress, full         bool
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "noteaudit",
		Short:         "Audit case notes for how they document the ending of services (OCSWSSW, Reg. 384/00 s. 2.8)",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\n%s", err, c.UsageString())
	})
	root.AddCommand(newCheck(stdout, stderr), newSweep(stdout, stderr), newWatch(stdout, stderr), newMerge(stdout), newConfig(stdout), newRules(stdout), newExplain(stdout), newTemplate(stdout), newVersion(stdout))
	return root
}

var (
	formatUsage = "report format: " + strings.Join(reports.Formats(), ", ") + " (default: from --out's extension, else text)"
	configUsage = "configuration file (default: " + audit.ConfigFileName + " found walking up from the audited path)"
)

func addShared(c *cobra.Command, s *shared) {
	f := c.Flags()
	f.StringVar(&s.format, "format", "", formatUsage)
	f.StringVar(&s.out, "out", "", "write the report to this file (atomically) instead of standard output")
	f.StringVar(&s.lang, "lang", "", "language of messages and labels: en or fr (default: from LANG)")
	f.StringVar(&s.failOn, "fail-on", "error", "exit 1 when a gap is at or above: error, warning, info, never")
	f.BoolVar(&s.redact, "redact", false, "no evidence text or practitioner names; case ids replaced by a salted hash")
	f.StringVar(&s.salt, "salt", "", "salt for --redact's case-id hash")
	f.BoolVarP(&s.verbose, "verbose", "v", false, "text: also list met, waived and not-applicable checks with their evidence")
	f.StringVar(&s.config, "config", "", configUsage)
	f.BoolVar(&s.full, "no-shortcut", false, "read every note in full (for comparison; the results are the same)")
	_ = f.MarkHidden("no-shortcut")
}

// output reads --format (or --out's extension) and --fail-on.
func (s shared) output() (string, reports.FailOn, error) {
	failOn, ok := reports.ParseFailOn(s.failOn)
	if !ok {
		return "", 0, fmt.Errorf("--fail-on %q: accepted values are error, warning, info, never", s.failOn)
	}
	format, err := reports.FormatFor(s.format, s.out, "text")
	return format, failOn, err
}

func newVersion(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(stdout, "noteaudit", version)
			return nil
		},
	}
}

func newCheck(stdout, stderr io.Writer) *cobra.Command {
	var s shared
	c := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Audit notes in files or folders (default .) and print a gap report",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			return runCheck(args, s, stdout, stderr)
		},
	}
	addShared(c, &s)
	return c
}

// loadSettings reads --config, or the .noteaudit.yaml found walking up
// from the audited path, and settles the language: the flag, then the
// configuration, then LANG.
func loadSettings(configFlag, langFlag, auditedPath string) (*audit.Settings, error) {
	path := configFlag
	if path == "" {
		path = audit.FindConfig(auditedPath)
	}
	st, err := audit.LoadSettings(path)
	if err != nil {
		return nil, err
	}
	if langFlag != "" {
		if langFlag != "en" && langFlag != "fr" {
			return nil, fmt.Errorf("--lang %q: accepted values are en, fr", langFlag)
		}
		st.Config.Lang = langFlag
		st.Source["lang"] = "--lang"
	} else if _, fromFile := st.Source["lang"]; !fromFile {
		st.Config.Lang = langFromEnv()
		st.Source["lang"] = "LANG"
	}
	return st, nil
}

func newSweep(stdout, stderr io.Writer) *cobra.Command {
	var s shared
	c := &cobra.Command{
		Use:   "sweep DIR --out FILE",
		Short: "Audit a whole share into one report (format from --format or --out's extension)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if s.out == "" {
				return fmt.Errorf("sweep needs --out FILE (the report for management)")
			}
			s.progress = true
			// A sweep keeps the facts of every note of a share: the
			// memory limit, not the live heap, bounds its peak. Below it,
			// the heap may grow to three times what is live between
			// collections (GOGC=200): a third fewer collections at
			// 100,000 notes, and the same peak.
			if os.Getenv("GOMEMLIMIT") == "" {
				debug.SetMemoryLimit(120 << 20)
			}
			if os.Getenv("GOGC") == "" {
				debug.SetGCPercent(200)
			}
			return runCheck(args, s, stdout, stderr)
		},
	}
	addShared(c, &s)
	return c
}

func newMerge(stdout io.Writer) *cobra.Command {
	var s shared
	c := &cobra.Command{
		Use:   "merge REPORT.json... --out FILE",
		Short: "Merge the JSON reports of several shares into one report",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			lang, err := resolveLang(s.lang)
			if err != nil {
				return err
			}
			format, failOn, err := s.output()
			if err != nil {
				return err
			}
			var reps []*reports.Report
			for _, p := range args {
				f, err := os.Open(p)
				if err != nil {
					return err
				}
				r, err := reports.ReadJSON(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", p, err)
				}
				reps = append(reps, r)
			}
			rep := reports.Merge(reps, lang)
			if err := emit(reports.Writers(false)[format], rep, s.out, stdout); err != nil {
				return err
			}
			if code := reports.ExitCode(rep, failOn); code != 0 {
				return exitError{code}
			}
			return nil
		},
	}
	addShared(c, &s)
	return c
}

func newWatch(stdout, stderr io.Writer) *cobra.Command {
	var s shared
	var pollEvery time.Duration
	c := &cobra.Command{
		Use:   "watch [DIR]",
		Short: "Audit, then re-audit each case as its notes change (Ctrl-C to stop)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			st, err := loadSettings(s.config, s.lang, dir)
			if err != nil {
				return err
			}
			var w reports.Writer
			if s.out != "" {
				format, err := reports.FormatFor(s.format, s.out, "json")
				if err != nil {
					return err
				}
				w = reports.Writers(false)[format]
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			salt := s.salt
			if salt == "" {
				salt = st.Salt
			}
			ix := watch.NewIndex(dir, scan.Options{Vocab: st.Config.Vocab, Extensions: st.Extensions, MaxSize: st.MaxSize, Ignore: st.IgnoreFunc()}, st.Config)
			sink := &watch.TextSink{W: stdout, Lang: st.Config.Lang, Color: isTerminal(stdout) && os.Getenv("NO_COLOR") == "", Index: ix,
				Out: s.out, Writer: w, Version: version, Redact: s.redact, Salt: salt}
			return watch.Run(ctx, ix, watch.Options{Poll: pollEvery}, sink)
		},
	}
	addShared(c, &s)
	c.Flags().DurationVar(&pollEvery, "poll", 0, "rescan modification times at this interval instead of waiting for events (network shares send none), e.g. 5s")
	return c
}

// resolveLang: the flag, then LANG/LC_ALL, then English.
func resolveLang(flag string) (string, error) {
	if flag != "" {
		if flag != "en" && flag != "fr" {
			return "", fmt.Errorf("--lang %q: accepted values are en, fr", flag)
		}
		return flag, nil
	}
	return langFromEnv(), nil
}

func langFromEnv() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "fr") {
				return "fr"
			}
			return "en"
		}
	}
	return "en"
}

func runCheck(args []string, s shared, stdout, stderr io.Writer) error {
	st, err := loadSettings(s.config, s.lang, args[0])
	if err != nil {
		return err
	}
	format, failOn, err := s.output()
	if err != nil {
		return err
	}
	cfg := st.Config
	opts := scan.Options{Vocab: cfg.Vocab, Config: cfg, Extensions: st.Extensions, MaxSize: st.MaxSize, Ignore: st.IgnoreFunc(), Shortcut: !s.full}
	if s.progress && isTerminal(stderr) {
		opts.Progress = progressBar(stderr)
	}
	sc := scan.Paths(args, opts)
	res := sc.Audit(cfg)
	sc.Facts, sc.Unseen = nil, nil // events hold what the report needs; let the facts go before it is built
	salt := s.salt
	if salt == "" {
		salt = st.Salt
	}
	rep := reports.Build(res, sc.Errors, reports.Options{Root: strings.Join(args, " "), Files: sc.Files, Version: version, Lang: cfg.Lang, Redact: s.redact, Salt: salt})
	color := s.out == "" && isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	w := reports.Writers(color)[format]
	if t, ok := w.(reports.Text); ok {
		t.Verbose = s.verbose
		w = t
	}
	if err := emit(w, rep, s.out, stdout); err != nil {
		return err
	}
	if code := reports.ExitCode(rep, failOn); code != 0 {
		return exitError{code}
	}
	return nil
}

// emit writes the report to stdout, or atomically to the --out file.
func emit(w reports.Writer, rep *reports.Report, out string, stdout io.Writer) error {
	if out == "" {
		return w.Write(stdout, rep)
	}
	if err := reports.WriteFileAtomic(out, func(f io.Writer) error { return w.Write(f, rep) }); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}

// progressBar shows files done / total, the rate and the time left on
// standard error. The total grows while the walk still finds notes.
func progressBar(w io.Writer) func(done, total int) {
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if bar == nil {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("notes"),
				progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("notes"),
				progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
		}
		if bar.GetMax() != total {
			bar.ChangeMax(total)
		}
		_ = bar.Set(done)
		if done == total {
			_ = bar.Finish()
		}
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
