package xlsx

import (
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chitieu/internal/ziptest"

	"github.com/xuri/excelize/v2"
)

// corpusDir holds real spreadsheets from many programs, beside the checkout
// in CI; a user's clone does not have it.
const corpusDir = "../../shared/corpus"

// TestFontBothWays: the lean reader names the same font for every cell as
// excelize's style sheet does (legacy text is recognized by it), on the
// Vietnamese corpus, whose files mix Unicode and .VnTime fonts.
func TestFontBothWays(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "vietnamese", "*.xlsx"))
	if len(paths) == 0 {
		t.Skipf("%s is absent: the corpus is beside the checkout only in CI and the workplace", corpusDir)
	}
	for _, path := range paths {
		lean, data := leanFile(t, path)
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		legacyFonts := sameFonts(t, path, lean, f)
		f.Close()
		if lean.Fallback() != "" {
			t.Errorf("%s: lean gave up: %s", path, lean.Fallback())
		}
		t.Logf("%s: %d cells in .Vn fonts", filepath.Base(path), legacyFonts)
	}
}

// sameFonts requires lean to give every text cell of the workbook at path
// the font excel gives it, and counts the cells in .Vn fonts.
func sameFonts(t *testing.T, path string, lean *Book, excel *excelize.File) (legacyFonts int) {
	t.Helper()
	for _, sh := range lean.Sheets() {
		rows, err := lean.Rows(sh.Name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, text := range row {
				if text == "" {
					continue // an empty cell's style is not kept, nor needed
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				l, e := lean.Font(sh.Name, ref), excelFont(excel, sh.Name, ref)
				if l != e {
					t.Fatalf("%s:%s!%s: lean font %q, excelize %q", filepath.Base(path), sh.Name, ref, l, e)
				}
				if strings.HasPrefix(strings.ToLower(l), ".vn") {
					legacyFonts++
				}
			}
		}
	}
	return legacyFonts
}

// excelFont is the font of a cell by excelize's style sheet.
func excelFont(f *excelize.File, sheet, ref string) string {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return ""
	}
	return StyleFont(f, id)
}

// The capped reader stops at the limit even when the size in the zip
// directory lies.
func TestCappedReader(t *testing.T) {
	c := &cappedReader{r: nopCloser{strings.NewReader(strings.Repeat("x", 100))}, left: 10, name: "x"}
	buf := make([]byte, 64)
	n, _ := c.Read(buf)
	if _, err := c.Read(buf); n != 10 || err == nil {
		t.Fatalf("read %d, then %v", n, err)
	}
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }

// FuzzUnescapeXML: text and attribute values are decoded as encoding/xml
// decodes them, or refused where it would refuse them (and then some).
func FuzzUnescapeXML(f *testing.F) {
	for _, s := range []string{"a&amp;b", "&#x1ED9;", "&#0;", "x\r\ny\rz", "]]>", "&#X41;", "\xff", "a<b", "&#13;\n", "&lt&gt;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, attr := range []bool{false, true} {
			got, ok := unescapeXML(nil, []byte(s), attr)
			if attr && ok && !attrValueOK([]byte(s)) {
				ok = false
			}
			doc := "<a>" + s + "</a>"
			if attr {
				doc = `<a v="` + strings.ReplaceAll(s, `"`, "") + `"/>`
				got, ok = unescapeXML(nil, []byte(strings.ReplaceAll(s, `"`, "")), true)
				ok = ok && attrValueOK([]byte(strings.ReplaceAll(s, `"`, "")))
			} else if strings.Contains(s, "<") {
				continue
			}
			want, err := stdDecode(doc, attr)
			if ok && (err != nil || want != string(got)) {
				t.Fatalf("attr %v %q: lean %q, encoding/xml %q %v", attr, s, got, want, err)
			}
		}
	})
}

// stdDecode is what encoding/xml's RawToken reads as the text of <a> or
// its attribute v.
func stdDecode(doc string, attr bool) (string, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var text strings.Builder
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return text.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if attr && len(e.Attr) == 1 {
				return e.Attr[0].Value, nil
			}
		case xml.CharData:
			text.Write(e)
		}
	}
}

// TestLeanHeadCellsStayInHead: the cell getters (the font, asked for every
// cell of non-ASCII text to recognise legacy encodings) on the first rows
// of a long list use the rows head parsed, and never parse the list whole;
// a cell past them does.
func TestLeanHeadCellsStayInHead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "P07.xlsx")
	list := map[string]any{}
	for r := 1; r <= 500; r++ {
		list["A"+strconv.Itoa(r)] = r
		list["B"+strconv.Itoa(r)] = "Hộ " + strconv.Itoa(r)
	}
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "Danh sách"); err != nil {
		t.Fatal(err)
	}
	for ref, v := range list {
		if err := f.SetCellValue("Danh sách", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	b, _ := leanFile(t, path)
	head, err := b.Head("Danh sách", 62)
	if err != nil || len(head) != 62 {
		t.Fatalf("head: %d rows, %v", len(head), err)
	}
	b.Font("Danh sách", "B2")
	b.CellType("Danh sách", "B62")
	if b.cur == nil || b.cur.complete || len(b.cur.rows) != 62 {
		t.Fatal("the cell getters parsed the sheet past its head")
	}
	if b.CellType("Danh sách", "B400") != excelize.CellTypeSharedString || !b.cur.complete {
		t.Fatal("a cell past the head is not read")
	}
	if b.fallback != "" {
		t.Fatal(b.fallback)
	}
}

func patchZip(t *testing.T, path, name string, edit func(string) string) {
	t.Helper()
	ziptest.Patch(t, path, name, edit)
}
