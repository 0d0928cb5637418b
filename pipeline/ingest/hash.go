package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Hash returns the hex SHA-256 of text after Unicode NFC normalisation,
// collapsing every run of whitespace to one space and trimming; case is
// kept. Two documents with the same Hash are exact duplicates.
func Hash(text string) string {
	h := sha256.New()
	var buf [utf8.UTFMax]byte
	space := false
	started := false
	var it norm.Iter
	it.InitString(norm.NFC, text)
	out := make([]byte, 0, 256)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.IsSpace(r) {
				space = started
				continue
			}
			if space {
				out = append(out, ' ')
				space = false
			}
			started = true
			if r < utf8.RuneSelf {
				out = append(out, byte(r))
			} else {
				k := utf8.EncodeRune(buf[:], r)
				out = append(out, buf[:k]...)
			}
			if len(out) >= 4096 {
				h.Write(out)
				out = out[:0]
			}
		}
	}
	h.Write(out)
	return hex.EncodeToString(h.Sum(nil))
}
