package xlsx

import (
	"bytes"
	"strings"

	"github.com/xuri/excelize/v2"
)

// OpenExcel opens the .xlsx in data (or an encrypted one with its
// password) with excelize, with the size limits of the fast reader.
func OpenExcel(data []byte, password string) (*Excel, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		Password: password, UnzipSizeLimit: TotalLimit, UnzipXMLSizeLimit: PartLimit})
	if err != nil {
		return nil, err
	}
	return NewExcel(f), nil
}

// NewExcel reads f.
func NewExcel(f *excelize.File) *Excel { return &Excel{f: f} }

// File is the excelize workbook.
func (b *Excel) File() *excelize.File { return b.f }

// Close closes the workbook.
func (b *Excel) Close() error { return b.f.Close() }

// StyleFont is the name of the font of cell style id in f's style sheet,
// "" if unknown: the answer Book.Font mirrors. excelize's GetStyle leaves
// out the font of an xf with applyFont="0", which LibreOffice writes
// although Excel shows that font, so the style sheet is read directly
// (GetStyle loads it).
func StyleFont(f *excelize.File, id int) string {
	if _, err := f.GetStyle(id); err != nil || f.Styles == nil || f.Styles.Fonts == nil {
		return ""
	}
	fonts, fontID := f.Styles.Fonts.Font, 0
	if p := f.Styles.CellXfs.Xf[id].FontID; p != nil {
		fontID = *p
	}
	if 0 <= fontID && fontID < len(fonts) && fonts[fontID] != nil && fonts[fontID].Name != nil && fonts[fontID].Name.Val != nil {
		return *fonts[fontID].Name.Val
	}
	return ""
}

// Excel is a workbook read with excelize, answering as Book does: the
// reference the fast reader is held to, and what reads a workbook the
// fast reader gives up on.
type Excel struct {
	f       *excelize.File
	percent map[int]bool   // style id -> the number format shows percent
	fonts   map[int]string // style id -> font name
	// the rows of the sheet read last: head reads the whole sheet, as
	// GetRows does, and rows then gives them again
	lastSheet string
	lastRows  [][]string
	lastErr   error
}

// Sheets lists the sheets in workbook order.
func (b *Excel) Sheets() []Sheet {
	var out []Sheet
	for _, name := range b.f.GetSheetList() {
		ok, err := b.f.GetSheetVisible(name)
		out = append(out, Sheet{Name: name, Hidden: err == nil && !ok})
	}
	return out
}

// Rows is the sheet's cells as GetRows gives them with RawCellValue.
func (b *Excel) Rows(sheet string) ([][]string, error) {
	if b.lastRows != nil || b.lastErr != nil {
		if b.lastSheet == sheet {
			return b.lastRows, b.lastErr
		}
	}
	b.lastSheet = sheet
	b.lastRows, b.lastErr = b.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	return b.lastRows, b.lastErr
}

// Head is the first n rows of Rows(sheet) (GetRows reads them all).
func (b *Excel) Head(sheet string, n int) ([][]string, error) {
	rows, err := b.Rows(sheet)
	return rows[:min(n, len(rows))], err
}

// CellType is the cell's type.
func (b *Excel) CellType(sheet, ref string) excelize.CellType {
	t, _ := b.f.GetCellType(sheet, ref)
	return t
}

// Formula is the cell's formula text, "" when it has none.
func (b *Excel) Formula(sheet, ref string) string {
	f, _ := b.f.GetCellFormula(sheet, ref)
	return f
}

// Calc computes the cell's formula.
func (b *Excel) Calc(sheet, ref string) (string, error) {
	return b.f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
}

// IsPercent reports whether the cell's number format shows percent.
func (b *Excel) IsPercent(sheet, ref string) bool {
	id, err := b.f.GetCellStyle(sheet, ref)
	if err != nil || id == 0 {
		return false
	}
	if b.percent == nil {
		b.percent = map[int]bool{}
	}
	if v, ok := b.percent[id]; ok {
		return v
	}
	st, err := b.f.GetStyle(id)
	pct := err == nil && st != nil && (st.NumFmt == 9 || st.NumFmt == 10 ||
		(st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%")))
	b.percent[id] = pct
	return pct
}

// Font is the name of the cell's font, "" if unknown.
func (b *Excel) Font(sheet, ref string) string {
	id, err := b.f.GetCellStyle(sheet, ref)
	if err != nil {
		return ""
	}
	if b.fonts == nil {
		b.fonts = map[int]string{}
	}
	if name, ok := b.fonts[id]; ok {
		return name
	}
	name := StyleFont(b.f, id)
	b.fonts[id] = name
	return name
}

// Modified is the document property "modified" as written, "" if none.
func (b *Excel) Modified() string {
	if props, err := b.f.GetDocProps(); err == nil {
		return props.Modified
	}
	return ""
}
