package registry_test

import (
	"fmt"

	"github.com/framewatch/framewatch/internal/registry"
)

func ExampleRegistry_Lookup() {
	r := registry.Default()
	for _, name := range []string{"new york times", "Hospodarske noviny", "Новая газета", "Daily Planet"} {
		o, ok := r.Lookup(name)
		fmt.Printf("%s -> %q %q %v\n", name, o.Name, o.Country, ok)
	}
	// Output:
	// new york times -> "The New York Times" "US" true
	// Hospodarske noviny -> "Hospodářské noviny" "CZ" true
	// Новая газета -> "Novaya Gazeta" "RU" true
	// Daily Planet -> "" "" false
}
