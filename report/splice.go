package report

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"chitieu/ooxml"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// writeSpliced writes the package of f to w with the rows of the streamed
// sheets spliced into their (empty) worksheets. excelize writes everything
// else; the rows go from memory straight into the compressor, never
// through an XML buffer of the whole sheet (Nguồn of 2,000 ward reports is
// 14 MB of XML). The parts excelize wrote are copied as they are, already
// compressed. Their strings go into the shared strings that excelize
// wrote, each once: Nguồn repeats the wards, periods, labels and file
// names on every row (its XML is half the size with them shared). The
// cells read back as a StreamWriter would have written them:
// TestStreamedSameAsDirect compares them.
func writeSpliced(w io.Writer, f *excelize.File, sheets []*streamed) error {
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
	byPart := map[string]*streamed{}
	for _, s := range sheets {
		part, ok := parts[s.sheet]
		if !ok {
			return fmt.Errorf("%s: no worksheet part in the package", s.sheet)
		}
		byPart[part] = s
	}
	zw := zip.NewWriter(w)
	// klauspost's level 5 compresses the sheets about 4 times as fast as
	// compress/flate's default, to a file 10% bigger.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, 5)
	})
	sst, sstFile := readSharedStrings(zr)
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
				return fmt.Errorf("%s: %w", s.sheet, err)
			}
		}
	}
	if sstFile != nil {
		if err := sst.write(zw, sstFile); err != nil {
			return err
		}
	}
	return zw.Close()
}

// sharedStrings are the shared strings of the package: excelize's, kept
// as written, and those the spliced sheets add.
type sharedStrings struct {
	head, body []byte // excelize's <sst ...> start tag and its items
	count      int    // the cells that refer to a shared string
	base       int    // the items of body
	index      map[string]int
	added      []string
}

// readSharedStrings reads excelize's xl/sharedStrings.xml. Without it, or
// when it is not as excelize writes it (an <si> item per uniqueCount),
// the spliced sheets keep their strings inline (sst is nil).
func readSharedStrings(zr *zip.Reader) (sst *sharedStrings, part *zip.File) {
	for _, zf := range zr.File {
		if zf.Name == ooxml.SharedStringsPart {
			part = zf
		}
	}
	if part == nil {
		return nil, nil
	}
	rc, err := part.Open()
	if err != nil {
		return nil, nil
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, nil
	}
	start := bytes.Index(data, []byte("<sst"))
	end := bytes.LastIndex(data, []byte("</sst>"))
	if start < 0 || end < 0 {
		return nil, nil
	}
	tagEnd := bytes.IndexByte(data[start:], '>')
	if tagEnd < 0 || data[start+tagEnd-1] == '/' || start+tagEnd >= end {
		return nil, nil
	}
	head, body := data[:start+tagEnd+1], data[start+tagEnd+1:end]
	count, err1 := strconv.Atoi(attrValue(head, "count"))
	unique, err2 := strconv.Atoi(attrValue(head, "uniqueCount"))
	items := bytes.Count(body, []byte("<si>")) + bytes.Count(body, []byte("<si "))
	if err1 != nil || err2 != nil || unique != items {
		return nil, nil
	}
	return &sharedStrings{head: head, body: body, count: count, base: items, index: map[string]int{}}, part
}

// attrValue is the value of attribute name in the start tag tag.
func attrValue(tag []byte, name string) string {
	_, after, ok := bytes.Cut(tag, []byte(" "+name+`="`))
	if !ok {
		return ""
	}
	value, _, _ := bytes.Cut(after, []byte(`"`))
	return string(value)
}

// ref is the index of text among the shared strings, added if new.
func (sst *sharedStrings) ref(text string) int {
	sst.count++
	if i, ok := sst.index[text]; ok {
		return i
	}
	i := sst.unique()
	sst.index[text] = i
	sst.added = append(sst.added, text)
	return i
}

func (sst *sharedStrings) unique() int { return sst.base + len(sst.added) }

var sstCounts = regexp.MustCompile(` (count|uniqueCount)="[0-9]*"`)

// write writes the shared strings as the part zf.
func (sst *sharedStrings) write(zw *zip.Writer, zf *zip.File) error {
	header := zf.FileHeader
	header.Modified = time.Time{}
	header.Method = zip.Deflate
	part, err := zw.CreateHeader(&header)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(part, 64<<10)
	head := sstCounts.ReplaceAllFunc(sst.head, func(attr []byte) []byte {
		if bytes.HasPrefix(attr, []byte(" count=")) {
			return []byte(` count="` + strconv.Itoa(sst.count) + `"`)
		}
		return []byte(` uniqueCount="` + strconv.Itoa(sst.unique()) + `"`)
	})
	bw.Write(head)
	bw.Write(sst.body)
	for _, text := range sst.added {
		bw.WriteString("<si>")
		writeT(bw, text)
		bw.WriteString("</si>")
	}
	bw.WriteString("</sst>")
	return bw.Flush()
}

// spliceSheet writes the worksheet part zf with the rows of s in its
// empty <sheetData> and their range as its dimension.
func spliceSheet(zw *zip.Writer, zf *zip.File, s *streamed, sst *sharedStrings) error {
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
	// The name and times of the part excelize wrote (zero times stay
	// zero); the writer sets the sizes.
	header := zf.FileHeader
	header.Modified = time.Time{}
	header.Method = zip.Deflate
	part, err := zw.CreateHeader(&header)
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
func writeSheetXML(w io.Writer, before, after []byte, s *streamed, sst *sharedStrings) error {
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
func (s *streamed) dimension() string {
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
	sst     *sharedStrings // nil: strings inline
	num     []byte         // scratch for numbers
	columns []string       // column names by number, as met
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
		x.w.WriteString(formatFloat(c.num))
		x.w.WriteString(`</v></c>`)
	case stringValue:
		if x.sst == nil {
			x.inlineString(c.str)
			break
		}
		x.w.WriteString(` t="s"><v>`)
		x.int(x.sst.ref(c.str))
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
	writeT(x.w, text)
	x.w.WriteString(`</is></c>`)
}

// writeT writes text as a <t> element, cut to Excel's 32,767 characters,
// its edge spaces kept.
func writeT(w *bufio.Writer, text string) {
	text = cutUTF16(text, excelize.TotalCellChars)
	w.WriteString(`<t`)
	if text != "" && (isXMLSpace(text[0]) || isXMLSpace(text[len(text)-1])) {
		w.WriteString(` xml:space="preserve"`)
	}
	w.WriteByte('>')
	escapeText(w, text)
	w.WriteString(`</t>`)
}

func isXMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// escapeText writes text as XML character data. As excelize does, a
// character XML cannot hold becomes U+FFFD, and text that reads as an
// escaped character (_x0041_) gets its underscore escaped (_x005F_), so
// that it reads back as written.
func escapeText(w *bufio.Writer, text string) {
	last := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\r':
			esc = "&#xD;"
		case r == '_' && escapedCharAt(text[i:]):
			esc = "_x005F_"
		case r == utf8.RuneError && size == 1, !isXMLChar(r):
			esc = "\uFFFD"
		}
		if esc != "" {
			w.WriteString(text[last:i])
			w.WriteString(esc)
			last = i + size
		}
		i += size
	}
	w.WriteString(text[last:])
}

// escapedCharAt reports whether s starts with an OOXML escaped character,
// _xHHHH_ with four hexadecimal digits.
func escapedCharAt(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// isXMLChar is XML 1.0's Char production.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// formatFloat is how excelize writes a float64 cell: the shortest
// decimal that reads back the same, cut to Excel's 15 significant digits.
func formatFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return s
	}
	const maxDigits = 15
	point := strings.IndexByte(s, '.')
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || digits == 0 && s[i] == '0' {
			continue
		}
		digits++
		if digits <= maxDigits {
			continue
		}
		if point >= 0 && i > point {
			return strings.TrimSuffix(s[:i], ".")
		}
		if point < 0 {
			point = len(s)
		}
		whole := []byte(s[:point])
		for ; i < len(whole); i++ {
			whole[i] = '0'
		}
		return string(whole)
	}
	return s
}
