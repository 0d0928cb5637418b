package reports

import (
	"fmt"
	"slices"
	"strings"
)

// methodItem is one entry of the reports' method section: what a number
// means and how far to trust it.
type methodItem struct {
	Term, Text string
}

// method is the method section report.html and report.pdf carry, from the
// run's configuration and tables.
func (r *report) method() []methodItem {
	minU := minUnits(r.cfg)
	s := countSamples(r.tables, r.cfg)
	items := []methodItem{
		{"Units and n", "An article is one unit; a press review is one unit per quoted outlet plus one for its introduction. " +
			"n on a chart or in a table is the number of units (tone, frames, top entities) or of mentions (stance) behind the value."},
		{"Tone", "GDELT-style: the percentage of positive minus negative words (VADER lexicon) per unit; an outlet's tone is the mean over its units, " +
			"with a 95% percentile bootstrap interval (1,000 resamples, fixed seed; the normal approximation above 200 units). " +
			"With one unit the interval is a point: it says nothing about the outlet."},
		{"Stance", "Per mention of a target, P(positive) − P(negative) from a logistic regression trained on NewsMTSC, from −1 to +1; " +
			"an outlet's stance toward a target is the mean over its mentions with a 95% bootstrap interval. It is labelled favourable " +
			"when the whole interval lies above +0.05, against below −0.05, neutral within ±0.15, otherwise (or with fewer than 3 mentions) unclear. " +
			"Own voice and quoted voices are reported apart in stance.csv. News reads negative by default, so each outlet is also compared " +
			"with the corpus: its relative score is its mean minus the mean of every outlet's mentions of the target, with a 95% bootstrap " +
			"interval of that difference; the highlights rank by it. Under each outlet the two most favourable and the two most unfavourable " +
			"sentences per target are quoted, with their voice, so that a score can be checked against the text."},
		{"Sources", "Quotations and attributed clauses (\"X said that …\", \"according to X\") are read with their speaker phrase and verb by patterns, " +
			"not a parser; the speaker is the entity named in the phrase (\"he\"/\"she\": the last person named before), and its kind is outlet, " +
			"expert, unnamed (\"officials said\"), official or other by cue words. An outlet's shares are of all its quotes, those attributed to no one included."},
		{"Frames", "The share of each of the 15 Media Frames Corpus dimensions among a unit's frame cue words, averaged over the outlet's units: " +
			"a transparent dictionary proxy, not a human coder's primary frame."},
		{"Generic news frames", "Conflict, human interest, economic, moral and resolution (Semetko and Valkenburg 2000): one logistic regression per frame, " +
			"trained on climate-change articles coded by people (Frermann et al. 2023), gives each unit a probability; a unit has the frame when it reaches " +
			"the frame's threshold. An outlet's share is the share of its units with the frame, with a 95% percentile bootstrap interval " +
			"(1,000 resamples, fixed seed; the normal approximation above 200 units). Outside climate coverage treat it as a first pass."},
		{"Actor roles", "Per unit, its 10 most mentioned actors (named entities, and stakeholder phrases such as \"fossil fuel companies\") are each cast as hero, " +
			"villain, victim or none by a logistic regression over the words of the sentences mentioning them, their stance and tone scores, trained on " +
			"climate-change articles coded by people (Frermann et al. 2023); roles.csv gives each with its evidence sentence. An actor's dominant role in an " +
			"outlet is the role most of its units cast it in. On the coded articles it agrees with people on about a third of the roles: read it as a pointer to the sentences."},
		{"Distinctive terms", "Fightin' Words (Monroe, Colaresi and Quinn 2008): log-odds z-scores of each outlet's words against the rest of the corpus."},
		{"Claims", fmt.Sprintf("The same figure (value and counted thing, matched leniently) cited by several outlets is one claim. "+
			"Claims are ranked by newsworthiness: money, casualties, weapons and troops score 3, percentages 2, an attributed figure 1 more, "+
			"each further outlet citing it 1 more (at most 3); counts of generic things (countries, years, leaders) and durations score 0. "+
			"The chart shows claims scoring %d or more. Two claims conflict only when both are newsworthy, count the same thing in the same unit, "+
			"share a time reference (the month of the nearest date within about a sentence, else of the article) and differ by more than %.0f%% "+
			"of the larger value; at least two outlets must cite them between them.", minNews, 100*conflictGap)},
		{"Minimum sample", fmt.Sprintf("An outlet needs at least %d units (report.min_units) to be compared. Outlets with fewer are marked "+
			"\"small\" in the overview's sample column, drawn apart (grey, below a rule) in the charts and never ranked in the highlights. "+
			"This run: %d of %d outlets are compared.", minU, s.ok, s.outlets)},
		{"Unknown outlet", unknownText(s.unknownUnits)},
		{"Charts", fmt.Sprintf("A comparison chart draws at most %d outlets (most units first); a note names those left out, and the tables hold them all. "+
			"Trend lines break where more than %d buckets without units lie between two points.", maxChartOutlets, maxGapBuckets)},
		{"Languages", r.languagesText()},
		{"Earlier runs", r.earlierRunsText()},
	}
	return items
}

func unknownText(units int) string {
	s := "Units with no evidence of their outlet (no metadata, dateline, source line, masthead, copyright or sign-off naming a known outlet) " +
		"are reported as \"unknown\", never guessed. They stay in the tables but are left out of the comparison charts and rankings."
	if units > 0 {
		s += fmt.Sprintf(" This run: %d units.", units)
	} else {
		s += " This run: none."
	}
	return s
}

// languagesText says which languages were analysed and which left out,
// from the languages table (outlet, language, units, analysed) when the
// run has one.
func (r *report) languagesText() string {
	t := findTable(r.tables, "languages")
	if t == nil || t.Len() == 0 || !slices.Contains(t.Columns(), "analysed") || !slices.Contains(t.Columns(), "language") {
		return "Every unit was analysed with the English models; this version does not detect the language of a unit, so text in other languages is analysed as if it were English."
	}
	units := colInts(t.df, "units")
	analysed := t.df.Col("analysed").Records()
	in, out := map[string]int{}, map[string]int{}
	for i, l := range colStrings(t.df, "language") {
		if analysed[i] == "true" {
			in[l] += units[i]
		} else {
			out[l] += units[i]
		}
	}
	list := func(m map[string]int) string {
		var parts []string
		for _, l := range sortedKeys(m) {
			parts = append(parts, fmt.Sprintf("%s (%s)", l, plural(m[l], "unit")))
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, ", ")
	}
	return "The language of every unit is identified. Analysed: " + list(in) + ". Left out (counted in languages.csv, not analysed): " +
		list(out) + ". The languages analysed are set by the languages: key."
}

// earlierRunsText says how many of the documents reported come from
// earlier runs on the same workspace.
func (r *report) earlierRunsText() string {
	s := "With a workspace, documents stored by earlier runs and not in this run's input are included, " +
		"so that the report covers the whole corpus; --prune forgets those whose source is gone. "
	if n := r.info.Earlier; n > 0 {
		return s + fmt.Sprintf("This run: %s of the %d come from earlier runs.", plural(n, "document"), r.totals().Docs)
	}
	return s + "This run: none; every document is from this run's input."
}
