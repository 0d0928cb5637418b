// Command trainner trains framewatch's named-entity model on CoNLL-2003
// eng.train, reports F1 on eng.testa after every epoch, and writes the
// model the entities stage embeds. Training is deterministic: the same data
// and flags give the same file byte for byte.
//
//	go run ./internal/tools/trainner -conll ../shared/bench/conll2003 -out stages/entities/model/ner.bin.gz
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/framewatch/framewatch/stages/entities/ner"
	"github.com/jdkato/prose/v3/tag"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("trainner", flag.ContinueOnError)
	dir := fs.String("conll", "../shared/bench/conll2003", "folder with eng.train and eng.testa")
	out := fs.String("out", "stages/entities/model/ner.bin.gz", "model file to write")
	epochs := fs.Int("epochs", 14, "training epochs (14 is best on eng.testa)")
	seed := fs.Uint64("seed", 1, "shuffle seed")
	prune := fs.Float64("prune", 0.05, "drop feature rows whose largest averaged weight is below this")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tg, err := tag.New()
	if err != nil {
		return fmt.Errorf("trainner: %w", err)
	}
	read := func(name string) ([][]ner.Sentence, error) {
		f, err := os.Open(filepath.Join(*dir, name))
		if err != nil {
			return nil, fmt.Errorf("trainner: %w", err)
		}
		defer f.Close()
		docs, err := ner.ReadCoNLL(f)
		if err != nil {
			return nil, fmt.Errorf("trainner: %s: %w", name, err)
		}
		ner.TagPOS(docs, tg)
		return docs, nil
	}
	train, err := read("eng.train")
	if err != nil {
		return err
	}
	dev, err := read("eng.testa")
	if err != nil {
		return err
	}
	m := ner.Train(train, ner.TrainOptions{
		Epochs: *epochs,
		Seed:   *seed,
		Prune:  *prune,
		Epoch: func(ep int, m *ner.Model) {
			c := m.Evaluate(dev)
			_, _, f := c.PRF(-1)
			fmt.Fprintf(stdout, "epoch %d testa micro_f1 %.4f features %d\n", ep, f, m.Features())
		},
	})
	c := m.Evaluate(dev)
	_, _, f := c.PRF(-1)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return fmt.Errorf("trainner: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("trainner: %w", err)
	}
	fmt.Fprintf(stdout, "pruned testa micro_f1 %.4f features %d bytes %d -> %s\n", f, m.Features(), buf.Len(), *out)
	return nil
}
