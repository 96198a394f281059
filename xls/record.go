package xls

import (
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"unicode/utf16"
)

// Record types, from [MS-XLS] 2.3.
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recDateMode    = 0x0022
	recFilePass    = 0x002F
	recFont        = 0x0031
	recContinue    = 0x003C
	recCodepage    = 0x0042
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recRString     = 0x00D6
	recXF          = 0x00E0
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recFormat      = 0x041E
	recBOF         = 0x0809
)

var (
	errShort    = io.ErrUnexpectedEOF
	errBadChars = errors.New("string characters cut by a record boundary")
)

// A record is one BIFF record with the CONTINUE records that follow it.
type record struct {
	typ  uint16
	off  int64    // offset of the record header in the stream
	data []byte   // the record's own data
	cont [][]byte // data of the CONTINUE records after it
}

func (r *record) err(err error) error {
	return &FormatError{Offset: r.off, Record: r.typ, Err: err}
}

// A biffReader walks the records of a Workbook stream.
type biffReader struct {
	b   []byte
	pos int
}

// next returns the next record, or io.EOF at the end of the stream.
func (br *biffReader) next() (record, error) {
	if br.pos >= len(br.b) {
		return record{}, io.EOF
	}
	h, err := br.header()
	if err != nil {
		return record{}, err
	}
	rec := h
	for br.pos+4 <= len(br.b) && binary.LittleEndian.Uint16(br.b[br.pos:]) == recContinue {
		c, err := br.header()
		if err != nil {
			return record{}, err
		}
		rec.cont = append(rec.cont, c.data)
	}
	return rec, nil
}

// header reads one record, without its CONTINUE records.
func (br *biffReader) header() (record, error) {
	off := br.pos
	rest := br.b[off:]
	if len(rest) < 4 {
		return record{}, &FormatError{Offset: int64(off), Err: errShort}
	}
	typ := binary.LittleEndian.Uint16(rest)
	n := int(binary.LittleEndian.Uint16(rest[2:]))
	if len(rest)-4 < n {
		return record{}, &FormatError{Offset: int64(off), Record: typ, Err: errShort}
	}
	br.pos = off + 4 + n
	return record{typ: typ, off: int64(off), data: rest[4 : 4+n : 4+n]}, nil
}

// A frags reads a record's data and then its CONTINUE records as one run of
// bytes, except inside a string's characters: there each CONTINUE record
// starts with a new flags byte saying whether the rest is 8- or 16-bit.
type frags struct {
	cur  []byte
	rest [][]byte
	buf  []uint16 // scratch for string characters
}

func newFrags(r *record) *frags {
	return &frags{cur: r.data, rest: r.cont}
}

// advance moves to the next non-empty fragment; it reports false if none.
func (f *frags) advance() bool {
	for len(f.cur) == 0 {
		if len(f.rest) == 0 {
			return false
		}
		f.cur, f.rest = f.rest[0], f.rest[1:]
	}
	return true
}

func (f *frags) done() bool {
	return !f.advance()
}

func (f *frags) u8() (byte, bool) {
	if !f.advance() {
		return 0, false
	}
	b := f.cur[0]
	f.cur = f.cur[1:]
	return b, true
}

func (f *frags) u16() (uint16, bool) {
	lo, ok1 := f.u8()
	hi, ok2 := f.u8()
	return uint16(lo) | uint16(hi)<<8, ok1 && ok2
}

func (f *frags) u32() (uint32, bool) {
	lo, ok1 := f.u16()
	hi, ok2 := f.u16()
	return uint32(lo) | uint32(hi)<<16, ok1 && ok2
}

// skip skips n bytes.
func (f *frags) skip(n uint32) bool {
	for n > 0 {
		if !f.advance() {
			return false
		}
		k := uint32(len(f.cur))
		if k > n {
			k = n
		}
		f.cur = f.cur[k:]
		n -= k
	}
	return true
}

// chars reads n characters, 16-bit ones if high is set, and returns them
// as a string. 8-bit characters are the low bytes of UTF-16, that is
// U+0000..U+00FF.
func (f *frags) chars(n int, high bool) (string, error) {
	u := f.buf[:0]
	for n > 0 {
		if len(f.cur) == 0 {
			if len(f.rest) == 0 {
				return "", errShort
			}
			f.cur, f.rest = f.rest[0], f.rest[1:]
			if len(f.cur) == 0 {
				continue
			}
			high = f.cur[0]&1 != 0
			f.cur = f.cur[1:]
			continue
		}
		if high {
			k := min(n, len(f.cur)/2)
			if k == 0 {
				return "", errBadChars
			}
			for i := range k {
				u = append(u, binary.LittleEndian.Uint16(f.cur[2*i:]))
			}
			f.cur = f.cur[2*k:]
			n -= k
		} else {
			k := min(n, len(f.cur))
			for _, b := range f.cur[:k] {
				u = append(u, uint16(b))
			}
			f.cur = f.cur[k:]
			n -= k
		}
	}
	f.buf = u
	return decodeUTF16(u), nil
}

// str reads an XLUnicodeString (16-bit count) or, if short, a
// ShortXLUnicodeString (8-bit count): a count, a flags byte and the
// characters.
func (f *frags) str(short bool) (string, error) {
	var n int
	if short {
		b, ok := f.u8()
		if !ok {
			return "", errShort
		}
		n = int(b)
	} else {
		v, ok := f.u16()
		if !ok {
			return "", errShort
		}
		n = int(v)
	}
	flags, ok := f.u8()
	if !ok {
		return "", errShort
	}
	return f.chars(n, flags&1 != 0)
}

// richStr reads an XLUnicodeRichExtendedString, the form of SST entries:
// like str, with optional formatting runs and phonetic data, both skipped.
func (f *frags) richStr() (string, error) {
	n, ok1 := f.u16()
	flags, ok2 := f.u8()
	if !ok1 || !ok2 {
		return "", errShort
	}
	var runs uint16
	var ext uint32
	if flags&0x08 != 0 {
		if runs, ok1 = f.u16(); !ok1 {
			return "", errShort
		}
	}
	if flags&0x04 != 0 {
		if ext, ok1 = f.u32(); !ok1 {
			return "", errShort
		}
	}
	s, err := f.chars(int(n), flags&1 != 0)
	if err != nil {
		return "", err
	}
	if !f.skip(4*uint32(runs)) || !f.skip(ext) {
		return "", errShort
	}
	return s, nil
}

// decodeUTF16 is utf16.Decode straight into a string; unpaired surrogates
// become U+FFFD.
func decodeUTF16(u []uint16) string {
	ascii := true
	for _, c := range u {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(u) + len(u)/2)
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if utf16.IsSurrogate(r) && i+1 < len(u) {
			if d := utf16.DecodeRune(r, rune(u[i+1])); d != '\uFFFD' {
				sb.WriteRune(d)
				i++
				continue
			}
		}
		sb.WriteRune(r) // an unpaired surrogate is written as U+FFFD
	}
	return sb.String()
}

func le16(b []byte) int { return int(binary.LittleEndian.Uint16(b)) }
func le32(b []byte) uint32 {
	return binary.LittleEndian.Uint32(b)
}
