package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("evalquant", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("newsquant", "../shared/bench/newsquant/NewsQuant.json", "NewsQuant.json from the CQE evaluation repository")
	verbose := fs.Bool("v", false, "print every sentence with a missed or spurious quantity to stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := os.Open(*path)
	if os.IsNotExist(err) {
		fmt.Fprintf(stdout, "evalquant: %s not found; skipping the NewsQuant evaluation\n", *path)
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	items, err := decode(f)
	if err != nil {
		return err
	}
	var log io.Writer
	if *verbose {
		log = stderr
	}
	m, err := score(items, log)
	if err != nil {
		return err
	}
	m.write(stdout)
	return nil
}
