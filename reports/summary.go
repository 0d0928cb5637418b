package reports

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
)

// maxSummaryFailures bounds the failures summary.md lists one by one.
const maxSummaryFailures = 50

// mdEscape keeps input text from being read as Markdown markup: emphasis,
// code, HTML, table cells and links ("](" is what makes "[x](y)" a link).
var mdEscape = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "|", `\|`, "](", `]\(`)

func md(s string) string { return mdEscape.Replace(strings.Join(strings.Fields(s), " ")) }

// writeSummary writes summary.md, a short digest of the run.
func (r *report) writeSummary(w io.Writer) error {
	var b bytes.Buffer
	t := r.totals()
	fmt.Fprintf(&b, "# %s\n\n", md(r.title()))
	if r.cfg.ReportDate != "" {
		fmt.Fprintf(&b, "Report date: %s\n\n", md(r.cfg.ReportDate))
	}
	fmt.Fprintf(&b, "%s\n\n%s\n\n", t.headline(), md(countSamples(r.tables, r.cfg).sentence(minUnits(r.cfg))))
	if l := r.agg.metaNames.counts().line(); l != "" {
		fmt.Fprintf(&b, "%s\n\n", md(l))
	}
	if l := feedsSentence(r.info.Feeds); l != "" {
		fmt.Fprintf(&b, "%s\n\n", md(l))
	}
	fmt.Fprintf(&b, "- entity mentions: %d\n- figures: %d (%d claims)\n- dates: %d\n", t.Mentions, t.Figures, t.Claims, t.Dates)
	// How many results came from the workspace is run bookkeeping, kept in
	// manifest.json: the report depends only on the corpus, so an unchanged
	// corpus gives the same report whatever was cached.
	if r.info.Interrupted {
		b.WriteString("\n**The run was interrupted; this report covers the documents read before it stopped.**\n")
	}

	b.WriteString("\n## Outlets\n\n| outlet | country | units | sample | words | dates | tone [95% interval] |\n|---|---|---:|---|---:|---|---|\n")
	ov := findTable(r.tables, "overview")
	sample := slices.Index(ov.Columns(), "sample")
	for _, row := range ov.Rows() {
		dates := ""
		if row[4] != "" {
			dates = row[4] + " – " + row[5]
		}
		tone := ""
		if row[6] != "" {
			tone = fmt.Sprintf("%s [%s, %s]", row[6], row[7], row[8])
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", md(row[0]), md(row[1]), row[2], row[sample], row[3], dates, tone)
	}

	fails := failureRows(r.agg.failed)
	fmt.Fprintf(&b, "\n## Failures\n\n")
	if len(fails) == 0 {
		b.WriteString("None.\n")
	}
	for i, f := range fails {
		if i == maxSummaryFailures {
			fmt.Fprintf(&b, "- … and %d more (failures.csv)\n", len(fails)-i)
			break
		}
		what := f[4]
		if f[3] != "" {
			what = f[3] + ": " + what
		}
		fmt.Fprintf(&b, "- %s (%s): %s\n", md(f[1]), f[2], md(what))
	}

	if hs := r.stanceHighlights(10); len(hs) > 0 {
		b.WriteString("\n## Stance highlights\n\n")
		for _, h := range hs {
			fmt.Fprintf(&b, "- %s\n", md(h))
		}
	}

	b.WriteString("\n## By outlet\n")
	for _, s := range r.outletSections() {
		fmt.Fprintf(&b, "\n### %s\n\n", md(s.Name))
		if len(s.Entities) > 0 {
			fmt.Fprintf(&b, "- top entities: %s\n", md(strings.Join(s.Entities, ", ")))
		}
		if len(s.Frames) > 0 {
			fmt.Fprintf(&b, "- frames: %s\n", md(strings.Join(s.Frames, ", ")))
		}
		if len(s.Terms) > 0 {
			fmt.Fprintf(&b, "- distinctive terms: %s\n", md(strings.Join(s.Terms, ", ")))
		}
		if len(s.Entities)+len(s.Frames)+len(s.Terms) == 0 {
			b.WriteString("- no entities, frames or terms\n")
		}
	}
	if len(r.notes) > 0 {
		b.WriteString("\n## Notes\n\n")
		// Notes name outlets, which are input: escaped like the rest.
		for _, n := range r.notes {
			fmt.Fprintf(&b, "- %s\n", md(n))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}
