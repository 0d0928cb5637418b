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
	c := collapser{out: make([]byte, 0, 4096), h: h}
	if norm.NFC.IsNormalString(text) {
		// Most text is already NFC (ASCII always is): skip the iterator.
		c.write(text)
	} else {
		var it norm.Iter
		it.InitString(norm.NFC, text)
		for !it.Done() {
			c.write(string(it.Next()))
		}
	}
	c.flush()
	return hex.EncodeToString(h.Sum(nil))
}

// collapser feeds text to a hash with every run of white space collapsed
// to one space and leading and trailing white space dropped.
type collapser struct {
	out            []byte
	h              interface{ Write([]byte) (int, error) }
	space, started bool
}

func (c *collapser) write(s string) {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if asciiSpace[b] {
				c.space = c.started
				i++
				continue
			}
			// A run of printable ASCII goes in one append.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
				j++
			}
			c.lead()
			c.out = append(c.out, s[i:j]...)
			i = j
			c.spill()
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			c.space = c.started
			i += n
			continue
		}
		c.lead()
		c.out = append(c.out, s[i:i+n]...)
		i += n
		c.spill()
	}
}

// lead writes the pending space before a non-space character.
func (c *collapser) lead() {
	if c.space {
		c.out = append(c.out, ' ')
		c.space = false
	}
	c.started = true
}

func (c *collapser) spill() {
	if len(c.out) >= 4096 {
		c.flush()
	}
}

func (c *collapser) flush() {
	c.h.Write(c.out)
	c.out = c.out[:0]
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
