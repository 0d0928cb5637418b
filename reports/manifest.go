package reports

import (
	"encoding/json"
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

func (r *report) writeManifest(w io.Writer, outputs []string) error {
	m := manifest{
		Tool: "framewatch", Version: r.info.Version, Title: r.title(), ReportDate: r.cfg.ReportDate,
		ConfigHash: r.cfg.Hash(), Config: r.cfg, Inputs: r.info.Inputs, Workers: r.info.Workers,
		Interrupted: r.info.Interrupted, Totals: r.totals(), Outputs: outputs, Documents: r.agg.docs,
		Stages: []stageCount{}, Timings: timings{ElapsedNS: int64(r.info.Stats.Elapsed), Stages: []stageTime{}},
	}
	if m.Inputs == nil {
		m.Inputs = []string{}
	}
	if m.Documents == nil {
		m.Documents = []docRow{}
	}
	for _, c := range r.info.Stats.Counters {
		m.Stages = append(m.Stages, stageCount{c.Stage, c.Docs, c.Failures})
		m.Timings.Stages = append(m.Timings.Stages, stageTime{c.Stage, int64(c.Busy)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}
