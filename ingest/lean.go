package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The lean reader: archive/zip and encoding/xml RawToken over only the
// parts ingest needs (workbook.xml and its relationships, sharedStrings.xml,
// the numFmts and cellXfs of styles.xml, docProps/core.xml and custom.xml,
// and the sheet XML). It produces exactly what excelBook gives, or gives up
// with a reason (an error from openLean, or leanBook.fallback set while
// reading), and the file is then read with excelize. It gives up on
// anything it does not mirror exactly: strict OOXML, non-UTF-8 encodings,
// DTDs, unusual part names, rows or cells out of order, shared-string
// escapes (_x000D_), unknown cell types, formulas without a saved value
// (excelize computes those), parts over the size limits.

// leanPartLimit caps the bytes inflated from one part (a zip bomb must not
// exhaust memory); a larger part is left to excelize, which spills big
// parts to temporary files. leanTotalLimit caps the declared total.
const (
	leanPartLimit  = unzipXMLSizeLimit
	leanTotalLimit = unzipSizeLimit
)

const (
	nsStrict      = "purl.oclc.org/ooxml"
	relWorksheet  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relOfficeDoc  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relSharedStr  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
	relStyles     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	workbookPart  = "xl/workbook.xml"
	sharedStrPart = "xl/sharedStrings.xml"
	stylesPart    = "xl/styles.xml"
)

// errFallback is a reason to read the file with excelize.
type errFallback string

func (e errFallback) Error() string { return string(e) }

func fallbackf(format string, args ...any) error { return errFallback(fmt.Sprintf(format, args...)) }

// cell types, as excelize's cellTypes map reads the t attribute.
var leanTypes = map[string]excelize.CellType{
	"": excelize.CellTypeUnset, "b": excelize.CellTypeBool, "d": excelize.CellTypeDate, "n": excelize.CellTypeNumber,
	"e": excelize.CellTypeError, "s": excelize.CellTypeSharedString, "str": excelize.CellTypeFormula,
	"inlineStr": excelize.CellTypeInlineString,
}

type leanBook struct {
	zr       *zip.Reader
	parts    map[string]*zip.File
	list     []sheetEntry
	paths    map[string]string // sheet name -> part
	sst      []string
	sstRead  bool
	xfFmt    []int // cellXfs index -> numFmtId (-1 when absent)
	xfFont   []int // cellXfs index -> fontId
	fontName []string
	fmtCode  map[int]string
	styled   bool
	core     string
	custom   map[string]string
	fallback string // why the file must be read with excelize, once known

	cur *leanSheet // the sheet read last
}

type leanSheet struct {
	name     string
	complete bool // false when parsing stopped at a row limit
	rows     [][]string
	meta     [][]leanCell // parallel to rows
	rowStyle map[int]int  // row index -> s
	cols     []leanCol
}

// leanCell is 8 bytes: a big sheet keeps one per cell.
type leanCell struct {
	typ     excelize.CellType
	formula bool
	style   int32
}

type leanCol struct{ min, max, style int }

// openLean opens the zip and reads the workbook list, the document
// properties and the shared strings.
func openLean(data []byte) (*leanBook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fallbackf("zip: %v", err)
	}
	b := &leanBook{zr: zr, parts: map[string]*zip.File{}, paths: map[string]string{}, custom: map[string]string{}}
	var total uint64
	for _, f := range zr.File {
		if strings.Contains(f.Name, "\\") || strings.EqualFold(f.Name, sharedStrPart) && f.Name != sharedStrPart ||
			strings.EqualFold(f.Name, "[Content_Types].xml") && f.Name != "[Content_Types].xml" {
			return nil, fallbackf("zip entry name %q", f.Name)
		}
		if _, dup := b.parts[f.Name]; dup {
			return nil, fallbackf("duplicate zip entry %s", f.Name)
		}
		b.parts[f.Name] = f
		total += f.UncompressedSize64
	}
	if total > leanTotalLimit {
		return nil, fallbackf("unzipped size over %d bytes", leanTotalLimit)
	}
	if err := b.readRootRels(); err != nil {
		return nil, err
	}
	rels, err := b.readRels("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	if err := b.readWorkbook(rels); err != nil {
		return nil, err
	}
	if err := b.readCore(); err != nil {
		return nil, err
	}
	if err := b.readCustom(); err != nil {
		return nil, err
	}
	return b, nil
}

// open returns a reader over one part, capped at leanPartLimit bytes, or
// nil when the part is absent.
func (b *leanBook) open(name string) (io.ReadCloser, error) {
	f, ok := b.parts[name]
	if !ok {
		return nil, nil
	}
	limit := int64(leanPartLimit)
	if strings.HasPrefix(name, "xl/worksheets/") {
		// Sheets are streamed, never held as XML: only the cells kept
		// (as GetRows keeps them) take memory.
		limit = leanTotalLimit
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fallbackf("%s: over %d bytes", name, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fallbackf("%s: %v", name, err)
	}
	return &cappedReader{r: rc, left: limit, name: name}, nil
}

// cappedReader fails once more than left bytes are read: the declared
// size of a zip entry cannot be trusted.
type cappedReader struct {
	r    io.ReadCloser
	left int64
	name string
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fallbackf("%s: over the size limit", c.name)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

func (c *cappedReader) Close() error { return c.r.Close() }

// tokens walks a part's XML with RawToken, calling fn for each token. The
// root element must not be in the strict OOXML namespace, and no DTD or
// processing instruction other than the XML declaration may appear.
func (b *leanBook) tokens(name string, required bool, fn func(xml.Token) error) error {
	rc, err := b.open(name)
	if err != nil {
		return err
	}
	if rc == nil {
		if required {
			return fallbackf("%s: absent", name)
		}
		return nil
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	root := true
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var fb errFallback
			if errors.As(err, &fb) {
				return fb
			}
			return fallbackf("%s: %v", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root {
				root = false
				for _, a := range t.Attr {
					if (a.Name.Space == "xmlns" || a.Name.Local == "xmlns") && strings.Contains(a.Value, nsStrict) {
						return fallbackf("%s: strict OOXML", name)
					}
				}
			}
		case xml.Directive:
			return fallbackf("%s: DTD or directive", name)
		case xml.ProcInst:
			if t.Target != "xml" {
				return fallbackf("%s: processing instruction %s", name, t.Target)
			}
			if enc := procEncoding(t.Inst); enc != "" && !strings.EqualFold(enc, "utf-8") {
				return fallbackf("%s: encoding %s", name, enc)
			}
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

func procEncoding(inst []byte) string {
	s := string(inst)
	i := strings.Index(s, "encoding=")
	if i < 0 {
		return ""
	}
	s = s[i+len("encoding="):]
	if len(s) < 2 {
		return s
	}
	q := s[0]
	s = s[1:]
	if j := strings.IndexByte(s, q); j >= 0 {
		return s[:j]
	}
	return s
}

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space != "xmlns" {
			return a.Value, true
		}
	}
	return "", false
}

// readRootRels requires the main document at xl/workbook.xml, where
// excelize also looks.
func (b *leanBook) readRootRels() error {
	found := false
	err := b.tokens("_rels/.rels", false, func(tok xml.Token) error {
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			if typ, _ := attr(e, "Type"); typ == relOfficeDoc {
				target, _ := attr(e, "Target")
				if strings.TrimPrefix(target, "/") != workbookPart {
					return fallbackf("workbook at %s", target)
				}
				found = true
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !found {
		return fallbackf("no officeDocument relationship")
	}
	return nil
}

type leanRel struct{ typ, target string }

func (b *leanBook) readRels(name string) (map[string]leanRel, error) {
	rels := map[string]leanRel{}
	err := b.tokens(name, true, func(tok xml.Token) error {
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			id, _ := attr(e, "Id")
			typ, _ := attr(e, "Type")
			target, _ := attr(e, "Target")
			if mode, _ := attr(e, "TargetMode"); mode == "External" {
				target = ""
			}
			if _, dup := rels[id]; dup {
				return fallbackf("%s: duplicate id %s", name, id)
			}
			rels[id] = leanRel{typ: typ, target: target}
		}
		return nil
	})
	return rels, err
}

// partOf resolves a relationship target of xl/workbook.xml.
func partOf(target string) (string, bool) {
	if target == "" || strings.Contains(target, "..") || strings.Contains(target, "\\") {
		return "", false
	}
	if strings.HasPrefix(target, "/") {
		return target[1:], true
	}
	return path.Join("xl", target), true
}

func (b *leanBook) readWorkbook(rels map[string]leanRel) error {
	for _, rel := range rels {
		p, ok := partOf(rel.target)
		switch {
		case rel.typ == relSharedStr && (!ok || p != sharedStrPart):
			return fallbackf("shared strings at %s", rel.target)
		case rel.typ == relStyles && (!ok || p != stylesPart):
			return fallbackf("styles at %s", rel.target)
		}
	}
	depth := 0
	seen := map[string]bool{}
	err := b.tokens(workbookPart, true, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if e.Name.Local != "sheet" || depth != 3 {
				return nil
			}
			name, _ := attr(e, "name")
			state, _ := attr(e, "state")
			id, _ := attr(e, "id")
			if !validSheetName(name) {
				return fallbackf("sheet name %q", name)
			}
			key := strings.ToLower(name)
			if seen[key] {
				return fallbackf("sheet name %q twice", name)
			}
			seen[key] = true
			rel, ok := rels[id]
			if !ok || rel.typ != relWorksheet {
				return fallbackf("sheet %q is no worksheet part", name)
			}
			p, ok := partOf(rel.target)
			if _, exists := b.parts[p]; !ok || !exists {
				return fallbackf("sheet %q at %s", name, rel.target)
			}
			b.paths[name] = p
			b.list = append(b.list, sheetEntry{name: name, hidden: state != "" && state != "visible"})
		case xml.EndElement:
			depth--
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(b.list) == 0 {
		return fallbackf("no sheets")
	}
	return nil
}

// validSheetName is what excelize's checkSheetName accepts; other names
// behave differently there (they count as visible), so they fall back.
func validSheetName(name string) bool {
	if name == "" || utf8.RuneCountInString(name) > 31 || strings.ContainsAny(name, ":\\/?*[]") ||
		strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
		return false
	}
	return utf8.ValidString(name)
}

// readCore finds dcterms:modified in docProps/core.xml.
func (b *leanBook) readCore() error {
	depth, in := 0, false
	var text strings.Builder
	return b.tokens("docProps/core.xml", false, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && e.Name.Local == "modified" {
				if e.Name.Space != "dcterms" {
					return fallbackf("core.xml: modified in %q", e.Name.Space)
				}
				in = true
				text.Reset()
			} else if in {
				return fallbackf("core.xml: markup in modified")
			}
		case xml.CharData:
			if in {
				text.Write(e)
			}
		case xml.EndElement:
			if in && depth == 2 {
				b.core = text.String()
				in = false
			}
			depth--
		}
		return nil
	})
}

// readCustom reads the custom document properties' names and values.
func (b *leanBook) readCustom() error {
	depth := 0
	name := ""
	var text strings.Builder
	return b.tokens("docProps/custom.xml", false, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && e.Name.Local == "property" {
				name, _ = attr(e, "name")
				text.Reset()
			}
		case xml.CharData:
			if depth == 3 {
				text.Write(e)
			}
		case xml.EndElement:
			if depth == 2 && name != "" {
				b.custom[name] = text.String()
			}
			depth--
		}
		return nil
	})
}

// readSST reads the shared strings: the t of each si and of its runs
// (phonetic runs excluded), as excelize's xlsxSI.String.
func (b *leanBook) readSST() error {
	if b.sstRead {
		return nil
	}
	b.sstRead = true
	var stack []string
	var cur strings.Builder
	inT := false
	tSeen := map[int]bool{} // depth -> a t already read in the current si or r
	return b.tokens(sharedStrPart, false, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			n := len(stack)
			switch {
			case n == 2 && e.Name.Local == "si":
				cur.Reset()
				clear(tSeen)
			case n == 3 && stack[1] == "si" && e.Name.Local == "r":
				tSeen[4] = false
			case e.Name.Local == "t" && (n == 3 && stack[1] == "si" || n == 4 && stack[1] == "si" && stack[2] == "r"):
				if tSeen[n] {
					return fallbackf("sharedStrings.xml: two t in one item")
				}
				tSeen[n] = true
				inT = true
			case inT:
				return fallbackf("sharedStrings.xml: markup inside t")
			}
		case xml.CharData:
			if inT {
				cur.Write(e)
			}
		case xml.EndElement:
			n := len(stack)
			if n == 0 {
				return fallbackf("sharedStrings.xml: unbalanced")
			}
			if n == 2 && stack[1] == "si" {
				s := cur.String()
				if strings.Contains(s, "_x") {
					return fallbackf("shared string with an _x escape")
				}
				b.sst = append(b.sst, s)
			}
			inT = false
			stack = stack[:n-1]
		}
		return nil
	})
}

// readStyles reads numFmts and cellXfs of styles.xml. Only those two
// sections are tokenized when they can be cut out of the bytes safely (no
// comments, CDATA, DTD or prefixed names); fonts, fills, borders and the
// rest are skipped unread.
func (b *leanBook) readStyles() error {
	b.styled = true
	b.fmtCode = map[int]string{}
	rc, err := b.open(stylesPart)
	if err != nil || rc == nil {
		return err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		var fb errFallback
		if errors.As(err, &fb) {
			return fb
		}
		return fallbackf("%s: %v", stylesPart, err)
	}
	if bytes.Contains(data, []byte("<!")) || bytes.Contains(data, []byte(nsStrict)) || !utf8Declared(data) {
		return b.readStylesTokens()
	}
	for _, section := range []string{"numFmts", "cellXfs", "fonts"} {
		open, end := []byte("<"+section), []byte("</"+section+">")
		i := bytes.Index(data, open)
		if i < 0 {
			if bytes.Contains(data, []byte(section)) {
				return b.readStylesTokens()
			}
			continue
		}
		j := bytes.Index(data[i:], end)
		if j < 0 || bytes.Count(data, open) != 1 {
			return b.readStylesTokens()
		}
		if err := b.styleTokens(xml.NewDecoder(bytes.NewReader(data[i:i+j+len(end)])), 1, section); err != nil {
			return err
		}
	}
	return nil
}

// utf8Declared reports an XML declaration that names no encoding or UTF-8.
func utf8Declared(data []byte) bool {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return !bytes.HasPrefix(data, []byte("<?"))
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return false
	}
	enc := procEncoding(data[:end])
	return enc == "" || strings.EqualFold(enc, "utf-8")
}

// readStylesTokens reads styles.xml whole, token by token.
func (b *leanBook) readStylesTokens() error {
	b.fmtCode = map[int]string{}
	b.xfFmt, b.xfFont, b.fontName = nil, nil, nil
	depth := 0
	section := ""
	return b.tokens(stylesPart, false, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 2:
				section = e.Name.Local
			case 3, 4:
				return b.styleElement(section, depth-1, e)
			}
		case xml.EndElement:
			depth--
		}
		return nil
	})
}

// styleTokens reads one section cut out of styles.xml (its element at
// depth 1 of d).
func (b *leanBook) styleTokens(d *xml.Decoder, _ int, section string) error {
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fallbackf("%s: %v", stylesPart, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if depth != 2 && depth != 3 {
				continue
			}
			if err := b.styleElement(section, depth, e); err != nil {
				return err
			}
		case xml.EndElement:
			depth--
		}
	}
}

// styleElement notes a numFmt of numFmts, an xf of cellXfs or a font of
// fonts and its name; depth is 2 for the section's children.
func (b *leanBook) styleElement(section string, depth int, e xml.StartElement) error {
	switch {
	case depth == 3:
		if section == "fonts" && e.Name.Local == "name" && len(b.fontName) > 0 {
			b.fontName[len(b.fontName)-1], _ = attr(e, "val")
		}
	case section == "fonts" && e.Name.Local == "font":
		b.fontName = append(b.fontName, "")
	case section == "numFmts" && e.Name.Local == "numFmt":
		idText, _ := attr(e, "numFmtId")
		id, err := strconv.Atoi(idText)
		if err != nil {
			return fallbackf("styles.xml: numFmtId %q", idText)
		}
		if _, dup := b.fmtCode[id]; dup {
			return fallbackf("styles.xml: numFmt %d twice", id)
		}
		b.fmtCode[id], _ = attr(e, "formatCode")
	case section == "cellXfs" && e.Name.Local == "xf":
		id := -1
		if idText, ok := attr(e, "numFmtId"); ok {
			n, err := strconv.Atoi(idText)
			if err != nil {
				return fallbackf("styles.xml: numFmtId %q", idText)
			}
			id = n
		}
		b.xfFmt = append(b.xfFmt, id)
		font := 0
		if idText, ok := attr(e, "fontId"); ok {
			n, err := strconv.Atoi(idText)
			if err != nil {
				return fallbackf("styles.xml: fontId %q", idText)
			}
			font = n
		}
		b.xfFont = append(b.xfFont, font)
	}
	return nil
}

func (b *leanBook) fail(reason string) {
	if b.fallback == "" {
		b.fallback = reason
	}
}

func (b *leanBook) sheets() []sheetEntry { return b.list }

func (b *leanBook) modified() string { return b.core }

func (b *leanBook) calc(sheet, ref string) (string, error) {
	b.fail(sheet + "!" + ref + ": formula without a saved value")
	return "", errors.New("lean reader does not calculate")
}

// cell finds a cell's metadata; ok false when the cell is not in the sheet.
func (b *leanBook) cell(sheet, ref string) (*leanSheet, leanCell, int, int, bool) {
	s := b.sheet(sheet)
	if s == nil {
		return nil, leanCell{}, 0, 0, false
	}
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		b.fail("bad reference " + ref)
		return nil, leanCell{}, 0, 0, false
	}
	col, row = col-1, row-1
	if row >= len(s.meta) || col >= len(s.meta[row]) {
		return s, leanCell{}, row, col, false
	}
	return s, s.meta[row][col], row, col, true
}

func (b *leanBook) cellType(sheet, ref string) excelize.CellType {
	_, c, _, _, _ := b.cell(sheet, ref)
	return c.typ
}

func (b *leanBook) formula(sheet, ref string) string {
	_, c, _, _, _ := b.cell(sheet, ref)
	if c.formula {
		// The only use of the formula text is for a cell without a value,
		// which excelize computes.
		b.fail(sheet + "!" + ref + ": formula without a saved value")
		return "=?"
	}
	return ""
}

// style is the cellXfs index of a cell as excelize's GetCellStyle finds
// it (the cell's, else its row's, else its column's), with the style sheet
// read; ok is false when it cannot be read, or when the cell has style 0
// and zero is false.
func (b *leanBook) style(sheet, ref string, zero bool) (int, bool) {
	s, c, row, col, _ := b.cell(sheet, ref)
	if s == nil {
		return 0, false
	}
	style := int(c.style)
	if style == 0 {
		style = s.rowStyle[row]
	}
	if style == 0 {
		for _, cl := range s.cols {
			if cl.min <= col+1 && col+1 <= cl.max && cl.style != 0 {
				style = cl.style
				break
			}
		}
	}
	if style == 0 && !zero {
		return 0, false
	}
	if !b.styled {
		if err := b.readStyles(); err != nil {
			b.fail(err.Error())
			return 0, false
		}
	}
	return style, true
}

func (b *leanBook) isPercent(sheet, ref string) bool {
	style, ok := b.style(sheet, ref, false)
	if !ok || style < 0 || style >= len(b.xfFmt) {
		return false
	}
	id := b.xfFmt[style]
	if id < 0 {
		return false
	}
	return percentFormat(id, b.fmtCode[id])
}

func (b *leanBook) font(sheet, ref string) string {
	style, ok := b.style(sheet, ref, true)
	if !ok || style < 0 || style >= len(b.xfFont) {
		return ""
	}
	if id := b.xfFont[style]; 0 <= id && id < len(b.fontName) {
		return b.fontName[id]
	}
	return ""
}

func (b *leanBook) rows(sheet string) ([][]string, error) {
	s := b.sheet(sheet)
	if s == nil {
		return nil, errors.New("lean reader gave up")
	}
	return s.rows, nil
}

// head parses only as far as row n; a sheet that ends before is kept
// whole, as rows would read it.
func (b *leanBook) head(sheet string, n int) ([][]string, error) {
	if b.cur != nil && b.cur.name == sheet {
		return b.cur.rows[:min(n, len(b.cur.rows))], nil
	}
	if b.fallback != "" {
		return nil, errors.New("lean reader gave up")
	}
	s, err := b.parseSheet(sheet, n)
	if err != nil {
		b.fail(err.Error())
		return nil, errors.New("lean reader gave up")
	}
	if s.complete {
		b.cur = s
	}
	return s.rows[:min(n, len(s.rows))], nil
}

// sheet returns the parsed sheet, parsing it if it is not the last one.
func (b *leanBook) sheet(name string) *leanSheet {
	if b.cur != nil && b.cur.name == name {
		return b.cur
	}
	if b.fallback != "" {
		return nil
	}
	s, err := b.parseSheet(name, -1)
	if err != nil {
		b.fail(err.Error())
		return nil
	}
	b.cur = s
	return s
}

// errStop ends a sheet's parse at the row limit.
var errStop = errors.New("row limit")

// parseSheet reads a worksheet's cols and sheetData as excelize's GetRows
// and cell getters see them; with limit >= 0, it stops at the first row at
// or past index limit (complete is then false).
func (b *leanBook) parseSheet(name string, limit int) (*leanSheet, error) {
	part, ok := b.paths[name]
	if !ok {
		return nil, fallbackf("no sheet %q", name)
	}
	s := &leanSheet{name: name, rowStyle: map[int]int{}}
	var (
		stack             []string
		row               = -1 // current row index, -1 outside a row
		lastRow           = -1
		cells             []string
		meta              []leanCell
		lastCol           = -1
		c                 leanCell
		cRef, cT, cV      string
		hasV, hasF, hasIS bool
		isText            strings.Builder
		inIS, inV, inIST  bool
		cellCol           int
		sstLoaded         bool
	)
	endRow := func() {
		if len(cells) > 0 {
			for len(s.rows) < row {
				s.rows = append(s.rows, nil)
				s.meta = append(s.meta, nil)
			}
			s.rows = append(s.rows, cells)
			s.meta = append(s.meta, meta)
		}
		cells, meta = nil, nil
	}
	err := b.tokens(part, true, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			n := len(stack)
			local := e.Name.Local
			switch {
			case n == 3 && stack[1] == "cols" && local == "col":
				mn, _ := attr(e, "min")
				mx, _ := attr(e, "max")
				st, _ := attr(e, "style")
				var cl leanCol
				var err1, err2, err3 error
				cl.min, err1 = strconv.Atoi(mn)
				cl.max, err2 = strconv.Atoi(mx)
				if st != "" {
					cl.style, err3 = strconv.Atoi(st)
				}
				if err1 != nil || err2 != nil || err3 != nil {
					return fallbackf("%s: col %q %q %q", name, mn, mx, st)
				}
				s.cols = append(s.cols, cl)
			case n == 3 && stack[1] == "sheetData" && local == "row":
				r := lastRow + 1
				if v, ok := attr(e, "r"); ok {
					num, err := strconv.Atoi(v)
					if err != nil || num < 1 || num > excelize.TotalRows {
						return fallbackf("%s: row %q", name, v)
					}
					r = num - 1
				}
				if r <= lastRow {
					return fallbackf("%s: row %d out of order", name, r+1)
				}
				if limit >= 0 && r >= limit {
					return errStop
				}
				row, lastRow, lastCol, cellCol = r, r, -1, 0
				if v, ok := attr(e, "s"); ok {
					st, err := strconv.Atoi(v)
					if err != nil {
						return fallbackf("%s: row style %q", name, v)
					}
					if st != 0 {
						s.rowStyle[r] = st
					}
				}
			case n == 4 && stack[2] == "row" && local == "c":
				c = leanCell{}
				cRef, cT, cV = "", "", ""
				hasV, hasF, hasIS = false, false, false
				isText.Reset()
				for _, a := range e.Attr {
					switch a.Name.Local {
					case "r":
						cRef = a.Value
					case "t":
						cT = a.Value
					case "s":
						st, err := strconv.ParseInt(a.Value, 10, 32)
						if err != nil {
							return fallbackf("%s: cell style %q", name, a.Value)
						}
						c.style = int32(st)
					}
				}
				typ, known := leanTypes[cT]
				if !known {
					return fallbackf("%s: cell type %q", name, cT)
				}
				c.typ = typ
				cellCol++
				if cRef != "" {
					col, r, err := excelize.CellNameToCoordinates(cRef)
					if err != nil || r-1 != row {
						return fallbackf("%s: cell %q in row %d", name, cRef, row+1)
					}
					cellCol = col
				}
				if cellCol-1 <= lastCol {
					return fallbackf("%s: cell %q out of order", name, cRef)
				}
				lastCol = cellCol - 1
			case n == 5 && stack[3] == "c":
				switch local {
				case "v":
					if hasV {
						return fallbackf("%s: two values in a cell", name)
					}
					hasV, inV = true, true
				case "f":
					hasF = true
				case "is":
					if hasIS {
						return fallbackf("%s: two inline strings in a cell", name)
					}
					inIS, hasIS = true, true
				}
			case inIS && local == "t" && (n == 6 || n == 7 && stack[5] == "r"):
				inIST = true
			case n >= 5 && stack[3] == "c" && (stack[4] == "v" || stack[4] == "f"):
				return fallbackf("%s: markup inside a cell value", name)
			}
		case xml.CharData:
			switch {
			case inV:
				cV += string(e)
			case inIST:
				isText.Write(e)
			}
		case xml.EndElement:
			n := len(stack)
			if n == 0 {
				return fallbackf("%s: unbalanced", name)
			}
			switch {
			case n == 5 && stack[4] == "v":
				inV = false
			case n == 5 && stack[4] == "is":
				inIS = false
			case inIST && stack[n-1] == "t":
				inIST = false
			case n == 4 && stack[3] == "c":
				val := cV
				switch cT {
				case "s":
					if cV != "" {
						if !sstLoaded {
							if err := b.readSST(); err != nil {
								return err
							}
							sstLoaded = true
						}
						i, err := strconv.Atoi(strings.TrimSpace(cV))
						if err != nil || i < 0 || i >= len(b.sst) {
							return fallbackf("%s: shared string %q", name, cV)
						}
						val = b.sst[i]
					}
				case "inlineStr":
					if hasIS {
						val = isText.String()
						if strings.Contains(val, "_x") {
							return fallbackf("%s: inline string with an _x escape", name)
						}
					}
				}
				c.formula = hasF
				// As GetRows: a cell with no value and no formula is left
				// out (the sheet reader never asks about such a cell).
				if val != "" || hasF {
					for len(cells) < cellCol-1 {
						cells = append(cells, "")
						meta = append(meta, leanCell{})
					}
					cells = append(cells, val)
					meta = append(meta, c)
				}
			case n == 3 && stack[2] == "row":
				endRow()
				row = -1
			}
			stack = stack[:n-1]
		}
		return nil
	})
	switch {
	case err == errStop:
	case err != nil:
		return nil, err
	default:
		s.complete = true
	}
	return s, nil
}
