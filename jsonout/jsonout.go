// Package jsonout writes the report's JSON in one pass: an Object keeps its
// keys in the order given and a Lazy list makes its items as they are
// written, so that a city's periods and problems are never all held as
// JSON. The bytes are those of encoding/json's indenting Encoder
// (Reference), which the tests compare them with.
package jsonout

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonWriter writes a value in one pass, byte for byte as encoding/json's
// Encoder does with SetEscapeHTML(false) and SetIndent("", "  "): objects
// keep their keys in order, and a Lazy list builds its items one at a time,
// so that the report's periods and problems are never all held as JSON.
// Before it, nested MarshalJSON methods encoded every object once per
// level, and the whole document was held twice.
type jsonWriter struct {
	w    *bufio.Writer
	buf  []byte
	err  error
	str  bytes.Buffer  // the slow path of strings
	enc  *json.Encoder // writes into str
	tabs []byte
}

// Object is a JSON object that keeps its keys in the order given.
type Object []Field

// Field is one key of an Object and its value. It is an alias of a plain
// struct so that objects can be written as lists of {"key", value} pairs.
type Field = struct {
	Key   string
	Value any
}

// Lazy is a JSON array whose items are made when written, so that a long
// list is never all held at once.
type Lazy struct {
	N    int
	Item func(i int) any
}

func newJSONWriter(w io.Writer) *jsonWriter {
	j := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	j.enc = json.NewEncoder(&j.str)
	j.enc.SetEscapeHTML(false)
	return j
}

// Write writes v and a newline, as Encoder.Encode does.
func Write(w io.Writer, v any) error {
	j := newJSONWriter(w)
	j.element(v, 0)
	j.raw("\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) bytes(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// newline starts a line indented depth levels.
func (j *jsonWriter) newline(depth int) {
	for len(j.tabs) < 1+2*depth {
		j.tabs = append(j.tabs, ' ')
	}
	j.tabs[0] = '\n'
	j.bytes(j.tabs[:1+2*depth])
}

func (j *jsonWriter) element(v any, depth int) {
	switch v := v.(type) {
	case nil:
		j.raw("null")
	case string:
		j.string(v)
	case bool:
		j.raw(strconv.FormatBool(v))
	case int:
		j.buf = strconv.AppendInt(j.buf[:0], int64(v), 10)
		j.bytes(j.buf)
	case float64:
		j.float(v)
	case Object:
		if len(v) == 0 {
			j.raw("{}")
			return
		}
		j.raw("{")
		for i, m := range v {
			if i > 0 {
				j.raw(",")
			}
			j.newline(depth + 1)
			j.string(m.Key)
			j.raw(": ")
			j.element(m.Value, depth+1)
		}
		j.newline(depth)
		j.raw("}")
	case []Object:
		j.list(len(v), func(i int) any { return v[i] }, depth)
	case []string:
		j.list(len(v), func(i int) any { return v[i] }, depth)
	case Lazy:
		j.list(v.N, v.Item, depth)
	default:
		// Anything else as encoding/json writes it at this depth.
		b, err := json.MarshalIndent(v, strings.Repeat("  ", depth), "  ")
		if err != nil && j.err == nil {
			j.err = err
		}
		j.bytes(b)
	}
}

func (j *jsonWriter) list(n int, item func(int) any, depth int) {
	if n == 0 {
		j.raw("[]")
		return
	}
	j.raw("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			j.raw(",")
		}
		j.newline(depth + 1)
		j.element(item(i), depth+1)
	}
	j.newline(depth)
	j.raw("]")
}

// string writes s quoted. Text that needs no escape (the usual case,
// Vietnamese included) is written as it is; anything else goes through
// encoding/json, so that both agree on every escape.
func (j *jsonWriter) string(s string) {
	if plainJSON(s) {
		j.raw(`"`)
		j.raw(s)
		j.raw(`"`)
		return
	}
	j.str.Reset()
	if err := j.enc.Encode(s); err != nil && j.err == nil {
		j.err = err
	}
	j.bytes(bytes.TrimSuffix(j.str.Bytes(), []byte("\n")))
}

// plainJSON reports whether encoding/json writes s between quotes as it is:
// valid UTF-8 with no control character, quote, backslash, U+2028 or U+2029.
func plainJSON(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == '"' || c == '\\':
			return false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s) && !strings.ContainsRune(s, '\u2028') && !strings.ContainsRune(s, '\u2029')
}

// float writes f as encoding/json writes a float64: the shortest form
// that reads back, in exponent form only below 1e-6 or from 1e21.
func (j *jsonWriter) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if j.err == nil {
			j.err = &json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, 64)}
		}
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(j.buf[:0], f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	j.buf = b
	j.bytes(b)
}
