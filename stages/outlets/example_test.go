package outlets_test

import (
	"context"
	"fmt"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/clean"
	"github.com/framewatch/framewatch/stages/outlets"
)

func Example() {
	c, _ := clean.New(pipeline.CleanConfig{})
	x, err := outlets.New(pipeline.OutletConfig{})
	if err != nil {
		panic(err)
	}
	d := &pipeline.Doc{ID: "review", Text: "euro|topics – European press review\n\n" +
		"Putin in Pyongyang\n\n20 June 2024\n\nCommentators discuss the treaty.\n\n" +
		"Hospodářské noviny (CZ) /\nMoscow pays with the security of Asia\n\"The Kremlin sells anything.\"\n\n" +
		"Новая газета (RU) /\nFriendship against everyone\n\"A war without end.\"\n"}
	for _, st := range []pipeline.Stage{c, x} {
		if err := st.Process(context.Background(), d); err != nil {
			panic(err)
		}
	}
	for _, u := range d.Units {
		fmt.Printf("%s %s %q %s %s %q\n", u.ID, u.Kind, u.Outlet, u.Country, u.Date, u.Title)
	}
	// Output:
	// review#0 review-intro "eurotopics" DE 2024-06-20 "Putin in Pyongyang"
	// review#1 review-quote "Hospodářské noviny" CZ 2024-06-20 "Moscow pays with the security of Asia"
	// review#2 review-quote "Novaya Gazeta" RU 2024-06-20 "Friendship against everyone"
}

func ExampleParseDate() {
	for _, s := range []string{"Status: 18.06.2024 10:37 a.m.", "[September 14, 2023]", "2024-06-19T10:00:00Z", "June 18"} {
		fmt.Printf("%q\n", outlets.ParseDate(s))
	}
	// Output:
	// "2024-06-18"
	// "2023-09-14"
	// "2024-06-19"
	// ""
}
