// Package outlets is framewatch's second stage: it decides, for every
// document, which outlet published it, from which country, on what date,
// by whom and under what title, and splits press reviews into one unit per
// quoted outlet. It creates Doc.Units; later stages analyse each unit.
//
// The stage reads Doc.Clean (hard wraps joined) and Doc.Removed (the
// furniture the clean stage blanked out, which still carries evidence:
// copyright lines name the outlet, "Status:" lines carry the date, "Source:"
// lines name the source). Without the clean stage it reads Doc.Text.
//
// # Outlet evidence
//
// The first kind of evidence found decides; Unit.Evidence records which,
// and Unit.OutletGiven the metadata's own name for "meta" and "url":
//
//   - "meta": Doc.Meta.Outlet (JSONL/CSV fields, the sidecar manifest, the
//     HTML site name), canonicalised through the registry (see
//     registry.Match) whatever its form: "the guardian", "THE GUARDIAN",
//     "theguardian", "www.theguardian.com",
//     "https://www.theguardian.com/world/x", an old name ("The Huffington
//     Post" is HuffPost); a name the registry does not know is kept as
//     given (a web address as its host) and Unit.OutletUnmatched is set;
//   - "url": the host of Doc.Meta.URL when the record names no outlet.
//     A host the registry does not know is the outlet only when the text
//     gives no evidence either;
//   - "dateline": a wire dateline, "SEOUL (Reuters) -", "WASHINGTON (AP) —",
//     "PARIS (AFP) -", "Seoul, June 19 (Yonhap) --", "PYONGYANG, June 19.
//     /TASS/.";
//   - "source-line": "Source: X" or "Source site: x.com" (web addresses are
//     looked up by host, then by shorter domains);
//   - "masthead": one of the first lines names the outlet, alone or before
//     a separator: "The Kyiv Independent", "Gazeta Wyborcza | Opinion",
//     "POLITICO Europe — October 4, 2024", "# euro|topics: ...";
//   - "copyright": "© 2024 Reuters. All rights reserved.", "© The New York
//     Times Company 2024", "Copyright 2024 The Associated Press";
//   - "signoff": a closing credit, "Jane Roe, ARD Tokyo, tagesschau,
//     18.06.2024 09:55 a.m." or "Associated Press writer X ... contributed
//     to this report".
//
// Text evidence counts only when it names an outlet of the registry. A
// Reuters-style "Reporting by ...; Editing by ..." credit names reporters,
// not the outlet, and is not outlet evidence. Without evidence the outlet is
// "unknown": the stage never guesses. Country is Meta.Country when the
// input gives one, else the registry's country (ISO 3166-1 alpha-2).
//
// # Dates, authors, titles
//
// Date (ISO 8601, YYYY-MM-DD) is Meta.Date when it parses, else the first
// complete date on a header line, then on any short line (time stamps,
// "Status:" lines, datelines, sign-offs); a date without a year ("June 18")
// takes the year of the document's other dates and is "" without one. See
// ParseDate for the formats.
//
// Author is Meta.Author, else a byline ("By Josh Smith and Hyonhee Shin" →
// "Josh Smith; Hyonhee Shin", "By JANE ROE" → "Jane Roe", places and
// outlets dropped), else a sign-off's name ("Jana Rössler, ARD Tokyo,
// tagesschau, ..." → "Jana Rössler"), else a "Reporting by" credit
// (reporters only, not "Additional reporting" or editors). Several authors
// are joined with "; ".
//
// Title is Meta.Title, else the first header line that is not a masthead,
// date, byline, source or dateline line, without markdown marks and
// without a leading "outlet:" ("euro|topics: Kim visits Putin" → "Kim
// visits Putin").
//
// # Press reviews
//
// A document with two or more section lines "NAME (CC) /" is a press
// review. NAME is an outlet or a commentator, in any script ("Hospodářské
// noviny (CZ) /", "Новая газета (RU) /", "Andrey Zubov (RU) /"); CC is a
// country code. The review becomes:
//
//   - a review-intro unit: the text before the first section line, with
//     the review's own outlet (its publisher, when evidenced), date, author
//     and title;
//   - one review-quote unit per section: the body from the line after the
//     section line up to the next section line (blank lines inside are
//     kept). Its outlet is the registry's canonical name for NAME, or NAME
//     as written; its country is CC; its title is the first body line (the
//     headline); its author is a commentator named in the second line
//     ("Columnist Piotr Kowal sees ...", "Historian Andrey Zubov writes
//     ..."); its date is the review's; its evidence is "review-section".
//
// Units are numbered in text order, with IDs "<doc id>#<index>". A plain
// document is one article unit. Unit spans exclude surrounding whitespace
// and blanked furniture.
//
// A Detector is safe for concurrent use.
package outlets
