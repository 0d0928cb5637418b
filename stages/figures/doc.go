// Package figures is framewatch's "figures" stage: it finds the numbers a
// text cites, what they count and who claimed them, and the dates and times
// it mentions.
//
// A hand-written scanner reads the text once (no regular expressions) and a
// small grammar over its tokens recognises:
//
//   - numbers in digits ("4.8", "1,250,000"), with scales ("4.8 million",
//     "1.5bn", "35m", "10k") and in words ("twenty-four", "one and a half",
//     "a dozen", "half a million");
//   - vague counts ("dozens of", "hundreds of thousands of"), read as the
//     range from the named order to ten times it (dozens: 12–120);
//   - money in signs, codes and words ("$6", "US$84 billion", "€3m",
//     "₩5 trillion", "USD 5", "5 billion won", "300 rubles");
//   - percentages, points and units of measure and time ("24 years",
//     "two-day", "152 mm", "325,000 barrels per day", "$52 a barrel");
//   - ranges ("3-5", "between 3 and 5", "from $1m to $2m", "3 to 5
//     million"), bounds ("about", "nearly", "more than", "at least", "up
//     to", "fewer than", "or more") and changes ("rose by 5%", "fell 3
//     points", "a 5% drop").
//
// Not figures: dates and times (they go to the unit's Dates), years
// standing alone ("in 2023"), ordinals ("the second trip", "96th"), "one"
// as a pronoun ("one of the largest", "no one", "one way or another"),
// copyright lines, page furniture ("Page 2 of 3"), phone numbers, scores
// ("2-2"), ratios ("24/7"), list numbers and identifiers ("Section 427",
// "iPhone 12", "S&P 500", "G7", "COVID-19").
//
// Parse exposes the scanner on any string; Format writes a quantity back in
// a form Parse reads to the same value. The Extractor adds what needs the
// document: the counted noun phrase (from the text stage's Penn tags when
// present, else a heuristic), the claimant (an attribution in the figure's
// sentence or the one before: "X said", "according to X", "X told
// reporters", as a canonical entity when an entity mention covers it), and
// relative dates resolved against the unit's date.
package figures
