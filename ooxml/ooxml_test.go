package ooxml

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestSheetsOfASample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "samples", "2002", "P01.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.OfficeDocument(); got != WorkbookPart {
		t.Errorf("office document %q", got)
	}
	sheets, err := p.Sheets()
	if err != nil || len(sheets) == 0 {
		t.Fatalf("sheets %v, %v", sheets, err)
	}
	for _, sh := range sheets {
		if _, ok := p.Parts[sh.Part]; !ok || sh.Name == "" {
			t.Errorf("sheet %+v: no part", sh)
		}
	}
}

func TestNames(t *testing.T) {
	for _, c := range [][3]string{
		{"xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
		{"xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
		{"xl/worksheets/sheet1.xml", "../drawings/drawing1.xml", "xl/drawings/drawing1.xml"},
		{"", "xl/workbook.xml", "xl/workbook.xml"},
	} {
		if got := Resolve(c[0], c[1]); got != c[2] {
			t.Errorf("Resolve(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
	if got := RelsPath(WorkbookPart); got != WorkbookRelsPart {
		t.Errorf("RelsPath(%q) = %q", WorkbookPart, got)
	}
	if got := RelsPath(""); got != RootRelsPart {
		t.Errorf("RelsPath(\"\") = %q", got)
	}
}

func TestTotalCellCharsIsExcelizes(t *testing.T) {
	if TotalCellChars != excelize.TotalCellChars {
		t.Errorf("TotalCellChars %d, excelize's %d", TotalCellChars, excelize.TotalCellChars)
	}
}

func TestFormatFloatAndCut(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{0, "0"}, {12.5, "12.5"}, {1.0 / 3, "0.333333333333333"}, {123456789012345678, "123456789012345000"}} {
		if got := FormatFloat(c.v); got != c.want {
			t.Errorf("FormatFloat(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := CutUTF16("Phường 5 😀", 9); got != "Phường 5 " {
		t.Errorf("CutUTF16 = %q", got)
	}
}
