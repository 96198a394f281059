package sheets

import (
	"errors"
	"slices"

	"github.com/xuri/excelize/v2"
)

// cells is where a sheet's cells go: straight into the worksheet (Direct),
// or kept and written at the end by an excelize StreamWriter (Streamed).
// Both give the same cells, values and styles; streaming is many times
// faster for a big sheet, because excelize then neither keeps every cell
// as a struct nor marshals them with encoding/xml when saving.
type Cells interface {
	SetStr(col, row int, text string) error
	SetFloat(col, row int, v float64) error
	SetStyle(col, row, id int) error
	SetHeight(row int, height float64) error
	SetLink(col, row int, target string) error
	// flush writes what was kept, once the sheet has everything else:
	// widths, panes, autofilter, print setup, and the workbook its active
	// sheet. Nothing may touch the sheet afterwards.
	Flush() error
}

// ErrStreamed is what a Streamed sheet answers to what excelize cannot do
// on one: a hyperlink (StreamWriter has none) or a chart (placed by row
// heights that a Streamed sheet does not have yet).
var ErrStreamed = errors.New("not possible on a Streamed sheet")

// Direct writes each cell into the worksheet as it comes, with excelize's
// cell functions. It is the way for a sheet that had content before (a
// master's, cleared in place), for hyperlinks and for charts.
type Direct struct {
	File  *excelize.File
	Sheet string
}

func (d Direct) SetStr(col, row int, text string) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return d.File.SetCellStr(d.Sheet, cell, text)
}

func (d Direct) SetFloat(col, row int, v float64) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return d.File.SetCellFloat(d.Sheet, cell, v, -1, 64)
}

func (d Direct) SetStyle(col, row, id int) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return d.File.SetCellStyle(d.Sheet, cell, cell, id)
}

func (d Direct) SetHeight(row int, height float64) error {
	return d.File.SetRowHeight(d.Sheet, row, height)
}

func (d Direct) SetLink(col, row int, target string) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return d.File.SetCellHyperLink(d.Sheet, cell, target, "External")
}

func (Direct) Flush() error { return nil }

// Streamed keeps the cells of a new, empty sheet until everything else of
// the sheet is set (widths, panes, autofilter, print setup), then writes
// them: spliced into the package as it is saved (WriteSpliced, for
// WriteSummary), or with a StreamWriter in flush (a master's new sheets).
// A StreamWriter must be the only writer of the sheet's cells, wants the
// column widths before the first row, and writes the sheet's properties
// when it is made and everything after the rows when flushed. Its strings
// go inline into the sheet rather than into the shared strings: the same
// text when read.
type Streamed struct {
	File  *excelize.File
	Sheet string
	// Spliced: Flush leaves the rows for WriteSpliced, which puts them
	// into the saved package.
	Spliced bool
	rows    []streamRow // in row order
}

type streamRow struct {
	num    int
	height float64 // 0: the default
	// cells from column A; a zero cell is no cell.
	cells []streamCell
}

// streamCell is one cell of a Streamed sheet: a string or a number, and
// its style. Not an excelize.Cell, whose Value would box every string and
// number (Nguồn of 2,000 reports has 240,000 cells).
type streamCell struct {
	str   string
	num   float64
	style int
	kind  cellKind
}

type cellKind uint8

const (
	noValue cellKind = iota
	stringValue
	numberValue
)

// empty reports a cell with neither value nor style, which is not written.
func (c *streamCell) empty() bool { return c.kind == noValue && c.style == 0 }

// row is row num, added after the last (rows come in order, and only a
// header's height is set later).
func (s *Streamed) row(num int) *streamRow {
	n := len(s.rows)
	switch {
	case n > 0 && s.rows[n-1].num == num:
		return &s.rows[n-1]
	case n == 0 || s.rows[n-1].num < num:
		// Room for as many cells as the last row had: tables have rows of
		// the same width.
		width := 0
		if n > 0 {
			width = len(s.rows[n-1].cells)
		}
		s.rows = append(s.rows, streamRow{num: num, cells: make([]streamCell, 0, width)})
		return &s.rows[n]
	}
	i, found := slices.BinarySearchFunc(s.rows, num, func(r streamRow, num int) int { return r.num - num })
	if !found {
		s.rows = slices.Insert(s.rows, i, streamRow{num: num})
	}
	return &s.rows[i]
}

func (s *Streamed) cell(col, row int) (*streamCell, error) {
	if col < 1 || col > excelize.MaxColumns || row < 1 || row > excelize.TotalRows {
		_, err := excelize.CoordinatesToCellName(col, row)
		if err == nil {
			err = excelize.ErrColumnNumber
		}
		return nil, err
	}
	r := s.row(row)
	if len(r.cells) < col {
		r.cells = append(r.cells, make([]streamCell, col-len(r.cells))...)
	}
	return &r.cells[col-1], nil
}

func (s *Streamed) SetStr(col, row int, text string) error {
	c, err := s.cell(col, row)
	if err == nil {
		c.kind, c.str = stringValue, text
	}
	return err
}

func (s *Streamed) SetFloat(col, row int, v float64) error {
	c, err := s.cell(col, row)
	if err == nil {
		c.kind, c.num = numberValue, v
	}
	return err
}

func (s *Streamed) SetStyle(col, row, id int) error {
	c, err := s.cell(col, row)
	if err == nil {
		c.style = id
	}
	return err
}

func (s *Streamed) SetHeight(row int, height float64) error {
	s.row(row).height = height
	return nil
}

// SetLink sets a hyperlink on a spliced sheet: excelize keeps it with the
// sheet's other settings, after the rows that WriteSpliced puts in. A
// StreamWriter cannot.
func (s *Streamed) SetLink(col, row int, target string) error {
	if !s.Spliced {
		return ErrStreamed
	}
	return Direct{s.File, s.Sheet}.SetLink(col, row, target)
}

func (s *Streamed) Flush() error {
	if s.Spliced {
		return nil
	}
	sw, err := s.File.NewStreamWriter(s.Sheet)
	if err != nil {
		return err
	}
	var values []any
	for i := range s.rows {
		r := &s.rows[i]
		values = values[:0]
		for j := range r.cells {
			c := &r.cells[j]
			switch {
			case c.empty():
				values = append(values, nil) // SetRow skips it
			case c.kind == stringValue:
				values = append(values, excelize.Cell{StyleID: c.style, Value: c.str})
			case c.kind == numberValue:
				values = append(values, excelize.Cell{StyleID: c.style, Value: c.num})
			default:
				values = append(values, excelize.Cell{StyleID: c.style})
			}
		}
		first, err := excelize.CoordinatesToCellName(1, r.num)
		if err != nil {
			return err
		}
		var opts []excelize.RowOpts
		if r.height > 0 {
			opts = append(opts, excelize.RowOpts{Height: r.height})
		}
		if err := sw.SetRow(first, values, opts...); err != nil {
			return err
		}
	}
	s.rows = nil
	return sw.Flush()
}
