package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteSummary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tong-hop.xlsx")
	o := Options{Now: fixtureNow, Inputs: []string{"samples/2002-H1", "samples/2003-H1"}}
	if err := WriteSummary(path, fixture(), o); err != nil {
		t.Fatal(err)
	}
	dump, err := DumpWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "summary_vi.golden", []byte(dump))
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the summary: %v", len(entries), entries)
	}

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !IsSummary(f) {
		t.Error("IsSummary is false for a summary")
	}
	props, _ := f.GetCustomProps()
	if len(props) != 1 || props[0].Name != "chitieu" || props[0].Value != "summary" {
		t.Errorf("custom properties %v", props)
	}
	doc, _ := f.GetDocProps()
	if doc.Creator != "chitieu" || doc.Title != "Tổng hợp chỉ tiêu Quận 11" || doc.Created != "2003-09-15T08:30:00Z" {
		t.Errorf("document properties %+v", doc)
	}
	// Each problem with a file links to its cell, relative to the summary.
	if ok, target, err := f.GetCellHyperLink("Vấn đề", "B2"); !ok || err != nil || !strings.HasSuffix(target, "2003-H1/P03.xlsx#'Báo cáo'!D9") {
		t.Errorf("Vấn đề!B2 link = %v %q %v", ok, target, err)
	}
	if got := strings.Join(f.GetSheetList(), "|"); got != "Tổng hợp|Nhiệm kỳ|Theo phường|Vấn đề|Nguồn|Biểu đồ" {
		t.Errorf("sheets %s", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d", f.GetActiveSheetIndex())
	}
	for sheet, want := range map[string]excelize.Panes{
		"Tổng hợp":    {Freeze: true, XSplit: 1, YSplit: 8, TopLeftCell: "B9"},
		"Theo phường": {Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2"},
		"Vấn đề":      {Freeze: true, YSplit: 1, TopLeftCell: "A2"},
	} {
		p, err := f.GetPanes(sheet)
		if err != nil || p.Freeze != want.Freeze || p.XSplit != want.XSplit || p.YSplit != want.YSplit || p.TopLeftCell != want.TopLeftCell {
			t.Errorf("%s panes %+v, want %+v (%v)", sheet, p, want, err)
		}
	}

	// Row 19 of Tổng hợp is the growth: 11.94 % in 2002-H1 (not met, red),
	// 12.97 % in 2003-H1 (met, green). Theo phường row 7 is Phường 2 in
	// 2003-H1: growth 11.96 % in N7 needs two decimals, and is red.
	cells := []struct {
		sheet, cell, value, numFmt, fill string
		bold                             bool
	}{
		{"Tổng hợp", "A19", "Tăng trưởng thương mại - dịch vụ", "", "", false},
		{"Tổng hợp", "C19", "11.9402985074626", "0.0", "", false},
		{"Tổng hợp", "F19", "Chưa đạt", "", fillNotMet, false},
		{"Tổng hợp", "G19", "Đạt", "", fillMet, false},
		{"Tổng hợp", "F15", "Thiếu số liệu", "", fillNoData, false},
		{"Tổng hợp", "C9", "5000", "#,##0", "", false},
		{"Tổng hợp", "A8", "Chỉ tiêu", "", fillHeader, true},
		{"Theo phường", "N7", "11.9599999999999", "0.00", fillNotMet, false},
		{"Theo phường", "M8", "0.21", "0.00", fillMet, false},
		{"Theo phường", "B9", "Toàn quận", "", "", true},
		// Drug cases: no ward reported them; the empty cell is grey.
		{"Theo phường", "I7", "", "", fillNoData, false},
	}
	for _, c := range cells {
		v, _ := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		id, _ := f.GetCellStyle(c.sheet, c.cell)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		numFmt, fill, bold := "", "", st.Font != nil && st.Font.Bold
		if st.CustomNumFmt != nil {
			numFmt = *st.CustomNumFmt
		}
		if len(st.Fill.Color) > 0 {
			fill = st.Fill.Color[0]
		}
		if v != c.value || numFmt != c.numFmt || !strings.EqualFold(fill, c.fill) || bold != c.bold {
			t.Errorf("%s!%s = %q, format %q, fill %q, bold %v; want %q, %q, %q, %v",
				c.sheet, c.cell, v, numFmt, fill, bold, c.value, c.numFmt, c.fill, c.bold)
		}
	}
	if w, _ := f.GetColWidth("Tổng hợp", "A"); w < 40 {
		t.Errorf("column A is %v wide, too narrow for the labels", w)
	}
}

func TestWriteSummaryEnglish(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.xlsx")
	if err := WriteSummary(path, fixture(), Options{Lang: "en", Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Summary|Term|By ward|Problems|Sources|Charts" {
		t.Errorf("sheets %s", got)
	}
	if v, _ := f.GetCellValue("Summary", "A4"); v != "Date made: 15/09/2003" {
		t.Errorf("A4 = %q", v)
	}
	if v, _ := f.GetCellValue("Summary", "F19"); v != "not met" {
		t.Errorf("F19 = %q", v)
	}
}

func TestWriteSummaryTextIsNotFormula(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if err := WriteSummary(path, formulaResult(), Options{Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Theo phường row 2 is the ward: its name is text, not a formula.
	formula, _ := f.GetCellFormula("Theo phường", "B2")
	value, _ := f.GetCellValue("Theo phường", "B2")
	if formula != "" || value != `=HYPERLINK("http://x","P1")` {
		t.Errorf("B2: formula %q, value %q", formula, value)
	}
}

func TestWriteSummaryFailure(t *testing.T) {
	dir := t.TempDir()
	// The target is a folder: the rename fails, and nothing is left behind.
	target := filepath.Join(dir, "tong-hop.xlsx")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummary(target, fixture(), Options{}); err == nil {
		t.Error("no error writing over a folder")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteSummary(filepath.Join(dir, "missing", "x.xlsx"), fixture(), Options{}); err == nil {
		t.Error("no error writing into a missing folder")
	}
}

func TestIsSummary(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if IsSummary(f) || IsSummary(nil) {
		t.Error("IsSummary is true for a workbook chitieu did not write")
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: "chitieu", Value: "template"}); err != nil {
		t.Fatal(err)
	}
	if IsSummary(f) {
		t.Error("IsSummary is true for another chitieu mark")
	}
}

func TestWriteSummaryEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if err := WriteSummary(path, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	dump, err := DumpWorkbook(path)
	if err != nil || !strings.Contains(dump, "Vấn đề!A2 = Không có vấn đề nào.\n") {
		t.Errorf("empty summary: %v\n%s", err, dump)
	}
}
