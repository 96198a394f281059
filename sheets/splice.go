package sheets

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"

	"chitieu/ooxml"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// WriteSpliced writes the package of f to w with the rows of the Streamed
// sheets spliced into their (empty) worksheets. excelize writes everything
// else; the rows go from memory straight into the compressor, never
// through an XML buffer of the whole sheet (Nguồn of 2,000 ward reports is
// 14 MB of XML). The parts excelize wrote are copied as they are, already
// compressed. Their strings go into the shared strings that excelize
// wrote, each once: Nguồn repeats the wards, periods, labels and file
// names on every row (its XML is half the size with them shared). The
// cells read back as a StreamWriter would have written them:
// TestStreamedSameAsDirect compares them.
func WriteSpliced(w io.Writer, f *excelize.File, sheets []*Streamed) error {
	var pkg bytes.Buffer
	if err := f.Write(&pkg); err != nil {
		return err
	}
	p, err := ooxml.Open(pkg.Bytes())
	if err != nil {
		return err
	}
	zr := p.Zip
	list, err := p.Sheets()
	if err != nil {
		return err
	}
	parts := map[string]string{}
	for _, sh := range list {
		parts[sh.Name] = sh.Part
	}
	byPart := map[string]*Streamed{}
	for _, s := range sheets {
		part, ok := parts[s.Sheet]
		if !ok {
			return fmt.Errorf("%s: no worksheet part in the package", s.Sheet)
		}
		byPart[part] = s
	}
	zw := zip.NewWriter(w)
	// klauspost's level 5 compresses the sheets about 4 times as fast as
	// compress/flate's default, to a file 10% bigger.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, 5)
	})
	sst, sstFile := ooxml.ReadSharedStrings(zr)
	for _, zf := range zr.File {
		s, ok := byPart[zf.Name]
		switch {
		case zf == sstFile:
			continue // written last, with the spliced sheets' strings
		case !ok:
			if err := zw.Copy(zf); err != nil {
				return err
			}
		default:
			if err := spliceSheet(zw, zf, s, sst); err != nil {
				return fmt.Errorf("%s: %w", s.Sheet, err)
			}
		}
	}
	if sstFile != nil {
		if err := sst.Write(zw, sstFile); err != nil {
			return err
		}
	}
	return zw.Close()
}

// spliceSheet writes the worksheet part zf with the rows of s in its
// empty <sheetData> and their range as its dimension.
func spliceSheet(zw *zip.Writer, zf *zip.File, s *Streamed, sst *ooxml.SharedStrings) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	sheetXML, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	before, after, ok := cutSheetData(sheetXML)
	if !ok {
		return fmt.Errorf("%s: no empty <sheetData> to fill", zf.Name)
	}
	part, err := ooxml.CreateLike(zw, zf)
	if err != nil {
		return err
	}
	// The XML is made here and compressed by another goroutine, so that
	// both run at once: the pipe hands over each 64 KiB buffer.
	pr, pw := io.Pipe()
	compressed := make(chan error, 1)
	go func() {
		_, err := io.Copy(part, pr)
		pr.CloseWithError(err)
		compressed <- err
	}()
	err = writeSheetXML(pw, before, after, s, sst)
	pw.CloseWithError(err)
	if cerr := <-compressed; err == nil {
		err = cerr
	}
	return err
}

// writeSheetXML writes the worksheet: before, the rows of s, after.
func writeSheetXML(w io.Writer, before, after []byte, s *Streamed, sst *ooxml.SharedStrings) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(withDimension(before, s.dimension()))
	bw.WriteString("<sheetData>")
	x := rowWriter{w: bw, sst: sst}
	for i := range s.rows {
		if err := x.row(&s.rows[i]); err != nil {
			return err
		}
	}
	bw.WriteString("</sheetData>")
	bw.Write(after)
	return bw.Flush()
}

// cutSheetData splits a worksheet's XML around its empty sheetData
// element, which excelize writes as <sheetData></sheetData> or
// <sheetData/>.
func cutSheetData(sheetXML []byte) (before, after []byte, ok bool) {
	for _, empty := range []string{"<sheetData></sheetData>", "<sheetData/>"} {
		if before, after, ok = bytes.Cut(sheetXML, []byte(empty)); ok {
			return before, after, true
		}
	}
	return nil, nil, false
}

var dimensionRef = regexp.MustCompile(`<dimension ref="[^"]*"`)

// withDimension is the XML before sheetData with its dimension set to ref.
func withDimension(before []byte, ref string) []byte {
	if ref == "" {
		return before
	}
	loc := dimensionRef.FindIndex(before)
	if loc == nil {
		return before
	}
	out := append([]byte(nil), before[:loc[0]]...)
	out = append(out, `<dimension ref="`+ref+`"`...)
	return append(out, before[loc[1]:]...)
}

// dimension is the range of the cells of s, such as "A1:L20001", or ""
// when it has none.
func (s *Streamed) dimension() string {
	lastCol, firstRow, lastRow := 0, 0, 0
	for _, r := range s.rows {
		for c := len(r.cells); c > 0; c-- {
			if !r.cells[c-1].empty() {
				lastCol = max(lastCol, c)
				if firstRow == 0 {
					firstRow = r.num
				}
				lastRow = r.num
				break
			}
		}
	}
	if lastCol == 0 {
		return ""
	}
	first, err1 := excelize.CoordinatesToCellName(1, firstRow)
	last, err2 := excelize.CoordinatesToCellName(lastCol, lastRow)
	if err1 != nil || err2 != nil {
		return ""
	}
	return first + ":" + last
}

// rowWriter writes rows as excelize's StreamWriter.SetRow does, for the
// values the summary has: strings (inline), float64 and styled blanks.
type rowWriter struct {
	w       *bufio.Writer
	sst     *ooxml.SharedStrings // nil: strings inline
	num     []byte               // scratch for numbers
	columns []string             // column names by number, as met
}

func (x *rowWriter) row(r *streamRow) error {
	if r.height > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	x.w.WriteString(`<row r="`)
	x.int(r.num)
	x.w.WriteByte('"')
	if r.height > 0 {
		x.w.WriteString(` ht="`)
		x.num = strconv.AppendFloat(x.num[:0], r.height, 'f', -1, 64)
		x.w.Write(x.num)
		x.w.WriteString(`" customHeight="1"`)
	}
	x.w.WriteByte('>')
	for i := range r.cells {
		c := &r.cells[i]
		if c.empty() {
			continue
		}
		if err := x.cell(i+1, r.num, c); err != nil {
			return err
		}
	}
	x.w.WriteString(`</row>`)
	return nil
}

func (x *rowWriter) cell(col, row int, c *streamCell) error {
	x.w.WriteString(`<c r="`)
	name, err := x.column(col)
	if err != nil {
		return err
	}
	x.w.WriteString(name)
	x.int(row)
	x.w.WriteByte('"')
	if c.style > 0 {
		x.w.WriteString(` s="`)
		x.int(c.style)
		x.w.WriteByte('"')
	}
	switch c.kind {
	case noValue:
		x.w.WriteString(`></c>`)
	case numberValue:
		if math.IsNaN(c.num) || math.IsInf(c.num, 0) {
			x.inlineString(fmt.Sprint(c.num))
			break
		}
		x.w.WriteString(`><v>`)
		x.w.WriteString(ooxml.FormatFloat(c.num))
		x.w.WriteString(`</v></c>`)
	case stringValue:
		if x.sst == nil {
			x.inlineString(c.str)
			break
		}
		x.w.WriteString(` t="s"><v>`)
		x.int(x.sst.Ref(c.str))
		x.w.WriteString(`</v></c>`)
	}
	return nil
}

// column is the name of column col, such as "AB".
func (x *rowWriter) column(col int) (string, error) {
	if col < len(x.columns) && x.columns[col] != "" {
		return x.columns[col], nil
	}
	name, err := excelize.ColumnNumberToName(col)
	if err == nil && col < 256 {
		if len(x.columns) <= col {
			x.columns = append(x.columns, make([]string, col+1-len(x.columns))...)
		}
		x.columns[col] = name
	}
	return name, err
}

func (x *rowWriter) int(n int) {
	x.num = strconv.AppendInt(x.num[:0], int64(n), 10)
	x.w.Write(x.num)
}

// inlineString ends a cell's start tag with an inline string.
func (x *rowWriter) inlineString(text string) {
	x.w.WriteString(` t="inlineStr"><is>`)
	ooxml.WriteT(x.w, text)
	x.w.WriteString(`</is></c>`)
}
