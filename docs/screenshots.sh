#!/bin/sh
# Rebuilds the README's screenshots of report.html and report.pdf from the
# fixtures' report: `make screenshots` (needs chromium and poppler-utils).
set -eu
REPORT=${1:-out/latest}
DEST=${2:-docs/screenshots}
mkdir -p "$DEST"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shot() { # shot NAME HTML WIDTH HEIGHT
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --hide-scrollbars --user-data-dir="$tmp/profile" --virtual-time-budget=3000 \
		--window-size="$3,$4" --screenshot="$DEST/$1.png" "file://$2" >/dev/null 2>&1
}
# 1. The top of the report: summary, sample sizes, highlights.
cp "$REPORT/report.html" "$tmp/top.html"
shot report-summary "$tmp/top.html" 1000 760
# 2. The overview table scrolled right and down: header and outlet column stay.
sed 's|</head>|<style>header,#summary,#charts{display:none}</style></head>|; s|</body>|<script>var s=document.querySelector(".scroll");s.scrollLeft=420;s.scrollTop=120;</script></body>|' \
	"$REPORT/report.html" >"$tmp/overview.html"
shot report-overview "$tmp/overview.html" 1000 560
# 3. The first page of the PDF's overview table (page 2), at 60 dpi.
pdftoppm -r 60 -png -f 2 -l 2 -singlefile "$REPORT/report.pdf" "$DEST/report-pdf-page2"
ls -l "$DEST"
