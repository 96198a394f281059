package xls

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// maxCol is the last column of a BIFF8 worksheet (IV).
const maxCol = 255

var (
	errColumn    = errors.New("column out of range")
	errNoString  = errors.New("formula string result without a STRING record")
	errRange     = errors.New("bad merged range")
	errResultTyp = errors.New("unknown formula result type")
)

// A sheetReader collects the cells of one worksheet substream.
type sheetReader struct {
	sst     []string
	styles  []style
	cells   []Cell
	merges  []Range
	pending int // index in cells of a formula waiting for its STRING record, or -1
}

// readSheet reads the worksheet substream that bs points to.
func readSheet(b []byte, bs boundSheet, sst []string, styles []style) (*Sheet, error) {
	if int64(bs.offset) >= int64(len(b)) {
		return nil, bs.rec.err(fmt.Errorf("sheet %q at offset %d: %w", bs.name, bs.offset, errShort))
	}
	br := &biffReader{b: b, pos: int(bs.offset)}
	first, err := br.next()
	if err != nil {
		return nil, err
	}
	if err := checkBOF(&first, bofWorksheet); err != nil {
		return nil, err
	}
	sr := &sheetReader{sst: sst, styles: styles, pending: -1}
	depth := 0 // of embedded substreams, such as charts, being skipped
	for {
		rec, err := br.next()
		if err == io.EOF {
			return nil, &FormatError{Offset: int64(len(b)), Record: recEOF, Err: errShort}
		}
		if err != nil {
			return nil, err
		}
		switch {
		case rec.typ == recBOF:
			depth++
			continue
		case rec.typ == recEOF && depth > 0:
			depth--
			continue
		case depth > 0:
			continue
		case rec.typ == recEOF:
			if sr.pending >= 0 {
				return nil, rec.err(errNoString)
			}
			return &Sheet{
				Name:   bs.name,
				Hidden: bs.hidden,
				Cells:  sortCells(sr.cells),
				Merges: sr.merges,
			}, nil
		}
		if err := sr.add(&rec); err != nil {
			return nil, err
		}
	}
}

// cellHeader is the row, column and XF index that start every cell record.
func cellHeader(rec *record, size int) (row, col, ixfe int, err error) {
	d := rec.data
	if len(d) < size {
		return 0, 0, 0, rec.err(errShort)
	}
	row, col, ixfe = le16(d), le16(d[2:]), le16(d[4:])
	if col > maxCol {
		return 0, 0, 0, rec.err(errColumn)
	}
	return row, col, ixfe, nil
}

// add takes in one record of a worksheet substream.
func (sr *sheetReader) add(rec *record) error {
	d := rec.data
	if sr.pending >= 0 && isCell(rec.typ) {
		return rec.err(errNoString)
	}
	switch rec.typ {
	case recNumber:
		row, col, ixfe, err := cellHeader(rec, 14)
		if err != nil {
			return err
		}
		sr.put(Cell{Row: row, Col: col, Kind: Number, Num: f64(d[6:])}, ixfe)
	case recRK:
		row, col, ixfe, err := cellHeader(rec, 10)
		if err != nil {
			return err
		}
		sr.put(Cell{Row: row, Col: col, Kind: Number, Num: rk(le32(d[6:]))}, ixfe)
	case recMulRK:
		return sr.mulRK(rec)
	case recLabelSST:
		row, col, ixfe, err := cellHeader(rec, 10)
		if err != nil {
			return err
		}
		i := le32(d[6:])
		if uint64(i) >= uint64(len(sr.sst)) {
			return rec.err(fmt.Errorf("shared string %d of %d: %w", i, len(sr.sst), errShort))
		}
		sr.put(Cell{Row: row, Col: col, Kind: String, Str: sr.sst[i]}, ixfe)
	case recLabel, recRString:
		// RSTRING's formatting runs follow the string and are ignored.
		row, col, ixfe, err := cellHeader(rec, 6)
		if err != nil {
			return err
		}
		f := &frags{cur: d[6:], rest: rec.cont}
		s, err := f.str(false)
		if err != nil {
			return rec.err(err)
		}
		sr.put(Cell{Row: row, Col: col, Kind: String, Str: s}, ixfe)
	case recBoolErr:
		row, col, ixfe, err := cellHeader(rec, 8)
		if err != nil {
			return err
		}
		c := Cell{Row: row, Col: col}
		if d[7] == 0 {
			c.Kind, c.Num = Bool, boolNum(d[6])
		} else {
			c.Kind, c.Str = Error, errorText(d[6])
		}
		sr.put(c, ixfe)
	case recFormula:
		return sr.formula(rec)
	case recString:
		return sr.formulaString(rec)
	case recMergedCells:
		return sr.mergedCells(rec)
	}
	return nil
}

// mulRK adds the numbers of a MULRK record: a row, its first column, then
// 6 bytes (XF, RK) per cell, then the last column.
func (sr *sheetReader) mulRK(rec *record) error {
	d := rec.data
	if len(d) < 6 || (len(d)-6)%6 != 0 {
		return rec.err(errShort)
	}
	row, col := le16(d), le16(d[2:])
	n := (len(d) - 6) / 6
	if col+n-1 > maxCol {
		return rec.err(errColumn)
	}
	for i := range n {
		p := d[4+6*i:]
		sr.put(Cell{Row: row, Col: col + i, Kind: Number, Num: rk(le32(p[2:]))}, le16(p))
	}
	return nil
}

// formula adds a formula cell with its saved result; a string result
// comes in the STRING record that follows.
func (sr *sheetReader) formula(rec *record) error {
	d := rec.data
	row, col, ixfe, err := cellHeader(rec, 20)
	if err != nil {
		return err
	}
	c := Cell{Row: row, Col: col, Formula: true}
	v := d[6:14]
	if v[6] != 0xFF || v[7] != 0xFF {
		c.Kind, c.Num = Number, f64(v)
		sr.put(c, ixfe)
		return nil
	}
	switch v[0] {
	case 0: // string, in the STRING record that follows
		c.Kind = String
		sr.pending = len(sr.cells)
	case 1:
		c.Kind, c.Num = Bool, boolNum(v[2])
	case 2:
		c.Kind, c.Str = Error, errorText(v[2])
	case 3: // empty string
		c.Kind = String
	default:
		return rec.err(errResultTyp)
	}
	sr.put(c, ixfe)
	return nil
}

// formulaString fills in the string result of the formula before it.
func (sr *sheetReader) formulaString(rec *record) error {
	if sr.pending < 0 {
		return nil // a STRING record with no formula before it; nothing to fill
	}
	f := newFrags(rec)
	s, err := f.str(false)
	if err != nil {
		return rec.err(err)
	}
	sr.cells[sr.pending].Str = s
	sr.pending = -1
	return nil
}

// mergedCells adds the ranges of a MERGEDCELLS record.
func (sr *sheetReader) mergedCells(rec *record) error {
	d := rec.data
	if len(d) < 2 || len(d)-2 < 8*le16(d) {
		return rec.err(errShort)
	}
	for i := range le16(d) {
		p := d[2+8*i:]
		r := Range{FirstRow: le16(p), LastRow: le16(p[2:]), FirstCol: le16(p[4:]), LastCol: le16(p[6:])}
		if r.FirstRow > r.LastRow || r.FirstCol > r.LastCol || r.LastCol > maxCol {
			return rec.err(errRange)
		}
		sr.merges = append(sr.merges, r)
	}
	return nil
}

// isCell reports whether typ is a record that writes a cell.
func isCell(typ uint16) bool {
	switch typ {
	case recNumber, recRK, recMulRK, recLabelSST, recLabel, recRString, recBoolErr, recFormula:
		return true
	}
	return false
}

// put adds c with the format and font of XF ixfe. An unknown XF leaves
// them as for XF 0's defaults: format 0 ("General"), no font.
func (sr *sheetReader) put(c Cell, ixfe int) {
	if ixfe < len(sr.styles) {
		st := sr.styles[ixfe]
		c.FormatID, c.FormatCode, c.Font = st.formatID, st.code, st.font
	} else {
		c.FormatCode = builtinFormat(0)
	}
	sr.cells = append(sr.cells, c)
}

func f64(b []byte) float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

func boolNum(b byte) float64 {
	if b != 0 {
		return 1
	}
	return 0
}

// rk decodes an RK number: a 30-bit integer or the high 30 bits of a
// float64, possibly to be divided by 100.
func rk(v uint32) float64 {
	var x float64
	if v&2 != 0 {
		x = float64(int32(v) >> 2)
	} else {
		x = math.Float64frombits(uint64(v&^3) << 32)
	}
	if v&1 != 0 {
		x /= 100
	}
	return x
}

// errorText returns the text of a BErr error code.
func errorText(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	case 0x2B:
		return "#GETTING_DATA"
	}
	return fmt.Sprintf("#ERR%d!", code)
}
