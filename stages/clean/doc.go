// Package clean is framewatch's first stage: it turns Doc.Text into
// Doc.Clean, a copy of exactly the same byte length in which site furniture
// is blanked out and hard line-wrapping is undone, so that every offset into
// Clean is an offset into Text.
//
// # Furniture
//
// A line is furniture when, after trimming spaces and surrounding "*" or
// "_" emphasis, it matches one of the rules in full (case-insensitively for
// the shipped rules). The shipped rules cover:
//
//   - share, print, e-mail, save, tweet and comment prompts ("Share this
//     article", "Print", "E-mail", "Comments (12)", "Comments are closed.");
//   - layout notes: "Continued in next column", "Advertisement", "Page 2 of
//     3", "Skip to content", "Back to top", "Read more: ...", "Related
//     articles", "Listen to this article", "5 min read";
//   - copyright and redistribution notices ("© 2024 Reuters. All rights
//     reserved.", "Copyright 2024 The Associated Press", "This material may
//     not be published, broadcast, rewritten or redistributed");
//   - provenance and time stamps: "Source site: ...", "Source: X" (short
//     lines only), "Status: 18.06.2024 10:37 a.m.", "Published: ...",
//     "Updated ...", "... Updated 5 hours ago";
//   - photo captions and credits ("Photograph: Jane Doe/AP", "(Photo by
//     X/Getty Images)"), account and app prompts ("Sign in", "Subscribe",
//     "Open in app"), tag lines ("Topics: ...");
//   - newsletter and cookie prompts, wire end marks ("(END)", AFP desk
//     slugs such as "burs-ah/jj"), contact notes ("For inquiries, ...
//     contact ...") and "All press reviews from ..." links.
//
// Furniture lines are replaced by spaces (their line break is kept) and
// recorded in Doc.Removed with the rule's name, so that later stages can
// still read the evidence they carry: copyright lines name the outlet,
// "Status:" lines carry the date, "Source:" lines name the source.
// Configured patterns (clean.furniture) are matched in full against the
// trimmed line as written, case-sensitively unless they start with (?i);
// their rule name is "custom".
//
// # Hard line-wrapping
//
// Wire copy pasted from web pages often breaks lines mid-sentence at 60-80
// columns. The cleaner replaces such a line break (and the "\r" of "\r\n")
// by a space when the break was forced: the next line's first word would
// not have fitted within the document's wrap width, or the line ends
// without final punctuation and the next begins in lower case. It never
// joins across a blank line (paragraph break), into or out of furniture,
// into a list item (-, *, •, 1.), a markdown heading, an indented line or a
// wire dateline ("SEOUL (Reuters) -"), from a press-review section line
// ("Le Monde (FR) /") or the headline after one, nor when either line is
// longer than 100 characters (such text is not hard-wrapped). Short lines
// followed by a blank line or a capitalised line that would have fitted
// (headings, datelines, bylines) therefore stay on their own lines.
package clean
