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
// for authors), numbers for an id or a date as written, an outlet given as
// an object by its "name" (as NewsAPI writes "source"). A value of another
// type for a known field is an error naming the field (input name): it
// would otherwise become junk text or a junk outlet name. Unknown fields
// keep anything, as compact JSON.
func jsonValue(field, name string, raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, nil
		}
	case 'n':
		if string(raw) == "null" {
			return "", nil
		}
	case '[':
		if field == fieldText || field == fieldAuthor {
			var ss []string
			if json.Unmarshal(raw, &ss) == nil {
				sep := "; "
				if field == fieldText {
					sep = "\n\n"
				}
				return strings.Join(ss, sep), nil
			}
		}
	case '{':
		if field == fieldOutlet {
			var o struct {
				Name *string `json:"name"`
			}
			if json.Unmarshal(raw, &o) == nil && o.Name != nil {
				return *o.Name, nil
			}
		}
	}
	if field != "" && field != fieldFile {
		isNumber := raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9'
		if !(isNumber && (field == fieldID || field == fieldDate)) {
			want := "a string"
			switch field {
			case fieldText:
				want = "a string or an array of strings"
			case fieldAuthor:
				want = "a string or an array of strings"
			case fieldOutlet:
				want = "a string (or an object with a \"name\" string)"
			case fieldID, fieldDate:
				want = "a string or a number"
			}
			return "", fmt.Errorf("field %q is %s, want %s", name, jsonKind(raw), want)
		}
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw), nil
	}
	return b.String(), nil
}

// jsonKind names the type of a JSON value for an error message.
func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
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
		v, err := jsonValue(field, name, raw)
		if err != nil {
			return nil, &fieldError{err}
		}
		r.set(name, v)
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the json object")
	}
	return r, nil
}

// fieldError is a record whose JSON is valid but one of whose known fields
// has the wrong type.
type fieldError struct{ err error }

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

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
