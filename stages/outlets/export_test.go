package outlets

// Test hooks.
var (
	FindSections = func(text string) [][2]int {
		var out [][2]int
		for _, s := range findSections(text) {
			out = append(out, [2]int{s.lineStart, s.bodyStart})
		}
		return out
	}
	SectionHead = sectionHead
)
