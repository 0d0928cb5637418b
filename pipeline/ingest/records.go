package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jsonValue renders one JSON value as a field value: strings as they are,
// null as "", arrays of strings joined (as paragraphs for text, with "; "
// for authors), anything else as compact JSON.
func jsonValue(field string, raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	case 'n':
		if string(raw) == "null" {
			return ""
		}
	case '[':
		if field == fieldText || field == fieldAuthor {
			var ss []string
			if json.Unmarshal(raw, &ss) == nil {
				sep := "; "
				if field == fieldText {
					sep = "\n\n"
				}
				return strings.Join(ss, sep)
			}
		}
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	return b.String()
}

// parseJSONRecord parses one JSON Lines line into a record, keeping the
// order of its keys so that ties are broken by input order.
func parseJSONRecord(line []byte) (*record, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("not a json object")
	}
	r := newRecord()
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, ok := tok.(string)
		if !ok {
			return nil, errors.New("object key is not a string")
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		field, _, _ := canonical(name)
		r.set(name, jsonValue(field, raw))
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the json object")
	}
	return r, nil
}

// errLineTooLong reports a JSON Lines line over the size limit.
var errLineTooLong = errors.New("line too long")

// lineReader reads lines of at most max bytes without holding more than one
// line in memory. A longer line is consumed and reported as errLineTooLong.
type lineReader struct {
	r   *bufio.Reader
	max int64
	buf []byte
}

// next returns the next line without its line ending, or io.EOF.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	tooLong := false
	for {
		frag, err := l.r.ReadSlice('\n')
		if !tooLong {
			if int64(len(l.buf)+len(frag)) > l.max+2 { // +2: the line ending
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if tooLong {
			return nil, errLineTooLong
		}
		if err == io.EOF && len(l.buf) == 0 {
			return nil, io.EOF
		}
		line := bytes.TrimSuffix(l.buf, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, nil
	}
}

// csvHeader maps CSV columns to field names.
type csvHeader []string

func newCSVHeader(cols []string) csvHeader {
	h := make(csvHeader, len(cols))
	for i, c := range cols {
		c = strings.TrimSpace(c)
		if c == "" {
			c = fmt.Sprintf("column_%d", i+1)
		}
		h[i] = c
	}
	return h
}

// has reports whether the header has a column for the canonical field.
func (h csvHeader) has(field string) bool {
	for _, c := range h {
		if f, _, ok := canonical(c); ok && f == field {
			return true
		}
	}
	return false
}

// record turns one CSV row into a record.
func (h csvHeader) record(row []string) *record {
	r := newRecord()
	for i, v := range row {
		name := fmt.Sprintf("column_%d", i+1)
		if i < len(h) {
			name = h[i]
		}
		r.set(name, v)
	}
	return r
}

// newCSVReader returns a strict, streaming CSV reader.
func newCSVReader(r io.Reader) *csv.Reader {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	return cr
}
