package jsonout

import (
	"bytes"
	"encoding/json"
	"io"
)

// The reference: how chitieu wrote JSON before Write, nested MarshalJSON
// methods under encoding/json's indenting Encoder. Write must give the same
// bytes for every value; the tests of this package and of package report
// hold it to that.

// Reference writes v and a newline with encoding/json, indented by two
// spaces and without HTML escapes.
func Reference(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// MarshalJSON writes the object's fields in order.
func (obj Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range obj {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := marshal(m.Key)
		if err != nil {
			return nil, err
		}
		value, err := marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalJSON writes the list's items as an array.
func (l Lazy) MarshalJSON() ([]byte, error) {
	items := make([]any, l.N)
	for i := range items {
		items[i] = l.Item(i)
	}
	return marshal(items)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
