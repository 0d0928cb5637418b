// Command evalquant scores the figures stage's parser on NewsQuant, the
// news quantity set of the CQE paper (Almasian et al., EMNLP 2023), the way
// that paper's evaluation scripts do:
//
//	go run ./internal/tools/evalquant -newsquant ../shared/bench/newsquant/NewsQuant.json
//
// Each sentence is parsed with figures.Parse. A gold quantity is matched
// on value when some prediction has the same value (both ends for a
// range, relative tolerance 1e-5), at most once per gold quantity; on
// value and unit when the prediction's unit, mapped to the names of CQE's
// unit dictionary ("USD" is "dollar", "%" is "percentage"), is also equal
// (a plain count is compared by its counted noun phrase, singularised and
// without stop words, or "-"). Falls are compared by their size, as
// NewsQuant writes them. It prints "eval newsquant <metric> <value>" lines:
// value_precision, value_recall, value_f1, value_unit_precision,
// value_unit_recall, value_unit_f1. With -v it lists every sentence with a
// missed, spurious or wrongly united quantity on stderr.
//
// The data set is read from the shared benchmark folder and never copied
// into the repository; when it is absent evalquant says so and exits 0.
package main
