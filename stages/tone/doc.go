// Package tone is framewatch's "tone" stage: lexicon sentiment of each unit,
// reported GDELT-style.
//
// Each sentence of a unit (the text stage's sentences, or a rough split when
// they are missing) is normalised for VADER (curly quotes straightened,
// whitespace collapsed: govader's tokenizer splits on single spaces) and
// scored with internal/vader, a fork of govader that gives the same scores
// bit for bit, faster. Whole units are never scored at once, since VADER's compound score
// saturates on long texts.
//
// Per unit, pipeline.Tone holds:
//
//   - Positive and Negative: the percentage of the unit's words found in
//     VADER's lexicon with a positive or negative valence (a word within
//     three words after a negator counts with the opposite sign);
//   - Tone = Positive - Negative and Polarity = Positive + Negative, as in
//     GDELT's tone fields;
//   - Words: the number of words scored;
//   - Sentences: each sentence's VADER compound score (-1..1), and Mean
//     their mean, for bootstrap intervals.
//
// The full VADER scores of each of the text stage's sentences are also
// kept on the transient pipeline.Sentence, for the stance stage.
//
// Values are rounded to four decimals.
package tone
