package reports

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/framewatch/framewatch/pipeline"
	json "github.com/goccy/go-json"
)

// The streamed per-unit files, in the order of Rows.files: CSV files with
// their header, and entity_mentions.jsonl.
const (
	streamUnits = iota
	streamEntities
	streamFigures
	streamDates
	streamTone
	streamStance
	streamStanceMentions
	streamQuotes
	streamFrames
	streamRoles
	streamMentions
	nStreams
)

var rowStreams = [nStreams]struct {
	name   string
	header []string // nil: JSON lines
}{
	streamUnits:    {"units.csv", []string{"unit_id", "doc_id", "source", "outlet", "country", "date", "author", "kind", "title", "words", "sentences"}},
	streamEntities: {"entities.csv", []string{"unit_id", "outlet", "entity", "type", "mentions"}},
	streamFigures:  {"figures.csv", []string{"doc_id", "unit_id", "outlet", "value", "value_low", "value_high", "unit", "counted", "bound", "claimed_by", "start", "end", "text"}},
	streamDates:    {"dates.csv", []string{"doc_id", "unit_id", "date", "text", "start", "end"}},
	streamTone:     {"tone.csv", []string{"unit_id", "outlet", "tone", "positive", "negative", "polarity", "words"}},
	streamStance:   {"unit_stance.csv", []string{"unit_id", "outlet", "target", "voice", "score", "low", "high", "mentions", "label"}},
	streamStanceMentions: {"stance_mentions.csv", []string{"doc_id", "unit_id", "outlet", "target", "start", "end", "sentence_start", "sentence_end",
		"voice", "speaker", "role", "score", "label"}},
	streamQuotes:   {"quotes.csv", []string{"doc_id", "unit_id", "outlet", "speaker", "speaker_actor", "verb", "start", "end", "text", "kind", "source"}},
	streamFrames:   {"unit_frames.csv", unitFramesHeader()},
	streamRoles:    {"roles.csv", []string{"unit_id", "outlet", "actor", "role", "score", "evidence_start", "evidence_end"}},
	streamMentions: {"entity_mentions.jsonl", nil},
}

// newsFrameOrder are the generic news frames the frames stage scores.
var newsFrameOrder = [...]string{"conflict", "human_interest", "economic", "moral", "resolution"}

// unitFramesHeader is unit_frames.csv's header: the unit, its outlet, one
// share per codebook frame (frameOrder), the unit's primary frame, one
// probability per news frame and the news frames the unit has.
func unitFramesHeader() []string {
	h := append([]string{"unit_id", "outlet"}, frameOrder...)
	h = append(h, "primary_frame")
	for _, id := range newsFrameOrder {
		h = append(h, "news_"+id)
	}
	return append(h, "news_frames")
}

// Rows are one document's lines of the streamed per-unit files (units.csv,
// entities.csv, figures.csv, dates.csv, tone.csv, unit_stance.csv,
// stance_mentions.csv, quotes.csv, unit_frames.csv, entity_mentions.jsonl), rendered
// ahead of Writer.ConsumeRows.
type Rows struct {
	files [nStreams][]byte
}

// mentionRow is one line of entity_mentions.jsonl.
type mentionRow struct {
	DocID  string `json:"doc_id"`
	UnitID string `json:"unit_id"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Type   string `json:"type"`
	Entity string `json:"entity"`
	Actor  string `json:"actor,omitempty"`
}

// RenderRows renders d's lines of the streamed files. It reads only d, so
// the pipeline's workers can render documents concurrently and leave the
// single goroutine that consumes them in input order nothing but copying
// (at 16 workers that goroutine would otherwise bound the run).
func RenderRows(d *pipeline.Doc) (*Rows, error) { return renderRows(d, nil) }

// renderRows is RenderRows with the units' outlets named by outlets (one
// per unit; nil: their own).
func renderRows(d *pipeline.Doc, outlets []string) (*Rows, error) {
	r := renderers.Get().(*renderer)
	for i := range r.bufs {
		r.bufs[i].Reset()
	}
	for i, u := range d.Units {
		outlet := outletName(u.Outlet)
		if outlets != nil {
			outlet = outlets[i]
		}
		if !u.Analysed() || d.Status != pipeline.StatusOK {
			// Counted in the languages table only.
			continue
		}
		if err := renderUnit(r.cws, r.mentions, d, u, outlet); err != nil {
			// A failed csv.Writer stays failed: the renderer is dropped.
			return nil, fmt.Errorf("reports: %s: %w", d.Source, err)
		}
	}
	total := 0
	for i := range nStreams {
		if cw := r.cws[i]; cw != nil {
			cw.Flush()
			if err := cw.Error(); err != nil {
				return nil, fmt.Errorf("reports: %s: %w", d.Source, err)
			}
		}
		total += r.bufs[i].Len()
	}
	// One allocation for the document's rows; the renderer's buffers and
	// writers go back to the pool.
	all := make([]byte, 0, total)
	rows := &Rows{}
	for i := range nStreams {
		start := len(all)
		all = append(all, r.bufs[i].Bytes()...)
		rows.files[i] = all[start:len(all):len(all)]
	}
	renderers.Put(r)
	return rows, nil
}

// renderer is RenderRows' working set: a buffer and a writer per stream,
// reused through renderers.
type renderer struct {
	bufs     [nStreams]bytes.Buffer
	cws      [nStreams]*csvWriter
	mentions *json.Encoder
}

var renderers = sync.Pool{New: func() any {
	r := &renderer{}
	for i := range nStreams - 1 {
		r.cws[i] = newCSVWriter(&r.bufs[i])
	}
	r.mentions = json.NewEncoder(&r.bufs[streamMentions])
	r.mentions.SetEscapeHTML(false)
	return r
}}

func renderUnit(cws [nStreams]*csvWriter, mentions *json.Encoder, d *pipeline.Doc, u *pipeline.Unit, outlet string) error {
	if err := cws[streamUnits].Write([]string{u.ID, d.ID, d.Source, outlet, u.Country, u.Date, u.Author, u.Kind, u.Title,
		strconv.Itoa(u.Words), strconv.Itoa(u.SentCount)}); err != nil {
		return err
	}

	type entKey struct{ entity, typ string }
	counts := map[entKey]int{}
	for _, m := range u.Entities {
		if err := mentions.Encode(mentionRow{d.ID, u.ID, m.Start, m.End, m.Text, m.Type, entityName(m), m.Actor}); err != nil {
			return err
		}
		counts[entKey{entityName(m), m.Type}]++
	}
	keys := make([]entKey, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b entKey) int {
		return cmpStrings(a.entity, b.entity, a.typ, b.typ)
	})
	for _, k := range keys {
		if err := cws[streamEntities].Write([]string{u.ID, outlet, k.entity, k.typ, strconv.Itoa(counts[k])}); err != nil {
			return err
		}
	}

	for _, f := range u.Figures {
		if err := cws[streamFigures].Write([]string{d.ID, u.ID, outlet, fnum(f.Value), fnum(f.Low), fnum(f.High), f.Unit, f.Counted,
			f.Bound, f.ClaimedBy, strconv.Itoa(f.Start), strconv.Itoa(f.End), f.Text}); err != nil {
			return err
		}
	}
	for _, dm := range u.Dates {
		if err := cws[streamDates].Write([]string{d.ID, u.ID, dm.Date, dm.Text, strconv.Itoa(dm.Start), strconv.Itoa(dm.End)}); err != nil {
			return err
		}
	}
	if t := u.Tone; t != nil {
		if err := cws[streamTone].Write([]string{u.ID, outlet, f4(t.Tone), f4(t.Positive), f4(t.Negative), f4(t.Polarity), strconv.Itoa(t.Words)}); err != nil {
			return err
		}
	}
	for _, g := range groupStances(u.Stances) {
		mean, low, high, lbl := UnitStance(g.scores)
		if err := cws[streamStance].Write([]string{u.ID, outlet, g.target, g.voice, f4(mean), f4(low), f4(high),
			strconv.Itoa(len(g.scores)), lbl}); err != nil {
			return err
		}
	}
	for _, m := range u.Stances {
		if !finite(m.Score) {
			continue
		}
		speaker, role := mentionSpeaker(u, m)
		if err := cws[streamStanceMentions].Write([]string{d.ID, u.ID, outlet, m.Target, strconv.Itoa(m.Start), strconv.Itoa(m.End),
			strconv.Itoa(m.SentStart), strconv.Itoa(m.SentEnd), voiceName(m.Voice), speaker, role, f4(m.Score), m.Label}); err != nil {
			return err
		}
	}
	for _, q := range u.Quotes {
		if err := cws[streamQuotes].Write([]string{d.ID, u.ID, outlet, quoteSpeaker(q), q.Actor, q.Verb, strconv.Itoa(q.Start), strconv.Itoa(q.End),
			q.Text, q.Kind, q.Source}); err != nil {
			return err
		}
	}
	if len(u.Frames) > 0 {
		if err := cws[streamFrames].Write(unitFramesRow(outlet, u)); err != nil {
			return err
		}
	}
	for _, r := range u.Roles {
		if err := cws[streamRoles].Write([]string{u.ID, outlet, r.Actor, r.Role, f4(r.Score), strconv.Itoa(r.Start), strconv.Itoa(r.End)}); err != nil {
			return err
		}
	}
	return nil
}

// unitFramesRow is u's line of unit_frames.csv. A frame the stage did not
// score is 0; the primary frame is the codebook frame with the largest
// share (the first in codebook order on a tie), or empty when no cue
// matched.
func unitFramesRow(outlet string, u *pipeline.Unit) []string {
	row := make([]string, 0, len(frameOrder)+len(newsFrameOrder)+4)
	row = append(row, u.ID, outlet)
	primary, best := "", 0.0
	for _, id := range frameOrder {
		v := 0.0
		for _, f := range u.Frames {
			if f.Frame == id {
				v = f.Score
				break
			}
		}
		if v > best {
			primary, best = id, v
		}
		row = append(row, f4(v))
	}
	row = append(row, primary)
	var has []string
	for _, id := range newsFrameOrder {
		v := 0.0
		for _, f := range u.NewsFrames {
			if f.Frame == id {
				v = f.Prob
				if f.Has {
					has = append(has, id)
				}
				break
			}
		}
		row = append(row, f4(v))
	}
	return append(row, strings.Join(has, ";"))
}

// mentionSpeaker returns the speaker and role stance_mentions.csv writes
// for m: the stance stage's when it set them; else the speaker of the
// unit's quote holding a quoted mention (its canonical entity when known),
// and the role "speaker" for a mention inside a quote's speaker phrase,
// "other" for the rest.
func mentionSpeaker(u *pipeline.Unit, m pipeline.StanceMention) (speaker, role string) {
	speaker, role = m.Speaker, m.Role
	if speaker != "" && role != "" {
		return speaker, role
	}
	mid := m.Start + (m.End-m.Start)/2
	inSpeaker := false
	for _, q := range u.Quotes {
		if q.Speaker != "" && q.SpeakerStart <= mid && mid < q.SpeakerEnd {
			inSpeaker = true
		}
		if speaker == "" && voiceName(m.Voice) == pipeline.VoiceQuoted && q.Start <= mid && mid < q.End {
			speaker = quoteSpeaker(q)
		}
	}
	if role == "" {
		role = pipeline.RoleOther
		if inSpeaker {
			role = pipeline.RoleSpeaker
		}
	}
	return speaker, role
}

// quoteSpeaker names q's speaker: its canonical entity when the entity
// stage found one in the speaker phrase, else the phrase.
func quoteSpeaker(q pipeline.Quote) string {
	if q.Entity != "" {
		return q.Entity
	}
	return q.Speaker
}
