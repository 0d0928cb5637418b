// Package quotes is framewatch's "quotes" stage: who gets a voice in each
// unit. It lists the unit's reported speech (pipeline.Quote): quotations in
// quotation marks (direct) and the attributed clauses of internal/voice
// ("X said that ...", "according to X", indirect), each with its speaker
// phrase and reporting verb (voice.SpeakerOf), the canonical entity and
// state actor of the entity mention in the phrase, and the kind of source.
//
// # Speakers
//
// The speaker's entity is the entity stage's mention inside the speaker
// phrase, a person before an organisation or outlet before a place; "he"
// or "she" stand for the last person named before them in the unit. An
// attributed clause that is mostly a quotation is that quotation's
// attribution: it is one direct quote, not two pieces of speech. A
// quotation that its sentence attributes to no one is kept (speaker "")
// when it has at least minUnattributedWords words; shorter ones are
// scare quotes ("so-called “peacekeepers”"), not speech.
//
// # Kinds of source
//
// Source is, in this order: "outlet" when the speaker is a news outlet;
// "expert" when the phrase names an analyst, researcher, academic or
// think tank; "unnamed" when it names no person, organisation or place
// and is a generic source ("officials", "a senior official", "sources
// familiar with the talks", "a spokesman"); "official" when it stands for
// a state actor or a place, or names an office (minister, president,
// spokesman, ambassador, ministry, government, army, police, ...);
// "other" for the rest.
//
// Press-review quote units are the quoted outlet's own voice: as for
// stance (voice.Unit), their attributions are not quotes, and neither is
// a quotation that opens the unit or covers half of it.
package quotes
