package reports

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// probeScript is appended to a copy of report.html (never to the report
// itself): once the page has loaded it records every error event (script
// errors and resources that fail to load, caught in the capture phase) and
// console.error call, checks that every chart image decoded, and writes
// the verdict into the DOM for --dump-dom.
const probeScript = `<script>
(function () {
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push("error: " + (e.message || (e.target && (e.target.src || e.target.tagName)) || "?").toString().slice(0, 120));
  }, true);
  var ce = console.error;
  console.error = function () { errors.push("console: " + Array.prototype.join.call(arguments, " ")); ce.apply(console, arguments); };
  window.addEventListener("load", function () {
    var imgs = document.querySelectorAll("img.chart"), shown = 0;
    for (var i = 0; i < imgs.length; i++) {
      var r = imgs[i].getBoundingClientRect();
      if (imgs[i].complete && imgs[i].naturalWidth > 0 && r.width > 0 && r.height > 0) { shown++; }
      else { errors.push("chart not displayed: " + imgs[i].alt); }
    }
    var out = document.createElement("pre");
    out.id = "probe";
    out.textContent = "PROBE charts=" + imgs.length + " shown=" + shown + " errors=" + errors.length + " " + errors.join(" | ") + " END";
    document.body.appendChild(out);
  });
})();
</script>`

// TestReportHTMLInChromium opens report.html in headless Chromium and
// checks that it loads without errors and displays every chart.
func TestReportHTMLInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (apt-get install chromium); skipping the browser check of report.html")
	}
	dir := sharedRun(t)
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	nCharts := bytes.Count(html, []byte(`<img class="chart"`))
	if nCharts < 7 {
		t.Fatalf("report.html embeds %d charts, want 7", nCharts)
	}
	// The probe goes into the head so that it sees every load error.
	probe := filepath.Join(t.TempDir(), "probe.html")
	page := bytes.Replace(html, []byte("<head>"), []byte("<head>\n"+probeScript), 1)
	if err := os.WriteFile(probe, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
		"--dump-dom", "file://"+probe)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, tail(stderr.String(), 2000))
	}
	m := regexp.MustCompile(`PROBE charts=(\d+) shown=(\d+) errors=(\d+) (.*?) END`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("no probe result in the DOM; chromium stderr:\n%s", tail(stderr.String(), 2000))
	}
	if m[1] != m[2] || m[1] != itoa(nCharts) {
		t.Errorf("charts displayed: %s of %s (report has %d): %s", m[2], m[1], nCharts, m[4])
	}
	if m[3] != "0" {
		t.Errorf("page errors: %s", m[4])
	}
	// Console messages the page logs at error level also reach stderr.
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, ":CONSOLE") && (strings.Contains(l, "ERROR") || strings.Contains(l, "Uncaught")) {
			t.Errorf("console: %s", l)
		}
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
