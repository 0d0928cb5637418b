package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNonEnglishUnitsAreSkipped is issue 13's fourth finding: German and
// Russian text went through the English models (PERSON "Staatsbesuch", a
// tone of -17.6 for a calm sentence, ORG "Лидер КНДР Ким Чен Ын встретил
// его в аэропорту"). Now such units are identified, skipped with a reason,
// and counted in the languages table.
func TestNonEnglishUnitsAreSkipped(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	recs := []map[string]string{
		{"id": "de1", "outlet": "Tagesschau", "text": "Der russische Präsident ist zu einem Staatsbesuch in Nordkorea eingetroffen. Die Bundesregierung hat die Vereinbarung zwischen Moskau und Pjöngjang scharf kritisiert. Beobachter in Seoul rechnen nicht damit, dass sich die Lage bald entspannt."},
		{"id": "ru1", "outlet": "Novaya Gazeta", "text": "Президент России прибыл в Пхеньян с государственным визитом. Лидер КНДР Ким Чен Ын встретил его в аэропорту. Стороны подписали договор о всеобъемлющем стратегическом партнёрстве."},
		{"id": "en1", "outlet": "Reuters", "text": "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for his first visit in 24 years. North Korean leader Kim Jong Un met him at the airport, and the two signed a partnership treaty."},
	}
	var b strings.Builder
	for _, r := range recs {
		j, _ := json.Marshal(r)
		b.Write(j)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(in, "feed.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "out")
	if err := runCLI(t, "run", "--no-state", "--out", out, "--report-date", "2024-06-20", in); err != nil {
		t.Fatalf("run: %v", err)
	}
	dir := filepath.Join(out, "latest")
	failures := readCSV(t, filepath.Join(dir, "failures.csv"))
	got := map[string]string{}
	for _, f := range failures {
		got[f["doc_id"]] = f["status"] + " " + f["error"]
	}
	for id, want := range map[string]string{"de1": "skipped language de (not analysed)", "ru1": "skipped language ru (not analysed)"} {
		if got[id] != want {
			t.Errorf("failures.csv %s: %q, want %q", id, got[id], want)
		}
	}
	if _, ok := got["en1"]; ok {
		t.Errorf("failures.csv lists the English document: %q", got["en1"])
	}
	var m struct {
		Documents []struct {
			ID     string `json:"doc_id"`
			Status string `json:"status"`
			Reason string `json:"reason"`
		} `json:"documents"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, d := range m.Documents {
		if d.ID == "de1" && (d.Status != "skipped" || d.Reason != "language de (not analysed)") {
			t.Errorf("manifest de1: %s %q", d.Status, d.Reason)
		}
	}
	// The English analyses saw only the English document.
	for _, name := range []string{"entities.csv", "tone.csv", "units.csv"} {
		for _, row := range readCSV(t, filepath.Join(dir, name)) {
			if !strings.HasPrefix(row["unit_id"], "en1#") {
				t.Errorf("%s has a row for %s", name, row["unit_id"])
			}
		}
	}
	langs := map[string]string{}
	for _, row := range readCSV(t, filepath.Join(dir, "languages.csv")) {
		langs[row["outlet"]] = row["language"] + " " + row["units"] + " " + row["analysed"]
	}
	want := map[string]string{"tagesschau": "de 1 false", "Novaya Gazeta": "ru 1 false", "Reuters": "en 1 true"}
	for o, w := range want {
		if langs[o] != w {
			t.Errorf("languages.csv %s: %q, want %q (all: %v)", o, langs[o], w, langs)
		}
	}

	// languages: [en, de] analyses the German document too.
	cfg := filepath.Join(tmp, "de.yaml")
	if err := os.WriteFile(cfg, []byte("languages: [en, de]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out2 := filepath.Join(tmp, "out2")
	if err := runCLI(t, "run", "--no-state", "--config", cfg, "--out", out2, in); err != nil {
		t.Fatalf("run with languages [en, de]: %v", err)
	}
	for _, f := range readCSV(t, filepath.Join(out2, "latest", "failures.csv")) {
		if f["doc_id"] == "de1" {
			t.Errorf("languages [en, de]: de1 still in failures.csv: %v", f)
		}
	}
	// An unknown code is a configuration error.
	bad := filepath.Join(tmp, "bad.yaml")
	if err := os.WriteFile(bad, []byte("languages: [english]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = runCLI(t, "run", "--no-state", "--config", bad, "--out", filepath.Join(tmp, "out3"), in)
	if exitCode(err) != exitError || !strings.Contains(err.Error(), "languages") {
		t.Errorf("languages [english]: %v (exit %d), want a configuration error naming the key", err, exitCode(err))
	}
}
