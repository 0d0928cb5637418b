package reports

import (
	"encoding/base64"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
)

// htmlChart is a chart as report.html embeds it.
type htmlChart struct {
	Name, Title string
	Src         template.URL // data: URI of the SVG
	Width       int
}

// htmlTable is a table as report.html shows it.
type htmlTable struct {
	Name, Title string
	Columns     []string
	Numeric     []bool
	NoWrap      []bool
	Rows        [][]string
	Note        string
	// Small marks the rows of outlets under the minimum sample or
	// "unknown", drawn in grey.
	Small []bool
}

type htmlData struct {
	Title, Date, Version, Headline string
	Sample                         string
	Method                         []methodItem
	OutletNames                    string
	Notes                          []string
	Highlights                     []string
	Charts                         []htmlChart
	Tables                         []htmlTable
	Outlets                        []outletSection
	Inputs                         []string
}

// reportTables are the tables the HTML and PDF reports show, in order.
func (r *report) reportTables() []htmlTable {
	var out []htmlTable
	for _, t := range r.tables {
		out = append(out, r.showTable(t, nil))
	}
	return out
}

// showTable is t as the reports show it: the rows keep accepts (all when
// nil), at most maxRows of them.
func (r *report) showTable(t *table, keep func([]string) bool) htmlTable {
	ht := htmlTable{Name: t.Name, Title: t.Title, Columns: t.Columns()}
	for j, typ := range t.df.Types() {
		num := typ == "float" || typ == "int"
		name := ht.Columns[j]
		ht.Numeric = append(ht.Numeric, num)
		ht.NoWrap = append(ht.NoWrap, num || strings.HasSuffix(name, "date") || name == "bucket")
	}
	rows := t.Rows()
	if keep != nil {
		rows = slices.DeleteFunc(slices.Clone(rows), func(r []string) bool { return !keep(r) })
	}
	if max := r.maxRows(); len(rows) > max {
		ht.Note = "First " + itoa(max) + " of " + itoa(len(rows)) + " rows; " + t.Name + ".csv has all."
		rows = rows[:max]
	}
	if len(rows) == 0 {
		ht.Note = "No rows."
	}
	ht.Rows = rows
	if len(ht.Columns) > 0 && ht.Columns[0] == "outlet" {
		units, m := outletUnits(r.tables), minUnits(r.cfg)
		for _, row := range rows {
			ht.Small = append(ht.Small, sampleOf(row[0], units[row[0]], m) != sampleOK)
		}
	}
	return ht
}

func itoa(n int) string { return strconv.Itoa(n) }

// writeHTML writes report.html: one self-contained file with inline CSS
// and the charts as SVG data: URIs. html/template escapes every piece of
// input text, so a hostile title cannot inject markup or script.
func (r *report) writeHTML(w io.Writer) error {
	d := htmlData{Title: r.title(), Date: r.cfg.ReportDate, Version: r.info.Version, Headline: r.totals().headline(),
		Sample: countSamples(r.tables, r.cfg).sentence(minUnits(r.cfg)), Method: r.method(),
		OutletNames: r.agg.metaNames.counts().line(), Notes: r.notes, Highlights: r.stanceHighlights(10), Tables: r.reportTables(), Outlets: r.outletSections(), Inputs: r.info.Inputs}
	if s := feedsSentence(r.info.Feeds); s != "" {
		d.Notes = append([]string{s}, d.Notes...)
	}
	for _, c := range r.charts {
		b, err := r.chartBytes(c, "svg")
		if err != nil {
			return err
		}
		d.Charts = append(d.Charts, htmlChart{Name: c.Name, Title: c.Title,
			Src: template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(b)),
			// CSS pixels are 1/96 in, points 1/72 in.
			Width: int(c.W.Points() * 96 / 72)})
	}
	return htmlTemplate.Execute(w, d)
}

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;margin:0 auto;max-width:1100px;padding:1.5em;color:#222;line-height:1.4}
h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:2px solid #0072B2;padding-bottom:.2em;margin-top:2em}h3{margin-bottom:.3em}
.meta{color:#555}.note{color:#555;font-style:italic}
nav ul{columns:3;padding-left:1.2em}
figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{color:#555;font-size:.9em}
.scroll{overflow:auto;max-height:80vh;border:1px solid #ddd}
table{border-collapse:separate;border-spacing:0;font-size:.85em;margin:0}
th,td{border-right:1px solid #ccc;border-bottom:1px solid #ccc;padding:.2em .45em;text-align:left;vertical-align:top;background:#fff}
th{background:#eef4fa;position:sticky;top:0;z-index:1}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.d{white-space:nowrap}
.scroll th:first-child,.scroll td:first-child{position:sticky;left:0;z-index:1;box-shadow:1px 0 0 #999}
.scroll th:first-child{z-index:2}.scroll td:first-child{min-width:10em}
tr:nth-child(even) td{background:#fafafa}tr.small td{color:#777}
dl.method dt{font-weight:bold;margin-top:.5em}dl.method dd{margin-left:1.2em}
section.outlet{border-left:4px solid #E69F00;padding-left:1em;margin:1.5em 0}
.evidence{font-size:.9em}.evidence h4{margin:.8em 0 .2em}.evidence p{margin:.4em 0 .1em}.evidence ul{margin:.1em 0}
.evidence li.favourable::marker{color:#009E73}.evidence li.unfavourable::marker{color:#D55E00}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">{{if .Date}}Report date {{.Date}} · {{end}}framewatch {{.Version}}</p>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
<p>{{.Headline}}</p>
<p>{{.Sample}}</p>
{{if .OutletNames}}<p>{{.OutletNames}}</p>{{end}}
{{if .Highlights}}<h3>Stance highlights</h3><ul>{{range .Highlights}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Notes}}<h3>Notes</h3><ul>{{range .Notes}}<li class="note">{{.}}</li>{{end}}</ul>{{end}}
<nav><ul>
{{range .Charts}}<li><a href="#chart-{{.Name}}">Chart: {{.Title}}</a></li>{{end}}
{{range .Tables}}<li><a href="#table-{{.Name}}">Table: {{.Title}}</a></li>{{end}}
<li><a href="#outlets">Outlets one by one</a></li>
<li><a href="#method">Method: what the numbers mean</a></li>
</ul></nav>
</section>
<section id="charts">
<h2>Charts</h2>
{{range .Charts}}<figure id="chart-{{.Name}}"><img class="chart" src="{{.Src}}" alt="{{.Title}}" width="{{.Width}}"><figcaption>{{.Title}} (charts/{{.Name}}.png, .svg, .pdf)</figcaption></figure>
{{end}}
</section>
<section id="tables">
<h2>Tables</h2>
{{range .Tables}}<h3 id="table-{{.Name}}">{{.Title}} <small class="meta">({{.Name}}.csv, {{.Name}}.json)</small></h3>
{{if .Note}}<p class="note">{{.Note}}</p>{{end}}
{{if .Rows}}{{$num := .Numeric}}{{$nw := .NoWrap}}{{$small := .Small}}<div class="scroll"><table><thead><tr>{{range .Columns}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range $r, $row := .Rows}}<tr{{if $small}}{{if index $small $r}} class="small"{{end}}{{end}}>{{range $i, $c := $row}}<td{{if index $num $i}} class="n"{{else if index $nw $i}} class="d"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</tbody></table></div>{{end}}
{{end}}
</section>
<section id="outlets">
<h2>Outlets one by one</h2>
{{range .Outlets}}<section class="outlet">
<h3>{{.Name}}</h3>
<p>{{range $i, $f := .Facts}}{{if $i}} · {{end}}{{$f}}{{end}}</p>
{{if .Entities}}<p><b>Top entities:</b> {{range $i, $e := .Entities}}{{if $i}}, {{end}}{{$e}}{{end}}</p>{{end}}
{{if .Frames}}<p><b>Main frames:</b> {{range $i, $e := .Frames}}{{if $i}}, {{end}}{{$e}}{{end}}</p>{{end}}
{{if .NewsFrames}}<p><b>News frames</b> (share of units, 95% interval): {{range $i, $e := .NewsFrames}}{{if $i}}, {{end}}{{$e}}{{end}}</p>{{end}}
{{if .Roles}}<p><b>Actor roles</b> (units cast so / units with the actor): {{range $i, $e := .Roles}}{{if $i}}, {{end}}{{$e}}{{end}}</p>{{end}}
{{if .Terms}}<p><b>Distinctive terms:</b> {{range $i, $e := .Terms}}{{if $i}}, {{end}}{{$e}}{{end}}</p>{{end}}
{{if .Sources}}<p><b>Sources:</b> {{.Sources}}</p>{{end}}
{{if .Stance}}<table><thead><tr><th>target</th><th>voice</th><th>score</th><th>95% interval</th><th>mentions</th><th>label</th><th>relative to the corpus [95% interval]</th></tr></thead>
<tbody>{{range .Stance}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</tbody></table>{{end}}
{{if .Evidence}}<div class="evidence"><h4>Evidence: the most favourable and unfavourable sentences</h4>
{{range .Evidence}}<p><b>{{.Target}}</b></p><ul>{{range .Lines}}<li class="{{.Side}}">{{.Side}} ({{.Score}}, {{.Voice}} voice): <q>{{.Text}}</q></li>{{end}}</ul>
{{end}}</div>{{end}}
</section>
{{end}}
</section>
<section id="method">
<h2>Method: what the numbers mean</h2>
<dl class="method">{{range .Method}}<dt>{{.Term}}</dt><dd>{{.Text}}</dd>
{{end}}</dl>
</section>
{{if .Inputs}}<p class="meta">Inputs: {{range $i, $p := .Inputs}}{{if $i}}, {{end}}{{$p}}{{end}}</p>{{end}}
</main>
</body>
</html>
`))
