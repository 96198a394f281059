package xls

import (
	"errors"
	"io"
)

// globals is what the workbook globals substream says.
type globals struct {
	codepage int
	date1904 bool
	sheets   []boundSheet
	fonts    []string
	formats  map[int]string // FORMAT records by ifmt
	xfs      []xf
	sst      []string
}

// A boundSheet is a BOUNDSHEET8 record.
type boundSheet struct {
	rec    record // for errors
	name   string
	offset uint32 // stream offset of the sheet's BOF
	hidden bool
	kind   byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module
}

// An xf is the part of an XF record the reader uses.
type xf struct {
	font   int // ifnt
	format int // ifmt
}

// A style is an XF resolved to what a cell reports.
type style struct {
	formatID int
	code     string
	font     string
}

// BOF substream types (BOF.dt).
const (
	bofGlobals   = 0x0005
	bofWorksheet = 0x0010
)

var errNoBOF = errors.New("substream does not start with a BOF record")

// readGlobals reads the globals substream at the start of the Workbook stream.
func readGlobals(b []byte) (*globals, error) {
	br := &biffReader{b: b}
	first, err := br.next()
	if err == io.EOF {
		return nil, &FormatError{Record: recBOF, Err: errShort}
	}
	if err != nil {
		return nil, err
	}
	if err := checkBOF(&first, bofGlobals); err != nil {
		return nil, err
	}
	g := &globals{formats: make(map[int]string)}
	for {
		rec, err := br.next()
		if err == io.EOF {
			return nil, &FormatError{Offset: int64(len(b)), Record: recEOF, Err: errShort}
		}
		if err != nil {
			return nil, err
		}
		if err := g.add(&rec); err != nil {
			return nil, err
		}
		if rec.typ == recEOF {
			return g, nil
		}
	}
}

// checkBOF checks that rec is a BIFF8 BOF record starting a substream of
// type dt.
func checkBOF(rec *record, dt int) error {
	switch rec.typ {
	case recBOF:
	case 0x0009, 0x0209, 0x0409: // BOF of BIFF2, 3 and 4
		return ErrOldFormat
	default:
		return rec.err(errNoBOF)
	}
	if len(rec.data) < 4 {
		return rec.err(errShort)
	}
	if le16(rec.data) < 0x0600 {
		return ErrOldFormat // BIFF5/7 writes 0x0500
	}
	if got := le16(rec.data[2:]); got != dt {
		return rec.err(errors.New("unexpected substream type"))
	}
	return nil
}

// add takes in one record of the globals substream.
func (g *globals) add(rec *record) error {
	d := rec.data
	switch rec.typ {
	case recFilePass:
		return ErrEncrypted
	case recCodepage:
		if len(d) < 2 {
			return rec.err(errShort)
		}
		g.codepage = le16(d)
	case recDateMode:
		if len(d) < 2 {
			return rec.err(errShort)
		}
		g.date1904 = le16(d) == 1
	case recBoundSheet:
		if len(d) < 6 {
			return rec.err(errShort)
		}
		f := &frags{cur: d[6:]}
		name, err := f.str(true)
		if err != nil {
			return rec.err(err)
		}
		g.sheets = append(g.sheets, boundSheet{
			rec:    *rec,
			name:   name,
			offset: le32(d),
			hidden: d[4]&3 != 0,
			kind:   d[5],
		})
	case recFont:
		if len(d) < 14 {
			return rec.err(errShort)
		}
		f := &frags{cur: d[14:]}
		name, err := f.str(true)
		if err != nil {
			return rec.err(err)
		}
		g.fonts = append(g.fonts, name)
	case recFormat:
		if len(d) < 2 {
			return rec.err(errShort)
		}
		code, err := formatCode(d[2:])
		if err != nil {
			return rec.err(err)
		}
		g.formats[le16(d)] = code
	case recXF:
		if len(d) < 4 {
			return rec.err(errShort)
		}
		g.xfs = append(g.xfs, xf{font: le16(d), format: le16(d[2:])})
	case recSST:
		sst, err := readSST(rec)
		if err != nil {
			return err
		}
		g.sst = sst
	}
	return nil
}

// readSST reads the shared string table. Its string count is only trusted
// as an upper bound: the strings are read while data lasts, and a cell
// that points past the end is an error then.
func readSST(rec *record) ([]string, error) {
	if len(rec.data) < 8 {
		return nil, rec.err(errShort)
	}
	n := le32(rec.data[4:])
	f := &frags{cur: rec.data[8:], rest: rec.cont}
	var sst []string
	for i := uint32(0); i < n && !f.done(); i++ {
		s, err := f.richStr()
		if err != nil {
			return nil, rec.err(err)
		}
		sst = append(sst, s)
	}
	return sst, nil
}

// styles resolves every XF to its format code and font name.
func (g *globals) styles() []style {
	out := make([]style, len(g.xfs))
	for i, x := range g.xfs {
		code, ok := g.formats[x.format]
		if !ok {
			code = builtinFormat(x.format)
		}
		// Font index 4 does not exist in BIFF: indexes from 5 on are one
		// past their place in the list of FONT records.
		fi := x.font
		if fi >= 4 {
			fi--
		}
		var font string
		if fi < len(g.fonts) {
			font = g.fonts[fi]
		}
		out[i] = style{formatID: x.format, code: code, font: font}
	}
	return out
}

// formatCode reads the XLUnicodeString of a FORMAT record. Some writers
// count one character too many (as in the govdocs1 file of Apache POI bug
// 61045), so a code that runs past the record's end is cut there: it is
// a number format, not cell data.
func formatCode(d []byte) (string, error) {
	if len(d) < 3 {
		return "", errShort
	}
	n, high := le16(d), d[2]&1 != 0
	d = d[3:]
	if high {
		n = min(n, len(d)/2)
	} else {
		n = min(n, len(d))
	}
	f := &frags{cur: d}
	return f.chars(n, high)
}
