package reports

import (
	"sort"
	"strings"
)

// Derived figures shared by the md and html writers.

type checkShare struct {
	ID                    string
	Applicable, MetOrWaiv int
}

// Percent is the share met, rounded to the nearest whole percent, except
// that only all met shows 100 and only none met shows 0: "100%" must never
// hide a gap.
func (c checkShare) Percent() int {
	if c.Applicable == 0 {
		return 0
	}
	p := (c.MetOrWaiv*200 + c.Applicable) / (2 * c.Applicable)
	switch {
	case p == 100 && c.MetOrWaiv < c.Applicable:
		return 99
	case p == 0 && c.MetOrWaiv > 0:
		return 1
	}
	return p
}

type group struct {
	Name                   string
	Events, WithGaps, Gaps int
}

func shares(r *Report) []checkShare {
	var out []checkShare
	idx := map[string]int{}
	for _, e := range r.Events {
		for _, c := range e.Checks {
			i, ok := idx[c.ID]
			if !ok {
				i = len(out)
				idx[c.ID] = i
				out = append(out, checkShare{ID: c.ID})
			}
			if c.Status == "not-applicable" {
				continue
			}
			out[i].Applicable++
			if c.Status == "met" || c.Status == "waived" {
				out[i].MetOrWaiv++
			}
		}
	}
	return out
}

func gapsOf(e Event) int {
	n := 0
	for _, c := range e.Checks {
		if c.Status == "gap" {
			n++
		}
	}
	return n
}

func groupBy(r *Report, key func(Event) string) []group {
	m := map[string]*group{}
	for _, e := range r.Events {
		k := key(e)
		g := m[k]
		if g == nil {
			g = &group{Name: k}
			m[k] = g
		}
		g.Events++
		if n := gapsOf(e); n > 0 {
			g.WithGaps++
			g.Gaps += n
		}
	}
	out := make([]group, 0, len(m))
	for _, g := range m {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func teamOf(e Event) string {
	if i := strings.IndexByte(e.File, '/'); i > 0 {
		return e.File[:i]
	}
	return "."
}

func monthOf(e Event) string {
	if len(e.Date) >= 7 {
		return e.Date[:7]
	}
	return "?"
}
