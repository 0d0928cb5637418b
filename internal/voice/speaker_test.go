package voice

import "testing"

func TestSpeakerOf(t *testing.T) {
	tests := []struct {
		name, text, content string
		speaker, verb       string
	}{
		{"said that", "Russian Foreign Minister Sergei Lavrov said on Monday that the talks had failed.", "the talks had failed", "Russian Foreign Minister Sergei Lavrov", "said"},
		{"trailing", "The talks had failed, officials said.", "The talks had failed", "officials", "said"},
		{"inverted", "The talks had failed, said Peskov, the Kremlin spokesman.", "The talks had failed", "Peskov", "said"},
		{"quote then speaker", "“We will respond,” Peskov told reporters.", "“We will respond,”", "Peskov", "told"},
		{"speaker then quote", "Zelensky wrote: “We will not give up.”", "“We will not give up.”", "Zelensky", "wrote"},
		{"according to after", "The army lost 300 tanks, according to the Pentagon.", "The army lost 300 tanks", "the Pentagon", "according to"},
		{"according to before", "According to a senior official, the deal is off.", "the deal is off", "a senior official", "according to"},
		{"after a comma", "Speaking in Minsk, Lukashenko said the border was safe.", "the border was safe", "Lukashenko", "said"},
		{"no one", "The “peacekeepers” arrived.", "“peacekeepers”", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i := indexOf(tc.text, tc.content)
			sp := SpeakerOf(tc.text, 0, len(tc.text), Span{Start: i, End: i + len(tc.content)})
			if got := tc.text[sp.Start:sp.End]; got != tc.speaker || sp.Verb != tc.verb {
				t.Errorf("SpeakerOf(%q) = %q, %q, want %q, %q", tc.text, got, sp.Verb, tc.speaker, tc.verb)
			}
		})
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func FuzzSpeakerOf(f *testing.F) {
	f.Add("“We will respond,” Peskov said.", 0, 20)
	f.Add("According to officials, the deal is off.", 24, 39)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if a < 0 || b < a || b > len(text) {
			return
		}
		sp := SpeakerOf(text, 0, len(text), Span{Start: a, End: b})
		if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) {
			t.Fatalf("SpeakerOf(%q, [%d,%d)) = %+v: outside the text", text, a, b, sp)
		}
	})
}

func TestSpeakerOfStopsAtAClause(t *testing.T) {
	for _, text := range []string{"Kim arrived and said the talks had failed.", "The treaty, which says the parties will help, was signed."} {
		ws := Words(text)
		v := ws[3]
		sp := SpeakerOf(text, 0, len(text), Span{Start: v.End + 1, End: len(text) - 1})
		if sp.End > sp.Start {
			t.Errorf("SpeakerOf(%q) = %q, want no speaker", text, text[sp.Start:sp.End])
		}
	}
}
