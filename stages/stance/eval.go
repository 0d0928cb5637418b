package stance

// Evaluate scores predict on examples and returns 3-class accuracy and
// macro-F1 (the unweighted mean of the per-class F1 scores, NewsMTSC's F1m).
func Evaluate(predict func(Instance) (string, float64), examples []Example) (accuracy, macroF1 float64) {
	var conf [3][3]int
	for _, e := range examples {
		label, _ := predict(e.Instance)
		p := 1
		for k, c := range Classes {
			if c == label {
				p = k
			}
		}
		conf[e.Class][p]++
	}
	var correct, total int
	for i := range 3 {
		for j := range 3 {
			total += conf[i][j]
			if i == j {
				correct += conf[i][j]
			}
		}
	}
	if total == 0 {
		return 0, 0
	}
	var f1sum float64
	for k := range 3 {
		tp := float64(conf[k][k])
		var fp, fn float64
		for j := range 3 {
			if j != k {
				fp += float64(conf[j][k])
				fn += float64(conf[k][j])
			}
		}
		if tp > 0 {
			prec, rec := tp/(tp+fp), tp/(tp+fn)
			f1sum += 2 * prec * rec / (prec + rec)
		}
	}
	return float64(correct) / float64(total), f1sum / 3
}
