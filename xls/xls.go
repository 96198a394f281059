// Package xls reads Excel 97-2003 workbooks (.xls files in the BIFF8
// format) in pure Go.
//
// Start with Open. It reads the whole workbook at once: each worksheet's
// cell values (numbers, text, booleans, errors and the saved results of
// formulas) with each cell's number format and font name, the merged
// ranges, the hidden flags, the date system and the codepage. Charts,
// macro sheets, drawings, comments and formula text are skipped.
//
// Open refuses files from Excel 5.0/95 and older (ErrOldFormat), encrypted
// workbooks (ErrEncrypted) and a compound file without a Workbook stream
// (ErrNotXLS: an encrypted .xlsx is one). A compound file that cannot be
// read gives ErrDamaged; a damaged workbook stream a *FormatError that
// names the record at fault.
//
// Text comes back as stored. BIFF8 keeps a string either as UTF-16 or
// "compressed", one byte per character holding the low byte of UTF-16;
// compressed characters become the runes U+0000..U+00FF whatever the
// workbook's codepage. Legacy Vietnamese typed in TCVN3 (.VnTime fonts)
// therefore reads as Latin-1 look-alikes such as "Sè hé nghÌo", which the
// caller decodes.
package xls

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/richardlehane/mscfb"
)

var (
	// ErrNotXLS means the input is a compound file without a Workbook stream.
	ErrNotXLS = errors.New("xls: not an Excel 97-2003 workbook")
	// ErrDamaged means the input is not a compound file that can be read:
	// cut short, damaged, or something else altogether.
	ErrDamaged = errors.New("xls: damaged or not a compound file")
	// ErrOldFormat means the workbook is from Excel 5.0/95 or older (BIFF5 and before).
	ErrOldFormat = errors.New("xls: Excel 5.0/95 or older workbook not supported")
	// ErrEncrypted means the workbook is protected by a password (FILEPASS).
	ErrEncrypted = errors.New("xls: workbook is encrypted")
)

// A FormatError reports a damaged Workbook stream.
type FormatError struct {
	Offset int64  // offset of the record's header in the Workbook stream
	Record uint16 // record type, e.g. 0x00FC for SST
	Err    error  // what is wrong, e.g. io.ErrUnexpectedEOF
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("xls: record 0x%04X at offset %d: %v", e.Record, e.Offset, e.Err)
}

func (e *FormatError) Unwrap() error { return e.Err }

// A Workbook is the content of an .xls file.
type Workbook struct {
	Sheets    []*Sheet  // the worksheets, in workbook order; charts and macro sheets are left out
	Date1904  bool      // date serial numbers count from 1904-01-01, not 1899-12-30
	Codepage  int       // the CODEPAGE record, e.g. 1200 (UTF-16) or 1252; 0 if absent
	LastSaved time.Time // last-saved time from the SummaryInformation stream, UTC; zero if unknown
}

// A Sheet is one worksheet.
type Sheet struct {
	Name   string
	Hidden bool    // hidden or very hidden
	Cells  []Cell  // non-empty cells, sorted by row then column
	Merges []Range // merged ranges, in file order
}

// A Range is a rectangle of cells, inclusive, with 0-based indexes.
type Range struct {
	FirstRow, LastRow, FirstCol, LastCol int
}

// Kind is the type of a cell's value.
type Kind uint8

// The kinds of cell values.
const (
	Number Kind = iota + 1
	String
	Bool
	Error
)

// A Cell is one non-empty cell. Blank cells that only carry formatting are
// left out.
type Cell struct {
	Row, Col   int     // 0-based
	Kind       Kind    // type of the value
	Num        float64 // value of a Number; 1 or 0 for a Bool
	Str        string  // text of a String; "#DIV/0!" and the like for an Error
	Formula    bool    // the value is a formula's saved result
	FormatID   int     // number format index (ifmt) of the cell's XF
	FormatCode string  // format code for FormatID, e.g. "0.00%"; "General" by default
	Font       string  // name of the cell's font, e.g. ".VnTime"; "" if the XF names none
}

// Rows returns the cells as dense rows: rows[r][c] is the cell at row r,
// column c, or nil where there is none. Each row ends at its last cell and
// the slice ends at the last row with a cell.
func (s *Sheet) Rows() [][]*Cell {
	n := 0
	for i := range s.Cells {
		n = max(n, s.Cells[i].Row+1)
	}
	rows := make([][]*Cell, n)
	for i := range s.Cells {
		c := &s.Cells[i]
		row := rows[c.Row]
		for len(row) <= c.Col {
			row = append(row, nil)
		}
		row[c.Col] = c
		rows[c.Row] = row
	}
	return rows
}

// Open reads the workbook in r, which holds size bytes. Everything is read
// before Open returns; r is not used afterwards.
func Open(r io.ReaderAt, size int64) (*Workbook, error) {
	book, summary, err := readStreams(r, size)
	if err != nil {
		return nil, err
	}
	g, err := readGlobals(book)
	if err != nil {
		return nil, err
	}
	wb := &Workbook{
		Date1904:  g.date1904,
		Codepage:  g.codepage,
		LastSaved: lastSaved(summary),
	}
	if wb.Sheets, err = readSheets(book, g); err != nil {
		return nil, err
	}
	return wb, nil
}

// readSheets reads the worksheets the globals list.
func readSheets(book []byte, g *globals) ([]*Sheet, error) {
	var sheets []*Sheet
	styles := g.styles()
	seen := map[uint32]bool{}
	cells := 0
	for _, bs := range g.sheets {
		if bs.kind != 0 {
			continue // chart, macro sheet or VBA module
		}
		// Sheets sharing a substream would multiply the memory a small
		// file takes; the cap bounds what a file may ask for in all.
		if seen[bs.offset] {
			return nil, bs.rec.err(fmt.Errorf("sheet %q: %w", bs.name, errSharedSheet))
		}
		seen[bs.offset] = true
		sh, err := readSheet(book, bs, g.sst, styles)
		if err != nil {
			return nil, err
		}
		if cells += len(sh.Cells); cells > maxCells {
			return nil, bs.rec.err(fmt.Errorf("sheet %q: %w", bs.name, errTooManyCells))
		}
		sheets = append(sheets, sh)
	}
	return sheets, nil
}

// maxCells caps the cells of a workbook: Excel 97-2003 holds 65,536 rows of
// 256 columns per sheet, and no ward form comes near this.
const maxCells = 10_000_000

var (
	errSharedSheet  = errors.New("starts where another sheet starts")
	errTooManyCells = fmt.Errorf("more than %d cells in the workbook", maxCells)
)

// readStreams returns the Workbook stream and, if there is one, the
// SummaryInformation stream of the compound file in r.
func readStreams(r io.ReaderAt, size int64) (book, summary []byte, err error) {
	// mscfb is third-party code fed untrusted input: turn a panic in it into
	// an error rather than taking the caller down.
	defer func() {
		if p := recover(); p != nil {
			book, summary = nil, nil
			err = fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	if size < 0 {
		size = 0
	}
	doc, err := mscfb.New(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	var wbFile, bookFile, sumFile *mscfb.File
	for _, f := range doc.File {
		if len(f.Path) != 0 || !f.FileInfo().Mode().IsRegular() {
			continue
		}
		switch {
		case strings.EqualFold(f.Name, "Workbook"):
			wbFile = f
		case strings.EqualFold(f.Name, "Book"):
			bookFile = f
		case f.Initial == 5 && f.Name == "SummaryInformation":
			sumFile = f
		}
	}
	if wbFile == nil {
		if bookFile != nil {
			return nil, nil, ErrOldFormat
		}
		return nil, nil, fmt.Errorf("%w: no Workbook stream", ErrNotXLS)
	}
	book, err = readStream(wbFile, size)
	if err != nil {
		return nil, nil, err
	}
	if sumFile != nil {
		// The summary is optional: a damaged one leaves LastSaved zero.
		summary, _ = readStream(sumFile, size)
	}
	return book, summary, nil
}

// readStream reads the whole of the stream f of a compound file of size
// bytes; no stream can be longer than the file holding it.
func readStream(f *mscfb.File, size int64) ([]byte, error) {
	if f.Size > size {
		return nil, fmt.Errorf("xls: %s stream of %d bytes in a file of %d: %w", f.Name, f.Size, size, io.ErrUnexpectedEOF)
	}
	b := make([]byte, f.Size)
	if _, err := io.ReadFull(f, b); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("xls: reading %s stream: %w", f.Name, err)
	}
	return b, nil
}

// sortCells sorts cells by row and column. Where two records wrote the same
// cell, the later one wins, as in Excel.
func sortCells(cells []Cell) []Cell {
	slices.SortStableFunc(cells, func(a, b Cell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	out := cells[:0]
	for i, c := range cells {
		if i+1 < len(cells) && cells[i+1].Row == c.Row && cells[i+1].Col == c.Col {
			continue
		}
		out = append(out, c)
	}
	return out
}
