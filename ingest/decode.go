package ingest

import (
	"bytes"
	"os"

	"chitieu/legacy"
	"chitieu/msg"
	"chitieu/xls"
	"chitieu/xlsx"
)

// Decoded is a workbook opened as Read opens it, with its text read as Read
// reads it: cells typed in a legacy Vietnamese encoding (TCVN3, VNI) turned
// into Unicode, each one noted. Package workbook writes the Unicode copy of
// `chitieu convert` from it.
type Decoded struct {
	// XLSX is the workbook opened with excelize (nil for an .xls); the
	// caller owns it and closes it.
	XLSX *xlsx.Excel
	// XLS is the Excel 97-2003 workbook (nil for an .xlsx).
	XLS *xls.Workbook

	raw  book
	text *unicodeBook
}

// Converted is one cell whose text reading turned into Unicode.
type Converted struct {
	Text     string // the Unicode text
	Encoding legacy.Encoding
	Guessed  bool // the encoding was guessed from the text, not the font
}

// Decode opens the workbook at path (.xlsx and its kin, or .xls; password
// opens an encrypted .xlsx). A workbook that cannot be opened gives an
// *OpenError.
func Decode(path, password string) (*Decoded, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, openFailure(msg.CannotOpen, err)
	}
	if bytes.HasPrefix(data, oleHeader) {
		wb, err := openXLS(data)
		if err != nil {
			return nil, err
		}
		if wb != nil {
			raw := newXLSBook(wb)
			return &Decoded{XLS: wb, raw: raw, text: newUnicodeBook(raw)}, nil
		}
	}
	if err := precheck(data, password); err != nil {
		return nil, err
	}
	x, err := openExcelize(data, password)
	if err != nil {
		return nil, err
	}
	raw := newXLSXBook(x)
	return &Decoded{XLSX: x, raw: raw, text: newUnicodeBook(raw)}, nil
}

// Sheet is the named sheet's rows as stored (raw values) and as read
// (legacy text converted), and the cells reading converted, by reference.
func (d *Decoded) Sheet(name string) (raw, text [][]string, converted map[string]Converted, err error) {
	raw, err = d.raw.rows(name)
	if err != nil {
		return nil, nil, nil, err
	}
	text, err = d.text.rows(name)
	if err != nil {
		return nil, nil, nil, err
	}
	converted = map[string]Converted{}
	for ref, c := range d.text.notes[name] {
		converted[ref] = Converted{Text: c.to, Encoding: c.enc, Guessed: c.guessed}
	}
	return raw, text, converted, nil
}

// Font is the name of the cell's font, "" if unknown.
func (d *Decoded) Font(sheet, ref string) string { return d.raw.font(sheet, ref) }

// MayBeLegacy reports whether text may be in a legacy encoding at all:
// legacy text always has a character beyond ASCII.
func MayBeLegacy(text string) bool { return mayBeLegacy(text) }
