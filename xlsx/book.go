// Package xlsx is the fast reader of .xlsx workbooks (the lean reader):
// Open reads the workbook list, the document properties and the shared
// strings, and a Book gives each sheet's cells, types, formats and fonts
// exactly as excelize would, reading only the parts that needs, or gives
// up with a reason (Fallback), and the caller reads the file with excelize:
// OpenExcel, whose Excel has the same getters (excel.go). Package ingest
// finds the report table in what either gives; package xls is the reader
// of the older .xls format.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"chitieu/ooxml"

	"github.com/xuri/excelize/v2"
)

// The lean reader: archive/zip and the gosax tokenizer (sax.go) over
// only the parts ingest needs (workbook.xml and its relationships,
// sharedStrings.xml, the numFmts, fonts and cellXfs of styles.xml,
// docProps/core.xml and custom.xml, and the sheet XML). It produces exactly
// what excelize gives, or gives up with a reason (an error from Open, or
// Book.Fallback set while reading), and the file is then read with
// excelize. It gives up on anything it does not mirror exactly: XML that
// encoding/xml would refuse (sax.go checks what gosax does not),
// strict OOXML, non-UTF-8 encodings, DTDs, unusual part names, rows or
// cells out of order, shared-string escapes (_x000D_), unknown cell types,
// formulas without a saved value (excelize computes those), parts over the
// size limits.
//
// Profile (2,000 ward workbooks, before gosax): encoding/xml RawToken was
// 60% of the CPU time (getc, names, one allocation per token), inflating
// 12%, the garbage collector most of the rest.

// leanPartLimit caps the bytes inflated from one part (a zip bomb must not
// exhaust memory); a larger part is left to excelize, which spills big
// parts to temporary files. leanTotalLimit caps the declared total.
const (
	leanPartLimit  = PartLimit
	leanTotalLimit = TotalLimit
)

// Limits that keep a hostile file (a zip bomb) from exhausting memory: the
// bytes inflated from one XML part, and the declared size of all parts.
// ingest gives excelize the same limits.
const (
	PartLimit  = 64 << 20
	TotalLimit = 1 << 30
)

// Sheet is one sheet of the workbook list.
type Sheet struct {
	Name   string
	Hidden bool
}

const (
	nsStrict = "purl.oclc.org/ooxml"
)

// errFallback is a reason to read the file with excelize.
type errFallback string

func (e errFallback) Error() string { return string(e) }

func fallbackf(format string, args ...any) error { return errFallback(fmt.Sprintf(format, args...)) }

// Book is a workbook opened by the lean reader. Its getters answer as
// excelize's do (GetRows with RawCellValue, GetCellType, GetCellFormula,
// the cell's style); once Fallback is set, the answers are not to be used
// and the file must be read with excelize.
type Book struct {
	zr      *zip.Reader
	data    []byte // the file
	parts   map[string]*zip.File
	list    []Sheet
	paths   map[string]string // sheet name -> part
	sst     []string
	sstRead bool
	leanStyles
	styled   bool
	core     string
	custom   map[string]string
	fallback string // why the file must be read with excelize, once known

	cur *leanSheet // the sheet read last
}

// leanStyles is what the lean reader takes from styles.xml. Never
// modified once read: books with the same styles.xml share it.
type leanStyles struct {
	xfFmt    []int // cellXfs index -> numFmtId (-1 when absent)
	xfFont   []int // cellXfs index -> fontId
	fontName []string
	fmtCode  map[int]string
}

type leanSheet struct {
	name     string
	complete bool // false when parsing stopped at a row limit
	limit    int  // when not complete: the rows before this index are whole
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
func Open(data []byte) (*Book, error) {
	zr, err := zip.NewReader(memData(data), int64(len(data)))
	if err != nil {
		return nil, fallbackf("zip: %v", err)
	}
	zr.RegisterDecompressor(zip.Deflate, inflate)
	b := &Book{zr: zr, data: data, parts: map[string]*zip.File{}, paths: map[string]string{}, custom: map[string]string{}}
	var total uint64
	for _, f := range zr.File {
		if strings.Contains(f.Name, "\\") || strings.EqualFold(f.Name, ooxml.SharedStringsPart) && f.Name != ooxml.SharedStringsPart ||
			strings.EqualFold(f.Name, ooxml.ContentTypesPart) && f.Name != ooxml.ContentTypesPart {
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
	rels, err := b.readRels(ooxml.WorkbookRelsPart)
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
	// Nothing is taken from [Content_Types].xml, but excelize reads the
	// sheets otherwise when it is damaged (fuzzing found one that fails its
	// checksum): it must inflate and tokenize cleanly.
	_, err = remember(b, &contentTypesMemo, ooxml.ContentTypesPart, func() (struct{}, error) {
		return struct{}{}, b.scan(ooxml.ContentTypesPart, rootName{nsContentTypes, "Types"}, false, func(*saxEvent) error { return nil })
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// open returns a reader over one part, capped at leanPartLimit bytes, or
// nil when the part is absent.
func (b *Book) open(name string) (io.ReadCloser, error) {
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

// scan walks a part's XML with the gosax scanner (sax.go), calling fn
// for each start, end and text event. The root element must not be in the
// strict OOXML namespace, and no DTD or processing instruction other than
// a UTF-8 XML declaration may appear; anything encoding/xml's RawToken
// would refuse is refused.
func (b *Book) scan(name string, root rootName, required bool, fn func(*saxEvent) error) error {
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
	return scanReader(name, root, rc, fn)
}

func scanReader(name string, root rootName, r io.Reader, fn func(*saxEvent) error) error {
	s := newSaxScanner(name, root, r)
	defer s.release()
	for {
		e, err := s.next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		if err := fn(e); err != nil {
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

// readRootRels requires the main document at xl/workbook.xml, where
// excelize also looks.
func (b *Book) readRootRels() error {
	_, err := remember(b, &rootRelsMemo, ooxml.RootRelsPart, func() (struct{}, error) {
		return struct{}{}, b.readRootRelsPart()
	})
	return err
}

func (b *Book) readRootRelsPart() error {
	found := false
	err := b.scan(ooxml.RootRelsPart, rootName{nsPackageRels, "Relationships"}, false, func(e *saxEvent) error {
		if e.kind == saxStart && string(e.local) == "Relationship" {
			if typ, _ := e.attr("Type"); typ == ooxml.RelOfficeDocument {
				target, _ := e.attr("Target")
				if strings.TrimPrefix(target, "/") != ooxml.WorkbookPart {
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

// readRels reads a relationships part; the map is shared by the books
// whose part is the same, and never modified.
func (b *Book) readRels(name string) (map[string]leanRel, error) {
	return remember(b, &relsMemo, name, func() (map[string]leanRel, error) { return b.readRelsPart(name) })
}

func (b *Book) readRelsPart(name string) (map[string]leanRel, error) {
	rels := map[string]leanRel{}
	err := b.scan(name, rootName{nsPackageRels, "Relationships"}, true, func(e *saxEvent) error {
		if e.kind == saxStart && string(e.local) == "Relationship" {
			id, _ := e.attr("Id")
			typ, _ := e.attr("Type")
			target, _ := e.attr("Target")
			if mode, _ := e.attr("TargetMode"); mode == "External" {
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

func (b *Book) readWorkbook(rels map[string]leanRel) error {
	for _, rel := range rels {
		p, ok := partOf(rel.target)
		switch {
		case rel.typ == ooxml.RelSharedStrings && (!ok || p != ooxml.SharedStringsPart):
			return fallbackf("shared strings at %s", rel.target)
		case rel.typ == ooxml.RelStyles && (!ok || p != ooxml.StylesPart):
			return fallbackf("styles at %s", rel.target)
		}
	}
	sheets, err := remember(b, &workbookMemo, ooxml.WorkbookPart, b.readWorkbookPart)
	if err != nil {
		return err
	}
	for _, sh := range sheets {
		rel, ok := rels[sh.id]
		if !ok || rel.typ != ooxml.RelWorksheet {
			return fallbackf("sheet %q is no worksheet part", sh.name)
		}
		p, ok := partOf(rel.target)
		if _, exists := b.parts[p]; !ok || !exists {
			return fallbackf("sheet %q at %s", sh.name, rel.target)
		}
		b.paths[sh.name] = p
		b.list = append(b.list, Sheet{Name: sh.name, Hidden: sh.state != "" && sh.state != "visible"})
	}
	if len(b.list) == 0 {
		return fallbackf("no sheets")
	}
	return nil
}

// workbookSheet is a sheet element of xl/workbook.xml.
type workbookSheet struct{ name, state, id string }

// readWorkbookPart reads the sheets of xl/workbook.xml; their names are
// valid and distinct.
func (b *Book) readWorkbookPart() ([]workbookSheet, error) {
	var sheets []workbookSheet
	depth := 0
	seen := map[string]bool{}
	err := b.scan(ooxml.WorkbookPart, rootName{nsMain, "workbook"}, true, func(e *saxEvent) error {
		switch e.kind {
		case saxStart:
			depth++
			if string(e.local) != "sheet" || depth != 3 {
				return nil
			}
			name, _ := e.attr("name")
			state, _ := e.attr("state")
			id, _ := e.attrIn(nsRelationships, "id")
			if !validSheetName(name) {
				return fallbackf("sheet name %q", name)
			}
			key := strings.ToLower(name)
			if seen[key] {
				return fallbackf("sheet name %q twice", name)
			}
			seen[key] = true
			sheets = append(sheets, workbookSheet{name, state, id})
		case saxEnd:
			depth--
		}
		return nil
	})
	return sheets, err
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
func (b *Book) readCore() error {
	depth, in := 0, false
	var text strings.Builder
	return b.scan(ooxml.CorePart, rootName{nsCore, "coreProperties"}, false, func(e *saxEvent) error {
		switch e.kind {
		case saxStart:
			depth++
			if depth == 2 && string(e.local) == "modified" {
				if !e.inNamespace(nsDCTerms) {
					return fallbackf("core.xml: modified in %q", e.space)
				}
				in = true
				text.Reset()
			} else if in {
				return fallbackf("core.xml: markup in modified")
			}
		case saxText:
			if in {
				text.Write(e.text)
			}
		case saxEnd:
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
func (b *Book) readCustom() error {
	depth := 0
	name := ""
	var text strings.Builder
	return b.scan(ooxml.CustomPart, rootName{nsCustom, "Properties"}, false, func(e *saxEvent) error {
		switch e.kind {
		case saxStart:
			depth++
			if depth == 2 && string(e.local) == "property" {
				name, _ = e.attr("name")
				text.Reset()
			}
		case saxText:
			if depth == 3 {
				text.Write(e.text)
			}
		case saxEnd:
			if depth == 2 && name != "" {
				b.custom[name] = text.String()
			}
			depth--
		}
		return nil
	})
}

// readSST reads the shared strings: the t of each si and of its runs
// (phonetic runs excluded), as excelize's xlsxSI.String. The strings are
// slices of one string holding them all.
func (b *Book) readSST() error {
	if b.sstRead {
		return nil
	}
	b.sstRead = true
	var (
		stack       []elem // the open elements
		all         []byte // the text of every item
		spans       []int  // start and end of each item in all
		start       int
		inT         bool
		tInSI, tInR bool // a t already read in the current si, r
	)
	err := b.scan(ooxml.SharedStringsPart, rootName{nsMain, "sst"}, false, func(e *saxEvent) error {
		switch e.kind {
		case saxStart:
			el := elemOf(e.local)
			stack = append(stack, el)
			n := len(stack)
			switch {
			case n == 2 && el == elSI:
				start = len(all)
				tInSI, tInR = false, false
			case n == 3 && stack[1] == elSI && el == elR:
				tInR = false
			case el == elT && (n == 3 && stack[1] == elSI || n == 4 && stack[1] == elSI && stack[2] == elR):
				seen := &tInSI
				if n == 4 {
					seen = &tInR
				}
				if *seen {
					return fallbackf("sharedStrings.xml: two t in one item")
				}
				*seen = true
				inT = true
			case inT:
				return fallbackf("sharedStrings.xml: markup inside t")
			}
		case saxText:
			if inT {
				all = append(all, e.text...)
			}
		case saxEnd:
			n := len(stack)
			if n == 2 && stack[1] == elSI {
				if bytes.Contains(all[start:], []byte("_x")) {
					return fallbackf("shared string with an _x escape")
				}
				spans = append(spans, start, len(all))
			}
			inT = false
			stack = stack[:n-1]
		}
		return nil
	})
	if err != nil {
		return err
	}
	text := string(all)
	b.sst = make([]string, len(spans)/2)
	for i := range b.sst {
		b.sst[i] = text[spans[2*i]:spans[2*i+1]]
	}
	return nil
}

// elem names the elements the lean reader looks for, by local name.
type elem uint8

const (
	elOther elem = iota
	elSI
	elR
	elT
	elCols
	elCol
	elSheetData
	elRow
	elC
	elV
	elF
	elIS
)

func elemOf(local []byte) elem {
	switch string(local) {
	case "si":
		return elSI
	case "r":
		return elR
	case "t":
		return elT
	case "cols":
		return elCols
	case "col":
		return elCol
	case "sheetData":
		return elSheetData
	case "row":
		return elRow
	case "c":
		return elC
	case "v":
		return elV
	case "f":
		return elF
	case "is":
		return elIS
	}
	return elOther
}

// readStyles reads numFmts and cellXfs of styles.xml. Only those two
// sections are tokenized when they can be cut out of the bytes safely (no
// comments, CDATA, DTD or prefixed names); fonts, fills, borders and the
// rest are skipped unread.
func (b *Book) readStyles() error {
	b.styled = true
	var err error
	b.leanStyles, err = remember(b, &stylesMemo, ooxml.StylesPart, func() (leanStyles, error) {
		err := b.readStylesPart()
		return b.leanStyles, err
	})
	return err
}

func (b *Book) readStylesPart() error {
	b.fmtCode = map[int]string{}
	rc, err := b.open(ooxml.StylesPart)
	if err != nil || rc == nil {
		return err
	}
	// io.ReadAll would grow its buffer from 512 bytes: the declared size
	// (capped, and only a hint) sizes it at once.
	buf := styleBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			styleBuffers.Put(buf)
		}
	}()
	buf.Grow(int(min(b.parts[ooxml.StylesPart].UncompressedSize64, leanPartLimit)) + bytes.MinRead)
	_, err = buf.ReadFrom(rc)
	rc.Close()
	data := buf.Bytes()
	if err != nil {
		var fb errFallback
		if errors.As(err, &fb) {
			return fb
		}
		return fallbackf("%s: %v", ooxml.StylesPart, err)
	}
	if bytes.Contains(data, []byte("<!")) || bytes.Contains(data, []byte(nsStrict)) || !utf8Declared(data) {
		return b.readStylesTokens()
	}
	if err := rootOK(ooxml.StylesPart, data, rootName{nsMain, "styleSheet"}); err != nil {
		return err
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
		if err := b.styleTokens(data[i:i+j+len(end)], section); err != nil {
			return err
		}
	}
	return nil
}

// rootOK checks the root element of a part held in data against want, as
// scan does, reading no further.
func rootOK(name string, data []byte, want rootName) error {
	err := scanReader(name, want, bytes.NewReader(data), func(e *saxEvent) error {
		if e.kind == saxStart {
			return errRootRead
		}
		return nil
	})
	if err == errRootRead {
		return nil
	}
	return err
}

var errRootRead = errors.New("root read")

// styleBuffers keeps the buffers styles.xml is read into (nothing read
// from styles.xml points into them).
var styleBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

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
func (b *Book) readStylesTokens() error {
	b.fmtCode = map[int]string{}
	b.xfFmt, b.xfFont, b.fontName = nil, nil, nil
	depth := 0
	section := ""
	return b.scan(ooxml.StylesPart, rootName{nsMain, "styleSheet"}, false, func(e *saxEvent) error {
		switch e.kind {
		case saxStart:
			depth++
			switch depth {
			case 2:
				section = string(e.local)
			case 3, 4:
				return b.styleElement(section, depth-1, e)
			}
		case saxEnd:
			depth--
		}
		return nil
	})
}

// styleTokens reads one section cut out of styles.xml (its element at
// depth 1 of data).
func (b *Book) styleTokens(data []byte, section string) error {
	depth := 0
	return scanReader(ooxml.StylesPart, rootName{}, bytes.NewReader(data), func(e *saxEvent) error {
		switch e.kind {
		case saxStart:
			depth++
			if depth == 2 || depth == 3 {
				return b.styleElement(section, depth, e)
			}
		case saxEnd:
			depth--
		}
		return nil
	})
}

// styleElement notes a numFmt of numFmts, an xf of cellXfs or a font of
// fonts and its name; depth is 2 for the section's children.
func (b *Book) styleElement(section string, depth int, e *saxEvent) error {
	local := string(e.local)
	switch {
	case depth == 3:
		if section == "fonts" && local == "name" && len(b.fontName) > 0 {
			b.fontName[len(b.fontName)-1], _ = e.attr("val")
		}
	case section == "fonts" && local == "font":
		b.fontName = append(b.fontName, "")
	case section == "numFmts" && local == "numFmt":
		idText, _ := e.attr("numFmtId")
		id, err := strconv.Atoi(idText)
		if err != nil {
			return fallbackf("styles.xml: numFmtId %q", idText)
		}
		if _, dup := b.fmtCode[id]; dup {
			return fallbackf("styles.xml: numFmt %d twice", id)
		}
		b.fmtCode[id], _ = e.attr("formatCode")
	case section == "cellXfs" && local == "xf":
		format, err := intAttr(e, "numFmtId", -1)
		if err != nil {
			return err
		}
		font, err := intAttr(e, "fontId", 0)
		if err != nil {
			return err
		}
		b.xfFmt = append(b.xfFmt, format)
		b.xfFont = append(b.xfFont, font)
	}
	return nil
}

// intAttr is a number attribute of a styles.xml element, absent if absent.
func intAttr(e *saxEvent, name string, absent int) (int, error) {
	text, ok := e.attr(name)
	if !ok {
		return absent, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		return 0, fallbackf("styles.xml: %s %q", name, text)
	}
	return n, nil
}

func (b *Book) fail(reason string) {
	if b.fallback == "" {
		b.fallback = reason
	}
}

// Fallback is why the file must be read with excelize instead, "" while
// the lean reader reads it exactly.
func (b *Book) Fallback() string { return b.fallback }

// Custom is the custom document property name (docProps/custom.xml).
func (b *Book) Custom(name string) (value string, ok bool) {
	value, ok = b.custom[name]
	return value, ok
}

// Sheets lists the sheets in workbook order.
func (b *Book) Sheets() []Sheet { return b.list }

// Modified is the document property "modified" as written, "" if none.
func (b *Book) Modified() string { return b.core }

// Calc gives up: a formula without a saved value is left to excelize.
func (b *Book) Calc(sheet, ref string) (string, error) {
	b.fail(sheet + "!" + ref + ": formula without a saved value")
	return "", errors.New("lean reader does not calculate")
}

// cell finds a cell's metadata; ok false when the cell is not in the sheet.
func (b *Book) cell(sheet, ref string) (*leanSheet, leanCell, int, int, bool) {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		b.fail("bad reference " + ref)
		return nil, leanCell{}, 0, 0, false
	}
	col, row = col-1, row-1
	s := b.sheetFor(sheet, row)
	if s == nil {
		return nil, leanCell{}, 0, 0, false
	}
	if row >= len(s.meta) || col >= len(s.meta[row]) {
		return s, leanCell{}, row, col, false
	}
	return s, s.meta[row][col], row, col, true
}

// CellType is the cell's type (its t attribute), as excelize gives it.
func (b *Book) CellType(sheet, ref string) excelize.CellType {
	_, c, _, _, _ := b.cell(sheet, ref)
	return c.typ
}

// Formula is "" for a cell without a formula; a cell with one makes the
// book give up (its saved value was read; one without is excelize's).
func (b *Book) Formula(sheet, ref string) string {
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
func (b *Book) style(sheet, ref string, zero bool) (int, bool) {
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

// IsPercent reports whether the cell's number format shows percent.
func (b *Book) IsPercent(sheet, ref string) bool {
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

// Font is the name of the cell's font, "" if unknown.
func (b *Book) Font(sheet, ref string) string {
	style, ok := b.style(sheet, ref, true)
	if !ok || style < 0 || style >= len(b.xfFont) {
		return ""
	}
	if id := b.xfFont[style]; 0 <= id && id < len(b.fontName) {
		return b.fontName[id]
	}
	return ""
}

// Rows is the sheet's cells as excelize GetRows gives them with
// RawCellValue: raw values, trailing empty cells and rows trimmed.
func (b *Book) Rows(sheet string) ([][]string, error) {
	s := b.sheet(sheet)
	if s == nil {
		return nil, errors.New("lean reader gave up")
	}
	return s.rows, nil
}

// Head is the first n rows of Rows(sheet), parsed only as far as row n;
// a sheet that ends before is kept whole, as Rows would read it. The rows
// parsed stay at hand for the cell
// getters: the font of a cell in the first rows (asked for each cell of
// non-ASCII text, to recognise legacy encodings) must not parse a long
// household list whole.
func (b *Book) Head(sheet string, n int) ([][]string, error) {
	if b.cur != nil && b.cur.name == sheet && (b.cur.complete || n <= b.cur.limit) {
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
	b.cur = s
	return s.rows[:min(n, len(s.rows))], nil
}

// sheetFor returns a parse of the sheet that holds row (0-based) whole:
// the last parse, even one that stopped at a row limit past it, else the
// whole sheet.
func (b *Book) sheetFor(name string, row int) *leanSheet {
	if b.cur != nil && b.cur.name == name && (b.cur.complete || row < b.cur.limit) {
		return b.cur
	}
	return b.sheet(name)
}

// sheet returns the parsed sheet, parsing it whole if it is not the last
// one or the last parse stopped at a row limit.
func (b *Book) sheet(name string) *leanSheet {
	if b.cur != nil && b.cur.name == name && b.cur.complete {
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
// or past index limit (complete is then false). The values of a row that
// are not shared strings are slices of one string per row.
func (b *Book) parseSheet(name string, limit int) (*leanSheet, error) {
	part, ok := b.paths[name]
	if !ok {
		return nil, fallbackf("no sheet %q", name)
	}
	p := &sheetParser{b: b, name: name, limit: limit, row: -1, lastRow: -1, lastCol: -1,
		s: &leanSheet{name: name, rowStyle: map[int]int{}, limit: limit}}
	err := b.scan(part, rootName{nsMain, "worksheet"}, true, p.event)
	switch {
	case err == errStop:
	case err != nil:
		return nil, err
	default:
		p.s.complete = true
	}
	return p.s, nil
}

// sheetParser is the state of one worksheet's parse: the element stack,
// the row and the cell being read. Each event goes to the method for its
// element (col, row, c and its children).
type sheetParser struct {
	b     *Book
	name  string
	limit int
	s     *leanSheet

	stack   []elem
	row     int // current row index, -1 outside a row
	lastRow int
	lastCol int
	width   int // cells of the last row, to size the next

	// the row being read
	cells   []string
	meta    []leanCell
	rowText []byte // the row's values that are no shared strings
	spans   []int  // cell index, start and end in rowText

	// the cell being read
	c                 leanCell
	cT                cellT
	cellCol           int
	cRef, cV, isText  []byte
	hasV, hasF, hasIS bool
	inIS, inV, inIST  bool

	sstLoaded bool
}

func (p *sheetParser) event(e *saxEvent) error {
	switch e.kind {
	case saxStart:
		return p.start(e)
	case saxText:
		switch {
		case p.inV:
			p.cV = append(p.cV, e.text...)
		case p.inIST:
			p.isText = append(p.isText, e.text...)
		}
	case saxEnd:
		return p.end()
	}
	return nil
}

func (p *sheetParser) start(e *saxEvent) error {
	el := elemOf(e.local)
	p.stack = append(p.stack, el)
	stack, n := p.stack, len(p.stack)
	switch {
	case n == 3 && stack[1] == elCols && el == elCol:
		return p.col(e)
	case n == 3 && stack[1] == elSheetData && el == elRow:
		return p.startRow(e)
	case n == 4 && stack[2] == elRow && el == elC:
		return p.startCell(e)
	case n == 5 && stack[3] == elC:
		return p.cellChild(el)
	case p.inIS && el == elT && (n == 6 || n == 7 && stack[5] == elR):
		p.inIST = true
	case n >= 5 && stack[3] == elC && (stack[4] == elV || stack[4] == elF):
		return fallbackf("%s: markup inside a cell value", p.name)
	}
	return nil
}

// col reads a column's style range.
func (p *sheetParser) col(e *saxEvent) error {
	mn, _ := e.attr("min")
	mx, _ := e.attr("max")
	st, _ := e.attr("style")
	var cl leanCol
	var err1, err2, err3 error
	cl.min, err1 = strconv.Atoi(mn)
	cl.max, err2 = strconv.Atoi(mx)
	if st != "" {
		cl.style, err3 = strconv.Atoi(st)
	}
	if err1 != nil || err2 != nil || err3 != nil {
		return fallbackf("%s: col %q %q %q", p.name, mn, mx, st)
	}
	p.s.cols = append(p.s.cols, cl)
	return nil
}

// startRow begins a row: its number (in order, at most excelize's last)
// and its style; errStop at the row limit.
func (p *sheetParser) startRow(e *saxEvent) error {
	r := p.lastRow + 1
	if v, ok := e.attrBytes("r"); ok {
		num, err := atoi(v)
		if err != nil || num < 1 || num > excelize.TotalRows {
			return fallbackf("%s: row %q", p.name, v)
		}
		r = num - 1
	}
	if r <= p.lastRow {
		return fallbackf("%s: row %d out of order", p.name, r+1)
	}
	if p.limit >= 0 && r >= p.limit {
		return errStop
	}
	p.row, p.lastRow, p.lastCol, p.cellCol = r, r, -1, 0
	if v, ok := e.attrBytes("s"); ok {
		st, err := atoi(v)
		if err != nil {
			return fallbackf("%s: row style %q", p.name, v)
		}
		if st != 0 {
			p.s.rowStyle[r] = st
		}
	}
	if p.cells == nil && p.width > 0 {
		p.cells, p.meta = make([]string, 0, p.width), make([]leanCell, 0, p.width)
	}
	return nil
}

// startCell begins a cell: its reference (in order, in its row), type and
// style.
func (p *sheetParser) startCell(e *saxEvent) error {
	p.c = leanCell{}
	p.cT = cellUnset
	p.cRef, p.cV, p.isText = p.cRef[:0], p.cV[:0], p.isText[:0]
	p.hasV, p.hasF, p.hasIS = false, false, false
	tText := "" // an unknown t
	for i := range e.attrs {
		a := &e.attrs[i]
		switch string(a.local) {
		case "r":
			p.cRef = append(p.cRef[:0], e.value(a)...)
		case "t":
			v := e.value(a)
			if p.cT = cellTypeOf(v); p.cT == cellUnknown {
				tText = string(v)
			}
		case "s":
			v := e.value(a)
			st, err := atoi(v)
			if err != nil || st != int(int32(st)) {
				return fallbackf("%s: cell style %q", p.name, v)
			}
			p.c.style = int32(st)
		}
	}
	if p.cT == cellUnknown {
		return fallbackf("%s: cell type %q", p.name, tText)
	}
	p.c.typ = leanCellTypes[p.cT]
	p.cellCol++
	if len(p.cRef) > 0 {
		col, r, err := cellCoordinates(p.cRef)
		if err != nil || r-1 != p.row {
			return fallbackf("%s: cell %q in row %d", p.name, p.cRef, p.row+1)
		}
		p.cellCol = col
	}
	if p.cellCol-1 <= p.lastCol {
		return fallbackf("%s: cell %q out of order", p.name, p.cRef)
	}
	p.lastCol = p.cellCol - 1
	return nil
}

// cellChild begins a cell's value, formula or inline string.
func (p *sheetParser) cellChild(el elem) error {
	switch el {
	case elV:
		if p.hasV {
			return fallbackf("%s: two values in a cell", p.name)
		}
		p.hasV, p.inV = true, true
	case elF:
		p.hasF = true
	case elIS:
		if p.hasIS {
			return fallbackf("%s: two inline strings in a cell", p.name)
		}
		p.inIS, p.hasIS = true, true
	}
	return nil
}

func (p *sheetParser) end() error {
	stack, n := p.stack, len(p.stack)
	switch {
	case n == 5 && stack[4] == elV:
		p.inV = false
	case n == 5 && stack[4] == elIS:
		p.inIS = false
	case p.inIST && stack[n-1] == elT:
		p.inIST = false
	case n == 4 && stack[3] == elC:
		if err := p.endCell(); err != nil {
			return err
		}
	case n == 3 && stack[2] == elRow:
		p.endRow()
		p.row = -1
	}
	p.stack = stack[:n-1]
	return nil
}

// endCell keeps the cell's value (a shared string, inline text, or the
// raw value) as GetRows does.
func (p *sheetParser) endCell() error {
	val, sst := p.cV, ""
	switch p.cT {
	case cellShared:
		if len(p.cV) > 0 {
			if !p.sstLoaded {
				if err := p.b.readSST(); err != nil {
					return err
				}
				p.sstLoaded = true
			}
			i, err := atoi(bytes.TrimSpace(p.cV))
			if err != nil || i < 0 || i >= len(p.b.sst) {
				return fallbackf("%s: shared string %q", p.name, p.cV)
			}
			val, sst = nil, p.b.sst[i]
		}
	case cellInline:
		if p.hasIS {
			val = p.isText
			if bytes.Contains(val, []byte("_x")) {
				return fallbackf("%s: inline string with an _x escape", p.name)
			}
		}
	}
	p.c.formula = p.hasF
	// As GetRows: a cell with no value and no formula is left out (the
	// sheet reader never asks about such a cell).
	if len(val) > 0 || sst != "" || p.hasF {
		for len(p.cells) < p.cellCol-1 {
			p.cells = append(p.cells, "")
			p.meta = append(p.meta, leanCell{})
		}
		if len(val) > 0 {
			p.spans = append(p.spans, len(p.cells), len(p.rowText), len(p.rowText)+len(val))
			p.rowText = append(p.rowText, val...)
		}
		p.cells = append(p.cells, sst)
		p.meta = append(p.meta, p.c)
	}
	return nil
}

// endRow keeps the row, its values that are no shared strings cut from one
// string.
func (p *sheetParser) endRow() {
	s := p.s
	if len(p.cells) > 0 {
		text := string(p.rowText)
		for i := 0; i < len(p.spans); i += 3 {
			p.cells[p.spans[i]] = text[p.spans[i+1]:p.spans[i+2]]
		}
		for len(s.rows) < p.row {
			s.rows = append(s.rows, nil)
			s.meta = append(s.meta, nil)
		}
		s.rows = append(s.rows, p.cells)
		s.meta = append(s.meta, p.meta)
		p.width = len(p.cells)
	}
	p.cells, p.meta = nil, nil
	p.rowText, p.spans = p.rowText[:0], p.spans[:0]
}

// cellT is a cell's t attribute.
type cellT uint8

const (
	cellUnset cellT = iota
	cellBool
	cellDate
	cellNumber
	cellError
	cellShared
	cellFormula
	cellInline
	cellUnknown
)

// leanCellTypes is excelize's cellTypes map over cellT.
var leanCellTypes = [...]excelize.CellType{
	cellUnset: excelize.CellTypeUnset, cellBool: excelize.CellTypeBool, cellDate: excelize.CellTypeDate,
	cellNumber: excelize.CellTypeNumber, cellError: excelize.CellTypeError, cellShared: excelize.CellTypeSharedString,
	cellFormula: excelize.CellTypeFormula, cellInline: excelize.CellTypeInlineString,
}

func cellTypeOf(t []byte) cellT {
	switch string(t) {
	case "":
		return cellUnset
	case "b":
		return cellBool
	case "d":
		return cellDate
	case "n":
		return cellNumber
	case "e":
		return cellError
	case "s":
		return cellShared
	case "str":
		return cellFormula
	case "inlineStr":
		return cellInline
	}
	return cellUnknown
}

// atoi is strconv.Atoi on bytes, without a string for plain digits.
func atoi(b []byte) (int, error) {
	if 0 < len(b) && len(b) <= 9 {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return strconv.Atoi(string(b))
			}
			n = n*10 + int(c-'0')
		}
		return n, nil
	}
	return strconv.Atoi(string(b))
}

// cellCoordinates is excelize.CellNameToCoordinates, without a string for
// a plain reference (A1 to XFD1048576).
func cellCoordinates(ref []byte) (col, row int, err error) {
	i := 0
	for i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || i == len(ref) || ref[i] == '0' || len(ref)-i > 7 {
		return excelize.CellNameToCoordinates(string(ref))
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return excelize.CellNameToCoordinates(string(ref))
		}
		row = row*10 + int(c-'0')
	}
	if col > excelize.MaxColumns || row > excelize.TotalRows {
		return excelize.CellNameToCoordinates(string(ref))
	}
	return col, row, nil
}

// builtinNumFmt reports the number format ids excelize treats as built in
// (its builtInNumFmt table and language formats): for those a custom
// format code of the same id is ignored, and only 9 and 10 are percent.
func builtinNumFmt(id int) bool {
	return 0 <= id && id <= 4 || 9 <= id && id <= 22 || 27 <= id && id <= 62 || 67 <= id && id <= 81
}

// percentFormat is excelize's rule (as Excel.IsPercent applies it) on a
// number format id and the custom format code of that id ("" if none).
func percentFormat(id int, code string) bool {
	if builtinNumFmt(id) {
		return id == 9 || id == 10
	}
	return strings.Contains(code, "%")
}
