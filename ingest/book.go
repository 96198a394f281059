package ingest

import (
	"chitieu/xlsx"

	"github.com/xuri/excelize/v2"
)

// book is what the sheet reader needs from a workbook. Its implementations:
// xlsxBook over either reader of package xlsx: excelize (xlsx.Excel, which
// handles everything) or the fast reader (xlsx.Book), which streams only
// the parts ingest uses and gives up (Fallback) on anything it does not
// handle, in which case the whole file is read again with excelize; xlsBook over an
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

// cells is what both readers of package xlsx give: the fast reader
// (xlsx.Book) and excelize (xlsx.Excel).
type cells interface {
	Sheets() []xlsx.Sheet
	Rows(sheet string) ([][]string, error)
	Head(sheet string, n int) ([][]string, error)
	CellType(sheet, ref string) excelize.CellType
	Formula(sheet, ref string) string
	Calc(sheet, ref string) (string, error)
	IsPercent(sheet, ref string) bool
	Font(sheet, ref string) string
	Modified() string
}

// xlsxBook is a book over either reader of package xlsx.
type xlsxBook struct {
	c    cells
	list []sheetEntry
}

func newXLSXBook(c cells) *xlsxBook {
	b := &xlsxBook{c: c}
	for _, sh := range c.Sheets() {
		b.list = append(b.list, sheetEntry{name: sh.Name, hidden: sh.Hidden})
	}
	return b
}

func (b *xlsxBook) sheets() []sheetEntry                         { return b.list }
func (b *xlsxBook) rows(sheet string) ([][]string, error)        { return b.c.Rows(sheet) }
func (b *xlsxBook) head(sheet string, n int) ([][]string, error) { return b.c.Head(sheet, n) }
func (b *xlsxBook) cellType(sheet, ref string) excelize.CellType { return b.c.CellType(sheet, ref) }
func (b *xlsxBook) formula(sheet, ref string) string             { return b.c.Formula(sheet, ref) }
func (b *xlsxBook) calc(sheet, ref string) (string, error)       { return b.c.Calc(sheet, ref) }
func (b *xlsxBook) isPercent(sheet, ref string) bool             { return b.c.IsPercent(sheet, ref) }
func (b *xlsxBook) font(sheet, ref string) string                { return b.c.Font(sheet, ref) }
func (b *xlsxBook) modified() string                             { return b.c.Modified() }
