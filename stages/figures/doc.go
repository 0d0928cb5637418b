// Package figures is framewatch's "figures" stage: it finds the numbers a
// text cites, what they count and who claimed them, and, apart from them,
// the dates and times it mentions.
//
// A hand-written scanner reads the text once (no regular expressions) and a
// small grammar over its tokens recognises:
//
//   - numbers in digits ("4.8", "1,250,000", ".5"), with scales ("4.8
//     million", "1.5bn", "35m", "10k") and in words ("twenty-four", "one and
//     a half", "a dozen", "half a million", "two-thirds of");
//   - vague counts ("dozens of", "hundreds of thousands of"), read as a range
//     from the named order to ten times it: dozens are 12 to 120, thousands
//     1,000 to 10,000;
//   - money in signs, codes and words ("$6", "US$84 billion", "€3m",
//     "₩5 trillion", "USD 5", "5 billion won", "300 rubles", "1,200€");
//     a bare "$" is US dollars unless FigureConfig.Dollar says otherwise;
//   - percentages, points and units of measure and time ("24 years",
//     "two-day", "152 mm", "325,000 barrels per day", "$52 a barrel");
//   - ranges ("3-5", "between 3 and 5", "3 to 5 million", "from $1m to
//     $2m"; with "from X to Y" Low is X and High is Y even when X > Y),
//     bounds ("about", "nearly", "almost", "some": approx; "more than",
//     "over", "at least", "or more": min; "up to", "under", "fewer than",
//     "less than": max) and changes ("rose by 5%", "fell 3 points", "a 5%
//     drop", "+0.2%"), whose Value is signed.
//
// Not figures: dates and times (they go to the unit's Dates), years
// standing alone ("in 2023"), ordinals ("the second trip", "96th"), "one"
// as a pronoun ("one of the largest", "no one", "one way or another"),
// ratios ("one in three", "24/7"), copyright lines, page furniture ("Page
// 2 of 3", "Comments (12)"), phone numbers, scores ("2-2"), lap times,
// list numbers, street addresses and identifiers ("Section 427", "iPhone
// 12", "S&P 500", "G7", "COVID-19", "GMT+9", "5G").
//
// Parse exposes the scanner on any string; Format writes a quantity back in
// a form Parse reads to the same value, unit and bound; ParseDates returns
// the dates. The Extractor adds what needs the document: the counted noun
// phrase (from the text stage's Penn tags when present, else a heuristic:
// "4.8 million artillery shells", "1 million units of ammunition", "90% of
// North Korea's debt"); the claimant, from an attribution in the figure's
// sentence ("X said", "according to X", "X told reporters", "said X") or
// in the sentence before it when that one ends with a colon or the figure's
// sentence is a quotation: a person by the entity stage's canonical name,
// a government mention ("Seoul", "the White House") by its state actor,
// else the phrase without titles ("Kremlin spokesman Dmitry Peskov" is
// "Dmitry Peskov"); "he" and "she" are the last named speaker; a review
// quote without attribution speaks for its outlet. Relative dates ("June
// 18", "last September", "on Tuesday") resolve against the unit's date.
package figures
