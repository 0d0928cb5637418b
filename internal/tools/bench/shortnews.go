package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/framewatch/framewatch/stages/entities/ner"
)

// shortNewsSplits are the CoNLL-2003 files the short-news corpus is built
// from, one JSONL export each.
var shortNewsSplits = []string{"eng.train", "eng.testa", "eng.testb"}

// shortNewsStats describes a generated short-news corpus.
type shortNewsStats struct {
	Docs  int
	Bytes int64
	Files []string
}

// writeShortNews writes the CoNLL-2003 documents under conllDir as three
// JSONL exports in dir, one record per -DOCSTART- document: real 1996
// Reuters wire stories, short (about 220 tokens) and with many short lines
// (headline, dateline, one paragraph per sentence), the opposite of the
// fixtures corpus's long articles. The text is the tokens written back as
// news text (newsText).
func writeShortNews(dir, conllDir string) (*shortNewsStats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	st := &shortNewsStats{}
	for _, split := range shortNewsSplits {
		f, err := os.Open(filepath.Join(conllDir, split))
		if err != nil {
			return nil, fmt.Errorf("bench: short news: %w", err)
		}
		docs, err := ner.ReadCoNLL(bufio.NewReader(f))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("bench: short news %s: %w", split, err)
		}
		path := filepath.Join(dir, strings.TrimPrefix(split, "eng.")+".jsonl")
		out, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		w := bufio.NewWriter(out)
		enc := json.NewEncoder(w)
		for i, d := range docs {
			rec := struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}{fmt.Sprintf("%s-%04d", strings.TrimPrefix(split, "eng."), i+1), newsText(d)}
			if err := enc.Encode(rec); err != nil {
				out.Close()
				return nil, err
			}
			st.Docs++
		}
		if err := w.Flush(); err != nil {
			out.Close()
			return nil, err
		}
		fi, err := out.Stat()
		if err == nil {
			st.Bytes += fi.Size()
		}
		if err := out.Close(); err != nil {
			return nil, err
		}
		st.Files = append(st.Files, path)
	}
	return st, nil
}

// newsText writes a CoNLL document's tokens back as wire copy: one
// paragraph per sentence (so the headline and the dateline stand on their
// own lines), no space before closing punctuation and clitics, none after
// an opening bracket, double quotes attached to the words they enclose.
func newsText(doc []ner.Sentence) string {
	var b strings.Builder
	for k, s := range doc {
		if k > 0 {
			b.WriteString("\n\n")
		}
		open, glue := false, true
		for _, w := range s.Words {
			quote := w == `"`
			if !glue && !attachLeft(w) && !(quote && open) {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			glue = w == "(" || w == "[" || w == "$" || quote && !open
			if quote {
				open = !open
			}
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// attachLeft reports whether token w is written against the word before it.
func attachLeft(w string) bool {
	switch w {
	case ",", ".", ";", ":", "!", "?", ")", "]", "%", "...":
		return true
	}
	return strings.HasPrefix(w, "'") && len(w) <= 3 || strings.EqualFold(w, "n't")
}

// measureShortNews measures the short-news corpus (built from CoNLL-2003
// when it is there) like the main one, with every document given to the
// prose baseline, then wink-nlp's single-thread rate over the same texts.
// Its figures are printed with the prefix "short_".
func measureShortNews(ctx context.Context, o *options, p printer, tmp, bin string) error {
	if o.noShortNews || o.cpuprofile != "" {
		return nil
	}
	dir := o.shortNews
	if dir == "" {
		out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
		if err != nil {
			return fmt.Errorf("go env GOMOD: %w", err)
		}
		dir = filepath.Join(filepath.Dir(strings.TrimSpace(string(out))), "..", "shared", "bench", "conll2003")
		if _, err := os.Stat(filepath.Join(dir, "eng.testb")); err != nil {
			p.str("short_corpus", "skipped", strconv.Quote("no CoNLL-2003 in "+dir))
			return nil
		}
	}
	st, err := writeShortNews(filepath.Join(tmp, "short-news"), dir)
	if err != nil {
		return err
	}
	p.int("short_corpus", "docs", int64(st.Docs))
	p.int("short_corpus", "bytes", st.Bytes)
	first, tokens, err := measure(ctx, o, p, tmp, bin, corpusRun{prefix: "short_", corpus: filepath.Join(tmp, "short-news"), baselineDocs: 0, rerun: false})
	if err != nil {
		return err
	}
	if o.noWink {
		return nil
	}
	w, why := runWink(ctx, st.Files)
	if w == nil {
		p.str("short_wink", "skipped", strconv.Quote(why))
		return nil
	}
	rate := float64(tokens) / w.Seconds
	p.int("short_wink", "docs", int64(w.Docs))
	p.int("short_wink", "wink_tokens", w.Tokens)
	p.float("short_wink", "wall_s", w.Seconds, 3)
	p.float("short_wink", "tokens_per_s", rate, 0)
	// The analysis stages' rate per core: tokens over the stages' summed
	// busy time (on as many workers as cores, busy time is CPU time plus
	// any wait for a core, so this under-states the stages a little).
	var busy time.Duration
	for _, s := range first.Stages {
		busy += s.Busy
	}
	if busy > 0 {
		p.float("short_ratio", "stages_per_core_over_wink", float64(tokens)/busy.Seconds()/rate, 3)
	}
	p.float("short_ratio", "framewatch_over_wink", float64(tokens)/first.Wall.Seconds()/rate, 3)
	return nil
}
