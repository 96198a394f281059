package ingest

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"chitieu/xls"

	"github.com/xuri/excelize/v2"
)

// xlsBook is a book over an Excel 97-2003 workbook read by package xls.
// Formulas come with the results Excel saved; there is nothing to compute.
type xlsBook struct {
	wb     *xls.Workbook
	byName map[string]*xlsSheet
}

type xlsSheet struct {
	text  [][]string
	cells [][]*xls.Cell
}

func newXLSBook(wb *xls.Workbook) *xlsBook {
	b := &xlsBook{wb: wb, byName: map[string]*xlsSheet{}}
	for _, s := range wb.Sheets {
		if _, dup := b.byName[s.Name]; !dup {
			b.byName[s.Name] = &xlsSheet{}
		}
	}
	return b
}

func (b *xlsBook) sheets() []sheetEntry {
	var out []sheetEntry
	for _, s := range b.wb.Sheets {
		out = append(out, sheetEntry{name: s.Name, hidden: s.Hidden})
	}
	return out
}

// sheet is the named sheet's cells and their raw text as excelize gives
// them (numbers in Go's shortest form, booleans as 1 and 0), trailing
// empty cells and rows trimmed.
func (b *xlsBook) sheet(name string) *xlsSheet {
	s, ok := b.byName[name]
	if !ok {
		return nil
	}
	if s.cells != nil {
		return s
	}
	for _, sh := range b.wb.Sheets {
		if sh.Name == name {
			s.cells = sh.Rows()
			break
		}
	}
	s.text = make([][]string, len(s.cells))
	for r, row := range s.cells {
		s.text[r] = make([]string, len(row))
		for c, cell := range row {
			if cell != nil {
				s.text[r][c] = rawText(cell)
			}
		}
	}
	if s.cells == nil {
		s.cells = [][]*xls.Cell{}
	}
	return s
}

func rawText(c *xls.Cell) string {
	switch c.Kind {
	case xls.Number:
		return strconv.FormatFloat(c.Num, 'f', -1, 64)
	case xls.Bool:
		if c.Num != 0 {
			return "1"
		}
		return "0"
	default:
		return c.Str
	}
}

func (b *xlsBook) rows(sheet string) ([][]string, error) {
	s := b.sheet(sheet)
	if s == nil {
		return nil, errors.New("no sheet " + sheet)
	}
	return s.text, nil
}

func (b *xlsBook) head(sheet string, n int) ([][]string, error) {
	rows, err := b.rows(sheet)
	return rows[:min(n, len(rows))], err
}

func (b *xlsBook) cell(sheet, ref string) *xls.Cell {
	s := b.sheet(sheet)
	col, row, err := excelize.CellNameToCoordinates(ref)
	if s == nil || err != nil || row > len(s.cells) || col > len(s.cells[row-1]) {
		return nil
	}
	return s.cells[row-1][col-1]
}

// cellType gives the types excelize gives the same cells in the .xlsx that
// Excel would save.
func (b *xlsBook) cellType(sheet, ref string) excelize.CellType {
	c := b.cell(sheet, ref)
	if c == nil {
		return excelize.CellTypeUnset
	}
	switch c.Kind {
	case xls.Number:
		return excelize.CellTypeUnset
	case xls.Bool:
		return excelize.CellTypeBool
	case xls.Error:
		return excelize.CellTypeError
	case xls.String:
		if c.Formula {
			return excelize.CellTypeFormula
		}
		return excelize.CellTypeSharedString
	}
	return excelize.CellTypeUnset
}

// formula is "": every formula cell of an .xls carries its saved result.
func (b *xlsBook) formula(sheet, ref string) string { return "" }

func (b *xlsBook) calc(sheet, ref string) (string, error) {
	return "", errors.New(".xls formulas are not calculated")
}

func (b *xlsBook) isPercent(sheet, ref string) bool {
	c := b.cell(sheet, ref)
	if c == nil {
		return false
	}
	if c.FormatID == 9 || c.FormatID == 10 {
		return true
	}
	return c.FormatID >= 164 && strings.Contains(c.FormatCode, "%")
}

func (b *xlsBook) font(sheet, ref string) string {
	if c := b.cell(sheet, ref); c != nil {
		return c.Font
	}
	return ""
}

func (b *xlsBook) modified() string {
	if b.wb.LastSaved.IsZero() {
		return ""
	}
	return b.wb.LastSaved.UTC().Format(time.RFC3339)
}
