package outlets_test

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/framewatch/framewatch/pipeline"
	"github.com/framewatch/framewatch/stages/clean"
	"github.com/framewatch/framewatch/stages/outlets"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"18.06.2024 10:37 a.m.", "2024-06-18"},
		{"Status: 18.06.2024 10:37 a.m.", "2024-06-18"},
		{"[September 14, 2023]", "2023-09-14"},
		{"June 18, 2024", "2024-06-18"},
		{"June 18 2024", "2024-06-18"},
		{"Jun. 18, 2024", "2024-06-18"},
		{"June 18th, 2024", "2024-06-18"},
		{"18 June 2024", "2024-06-18"},
		{"18th of June, 2024", "2024-06-18"},
		{"18. Juni 2024", "2024-06-18"},
		{"18 juin 2024", "2024-06-18"},
		{"1 diciembre 2023", "2023-12-01"},
		{"2024-06-19", "2024-06-19"},
		{"2024-06-19T10:00:00Z", "2024-06-19"},
		{"2024-06-19T10:00:00+09:00", "2024-06-19"},
		{"2024/06/19 11:02 KST", "2024-06-19"},
		{"20/06/2024", "2024-06-20"},
		{"19-06-2024", "2024-06-19"},
		{"Wednesday, June 19, 2024", "2024-06-19"},
		{"Mi 19.06.2024 09:55 Uhr", "2024-06-19"},
		{"Jun 19 2024 • 10:00", "2024-06-19"},
		{"A1 2024-06-19x", ""},
		{"June 2024", ""},
		{"06/20/2024", "2024-06-20"},
		{"Tue, 18 Jun 2024 10:00:00 GMT", "2024-06-18"},
		{"Updated 9:48 AM GMT+1, October 30, 2024", "2024-10-30"},
		{"Published 6:12 PM EDT, June 18, 2024", "2024-06-18"},
		{"POLITICO Europe — October 4, 2024", "2024-10-04"},
		{"Le Monde · Editorial · Published on 2024-06-19", "2024-06-19"},
		{"*14 September 2023*", "2023-09-14"},
		{"June 18", ""},
		{"February 30, 2024", ""},
		{"29.02.2023", ""},
		{"29.02.2024", "2024-02-29"},
		{"2024-13-01", ""},
		{"in 2024", ""},
		{"May", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := outlets.ParseDate(tt.in); got != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// run cleans text with meta and returns its units.
func run(t testing.TB, text string, meta pipeline.Meta) []*pipeline.Unit {
	t.Helper()
	c, err := clean.New(pipeline.CleanConfig{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := outlets.New(pipeline.OutletConfig{Registry: []pipeline.OutletEntry{{Name: "Daily Planet", Country: "US"}}})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Doc{ID: "d", Text: text, Meta: meta}
	for _, st := range []pipeline.Stage{c, x} {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d.Units
}

const body = "\n\nNorth Korea has sent about 1 million units of ammunition and dozens of short-range ballistic missiles to Russia since last August, the defence minister said on Wednesday, as Russian President Vladimir Putin began a two-day state visit.\n"

func TestOutletEvidence(t *testing.T) {
	tests := []struct {
		name, text            string
		meta                  pipeline.Meta
		outlet, country, evid string
	}{
		{"meta canonicalised", body, pipeline.Meta{Outlet: "new york times"}, "The New York Times", "US", "meta"},
		{"meta unknown kept", body, pipeline.Meta{Outlet: "Kharkiv Daily", Country: "ua"}, "Kharkiv Daily", "UA", "meta"},
		{"meta country wins", body, pipeline.Meta{Outlet: "Meduza", Country: "LV"}, "Meduza", "LV", "meta"},
		{"meta over dateline", "SEOUL (Reuters) - Text." + body, pipeline.Meta{Outlet: "The Guardian"}, "The Guardian", "GB", "meta"},
		{"reuters dateline", "Title here" + "\n\nSEOUL (Reuters) - Russian President Vladimir Putin arrived in Pyongyang." + body, pipeline.Meta{}, "Reuters", "GB", "dateline"},
		{"ap dateline em dash", "WASHINGTON (AP) — The White House said Tuesday." + body, pipeline.Meta{}, "Associated Press", "US", "dateline"},
		{"afp dateline", "PARIS (AFP) - European governments voiced alarm." + body, pipeline.Meta{}, "Agence France-Presse", "FR", "dateline"},
		{"yonhap dateline", "Seoul, June 19 (Yonhap) -- North Korea has sent shells." + body, pipeline.Meta{}, "Yonhap", "KR", "dateline"},
		{"tass dateline", "PYONGYANG, June 19. /TASS/. Putin held talks." + body, pipeline.Meta{}, "TASS", "RU", "dateline"},
		{"dateline over copyright", "SEOUL (Reuters) - Text." + body + "\n© The New York Times Company 2024\n", pipeline.Meta{}, "Reuters", "GB", "dateline"},
		{"source line", "Source: The Guardian" + body, pipeline.Meta{}, "The Guardian", "GB", "source-line"},
		{"source site domain", body + "\nSource site: www.tagesschau.de\n", pipeline.Meta{}, "tagesschau", "DE", "source-line"},
		{"copyright nyt", body + "\n© The New York Times Company 2024\n", pipeline.Meta{}, "The New York Times", "US", "copyright"},
		{"copyright ap", body + "\nCopyright 2024 The Associated Press. All rights reserved. This\nmaterial may not be published.\n", pipeline.Meta{}, "Associated Press", "US", "copyright"},
		{"copyright reuters", body + "\n© 2024 Reuters. All rights reserved.\n", pipeline.Meta{}, "Reuters", "GB", "copyright"},
		{"masthead", "Gazeta Wyborcza | Opinion\n\nJune 19, 2024" + body, pipeline.Meta{}, "Gazeta Wyborcza", "PL", "masthead"},
		{"masthead markdown", "**RIA Novosti** | Opinion | June 19, 2024" + body, pipeline.Meta{}, "RIA Novosti", "RU", "masthead"},
		{"masthead non-ascii", "Hospodářské noviny — Commentary" + body, pipeline.Meta{}, "Hospodářské noviny", "CZ", "masthead"},
		{"signoff", body + "\nJane Roe, ARD Tokyo, tagesschau, 18.06.2024 09:55 a.m.\n", pipeline.Meta{}, "tagesschau", "DE", "signoff"},
		{"writer credit", body + "\nAssociated Press writer Hyung-jin Kim in Seoul contributed to this report.\n", pipeline.Meta{}, "Associated Press", "US", "signoff"},
		{"configured outlet", "Source: Daily Planet" + body, pipeline.Meta{}, "Daily Planet", "US", "source-line"},
		{"reuters credit alone is no evidence", body + "\nReporting by Josh Smith; Editing by Ed Davies\n", pipeline.Meta{}, "unknown", "", ""},
		{"unknown source not guessed", "Source: Ministry of Defence" + body, pipeline.Meta{}, "unknown", "", ""},
		{"no evidence", body, pipeline.Meta{}, "unknown", "", ""},
		{"cnn dateline without city", "(CNN) — North Korea fired missiles." + body, pipeline.Meta{}, "CNN", "US", "dateline"},
		{"dateline with region", "KYIV, Ukraine (AP) — Ukrainian forces clashed." + body, pipeline.Meta{}, "Associated Press", "US", "dateline"},
		{"copyright with corporate suffix", body + "\n© Copyright 2024 Bloomberg L.P.\n", pipeline.Meta{}, "Bloomberg", "US", "copyright"},
		{"copyright range", body + "\nCopyright © 2009-2024 The Guardian | All rights reserved\n", pipeline.Meta{}, "The Guardian", "GB", "copyright"},
		{"source with two agencies", "Source: Reuters, AFP" + body, pipeline.Meta{}, "Reuters", "GB", "source-line"},
		{"rubric is not a masthead", "Focus: what the treaty says" + body, pipeline.Meta{}, "unknown", "", ""},
		{"sentence with commas is not a signoff", body + "\nKim Jong Un, the leader, met Putin, the BBC said.\n", pipeline.Meta{}, "unknown", "", ""},
		{"undated city part is not a signoff", body + "\nJane Roe, ARD Tokyo\n", pipeline.Meta{}, "unknown", "", ""},
		{"outlet named in body is no evidence", "The Guardian reported that the talks failed, citing officials who were present in the room at the time." + body, pipeline.Meta{}, "unknown", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us := run(t, tt.text, tt.meta)
			if len(us) != 1 {
				t.Fatalf("%d units, want 1", len(us))
			}
			u := us[0]
			if u.Outlet != tt.outlet || u.Country != tt.country || u.Evidence != tt.evid {
				t.Errorf("outlet = %q %q %q, want %q %q %q", u.Outlet, u.Country, u.Evidence, tt.outlet, tt.country, tt.evid)
			}
			if u.Kind != pipeline.KindArticle || u.ID != "d#0" {
				t.Errorf("unit = %s %s", u.ID, u.Kind)
			}
		})
	}
}

func TestAuthorTitleDate(t *testing.T) {
	tests := []struct {
		name, text          string
		meta                pipeline.Meta
		author, title, date string
	}{
		{"by and", "Putin arrives in North Korea\n\nBy Josh Smith and Hyonhee Shin\n\nJune 19, 2024 3:41 AM GMT+9 Updated 2 hours ago" + body, pipeline.Meta{}, "Josh Smith; Hyonhee Shin", "Putin arrives in North Korea", "2024-06-19"},
		{"by caps", "Title line\n\nBy JANE ROE\n\nPublished 6:12 PM EDT, June 18, 2024" + body, pipeline.Meta{}, "Jane Roe", "Title line", "2024-06-18"},
		{"by with places", "# A pact\n\nBy Helen Ashford in Seoul and Tom Ridley\n\n18 June 2024" + body, pipeline.Meta{}, "Helen Ashford; Tom Ridley", "A pact", "2024-06-18"},
		{"by with outlet", "Title\n\nBy Jane Roe, Reuters" + body, pipeline.Meta{}, "Jane Roe", "Title", ""},
		{"reporting credit", "Title" + body + "\nReporting by Julia Marsh and Piotr Nowak in Brussels; Additional\nreporting by Rachel Wu in Beijing; Editing by Tom Hale\n", pipeline.Meta{}, "Julia Marsh; Piotr Nowak", "Title", ""},
		{"signoff", "Status: 18.06.2024 10:37 a.m.\n\nPutin in North Korea: A visit with a price tag" + body + "\nJana Rössler, ARD Tokyo, tagesschau, 18.06.2024 09:55 a.m.\n", pipeline.Meta{}, "Jana Rössler", "Putin in North Korea: A visit with a price tag", "2024-06-18"},
		{"meta wins", "Other title\n\nBy Jane Roe" + body, pipeline.Meta{Title: "Meta title", Author: "Claire Martin, Luca Bianchi", Date: "2024-06-19T08:15:00Z"}, "Claire Martin; Luca Bianchi", "Meta title", "2024-06-19"},
		{"date line skipped for title", "[September 14, 2023]\n\nKim's Armored Train" + body, pipeline.Meta{}, "", "Kim's Armored Train", "2023-09-14"},
		{"outlet prefix stripped", "# euro|topics: Kim visits Putin\n\n*14 September 2023*" + body, pipeline.Meta{}, "", "Kim visits Putin", "2023-09-14"},
		{"masthead skipped", "The Kyiv Independent\n\nNovember 5, 2024\n\nNorth Korean troops enter combat\n\nBy Iryna Marchuk" + body, pipeline.Meta{}, "Iryna Marchuk", "North Korean troops enter combat", "2024-11-05"},
		{"yearless date from context", "Title\n\nSeoul, June 19 (Yonhap) -- Text." + body + "\n2024/06/19 11:02 KST\n", pipeline.Meta{}, "", "Title", "2024-06-19"},
		{"yearless dateline with year in body", "Title\n\nSeoul, June 19 (Yonhap) -- North Korea has sent about 1 million units of ammunition to Russia, the minister said, after shelling near the border on June 18, 2024 and further launches." + body, pipeline.Meta{}, "", "Title", "2024-06-19"},
		{"yearless date without context", "Putin's long road back\n\nJune 18" + body, pipeline.Meta{}, "", "Putin's long road back", ""},
		{"yearless date with meta year", "Title\n\nJune 18" + body, pipeline.Meta{Date: "2024-06-18"}, "", "Title", "2024-06-18"},
		{"reuters credit in parentheses", "Title" + body + "\n(Reporting by Josh Smith and Ju-min Park; Editing by Ed Davies)\n", pipeline.Meta{}, "Josh Smith; Ju-min Park", "Title", ""},
		{"furniture before headline", strings.Repeat("Share\nPrint\nE-mail\nAdvertisement\n", 4) + "Headline after furniture" + body, pipeline.Meta{}, "", "Headline after furniture", ""},
		{"byline with outlet after bar", "Title\n\nBy Jane Roe | Reuters" + body, pipeline.Meta{}, "Jane Roe", "Title", ""},
		{"caps byline with outlet", "Title\n\nBy JANE DOE AND JOHN O'NEILL, Associated Press" + body, pipeline.Meta{}, "Jane Doe; John O'Neill", "Title", ""},
		{"byline with role", "Title\n\nBy Jane Roe, Staff Writer" + body, pipeline.Meta{}, "Jane Roe", "Title", ""},
		{"german byline", "Titel\n\nVon Jana Rössler und Max Weber\n\n18.06.2024, 09:55 Uhr" + body, pipeline.Meta{}, "Jana Rössler; Max Weber", "Titel", "2024-06-18"},
		{"kicker skipped", "EXCLUSIVE\n\nThe real headline\n\n19-06-2024" + body, pipeline.Meta{}, "", "The real headline", "2024-06-19"},
		{"no title when text starts with body", strings.TrimSpace(body), pipeline.Meta{}, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us := run(t, tt.text, tt.meta)
			if len(us) != 1 {
				t.Fatalf("%d units, want 1", len(us))
			}
			u := us[0]
			if u.Author != tt.author || u.Title != tt.title || u.Date != tt.date {
				t.Errorf("author, title, date = %q, %q, %q; want %q, %q, %q", u.Author, u.Title, u.Date, tt.author, tt.title, tt.date)
			}
		})
	}
}

const review = `euro|topics – European press review

Putin in Pyongyang: a pact between pariahs?

20 June 2024

Europe's commentators discuss who benefits more from the deal.

Gazeta Wyborcza (PL) /
The Kremlin's criminal war needs Korean shells
Columnist Piotr Kowal sees a dictator in despair:
"Putin now travels to the last Stalinist state on earth."

Новая газета (RU) /
Friendship against everyone
The independent paper is sarcastic:
"Russian state television is presenting the treaty as a triumph."

Second paragraph of the quote, after a blank line.

Hospodářské noviny (CZ) /
Moscow pays with the security of Asia
The business daily condemns the deal:
"The Kremlin is prepared to sell anything."

Andrey Zubov (RU) /
The empire of begging
Historian Andrey Zubov writes on Facebook:
"Putin once promised to make Russia great again."

Some Commentator (XX) /
A headline
The last section has no registry outlet.

All press reviews from 20/06/2024
`

func TestSplitReview(t *testing.T) {
	us := run(t, review, pipeline.Meta{})
	want := []struct {
		kind, outlet, country, author, title, first, last string
	}{
		{"review-intro", "eurotopics", "DE", "", "Putin in Pyongyang: a pact between pariahs?", "euro|topics", "from the deal."},
		{"review-quote", "Gazeta Wyborcza", "PL", "Piotr Kowal", "The Kremlin's criminal war needs Korean shells", "The Kremlin's", "on earth.\""},
		{"review-quote", "Novaya Gazeta", "RU", "", "Friendship against everyone", "Friendship", "after a blank line."},
		{"review-quote", "Hospodářské noviny", "CZ", "", "Moscow pays with the security of Asia", "Moscow pays", "sell anything.\""},
		{"review-quote", "Andrey Zubov", "RU", "Andrey Zubov", "The empire of begging", "The empire", "great again.\""},
		{"review-quote", "Some Commentator", "XX", "", "A headline", "A headline", "registry outlet."},
	}
	if len(us) != len(want) {
		t.Fatalf("%d units, want %d", len(us), len(want))
	}
	for i, w := range want {
		u := us[i]
		got := review[u.Start:u.End]
		if u.Index != i || u.ID != "d#"+string(rune('0'+i)) || u.Kind != w.kind || u.Outlet != w.outlet || u.Country != w.country || u.Author != w.author || u.Title != w.title || u.Date != "2024-06-20" {
			t.Errorf("unit %d = %+v, want %+v", i, *u, w)
		}
		if !strings.HasPrefix(got, w.first) || !strings.HasSuffix(got, w.last) {
			t.Errorf("unit %d text = %q, want %q...%q", i, got, w.first, w.last)
		}
		if w.kind == "review-quote" && u.Evidence != "review-section" {
			t.Errorf("unit %d evidence = %q", i, u.Evidence)
		}
	}
}

// TestSplitLeadReview: a review that opens each paper's paragraph with its
// name ("The Guardian (UK): …") is split like one with "NAME (CC) /"
// lines; the lead itself is in no unit, and the quote has no headline.
func TestSplitLeadReview(t *testing.T) {
	text := "What the papers say about the budget deal\n\n" +
		"Newspapers on both sides of the Atlantic weighed in on the spending bill on Saturday.\n\n" +
		"The Guardian (UK): \"A deal struck at midnight is no way to run the world's largest economy.\"\n\n" +
		"**Le Monde** (FR): The Paris daily sees a Congress that governs from one crisis to the next.\n\n" +
		"The Wall Street Journal writes: The spending is too high, but a shutdown would have been worse.\n\n" +
		"Ukrainska Pravda (UA): Kyiv will welcome the aid, however small.\n"
	us := run(t, text, pipeline.Meta{})
	want := []struct{ kind, outlet, country, first string }{
		{"review-intro", "unknown", "", "What the papers say"},
		{"review-quote", "The Guardian", "GB", "\"A deal struck"},
		{"review-quote", "Le Monde", "FR", "The Paris daily"},
		{"review-quote", "The Wall Street Journal", "US", "The spending"},
		{"review-quote", "Ukrainska Pravda", "UA", "Kyiv will"},
	}
	if len(us) != len(want) {
		t.Fatalf("%d units, want %d: %+v", len(us), len(want), us)
	}
	for i, w := range want {
		u := us[i]
		got := text[u.Start:u.End]
		if u.Kind != w.kind || u.Outlet != w.outlet || u.Country != w.country || !strings.HasPrefix(got, w.first) {
			t.Errorf("unit %d = %s %q %q %q…, want %s %q %q %q…", i, u.Kind, u.Outlet, u.Country, got[:min(20, len(got))], w.kind, w.outlet, w.country, w.first)
		}
		if u.Kind == "review-quote" && (u.Title != "" || strings.Contains(got, "):")) {
			t.Errorf("unit %d: title %q, text %q", i, u.Title, got)
		}
	}
}

// TestFewLeadsAreNoReview: an article quoting two outlets at the start of
// paragraphs, or a transcript with speakers, is one article.
func TestFewLeadsAreNoReview(t *testing.T) {
	for _, text := range []string{
		"Talks resumed on Monday.\n\nReuters: The ministry confirmed the meeting.\n\nAP: Officials declined to comment.\n\nThe talks continue.\n",
		"Interview transcript\n\nPutin: We will not back down.\n\nKim: Our friendship is eternal.\n\nPutin: The West is nervous.\n\nKim: Indeed.\n",
		"Reuters: one.\n\nReuters: two.\n\nReuters: three.\n",
	} {
		if us := run(t, text, pipeline.Meta{}); len(us) != 1 || us[0].Kind != "article" {
			t.Errorf("%q: %d units (%s), want one article", text, len(us), us[0].Kind)
		}
	}
}

func TestSingleSectionIsNotAReview(t *testing.T) {
	us := run(t, "Le Monde (FR) /\nHeadline"+body, pipeline.Meta{})
	if len(us) != 1 || us[0].Kind != pipeline.KindArticle {
		t.Fatalf("units = %+v, want one article", us)
	}
}

func TestSectionHead(t *testing.T) {
	tests := []struct{ body, title, author string }{
		{"A defeat for Berlin\nThe Frankfurt paper sees the chancellor isolated:\n\"Text.\"", "A defeat for Berlin", ""},
		{"Headline\nColumnist Piotr Kowal sees a dictator in despair:", "Headline", "Piotr Kowal"},
		{"Headline\nAndrey Zubov writes on Facebook:", "Headline", "Andrey Zubov"},
		{"Headline\nThe Chinese state-run paper warns of consequences:", "Headline", ""},
		{"\"Only a quote.\"", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		title, author := outlets.SectionHead(tt.body)
		if title != tt.title || author != tt.author {
			t.Errorf("sectionHead(%q) = %q, %q; want %q, %q", tt.body, title, author, tt.title, tt.author)
		}
	}
}

func TestEmptyAndUncleaned(t *testing.T) {
	x, err := outlets.New(pipeline.OutletConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if x.Name() != "outlets" {
		t.Errorf("Name() = %q", x.Name())
	}
	d := &pipeline.Doc{ID: "e", Text: " \n\t\n"}
	if err := x.Process(context.Background(), d); err != nil || len(d.Units) != 0 {
		t.Errorf("whitespace doc: units %v, err %v", d.Units, err)
	}
	// Without the clean stage the raw text is used.
	d = &pipeline.Doc{ID: "r", Text: "\n  SEOUL (Reuters) - Text.  \n"}
	if err := x.Process(context.Background(), d); err != nil || len(d.Units) != 1 {
		t.Fatalf("raw doc: units %v, err %v", d.Units, err)
	}
	if u := d.Units[0]; u.Outlet != "Reuters" || d.Text[u.Start:u.End] != "SEOUL (Reuters) - Text." {
		t.Errorf("raw doc unit = %+v", *u)
	}
}

func FuzzSplitReview(f *testing.F) {
	f.Add(review)
	f.Add("A (FR) /\nB (DE) /\n")
	f.Add("Intro\n\nLe Monde (FR) /\r\nTitle\r\n\r\nNZZ (CH) /\n")
	f.Add("\xffX (AB) /\n\xc3Y (CD) /")
	x, err := outlets.New(pipeline.OutletConfig{})
	if err != nil {
		f.Fatal(err)
	}
	c, err := clean.New(pipeline.CleanConfig{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &pipeline.Doc{ID: "f", Text: text}
		_ = c.Process(context.Background(), d)
		_ = x.Process(context.Background(), d)
		prev := 0
		for i, u := range d.Units {
			if u.Index != i || u.Start < prev || u.Start >= u.End || u.End > len(text) {
				t.Fatalf("unit %d [%d,%d) out of order or bounds (prev end %d, len %d)", i, u.Start, u.End, prev, len(text))
			}
			s := d.Clean[u.Start:u.End]
			r, _ := utf8.DecodeRuneInString(s)
			l, _ := utf8.DecodeLastRuneInString(s)
			if unicode.IsSpace(r) || unicode.IsSpace(l) {
				t.Fatalf("unit %d %q has surrounding space", i, s)
			}
			if u.Outlet == "" {
				t.Fatalf("unit %d has no outlet", i)
			}
			prev = u.End
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"18.06.2024 10:37 a.m.", "[September 14, 2023]", "June 18", "2024-06-19T10:00:00Z", "31/12/1999", "29 février 2024", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso := outlets.ParseDate(s)
		if iso == "" {
			return
		}
		if len(iso) != 10 || outlets.ParseDate(iso) != iso {
			t.Fatalf("ParseDate(%q) = %q, which does not parse to itself", s, iso)
		}
	})
}
