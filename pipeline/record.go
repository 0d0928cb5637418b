package pipeline

import (
	"fmt"
	"time"

	"github.com/framewatch/framewatch/internal/voice"
)

// Status is how a document ended the run.
type Status string

// Document statuses, as written to the manifest.
const (
	StatusOK        Status = "processed"
	StatusSkipped   Status = "skipped"
	StatusFailed    Status = "failed"
	StatusDuplicate Status = "duplicate"
)

// Unit kinds. A plain document is one article unit; a press review is split
// into one review-intro unit and one review-quote unit per quoted outlet.
const (
	KindArticle     = "article"
	KindReviewIntro = "review-intro"
	KindReviewQuote = "review-quote"
)

// Meta is what the input itself says about a document (JSONL/CSV fields, a
// sidecar manifest.csv, HTML metadata). Empty fields are unknown.
type Meta struct {
	Title   string `json:"title,omitempty"`
	Outlet  string `json:"outlet,omitempty"`
	Country string `json:"country,omitempty"`
	Date    string `json:"date,omitempty"` // as given; stages normalise it
	URL     string `json:"url,omitempty"`
	Author  string `json:"author,omitempty"`
	// Extra keeps input fields framewatch does not know, by name.
	Extra map[string]string `json:"extra,omitempty"`
}

// Doc is one input document and everything the stages learn about it.
//
// A stage's Process writes only the fields it owns; the runner hands a Doc to
// one stage worker at a time, so no locking is needed.
type Doc struct {
	Seq    int    `json:"-"`      // position in input order, set by the runner
	ID     string `json:"doc_id"` // the record's own id, or derived from the path
	Source string `json:"source"` // file path, plus ":N" record number for JSONL/CSV
	Format string `json:"format"` // txt, md, html, jsonl, csv
	Hash   string `json:"hash"`   // hex SHA-256 of the normalised text, for duplicates and caching

	// Text is the document text after decoding to UTF-8 (BOM removed, CRLF
	// kept, control characters other than white space written over with
	// spaces). Every offset in every annotation refers to this string.
	Text string `json:"-"`
	// Clean is Text after cleaning. Cleaning preserves length byte for byte
	// (removed furniture and joined line breaks become spaces), so offsets
	// into Clean are offsets into Text.
	Clean string `json:"-"`
	// Removed lists the furniture the cleaner blanked out.
	Removed []Removal `json:"removed,omitempty"`

	Meta Meta `json:"meta"`

	// Status and Reason are set by the source, and by the lang stage when
	// no unit of the document is in an analysed language (the document is
	// then skipped, with the units' reason).
	Status Status `json:"status"`
	Reason string `json:"reason,omitempty"`
	// Notes are problems found in the document's metadata that did not
	// stop its analysis (a country that is not a two-letter code, say):
	// the value was left out, and the note says which and why.
	Notes       []string `json:"notes,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	// Cached is set when the analysis was restored from the workspace and the
	// stages must not run again.
	Cached bool `json:"-"`
	// Unread is set when the source did not read the file because its
	// caller knows it is unchanged since its analysis was stored (see
	// ingest.Source.Known): Text is empty until the file is loaded again,
	// and the analysis must be restored or the file loaded before any
	// analysis stage runs.
	Unread bool `json:"-"`
	// Excluded, when set, says why the document is listed in the manifest
	// but left out of the aggregates (for example outside the --since /
	// --until window).
	Excluded string `json:"-"`

	Units  []*Unit      `json:"units,omitempty"`
	Errors []StageError `json:"errors,omitempty"`
}

// Failed reports whether any stage recorded an error on d.
func (d *Doc) Failed() bool { return len(d.Errors) > 0 || d.Status == StatusFailed }

// Removal is a span of furniture removed by the cleaner.
type Removal struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Rule  string `json:"rule"`
	Text  string `json:"text"`
}

// StageError is a per-document failure, recorded as data.
type StageError struct {
	Stage string `json:"stage"`
	Err   string `json:"error"`
}

// Unit is the span of a document that later stages analyse and reports
// aggregate per outlet: a whole article, a press review's introduction, or
// one quoted section of a press review.
type Unit struct {
	ID       string `json:"unit_id"` // doc ID + "#" + Index
	Index    int    `json:"index"`
	Kind     string `json:"kind"`
	Outlet   string `json:"outlet"` // canonical outlet name, or "unknown"
	Country  string `json:"country,omitempty"`
	Date     string `json:"date,omitempty"` // ISO 8601 date, or ""
	Author   string `json:"author,omitempty"`
	Title    string `json:"title,omitempty"`
	Evidence string `json:"evidence,omitempty"` // how the outlet was found
	// OutletGiven is the outlet as the input's metadata named it: the
	// outlet field for evidence "meta", the host of the url field for
	// evidence "url"; "" for text evidence.
	OutletGiven string `json:"outlet_given,omitempty"`
	// OutletUnmatched is set when the outlet registry did not know
	// OutletGiven: Outlet is then the name as given, and the reports
	// group such names by their folded form and list them.
	OutletUnmatched bool `json:"outlet_unmatched,omitempty"`

	// Lang is the unit's language as an ISO 639-1 code ("und" when the text
	// is too short to tell), and Skip, when set, why the unit is not
	// analysed ("language de (not analysed)"). Both are filled by the lang
	// stage; every later stage leaves a unit with Skip set untouched.
	Lang string `json:"lang,omitempty"`
	Skip string `json:"skip,omitempty"`

	// Start and End delimit the unit's body in Doc.Text.
	Start int `json:"start"`
	End   int `json:"end"`

	// Filled by the text stage. Tokens and Sentences are transient: the
	// runner's sink drops them once the document is reported.
	Tokens    []Token    `json:"-"`
	Sentences []Sentence `json:"-"`
	Words     int        `json:"words"`
	SentCount int        `json:"sentences"`

	// LexWords is the unit's body split by voice.Words, shared by the
	// lexicon stages (frames, terms): the first of them to run fills it.
	// Transient like Tokens.
	LexWords []voice.Word `json:"-"`

	Entities []Mention       `json:"entities,omitempty"`
	Figures  []Figure        `json:"figures,omitempty"`
	Dates    []DateMention   `json:"dates,omitempty"`
	Tone     *Tone           `json:"tone,omitempty"`
	Stances  []StanceMention `json:"stances,omitempty"`
	// Quotes are the unit's reported speech, sorted by Start then End,
	// filled by the quotes stage.
	Quotes []Quote      `json:"quotes,omitempty"`
	Frames []FrameScore `json:"frames,omitempty"`
	// NewsFrames are the five generic news frames, in the frames stage's
	// order, set by the frames stage.
	NewsFrames []NewsFrame `json:"news_frames,omitempty"`
	// Roles are the unit's main actors with the role each plays, set by
	// the roles stage, most mentioned first.
	Roles []ActorRole `json:"roles,omitempty"`
	Terms []TermCount `json:"terms,omitempty"`
	// Sketch is the MinHash sketch of the unit's word shingles (see
	// internal/syndication), set by the syndication stage; nil for a unit
	// too short to compare.
	Sketch []uint32 `json:"sketch,omitempty"`
}

// Analysed reports whether the analysis stages process u: false when the
// lang stage found it in a language that is not analysed.
func (u *Unit) Analysed() bool { return u.Skip == "" }

// Token is one token with its Penn Treebank tag.
type Token struct {
	Start int    // byte offset into Doc.Text
	End   int    // byte offset into Doc.Text
	Text  string // Doc.Text[Start:End]
	Tag   string
	Label string // IOB entity label ("B-PERSON", "I-ORG", "O"), filled by the entity stage
}

// Sentence is a sentence span with the range of its tokens in Unit.Tokens.
type Sentence struct {
	Start, End         int // byte offsets into Doc.Text
	FirstToken, EndTok int // Unit.Tokens[FirstToken:EndTok]

	// VADER's scores of the sentence's flattened text, filled by the tone
	// stage when Scored, so that the stance stage reads them instead of
	// scoring the sentence a second time.
	Scored                      bool
	VPositive, VNegative, VComp float64
}

// Entity types.
const (
	EntPerson = "PERSON"
	EntOrg    = "ORG"
	EntGPE    = "GPE"
	EntLoc    = "LOC"
	EntNORP   = "NORP"
	EntMisc   = "MISC"
	EntOutlet = "OUTLET"
)

// Mention is one named-entity mention.
type Mention struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Type   string `json:"type"`
	Entity string `json:"entity"`          // canonical name
	Actor  string `json:"actor,omitempty"` // state actor it stands for, e.g. "Russia"
}

// Figure bounds.
const (
	BoundExact  = ""
	BoundApprox = "approx"
	BoundMin    = "min"
	BoundMax    = "max"
	BoundRange  = "range"
	BoundChange = "change"
)

// Figure is one quantity cited in a unit.
type Figure struct {
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Value     float64 `json:"value"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Unit      string  `json:"unit"`
	Counted   string  `json:"counted"`
	Bound     string  `json:"bound"`
	ClaimedBy string  `json:"claimed_by"`
}

// DateMention is a date or time found in a unit, normalised to ISO 8601
// where possible.
type DateMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Date  string `json:"date"`
}

// Tone is GDELT-style tone for a unit: percentages of words.
type Tone struct {
	Tone     float64 `json:"tone"`     // Positive - Negative
	Positive float64 `json:"positive"` // % of words
	Negative float64 `json:"negative"` // % of words
	Polarity float64 `json:"polarity"` // Positive + Negative
	Words    int     `json:"words"`
	// Mean and sentence scores, for intervals.
	Mean      float64   `json:"mean"`
	Sentences []float64 `json:"sentence_scores,omitempty"`
}

// Voices of a stance mention.
const (
	VoiceOwn    = "own"
	VoiceQuoted = "quoted"
)

// StanceMention is the target-dependent sentiment of one mention of a
// stance target.
type StanceMention struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Target string  `json:"target"`
	Voice  string  `json:"voice"`
	Score  float64 `json:"score"` // -1 (against) .. +1 (favourable)
	Label  string  `json:"label"` // negative, neutral, positive
	// SentStart and SentEnd delimit the text the mention was scored in
	// (its sentence, or the window around it), and Sentence is that text:
	// the report quotes it as evidence, and a document restored from the
	// workspace has no text to cut it from.
	SentStart int    `json:"sentence_start"`
	SentEnd   int    `json:"sentence_end"`
	Sentence  string `json:"sentence,omitempty"`
	// Role is the mention's part in reported speech (RoleSpeaker,
	// RoleSubject, RoleObject, RoleOther) and Speaker who reported the
	// content holding a quoted mention, when the stance stage knows them.
	Role    string `json:"role,omitempty"`
	Speaker string `json:"speaker,omitempty"`
}

// Roles of a stance mention in reported speech.
const (
	RoleSpeaker = "speaker" // the one who says: "Putin said ...", "according to the Kremlin"
	RoleSubject = "subject" // the subject of the clause holding it
	RoleObject  = "object"  // the object of that clause
	RoleOther   = "other"
)

// Kinds of a Quote.
const (
	QuoteDirect   = "direct"   // inside quotation marks
	QuoteIndirect = "indirect" // reported speech: "X said that ...", "according to X"
)

// Kinds of a quote's source.
const (
	SourceOfficial = "official" // a government, ministry, state actor or office-holder
	SourceExpert   = "expert"   // an analyst, researcher, academic
	SourceOutlet   = "outlet"   // another news outlet
	SourceUnnamed  = "unnamed"  // "officials said", "a source told"
	SourceOther    = "other"
)

// Quote is one piece of reported speech in a unit and who said it.
type Quote struct {
	// Start and End delimit the reported content (a quotation with its
	// marks, or the attributed clause) and Text is that content.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"` // QuoteDirect or QuoteIndirect
	// Speaker is the speaker phrase as written ("Dmitry Peskov", "officials"),
	// "" when the quotation is attributed to no one in its sentence, and
	// SpeakerStart, SpeakerEnd its span. Entity and Actor are the canonical
	// entity and state actor of the entity mention in the phrase, or of the
	// last person named before a pronoun ("he said").
	Speaker      string `json:"speaker,omitempty"`
	SpeakerStart int    `json:"speaker_start,omitempty"`
	SpeakerEnd   int    `json:"speaker_end,omitempty"`
	Entity       string `json:"entity,omitempty"`
	Actor        string `json:"actor,omitempty"`
	// Verb is the reporting verb, lower-cased ("said", "according to").
	Verb string `json:"verb,omitempty"`
	// Source is the kind of source: SourceOfficial, SourceExpert,
	// SourceOutlet, SourceUnnamed or SourceOther ("" without a speaker).
	Source string `json:"source,omitempty"`
}

// FrameScore is the share of a unit given to one frame dimension.
type FrameScore struct {
	Frame string  `json:"frame"`
	Score float64 `json:"score"`
}

// NewsFrame is a unit's probability of one generic news frame (conflict,
// human interest, economic, moral, resolution) and whether it reaches the
// frame's threshold.
type NewsFrame struct {
	Frame string  `json:"frame"`
	Prob  float64 `json:"prob"`
	Has   bool    `json:"has"`
}

// Actor roles.
const (
	RoleHero    = "hero"
	RoleVillain = "villain"
	RoleVictim  = "victim"
	RoleNone    = "none"
)

// ActorRole is the role a unit casts one of its main actors in, with the
// model's probability of that role and the sentence that is its evidence
// (byte offsets into Doc.Text).
type ActorRole struct {
	Actor string  `json:"actor"`
	Kind  string  `json:"kind"` // entity type, or "stakeholder:<group>"
	Role  string  `json:"role"`
	Score float64 `json:"score"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}

// TermCount counts one normalised content term in a unit, for distinctive
// vocabulary.
type TermCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Counter is one stage's totals for a run.
type Counter struct {
	Stage    string        `json:"stage"`
	Docs     int64         `json:"docs"`
	Failures int64         `json:"failures"`
	Busy     time.Duration `json:"busy_ns"`
}

// Body is the text stages analyse: Clean once the cleaner has run, else
// Text. Both have the same length, so offsets into Body are offsets into
// Text.
func (d *Doc) Body() string {
	if len(d.Clean) == len(d.Text) {
		return d.Clean
	}
	return d.Text
}

// CheckSpan returns an error when u's span does not lie inside d's text.
func (d *Doc) CheckSpan(u *Unit) error {
	if u.Start < 0 || u.End > len(d.Text) || u.Start > u.End {
		return fmt.Errorf("unit %s: span [%d,%d) outside text of %d bytes", u.ID, u.Start, u.End, len(d.Text))
	}
	return nil
}
