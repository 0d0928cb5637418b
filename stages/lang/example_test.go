package lang_test

import (
	"fmt"

	"github.com/framewatch/framewatch/stages/lang"
)

func ExampleIdentifier_Identify() {
	x, err := lang.New([]string{"en"})
	if err != nil {
		panic(err)
	}
	fmt.Println(x.Identify("Der russische Präsident ist zu einem Staatsbesuch in Nordkorea eingetroffen."))
	fmt.Println(x.Identify("Лидер КНДР Ким Чен Ын встретил его в аэропорту."))
	fmt.Println(x.Identify("Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang."))
	fmt.Println(x.Identify("Putin in Pyongyang"))
	// Output:
	// de
	// ru
	// en
	// und
}
