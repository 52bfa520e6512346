package reports

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"runtime"
	"strings"
	"sync"
)

// HTML is one self-contained page for management: no script, no font, no
// stylesheet and no image from anywhere else (it opens offline and prints
// cleanly); every piece of note text is escaped by html/template.
type HTML struct{}

type htmlBar struct {
	Label   string
	Value   int // 0-100 or a count
	Y, W, H int
	X       int
	Text    string
}

type htmlData struct {
	R        *Report
	Lang     string
	L        func(string, ...any) string
	Shares   []checkShare
	Bars     []htmlBar
	BarsH    int
	Months   []htmlBar
	MonthsW  int
	MonthMax int
	Workers  []group
	Teams    []group
	GapEvts  []Event
	GapHTML  []template.HTML // GapEvts rendered (renderGapEvents)
}

func (HTML) Write(w io.Writer, r *Report) error {
	d := htmlData{R: r, Lang: r.Lang, L: func(k string, a ...any) string { return L(r.Lang, k, a...) }, Shares: shares(r)}
	if d.Lang == "" {
		d.Lang = "en"
	}
	for i, s := range d.Shares {
		d.Bars = append(d.Bars, htmlBar{Label: s.ID, Value: s.Percent(), Y: i * 26, W: s.Percent() * 3, Text: fmt.Sprintf("%d%% (%d/%d)", s.Percent(), s.MetOrWaiv, s.Applicable)})
	}
	d.BarsH = len(d.Bars)*26 + 4
	months := groupBy(r, monthOf)
	for _, m := range months {
		d.MonthMax = max(d.MonthMax, m.Events)
	}
	for i, m := range months {
		h := 0
		if d.MonthMax > 0 {
			h = m.Events * 120 / d.MonthMax
		}
		d.Months = append(d.Months, htmlBar{Label: m.Name, Value: m.Events, X: i*44 + 4, H: h, Y: 140 - h})
	}
	d.MonthsW = len(d.Months)*44 + 8
	d.Workers = groupBy(r, func(e Event) string {
		if e.Practitioner == "" {
			return L(r.Lang, "unknown")
		}
		return e.Practitioner
	})
	d.Teams = groupBy(r, teamOf)
	for _, e := range r.Events {
		if gapsOf(e) > 0 {
			d.GapEvts = append(d.GapEvts, e)
		}
	}
	var err error
	if d.GapHTML, err = renderGapEvents(d.GapEvts, d.L); err != nil {
		return err
	}
	return htmlPage().Execute(w, d)
}

// htmlPage is parsed when a report is first written as HTML, not when
// every run starts (about 5 ms).
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"gaps": gapsOf,
		"ground": func(g *string) string {
			if g == nil {
				return "—"
			}
			return *g
		},
	}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{call .L "title"}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2433;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
.meta{color:#556}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem}
.card{border:1px solid #ccd;border-radius:6px;padding:.5rem .8rem}.card b{display:block;font-size:1.6rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccd;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eef1f6}td.n{text-align:right}
.gap{color:#a4161a;font-weight:600}.met{color:#1b6b2f}.waived{color:#6a4c93}.not-applicable{color:#667}
details{border:1px solid #ccd;border-radius:6px;margin:.5rem 0;padding:.3rem .7rem}summary{cursor:pointer;font-weight:600}
code{font-size:.9em}svg text{font-size:12px;fill:#1d2433}
@media print{body{margin:0;max-width:none}details{break-inside:avoid}details::details-content{content-visibility:visible;display:block}summary{list-style:none}}
</style>
</head>
<body>
<h1>{{call .L "title"}}</h1>
<p class="meta">{{call .L "generated" .R.Tool.Version .R.Root}}</p>

<h2>{{call .L "sum-head"}}</h2>
<div class="cards" id="summary">
<div class="card"><b id="sum-files">{{.R.Summary.Files}}</b>{{call .L "files"}}</div>
<div class="card"><b id="sum-notes">{{.R.Summary.Notes}}</b>{{call .L "notes"}}</div>
<div class="card"><b id="sum-cases">{{.R.Summary.Cases}}</b>{{call .L "cases"}}</div>
<div class="card"><b id="sum-events">{{.R.Summary.Events}}</b>{{call .L "events"}}</div>
<div class="card"><b id="sum-with-gaps">{{.R.Summary.EventsWithGaps}}</b>{{call .L "with-gaps"}}</div>
<div class="card"><b id="sum-gap-error">{{.R.Summary.Gaps.Error}}</b>{{call .L "gap-errors"}}</div>
<div class="card"><b id="sum-gap-warning">{{.R.Summary.Gaps.Warning}}</b>{{call .L "gap-warn"}}</div>
<div class="card"><b id="sum-gap-info">{{.R.Summary.Gaps.Info}}</b>{{call .L "gap-info"}}</div>
<div class="card"><b id="sum-errors">{{.R.Summary.Errors}}</b>{{call .L "problems"}}</div>
</div>

<h2>{{call .L "by-check"}}</h2>
<svg role="img" aria-label="{{call .L "by-check"}}" width="560" height="{{.BarsH}}" viewBox="0 0 560 {{.BarsH}}">
{{range .Bars}}<text x="0" y="{{.Y}}" dy="16">{{.Label}}</text><rect x="170" y="{{.Y}}" width="300" height="20" fill="#e3e7ef"/><rect x="170" y="{{.Y}}" width="{{.W}}" height="20" fill="#2f6f9f"/><text x="476" y="{{.Y}}" dy="15">{{.Text}}</text>
{{end}}</svg>
<table><tr><th>{{call .L "check"}}</th><th>{{call .L "applicable"}}</th><th>{{call .L "share-met"}}</th><th>%</th></tr>
{{range .Shares}}<tr><td><code>{{.ID}}</code></td><td class="n">{{.Applicable}}</td><td class="n">{{.MetOrWaiv}}</td><td class="n">{{.Percent}}</td></tr>
{{end}}</table>

<h2>{{call .L "by-month"}}</h2>
<svg role="img" aria-label="{{call .L "by-month"}}" width="{{.MonthsW}}" height="200" viewBox="0 0 {{.MonthsW}} 200">
{{range .Months}}<rect x="{{.X}}" y="{{.Y}}" width="36" height="{{.H}}" fill="#2f6f9f"/><text x="{{.X}}" y="{{.Y}}" dy="-3">{{.Value}}</text><text x="{{.X}}" y="158" transform="rotate(30 {{.X}} 158)">{{.Label}}</text>
{{end}}</svg>

<h2>{{call .L "by-worker"}}</h2>
<table><tr><th>{{call .L "worker"}}</th><th>{{call .L "events"}}</th><th>{{call .L "with-gaps"}}</th><th>{{call .L "gaps-col"}}</th></tr>
{{range .Workers}}<tr><td>{{.Name}}</td><td class="n">{{.Events}}</td><td class="n">{{.WithGaps}}</td><td class="n">{{.Gaps}}</td></tr>
{{end}}</table>

<h2>{{call .L "by-team"}}</h2>
<table><tr><th>{{call .L "team"}}</th><th>{{call .L "events"}}</th><th>{{call .L "with-gaps"}}</th><th>{{call .L "gaps-col"}}</th></tr>
{{range .Teams}}<tr><td>{{.Name}}</td><td class="n">{{.Events}}</td><td class="n">{{.WithGaps}}</td><td class="n">{{.Gaps}}</td></tr>
{{end}}</table>

<h2>{{call .L "gap-events"}}</h2>
{{if not .GapEvts}}<p>{{call .L "none-gaps"}}</p>{{end}}
{{range .GapHTML}}{{.}}{{end}}
{{if .R.Errors}}<h2>{{call .L "errors-head"}}</h2><ul>{{range .R.Errors}}<li><code>{{.File}}:{{.Line}}</code> {{.Message}}</li>{{end}}</ul>{{end}}
</body>
</html>
{{define "gap-event"}}<details>
<summary>{{call $.L "case"}} {{.Case}} — <code>{{.File}}:{{.Line}}</code> — {{.Date}} — {{call $.L "ground"}}: {{ground .Ground}} — <span class="gap">{{call $.L "gaps" (gaps .Event)}}</span></summary>
<p>{{.Practitioner}}</p>
<table><tr><th>{{call $.L "check"}}</th><th>{{call $.L "status"}}</th><th>{{call $.L "severity"}}</th><th>{{call $.L "message"}}</th></tr>
{{range .Checks}}<tr><td><code>{{.ID}}</code></td><td class="{{.Status}}">{{call $.L (printf "st-%s" .Status)}}</td><td>{{.Severity}}</td><td>{{.Message}}{{if .Evidence}}<ul>{{range .Evidence}}<li><code>{{.File}}:{{.Line}}</code> {{.Text}}</li>{{end}}</ul>{{end}}</td></tr>
{{end}}</table>
</details>
{{end}}`))
})

// gapEvent is what the "gap-event" template reads of one event.
type gapEvent struct {
	L func(string, ...any) string
	Event
}

// renderGapEvents renders each event with gaps as the page lists it, the
// events split among every core: most of a large report's page, and
// html/template runs a template on one goroutine.
func renderGapEvents(events []Event, l func(string, ...any) string) ([]template.HTML, error) {
	page := htmlPage()
	parts := make([]template.HTML, min(len(events), 4*runtime.NumCPU()))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			for i := k * len(events) / len(parts); i < (k+1)*len(events)/len(parts); i++ {
				if err := page.ExecuteTemplate(&b, "gap-event", gapEvent{l, events[i]}); err != nil {
					errs[k] = err
					return
				}
			}
			parts[k] = template.HTML(b.String()) // escaped by the template
		}()
	}
	wg.Wait()
	return parts, errors.Join(errs...)
}
