package report

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"chitieu/internal/ziptest"
	"chitieu/sheets"
)

// TestSplicedSameAsDirect writes the same cells with excelize's cell
// functions and through writeSpliced, and requires them read back alike
// (strings are inline when spliced, shared when direct): floats beyond 15
// digits, styles, heights. Text must read back as written, with what XML
// cannot hold as U+FFFD and cut to 32,767 characters: text that XML must
// escape, edge spaces, and text that looks like an OOXML escape
// (excelize's direct path reads "_x0041_" back as "A": not compared).
func TestSplicedSameAsDirect(t *testing.T) {
	texts := []string{
		"Phường Bến Nghé", " lề trái", "lề phải ", "\tTab", "dòng 1\ndòng 2", "CR\r\nLF",
		"a & b < c > d \" ' e", "_x0041_", "_x005F_x0041_", "x_x00zz_", "_xD800_",
		"bell\x07", "bad \xff byte", "nul\x00", "\uFFFE", "😀 ngoài BMP",
		strings.Repeat("ư", 40000), strings.Repeat("😀", 20000), "",
	}
	floats := []float64{0.1 + 0.2, 1e20, 123456789012345678, math.Copysign(0, -1), 1e-7, 2.5e-12,
		math.MaxFloat64, math.Inf(1), math.NaN(), 12.345678901234567, -987654.321}
	fill := func(out sheets.Cells, style int) {
		for i, text := range texts {
			must(t, out.SetStr(1, i+2, text))
			must(t, out.SetStyle(3, i+2, style))
			must(t, out.SetStr(4, i+2, texts[0])) // the same string again
		}
		for i, v := range floats {
			must(t, out.SetFloat(2, i+2, v))
		}
		must(t, out.SetHeight(2, 30))
		must(t, out.SetStr(28, 40, "AB40"))
	}
	// The spliced sheet's strings go into the shared strings when the
	// workbook has them (the direct sheet's), else inline.
	for _, shared := range []bool{true, false} {
		dir := t.TempDir()
		splicedPath, directPath := filepath.Join(dir, "spliced.xlsx"), filepath.Join(dir, "direct.xlsx")
		f := excelize.NewFile()
		must(t, newSheets(f, []string{"direct", "spliced"}))
		style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		must(t, err)
		s := &sheets.Streamed{File: f, Sheet: "spliced", Spliced: true}
		fill(s, style)
		if shared {
			fill(sheets.Direct{File: f, Sheet: "direct"}, style)
		} else {
			g := excelize.NewFile()
			must(t, newSheets(g, []string{"direct"}))
			gStyle, err := g.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
			must(t, err)
			fill(sheets.Direct{File: g, Sheet: "direct"}, gStyle)
			must(t, Save(g, directPath))
			g.Close()
		}
		must(t, save(f, splicedPath, []*sheets.Streamed{s}))
		f.Close()
		back, want := openWorkbook(t, splicedPath), openWorkbook(t, splicedPath)
		if !shared {
			want = openWorkbook(t, directPath)
		}
		for i, text := range texts {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			got, err := back.GetCellValue("spliced", cell)
			must(t, err)
			if want := readableText(text); got != want {
				t.Errorf("shared %v: %s: %q read back as %q, want %q", shared, cell, clip(text), clip(got), clip(want))
			}
		}
		for r := 1; r <= 40; r++ {
			for c := 2; c <= 28; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				if got, want := cellState(t, back, "spliced", cell), cellState(t, want, "direct", cell); got != want {
					t.Errorf("shared %v: %s: spliced %s, direct %s", shared, cell, clip(got), clip(want))
				}
			}
			wantHeight, _ := want.GetRowHeight("direct", r)
			if got, _ := back.GetRowHeight("spliced", r); got != wantHeight {
				t.Errorf("shared %v: row %d: height %v, direct %v", shared, r, got, wantHeight)
			}
		}
		if got := sheetDimension(t, splicedPath, "xl/worksheets/sheet2.xml"); got != "A2:AB40" {
			t.Errorf("shared %v: dimension %q, want A2:AB40", shared, got)
		}
		sheetXML := string(ziptest.Part(t, splicedPath, "xl/worksheets/sheet2.xml"))
		if got := strings.Contains(sheetXML, `t="s"`); got != shared {
			t.Errorf("shared %v: the spliced sheet refers to shared strings: %v", shared, got)
		}
		if shared {
			sst := string(ziptest.Part(t, splicedPath, "xl/sharedStrings.xml"))
			items := strings.Count(sst, "<si>")
			if unique := fmt.Sprintf(`uniqueCount="%d"`, items); !strings.Contains(sst, unique) {
				t.Errorf("shared strings: %d items, want %s", items, unique)
			}
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func cellState(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if typ == excelize.CellTypeSharedString {
		typ = excelize.CellTypeInlineString
	}
	return fmt.Sprintf("%q type %v style %d", v, typ, style)
}

// readableText is text as a workbook can hold it: characters XML 1.0
// cannot hold become U+FFFD, and it is cut to 32,767 UTF-16 units.
func readableText(text string) string {
	var b strings.Builder
	units := 0
	for _, r := range text {
		if !(r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000) {
			r = '\uFFFD'
		}
		if units += len(utf16.Encode([]rune{r})); units > excelize.TotalCellChars {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 120 {
		return s[:60] + "..." + s[len(s)-60:]
	}
	return s
}

// sheetDimension is the dimension ref of a worksheet part of the package.
func sheetDimension(t *testing.T, path, part string) string {
	t.Helper()
	_, after, ok := strings.Cut(string(ziptest.Part(t, path, part)), `<dimension ref="`)
	ref, _, _ := strings.Cut(after, `"`)
	if !ok {
		return ""
	}
	return ref
}
