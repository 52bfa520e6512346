package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// ReadJSON reads a report written by the json writer.
func ReadJSON(r io.Reader) (*Report, error) {
	var rep Report
	dec := json.NewDecoder(r)
	if err := dec.Decode(&rep); err != nil {
		return nil, err
	}
	if rep.Schema != Schema {
		return nil, fmt.Errorf("schema %q, want %q", rep.Schema, Schema)
	}
	return &rep, nil
}

// Merge makes one report of the reports of several shares (a multi-site
// agency sweeps each site, then merges). Paths are prefixed with each
// report's site (the last element of its root) so they stay distinct;
// counts are summed and the gap figures recomputed from the events.
func Merge(reps []*Report, lang string) *Report {
	out := &Report{Schema: Schema, Lang: lang, Events: []Event{}, Errors: []FileError{}}
	var roots []string
	for _, r := range reps {
		site := path.Base(strings.TrimRight(strings.ReplaceAll(r.Root, "\\", "/"), "/"))
		if site == "." || site == "/" || site == "" {
			site = "site"
		}
		prefix := func(p string) string { return site + "/" + p }
		roots = append(roots, r.Root)
		out.Tool = r.Tool
		out.Summary.Files += r.Summary.Files
		out.Summary.Notes += r.Summary.Notes
		out.Summary.Cases += r.Summary.Cases
		for _, e := range r.Events {
			e.File = prefix(e.File)
			notes := make([]string, len(e.Notes))
			for i, n := range e.Notes {
				notes[i] = prefix(n)
			}
			e.Notes = notes
			checks := make([]Check, len(e.Checks))
			for i, c := range e.Checks {
				ev := make([]Evidence, len(c.Evidence))
				for j, x := range c.Evidence {
					x.File = prefix(x.File)
					ev[j] = x
				}
				c.Evidence = ev
				checks[i] = c
			}
			e.Checks = checks
			out.Events = append(out.Events, e)
		}
		for _, fe := range r.Errors {
			fe.File = prefix(fe.File)
			out.Errors = append(out.Errors, fe)
		}
	}
	out.Root = strings.Join(roots, " + ")
	sort.SliceStable(out.Events, func(i, j int) bool {
		if out.Events[i].Case != out.Events[j].Case {
			return out.Events[i].Case < out.Events[j].Case
		}
		return out.Events[i].File < out.Events[j].File
	})
	sort.SliceStable(out.Errors, func(i, j int) bool { return out.Errors[i].File < out.Errors[j].File })
	out.recount()
	return out
}
