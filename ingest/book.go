package ingest

import (
	"strings"

	"chitieu/xlsx"

	"github.com/xuri/excelize/v2"
)

// book is what the sheet reader needs from a workbook. Its implementations:
// excelBook over excelize (which handles everything); leanBook over the
// fast reader of package xlsx, which streams only the parts ingest uses
// and gives up (Fallback) on anything it does not handle, in which case the
// whole file is read again with excelBook; xlsBook over an
// Excel 97-2003 workbook (package xls). unicodeBook wraps any of them to
// turn legacy-encoded text into Unicode.
type book interface {
	// sheets lists the sheets in workbook order.
	sheets() []sheetEntry
	// rows is the sheet's cells as excelize GetRows gives them with
	// RawCellValue: raw values, trailing empty cells and rows trimmed.
	rows(sheet string) ([][]string, error)
	// head is the first n rows of rows(sheet) (fewer when the sheet has
	// fewer).
	head(sheet string, n int) ([][]string, error)
	// cellType is the cell's type (its t attribute).
	cellType(sheet, ref string) excelize.CellType
	// formula is the cell's formula text, "" when it has none.
	formula(sheet, ref string) string
	// calc computes a formula that has no saved result.
	calc(sheet, ref string) (string, error)
	// isPercent reports whether the cell's number format shows percent.
	isPercent(sheet, ref string) bool
	// font is the name of the cell's font, "" if unknown: legacy
	// Vietnamese text is recognized by it.
	font(sheet, ref string) string
	// modified is the document property "modified" as written, "" if none.
	modified() string
}

// sheetEntry is one sheet of the workbook list.
type sheetEntry struct {
	name   string
	hidden bool
}

// excelBook is a book over excelize: today's behaviour, and the fallback.
type excelBook struct {
	f       *excelize.File
	percent map[int]bool   // style id -> the number format shows percent
	fonts   map[int]string // style id -> font name
	// the rows of the sheet read last: head reads the whole sheet, as
	// GetRows does, and rows then gives them again
	lastSheet string
	lastRows  [][]string
	lastErr   error
}

func (b *excelBook) sheets() []sheetEntry {
	var out []sheetEntry
	for _, name := range b.f.GetSheetList() {
		ok, err := b.f.GetSheetVisible(name)
		out = append(out, sheetEntry{name: name, hidden: err == nil && !ok})
	}
	return out
}

func (b *excelBook) rows(sheet string) ([][]string, error) {
	if b.lastRows != nil || b.lastErr != nil {
		if b.lastSheet == sheet {
			return b.lastRows, b.lastErr
		}
	}
	b.lastSheet = sheet
	b.lastRows, b.lastErr = b.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	return b.lastRows, b.lastErr
}

func (b *excelBook) head(sheet string, n int) ([][]string, error) {
	rows, err := b.rows(sheet)
	return rows[:min(n, len(rows))], err
}

func (b *excelBook) cellType(sheet, ref string) excelize.CellType {
	t, _ := b.f.GetCellType(sheet, ref)
	return t
}

func (b *excelBook) formula(sheet, ref string) string {
	f, _ := b.f.GetCellFormula(sheet, ref)
	return f
}

func (b *excelBook) calc(sheet, ref string) (string, error) {
	return b.f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
}

func (b *excelBook) isPercent(sheet, ref string) bool {
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

func (b *excelBook) font(sheet, ref string) string {
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
	name := xlsx.StyleFont(b.f, id)
	b.fonts[id] = name
	return name
}

func (b *excelBook) modified() string {
	if props, err := b.f.GetDocProps(); err == nil {
		return props.Modified
	}
	return ""
}

// leanBook is a book over the fast reader (package xlsx).
type leanBook struct {
	*xlsx.Book
	list []sheetEntry
}

func newLeanBook(b *xlsx.Book) *leanBook {
	lb := &leanBook{Book: b}
	for _, sh := range b.Sheets() {
		lb.list = append(lb.list, sheetEntry{name: sh.Name, hidden: sh.Hidden})
	}
	return lb
}

func (b *leanBook) sheets() []sheetEntry                         { return b.list }
func (b *leanBook) rows(sheet string) ([][]string, error)        { return b.Rows(sheet) }
func (b *leanBook) head(sheet string, n int) ([][]string, error) { return b.Head(sheet, n) }
func (b *leanBook) cellType(sheet, ref string) excelize.CellType { return b.CellType(sheet, ref) }
func (b *leanBook) formula(sheet, ref string) string             { return b.Formula(sheet, ref) }
func (b *leanBook) calc(sheet, ref string) (string, error)       { return b.Calc(sheet, ref) }
func (b *leanBook) isPercent(sheet, ref string) bool             { return b.IsPercent(sheet, ref) }
func (b *leanBook) font(sheet, ref string) string                { return b.Font(sheet, ref) }
func (b *leanBook) modified() string                             { return b.Modified() }
