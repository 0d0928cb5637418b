package voice

import (
	"strings"
	"testing"
)

func TestReporter(t *testing.T) {
	tests := []struct {
		name, sentence, phrase string
		verb                   string // "" when not a speaker
		reported               string // a part of the sentence that must be reported
	}{
		{"said that", "Putin said that Kyiv had lied.", "Putin", "said", "Kyiv had lied"},
		{"relative clause", "Putin, who met Kim, said that Kyiv had lied about the drones.", "Putin", "said", "Kyiv had lied"},
		{"trailing", "Kyiv lied, Putin said on Monday.", "Putin", "said", "Kyiv lied"},
		{"inverted", "Kyiv lied, said Peskov.", "Peskov", "said", "Kyiv lied"},
		{"according to", "According to Moscow, Kyiv lied.", "Moscow", "according to", "Kyiv lied"},
		{"reporting verb", `Trump calls the treatment "unfair" and the agents liars.`, "Trump", "calls", "the agents liars"},
		{"content is not speaker", "Putin said that Kyiv had lied.", "Kyiv", "", ""},
		{"no cue", "Putin visited Pyongyang on Tuesday.", "Putin", "", ""},
		{"inside quotation", `"Putin said it," he added.`, "Putin", "", ""},
		{"stops at but", "Pelosi said she supported it, but Trump left.", "Pelosi", "said", "she supported it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.sentence, tt.phrase)
			verb, reported, ok := Reporter(tt.sentence, i, i+len(tt.phrase))
			if ok != (tt.verb != "") || verb != tt.verb {
				t.Fatalf("Reporter(%q, %q) = %q, %v, want %q", tt.sentence, tt.phrase, verb, ok, tt.verb)
			}
			if !ok {
				return
			}
			k := strings.Index(tt.sentence, tt.reported)
			if !Quoted(reported, k, k+len(tt.reported)) {
				t.Errorf("Reporter(%q, %q): %q not reported (spans %v)", tt.sentence, tt.phrase, tt.reported, reported)
			}
			if Quoted(reported, i, i+len(tt.phrase)) {
				t.Errorf("Reporter(%q, %q): the speaker is in the reported spans %v", tt.sentence, tt.phrase, reported)
			}
		})
	}
}

func TestReviewKeepsOthersSpeech(t *testing.T) {
	text := `"Putin once promised to make Russia great again. Today the Kremlin begs," the historian writes.`
	spans := Unit(text, true)
	i := strings.Index(text, "Russia great")
	if !Quoted(spans, i, i+len("Russia")) {
		t.Errorf("Unit(%q, review): Putin's promise is not reported speech (spans %v)", text, spans)
	}
	j := strings.Index(text, "Kremlin")
	if Quoted(spans, j, j+len("Kremlin")) {
		t.Errorf("Unit(%q, review): the reviewed outlet's own text is reported (spans %v)", text, spans)
	}
}
