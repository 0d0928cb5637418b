package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawTestPDF draws, on a 200×100 pt page, an image whose top half is red
// and bottom half blue into the left half, and text into the right half.
func drawTestPDF(t *testing.T, txt string) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for y := range 4 {
		for x := range 4 {
			c := color.RGBA{0, 0, 255, 255}
			if y < 2 {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	doc := newPDFDoc("P", fpdf.SizeType{Wd: 200, Ht: 100})
	doc.AddPage()
	pc := newPDFCanvas(doc, 0, 0, vg.Points(200), vg.Points(100), map[string]bool{}, new(int))
	dc := draw.New(pc)
	dc.DrawImage(vg.Rectangle{Min: vg.Point{X: 0, Y: 0}, Max: vg.Point{X: 100, Y: 100}}, img)
	face := font.DefaultCache.Lookup(sans, 10)
	dc.FillString(face, vg.Point{X: 105, Y: 50}, txt)
	pc.end()
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPDFCanvasImageUpright renders the test page with pdftoppm and checks
// that the image is the right way up (vgpdf draws it upside down).
func TestPDFCanvasImageUpright(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed (apt-get install poppler-utils); skipping")
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "t.pdf")
	if err := os.WriteFile(pdf, drawTestPDF(t, "Новая газета"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "72", "-png", "-singlefile", pdf, filepath.Join(dir, "t")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "t.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		x, y int
		want string
	}{{50, 20, "red"}, {50, 80, "blue"}} {
		r, _, b, _ := img.At(tc.x, tc.y).RGBA()
		got := "blue"
		if r > b {
			got = "red"
		}
		if got != tc.want {
			t.Errorf("pixel (%d, %d) is %s, want %s: image drawn upside down", tc.x, tc.y, got, tc.want)
		}
	}
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "Новая газета") {
		t.Errorf("pdftotext = %q, want Новая газета", out)
	}
}

func TestPDFCanvasDeterministic(t *testing.T) {
	a, b := drawTestPDF(t, "Hospodářské noviny"), drawTestPDF(t, "Hospodářské noviny")
	if !bytes.Equal(a, b) {
		t.Error("the same drawing gives different PDF bytes")
	}
}
