package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/framewatch/framewatch/pipeline"
)

// manifest is manifest.json. Everything in it is deterministic except
// Timings, which holds every duration measured during the run.
type manifest struct {
	Tool        string          `json:"tool"`
	Version     string          `json:"version"`
	Title       string          `json:"title"`
	ReportDate  string          `json:"report_date,omitempty"`
	ConfigHash  string          `json:"config_hash"`
	Config      pipeline.Config `json:"config"`
	Inputs      []string        `json:"inputs"`
	Workers     int             `json:"workers"`
	Interrupted bool            `json:"interrupted"`
	Notes       []string        `json:"notes,omitempty"`
	// Feeds is the coverage ledger the run was given (RunInfo.Feeds).
	Feeds []FeedRun `json:"feeds,omitempty"`
	// ReusedFrom names the earlier run whose report this run published
	// unchanged, because nothing it was made from had changed.
	ReusedFrom string       `json:"reused_report_from,omitempty"`
	Totals     totals       `json:"totals"`
	Stages     []stageCount `json:"stages"`
	Outputs    []string     `json:"outputs"`
	Documents  []docRow     `json:"documents"`
	Timings    timings      `json:"timings"`
}

type stageCount struct {
	Stage    string `json:"stage"`
	Docs     int64  `json:"docs"`
	Failures int64  `json:"failures"`
}

// timings is the only part of the manifest that changes between identical
// runs.
type timings struct {
	ElapsedNS int64       `json:"elapsed_ns"`
	Stages    []stageTime `json:"stages"`
}

type stageTime struct {
	Stage  string `json:"stage"`
	BusyNS int64  `json:"busy_ns"`
}

// writeManifest writes manifest.json, copying its "documents" array from
// docs, the rows as JSON lines in input order, so that they never all sit
// in memory at once. The copied rows are formatted exactly as the encoder
// would have formatted a []docRow.
func (r *report) writeManifest(w io.Writer, outputs []string, docs io.Reader) error {
	m := manifest{
		Tool: "framewatch", Version: r.info.Version, Title: r.title(), ReportDate: r.cfg.ReportDate,
		ConfigHash: r.cfg.Hash(), Config: r.cfg, Inputs: r.info.Inputs, Workers: r.info.Workers, Notes: r.info.Notes, Feeds: r.info.Feeds,
		Interrupted: r.info.Interrupted, Totals: r.totals(), Outputs: outputs, Documents: []docRow{},
		Stages: []stageCount{}, Timings: timings{ElapsedNS: int64(r.info.Stats.Elapsed), Stages: []stageTime{}},
	}
	if m.Inputs == nil {
		m.Inputs = []string{}
	}
	for _, c := range r.info.Stats.Counters {
		m.Stages = append(m.Stages, stageCount{c.Stage, c.Docs, c.Failures})
		m.Timings.Stages = append(m.Timings.Stages, stageTime{c.Stage, int64(c.Busy)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	// The top-level key is the only one indented by exactly two spaces.
	const empty = "\n  \"documents\": []"
	head, tail, ok := bytes.Cut(buf.Bytes(), []byte(empty))
	if !ok {
		return fmt.Errorf("reports: manifest: no documents array")
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if _, err := io.WriteString(w, empty[:len(empty)-1]); err != nil {
		return err
	}
	br := bufio.NewReaderSize(docs, 64<<10)
	var row bytes.Buffer
	n := 0
	for {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			sep := ",\n    "
			if n == 0 {
				sep = "\n    "
			}
			row.Reset()
			row.WriteString(sep)
			if ierr := json.Indent(&row, bytes.TrimRight(line, "\n"), "    ", "  "); ierr != nil {
				return fmt.Errorf("reports: manifest: %w", ierr)
			}
			if _, werr := w.Write(row.Bytes()); werr != nil {
				return werr
			}
			n++
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reports: manifest: %w", err)
		}
	}
	closing := "]"
	if n > 0 {
		closing = "\n  ]"
	}
	if _, err := io.WriteString(w, closing); err != nil {
		return err
	}
	_, err := w.Write(tail)
	return err
}
