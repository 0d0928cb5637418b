// Package voice separates an outlet's own voice from quoted or attributed
// speech in news text.
//
// Spans finds two kinds of reported speech in a text:
//
//   - quotations: text inside quotation marks, straight ("..."), curly
//     (“...”), guillemets («...» and »...«) or low-high („...“, „...”);
//     a quotation left open runs to the end of its paragraph, as news
//     style leaves multi-paragraph quotes open;
//   - attributions: the reported content of a sentence with an attribution
//     cue, "X said (that) ...", "..., X said", "..., said X",
//     "according to X, ...", "..., according to X", with a closed list of
//     speech verbs (said, says, told, stated, warned, claimed, added, ...).
//     The speaker phrase itself stays in the outlet's voice: in "Moscow
//     said the talks failed", "Moscow" is own voice and "the talks failed"
//     is attributed.
//
// In a press-review quote unit the quoted outlet speaks in its own voice, so
// Unit with review set drops attributions and a quotation that opens the
// unit or covers half of it; other quotations inside it still count as
// quoted speech.
//
// All offsets are byte offsets into the text given. The functions are pure
// and safe for concurrent use.
package voice
