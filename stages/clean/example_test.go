package clean_test

import (
	"context"
	"fmt"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/clean"
)

func Example() {
	c, err := clean.New(pipeline.CleanConfig{})
	if err != nil {
		panic(err)
	}
	d := &pipeline.Doc{Text: "Share this article\n\n" +
		"SEOUL (Reuters) - Russian President Vladimir Putin arrived in\n" +
		"Pyongyang early on Wednesday.\n\n" +
		"© 2024 Reuters. All rights reserved.\n"}
	if err := c.Process(context.Background(), d); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", d.Clean)
	fmt.Println(len(d.Clean) == len(d.Text))
	for _, r := range d.Removed {
		fmt.Printf("%s %d-%d %q\n", r.Rule, r.Start, r.End, r.Text)
	}
	// Output:
	// "                  \n\nSEOUL (Reuters) - Russian President Vladimir Putin arrived in Pyongyang early on Wednesday.\n\n                                     \n"
	// true
	// share 0-18 "Share this article"
	// copyright 113-150 "© 2024 Reuters. All rights reserved."
}
