package reports

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/framewatch/framewatch/pipeline"
)

// testOutlets are the synthetic corpus's outlets: long names, non-ASCII
// Latin and Cyrillic, and a lean towards or against each target so that
// stance labels and intervals have something to find.
var testOutlets = []struct {
	name, country string
	lean          float64 // added to every stance score toward "Russia"
}{
	{"Süddeutsche Zeitung", "DE", -0.5},
	{"Hospodářské noviny", "CZ", -0.3},
	{"Новая газета", "RU", -0.6},
	{"Frankfurter Allgemeine Zeitung", "DE", -0.2},
	{"Reuters", "GB", 0},
	{"Le Monde", "FR", -0.25},
	{"The New York Times", "US", -0.35},
	{"Global Times", "CN", 0.55},
	{"RT", "RU", 0.7},
	{"Yonhap", "KR", -0.1},
	{"Politiken", "DK", -0.2},
	{"The Japan Times", "JP", 0.05},
}

var testTargets = []string{"Russia", "North Korea", "United States", "China"}

var testEntities = []struct{ name, typ, actor string }{
	{"Vladimir Putin", pipeline.EntPerson, "Russia"},
	{"Kim Jong Un", pipeline.EntPerson, "North Korea"},
	{"Pyongyang", pipeline.EntGPE, "North Korea"},
	{"Moscow", pipeline.EntGPE, "Russia"},
	{"Joe Biden", pipeline.EntPerson, "United States"},
	{"United Nations", pipeline.EntOrg, ""},
	{"Sergei Lavrov", pipeline.EntPerson, "Russia"},
	{"Seoul", pipeline.EntGPE, ""},
	{"NATO", pipeline.EntOrg, ""},
	{"Duyeon Kim", pipeline.EntPerson, ""},
}

var testFigures = []struct {
	value, low, high float64
	unit, counted    string
	claimedBy        string
}{
	{4.8e6, 0, 0, "", "artillery shells", "South Korean defense ministry"},
	{4.8e6, 0, 0, "", "the artillery shells", "Seoul"},
	{1e6, 0, 0, "", "artillery shells", "Pentagon"},
	{24, 0, 0, "year", "", ""},
	{3, 3, 5, "", "ballistic missiles", "Japan"},
	{2, 0, 0, "", "ballistic missile", ""},
	{6, 0, 0, "USD", "billion in aid", ""},
	{11000, 0, 0, "", "troops", "Ukrainian intelligence"},
}

var testTerms = []string{"ammunition", "summit", "treaty", "shells", "sanctions", "alliance", "artillery",
	"missiles", "talks", "embargo", "pact", "partnership", "war", "peace", "border", "drills"}

var testFrames = []string{"security_defense", "political", "economic", "legality", "morality",
	"external_regulation", "public_opinion", "capacity_resources", "other"}

// testCorpus builds n synthetic documents in input order: articles from
// every outlet over twelve days, a press review with several quoted
// outlets, and skipped, failed and duplicate inputs.
func testCorpus(n int) []*pipeline.Doc {
	rng := rand.New(rand.NewPCG(7, 11))
	// News frames draw from their own generator, so that adding them left
	// every other synthetic value as it was.
	nrng := rand.New(rand.NewPCG(13, 17))
	var docs []*pipeline.Doc
	for i := range n {
		id := fmt.Sprintf("doc%04d", i)
		d := &pipeline.Doc{ID: id, Source: "corpus/" + id + ".txt", Format: "txt", Status: pipeline.StatusOK}
		switch {
		case i%23 == 5:
			d.Status, d.Reason = pipeline.StatusSkipped, "empty file"
			docs = append(docs, d)
			continue
		case i%29 == 7:
			d.Status, d.Reason = pipeline.StatusFailed, "invalid UTF-8"
			docs = append(docs, d)
			continue
		case i%31 == 9:
			d.Status, d.DuplicateOf = pipeline.StatusDuplicate, fmt.Sprintf("doc%04d", i-1)
			docs = append(docs, d)
			continue
		}
		if i%17 == 3 {
			d.Errors = []pipeline.StageError{{Stage: "figures", Err: "figures: parse: unexpected token"}}
		}
		nUnits := 1
		if i%13 == 4 {
			nUnits = 6 // a press review
		}
		pos := 0
		for k := range nUnits {
			o := testOutlets[rng.IntN(len(testOutlets))]
			kind := pipeline.KindArticle
			if nUnits > 1 {
				kind = pipeline.KindReviewQuote
				if k == 0 {
					kind = pipeline.KindReviewIntro
				}
			}
			day := 10 + (i+k)%12
			u := &pipeline.Unit{
				ID: fmt.Sprintf("%s#%d", id, k), Index: k, Kind: kind, Outlet: o.name, Country: o.country,
				Date: fmt.Sprintf("2024-06-%02d", day), Author: "Jane Roe", Title: fmt.Sprintf("Report %d on the summit", i),
				Start: pos, End: pos + 500, Words: 80 + rng.IntN(400), SentCount: 4 + rng.IntN(20),
			}
			if i == 12 {
				u.Title = `<script>alert("x")</script> & "quotes"`
			}
			pos += 500
			for m := range 3 + rng.IntN(6) {
				e := testEntities[rng.IntN(len(testEntities))]
				u.Entities = append(u.Entities, pipeline.Mention{Start: u.Start + m*20, End: u.Start + m*20 + len(e.name),
					Text: e.name, Type: e.typ, Entity: e.name, Actor: e.actor})
			}
			if rng.IntN(2) == 0 {
				u.Entities = append(u.Entities, pipeline.Mention{Start: u.Start, End: u.Start + 3, Text: o.name, Type: pipeline.EntOutlet, Entity: o.name})
			}
			for m := range rng.IntN(3) {
				f := testFigures[rng.IntN(len(testFigures))]
				u.Figures = append(u.Figures, pipeline.Figure{Start: u.Start + 200 + m*10, End: u.Start + 205 + m*10,
					Text: fmt.Sprintf("%g %s", f.value, f.counted), Value: f.value, Low: f.low, High: f.high,
					Unit: f.unit, Counted: f.counted, ClaimedBy: f.claimedBy})
			}
			u.Dates = append(u.Dates, pipeline.DateMention{Start: u.Start + 300, End: u.Start + 307, Text: "June 18", Date: "2024-06-18"})
			tone := -2 + 4*rng.Float64() + 3*o.lean
			u.Tone = &pipeline.Tone{Tone: tone, Positive: max(0, tone) + 2, Negative: max(0, -tone) + 2, Polarity: 4 + abs(tone), Words: u.Words}
			for m := range 2 + rng.IntN(5) {
				t := testTargets[rng.IntN(len(testTargets))]
				s := 0.4*(rng.Float64()*2-1) + o.lean
				if t != "Russia" {
					s = 0.5 * (rng.Float64()*2 - 1)
				}
				s = max(-1, min(1, s))
				voice := pipeline.VoiceOwn
				if m%3 == 2 {
					voice = pipeline.VoiceQuoted
				}
				sentence := fmt.Sprintf("Sentence %d of %s on %s.", m, u.ID, t)
				if i == 12 {
					sentence = `=HYPERLINK("x") <script>alert("s")</script> & ` + t
				}
				u.Stances = append(u.Stances, pipeline.StanceMention{Start: u.Start + 400, End: u.Start + 406, Text: t, Target: t, Voice: voice, Score: s,
					SentStart: u.Start + 390, SentEnd: u.Start + 450, Sentence: sentence})
			}
			// Quotes, derived from the positions only (the random stream
			// stays that of the goldens before quotes existed).
			for q := range (i + k) % 4 {
				sp := testQuoteSpeakers[(i+k+q)%len(testQuoteSpeakers)]
				kind := pipeline.QuoteIndirect
				if q%2 == 1 {
					kind = pipeline.QuoteDirect
				}
				text := fmt.Sprintf("quote %d of %s", q, u.ID)
				if i == 12 {
					text = "=cmd|' /C calc'!A0"
				}
				u.Quotes = append(u.Quotes, pipeline.Quote{Start: u.Start + 100 + 40*q, End: u.Start + 130 + 40*q, Text: text, Kind: kind,
					Speaker: sp.phrase, SpeakerStart: u.Start + 131 + 40*q, SpeakerEnd: u.Start + 139 + 40*q, Entity: sp.entity, Actor: sp.actor,
					Verb: "said", Source: sp.source})
			}
			total := 0.0
			for _, f := range testFrames[:3+rng.IntN(5)] {
				sc := rng.Float64()
				total += sc
				u.Frames = append(u.Frames, pipeline.FrameScore{Frame: f, Score: sc})
			}
			for j := range u.Frames {
				u.Frames[j].Score /= total
			}
			for j, id := range []string{"conflict", "human_interest", "economic", "moral", "resolution"} {
				// Conflict leans with the outlet, the rest are even.
				p := nrng.Float64()
				if j == 0 {
					p = max(0, min(1, p+o.lean))
				}
				p = math.Round(1e6*p) / 1e6
				u.NewsFrames = append(u.NewsFrames, pipeline.NewsFrame{Frame: id, Prob: p, Has: p >= 0.5})
			}
			for k, e := range testEntities[:2+nrng.IntN(3)] {
				role := []string{pipeline.RoleHero, pipeline.RoleVillain, pipeline.RoleVictim, pipeline.RoleNone}[nrng.IntN(4)]
				if e.name == "Russia" && o.lean < -0.3 {
					role = pipeline.RoleVillain
				}
				u.Roles = append(u.Roles, pipeline.ActorRole{Actor: e.name, Kind: e.typ, Role: role,
					Score: math.Round(1e6*(0.4+0.5*nrng.Float64())) / 1e6, Start: u.Start + 20*k, End: u.Start + 20*k + 60})
			}
			for _, term := range testTerms {
				if rng.IntN(3) == 0 {
					c := 1 + rng.IntN(3)
					if term == "sanctions" && o.lean < -0.3 {
						c += 4
					}
					if term == "partnership" && o.lean > 0.3 {
						c += 4
					}
					u.Terms = append(u.Terms, pipeline.TermCount{Term: term, Count: c})
				}
			}
			u.Lang = "en"
			d.Units = append(d.Units, u)
		}
		if i == 4 {
			// The review's last quote is in Russian: identified, not
			// analysed.
			u := d.Units[len(d.Units)-1]
			*u = pipeline.Unit{ID: u.ID, Index: u.Index, Kind: u.Kind, Outlet: u.Outlet, Country: u.Country, Date: u.Date,
				Start: u.Start, End: u.End, Lang: "ru", Skip: "language ru (not analysed)"}
		}
		docs = append(docs, d)
	}
	// Two documents in German, skipped by the lang stage after the
	// outlets stage found their outlet.
	for k, o := range testOutlets[:2] {
		id := fmt.Sprintf("de%04d", k)
		docs = append(docs, &pipeline.Doc{ID: id, Source: "corpus/" + id + ".txt", Format: "txt",
			Status: pipeline.StatusSkipped, Reason: "language de (not analysed)",
			Units: []*pipeline.Unit{{ID: id + "#0", Kind: pipeline.KindArticle, Outlet: o.name, Country: o.country,
				Date: "2024-06-19", Start: 0, End: 400, Lang: "de", Skip: "language de (not analysed)"}}})
	}
	return docs
}

// testQuoteSpeakers are the speakers of the test corpus' quotes; the
// empty phrase is a quotation attributed to no one.
var testQuoteSpeakers = []struct{ phrase, entity, actor, source string }{
	{"Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Russia", pipeline.SourceOfficial},
	{"officials", "", "", pipeline.SourceUnnamed},
	{"an analyst", "", "", pipeline.SourceExpert},
	{"TASS", "TASS", "", pipeline.SourceOutlet},
	{"", "", "", ""},
	{"he", "Antony Blinken", "United States", pipeline.SourceOfficial},
	{"@attacker", "", "", pipeline.SourceOther},
}
