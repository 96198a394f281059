package report

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
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
	f := excelize.NewFile()
	defer f.Close()
	if err := newSheets(f, []string{"direct", "spliced"}); err != nil {
		t.Fatal(err)
	}
	d := direct{f, "direct"}
	s := &streamed{f: f, sheet: "spliced", spliced: true}
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []cells{d, s} {
		for i, text := range texts {
			must(t, out.setStr(1, i+2, text))
			must(t, out.setStyle(3, i+2, style))
		}
		for i, v := range floats {
			must(t, out.setFloat(2, i+2, v))
		}
		must(t, out.setHeight(2, 30))
		must(t, out.setStr(28, 40, "AB40"))
	}
	path := filepath.Join(t.TempDir(), "spliced.xlsx")
	if err := save(f, path, []*streamed{s}); err != nil {
		t.Fatal(err)
	}
	back := openWorkbook(t, path)
	for i, text := range texts {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		got, err := back.GetCellValue("spliced", cell)
		must(t, err)
		if want := readableText(text); got != want {
			t.Errorf("%s: %q read back as %q, want %q", cell, clip(text), clip(got), clip(want))
		}
	}
	for r := 1; r <= 40; r++ {
		for c := 2; c <= 28; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			want := cellState(t, back, "direct", cell)
			if got := cellState(t, back, "spliced", cell); got != want {
				t.Errorf("%s: spliced %s, direct %s", cell, clip(got), clip(want))
			}
		}
		want, _ := back.GetRowHeight("direct", r)
		if got, _ := back.GetRowHeight("spliced", r); got != want {
			t.Errorf("row %d: height %v, direct %v", r, got, want)
		}
	}
	if got := sheetDimension(t, path, "xl/worksheets/sheet2.xml"); got != "A2:AB40" {
		t.Errorf("dimension %q, want A2:AB40", got)
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
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), `<dimension ref="`)
	ref, _, _ := strings.Cut(after, `"`)
	if !ok {
		return ""
	}
	return ref
}
