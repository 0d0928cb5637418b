package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests look at the fixtures' report as a reader does: the PDF
// through pdftotext and pdftoppm, the HTML in headless Chromium. They skip
// where the tools are missing (CI installs them; see README, Development).

// pdfText returns the text of pages first..last of a PDF (0: to the end).
func pdfText(t *testing.T, pdf string, first, last int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8", "-f", strconv.Itoa(first)}
	if last > 0 {
		args = append(args, "-l", strconv.Itoa(last))
	}
	out, err := exec.Command("pdftotext", append(args, pdf, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestFixtureReportPDF checks report.pdf of the fixtures: every outlet's
// full ISO first date is in the overview's text (no cell is cut), no
// table cell ends in an ellipsis, no page ends with a heading, every page
// renders, and the report is shorter than one page per document.
func TestFixtureReportPDF(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (apt-get install poppler-utils); skipping the PDF checks", tool)
		}
	}
	r := runFixtures(t)
	pdf := filepath.Join(r.dir, "report.pdf")
	// pdftotext orders a page's text by position, but charts drawn with
	// transformations confuse the order across pages: sections are found
	// page by page.
	pages := pdfPages(t, pdf)
	text := make([]string, pages+1)
	for p := 1; p <= pages; p++ {
		text[p] = "\n" + pdfText(t, pdf, p, p)
	}
	section := func(from, to string) string {
		var b strings.Builder
		in := false
		for _, pg := range text[1:] {
			if !in {
				if i := strings.Index(pg, from); i >= 0 {
					in, pg = true, pg[i:]
				}
			}
			if in {
				if i := strings.Index(pg, to); i >= 0 {
					b.WriteString(pg[:i])
					return b.String()
				}
				b.WriteString(pg)
			}
		}
		return ""
	}
	overview := section("Outlets (overview.csv)", "\nCharts\n")
	if overview == "" {
		t.Fatalf("report.pdf has no overview before the charts")
	}
	rows := readCSV(t, filepath.Join(r.dir, "overview.csv"))
	for _, row := range rows {
		if !strings.Contains(overview, row["outlet"]) {
			t.Errorf("overview in report.pdf lacks outlet %q", row["outlet"])
		}
		if d := row["first_date"]; d != "" && !strings.Contains(overview, d) {
			t.Errorf("overview in report.pdf lacks %s's first_date %s (cut cell?)", row["outlet"], d)
		}
	}
	tables := section("\nTables\n", "Outlets one by one")
	if tables == "" {
		t.Error("report.pdf has no tables section")
	}
	for _, part := range []string{overview, tables} {
		if i := strings.Index(part, "…"); i >= 0 {
			t.Errorf("a table cell in report.pdf is cut: %q", part[max(0, i-60):min(len(part), i+10)])
		}
	}
	// No page ends with a heading.
	headings := map[string]bool{"Summary": true, "Charts": true, "Tables": true, "Outlets one by one": true,
		"Method: what the numbers mean": true, "Stance highlights": true, "Notes": true}
	for _, c := range []string{"Tone by outlet", "Stance by outlet and target", "Frame shares by outlet", "Top entities by outlet",
		"Which outlets cite which figures", "Coverage over time", "Tone over time", "Stance over time"} {
		headings[c] = true
	}
	for p := 1; p <= pages; p++ {
		lines := strings.Split(strings.TrimSpace(text[p]), "\n")
		last := strings.TrimSpace(lines[len(lines)-1])
		if headings[last] || strings.HasSuffix(last, ".csv)") {
			t.Errorf("page %d of report.pdf ends with the heading %q", p, last)
		}
	}
	var man struct {
		Totals struct {
			Docs int `json:"docs"`
		} `json:"totals"`
	}
	b, err := os.ReadFile(filepath.Join(r.dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	docs := man.Totals.Docs
	if pages >= docs {
		t.Errorf("report.pdf has %d pages for %d documents, want fewer pages than documents", pages, docs)
	}
	// Every page renders.
	png := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-r", "20", "-png", pdf, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	got, _ := filepath.Glob(png + "*.png")
	if len(got) != pages {
		t.Errorf("pdftoppm rendered %d of %d pages", len(got), pages)
	}
}

var (
	svgHeight = regexp.MustCompile(`<svg[^>]*width="([0-9.]+)pt" height="([0-9.]+)pt"`)
	svgLine   = regexp.MustCompile(`<path d="(M[0-9.,L-]+)" style="fill:none;stroke:#[0-9A-Fa-f]{6};stroke-width:1.5"`)
)

// TestFixtureCharts checks the fixtures' charts: none is taller than a
// page, none draws "unknown", and no trend line joins points months
// apart.
func TestFixtureCharts(t *testing.T) {
	r := runFixtures(t)
	svgs, _ := filepath.Glob(filepath.Join(r.dir, "charts", "*.svg"))
	if len(svgs) < 7 {
		t.Fatalf("%d charts, want at least 7", len(svgs))
	}
	for _, f := range svgs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		m := svgHeight.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no size", name)
		}
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if h > 800 {
			t.Errorf("%s is %.0f pt tall, more than a page", name, h)
		}
		if bytes.Contains(b, []byte("unknown")) {
			t.Errorf("%s draws the outlet \"unknown\"", name)
		}
		if !strings.HasPrefix(name, "trends_") {
			continue
		}
		// A week is under 2% of the fixtures' 65-week axis: a line
		// segment wider than a tenth of the chart bridges a gap.
		for _, p := range svgLine.FindAllSubmatch(b, -1) {
			pts := strings.Split(strings.TrimPrefix(string(p[1]), "M"), "L")
			for i := 1; i < len(pts); i++ {
				x0, _ := strconv.ParseFloat(strings.Split(pts[i-1], ",")[0], 64)
				x1, _ := strconv.ParseFloat(strings.Split(pts[i], ",")[0], 64)
				if x1-x0 > w/10 {
					t.Errorf("%s: a trend line joins points %.0f pt apart (chart %.0f pt wide): %s", name, x1-x0, w, p[1])
				}
			}
		}
	}
}

// TestFixtureReportHTML opens the fixtures' report.html in headless
// Chromium: the overview table keeps its first column and header in view
// (sticky), and no chart is displayed taller than a page.
func TestFixtureReportHTML(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (apt-get install chromium); skipping the browser check of report.html")
	}
	r := runFixtures(t)
	html, err := os.ReadFile(filepath.Join(r.dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	probe := `<script>
window.addEventListener("load", function () {
  var out = [], tallest = 0;
  var imgs = document.querySelectorAll("img.chart");
  for (var i = 0; i < imgs.length; i++) { tallest = Math.max(tallest, imgs[i].getBoundingClientRect().height); }
  var t = document.querySelector("#table-overview + .scroll, #table-overview ~ .scroll");
  var th = t.querySelector("th"), td = t.querySelector("tbody td");
  t.scrollLeft = 2000; t.scrollTop = 200;
  var box = t.getBoundingClientRect();
  out.push("tallest=" + Math.round(tallest));
  out.push("scrolled=" + (t.scrollLeft > 0 ? 1 : 0));
  out.push("firstcol=" + Math.round(td.getBoundingClientRect().left - box.left));
  out.push("header=" + Math.round(th.getBoundingClientRect().top - box.top));
  var pre = document.createElement("pre"); pre.id = "probe";
  pre.textContent = "PROBE " + out.join(" ") + " END"; document.body.appendChild(pre);
});
</script>`
	page := filepath.Join(t.TempDir(), "probe.html")
	if err := os.WriteFile(page, bytes.Replace(html, []byte("</body>"), []byte(probe+"</body>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,900",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", "file://"+page)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	m := regexp.MustCompile(`PROBE tallest=(\d+) scrolled=(\d) firstcol=(-?\d+) header=(-?\d+) END`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("no probe result; chromium stderr:\n%s", stderr.String())
	}
	// An A4 page is 1123 CSS px tall.
	if h, _ := strconv.Atoi(m[1]); h > 1123 {
		t.Errorf("a chart is displayed %d px tall, more than a page", h)
	}
	if m[2] != "1" {
		t.Error("the overview table does not scroll sideways inside its box")
	}
	if x, _ := strconv.Atoi(m[3]); x < -1 || x > 2 {
		t.Errorf("after scrolling right the overview's first column is %d px from the box's left edge, want it fixed at 0", x)
	}
	if y, _ := strconv.Atoi(m[4]); y < -1 || y > 2 {
		t.Errorf("after scrolling down the overview's header is %d px from the box's top, want it fixed at 0", y)
	}
}
