package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffLen is how much of a file the binary test looks at.
const sniffLen = 8 << 10

var bom = []byte{0xEF, 0xBB, 0xBF}

// isBinary reports whether the start of a file looks binary: a NUL byte, or
// more than 30% control characters other than ordinary whitespace.
func isBinary(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	if len(b) == 0 {
		return false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f {
			ctrl++
		}
	}
	return ctrl*10 > len(b)*3
}

// binaryText returns why a record's decoded text looks binary (a NUL, say
// from a JSON "\u0000", or mostly control characters), or "".
func binaryText(text string) string {
	if strings.IndexByte(text, 0) >= 0 {
		return "binary data (NUL byte)"
	}
	if isBinary([]byte(text[:min(len(text), sniffLen)])) {
		return "binary data (control characters)"
	}
	return ""
}

// holdsJSONRecord reports whether one of the complete lines in head (the
// start of a JSON Lines file) is a JSON object: the file is then an export
// with some bad bytes, not a binary file, and is judged record by record.
func holdsJSONRecord(head []byte) bool {
	for len(head) > 0 {
		nl := bytes.IndexByte(head, '\n')
		if nl < 0 {
			return false // the last line may be cut off by the sniff window
		}
		line := bytes.TrimSpace(head[:nl])
		head = head[nl+1:]
		if len(line) > 0 && line[0] == '{' && bytes.IndexByte(line, 0) < 0 && json.Valid(line) {
			return true
		}
	}
	return false
}

// csvHeaderLine reports whether the first line of head (the start of a CSV
// file) is readable text: valid UTF-8, no control characters but a tab.
func csvHeaderLine(head []byte) bool {
	nl := bytes.IndexByte(head, '\n')
	if nl <= 0 || !utf8.Valid(head[:nl]) {
		return false
	}
	for _, c := range bytes.TrimRight(head[:nl], "\r") {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// invalidUTF8 returns the offset of the first byte of b that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// isBlank reports whether b holds only whitespace (Unicode included).
func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}

// decodeText turns a whole file's bytes into document text. It returns the
// status problem, if any, as a skipped or failed reason; ok is false then.
// Offsets in reasons are into the file as stored (BOM included).
func decodeText(b []byte) (text string, skip, fail string) {
	if isBinary(b) {
		return "", "binary file", ""
	}
	if n := invalidUTF8(b); n >= 0 {
		return "", "", fmt.Sprintf("invalid utf-8 at byte %d", n)
	}
	b = bytes.TrimPrefix(b, bom)
	if isBlank(b) {
		return "", "empty file", ""
	}
	return string(b), "", ""
}

// decodeUTF16 returns a reader of r's content as UTF-8 and true when r
// starts with a UTF-16 byte order mark (as Windows "Unicode" exports do);
// otherwise a reader of r's bytes unchanged and false.
func decodeUTF16(r io.Reader) (io.Reader, bool) {
	var p [2]byte
	n, _ := io.ReadFull(r, p[:])
	// Read errors surface again on the next read of r.
	in := io.MultiReader(bytes.NewReader(p[:n]), r)
	if n == 2 && (p[0] == 0xFF && p[1] == 0xFE || p[0] == 0xFE && p[1] == 0xFF) {
		// UseBOM picks the byte order from the mark and removes it.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		return transform.NewReader(in, dec), true
	}
	return in, false
}
