package figures_test

import (
	"context"
	"fmt"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/figures"
)

func ExampleParse() {
	qs, err := figures.Parse("North Korea sent about 1 million units of ammunition, more than 4.8 million " +
		"artillery shells and between 3 and 5 trains a week; prices rose 5% to $7.36 billion in 2023.")
	if err != nil {
		panic(err)
	}
	for _, q := range qs {
		fmt.Printf("%-24q value=%g low=%g high=%g unit=%q bound=%q counted=%q\n",
			q.Text, q.Value, q.Low, q.High, q.Unit, q.Bound, q.Counted)
	}
	// Output:
	// "about 1 million"        value=1e+06 low=1e+06 high=1e+06 unit="" bound="approx" counted="units of ammunition"
	// "more than 4.8 million"  value=4.8e+06 low=4.8e+06 high=4.8e+06 unit="" bound="min" counted="artillery shells"
	// "between 3 and 5"        value=3 low=3 high=5 unit="" bound="range" counted="trains a week"
	// "5%"                     value=5 low=5 high=5 unit="%" bound="change" counted=""
	// "$7.36 billion"          value=7.36e+09 low=7.36e+09 high=7.36e+09 unit="USD" bound="" counted=""
}

func ExampleFormat() {
	qs, _ := figures.Parse("Exports fell 3 points to about ₩5 trillion.")
	for _, q := range qs {
		fmt.Println(figures.Format(q))
	}
	// Output:
	// down 3 point
	// about KRW 5,000,000,000,000
}

func ExampleExtractor_Process() {
	text := "North Korea has sent about 1 million units of ammunition to Russia since last August, " +
		"Defense Minister Shin Won-sik said on Wednesday."
	d := &pipeline.Doc{Text: text, Clean: text,
		Units: []*pipeline.Unit{{Start: 0, End: len(text), Date: "2024-06-19"}}}
	x, err := figures.New(pipeline.FigureConfig{})
	if err != nil {
		panic(err)
	}
	if err := x.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, f := range d.Units[0].Figures {
		fmt.Printf("%q %g %q claimed by %q\n", f.Text, f.Value, f.Counted, f.ClaimedBy)
	}
	for _, dm := range d.Units[0].Dates {
		fmt.Printf("%q %s\n", dm.Text, dm.Date)
	}
	// Output:
	// "about 1 million" 1e+06 "units of ammunition" claimed by "Shin Won-sik"
	// "last August" 2023-08
	// "Wednesday" 2024-06-19
}
