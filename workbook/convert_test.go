package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"chitieu/ingest"
	"chitieu/legacy"

	"github.com/xuri/excelize/v2"
)

// TestConvertWorkbook: what convert does beyond plain cells (TestConvert
// in the main package covers whole forms): a Unicode sheet in .VnTime left
// alone, formula constants, rich-text runs and their fonts, ASCII in a
// capitals font, every legacy font renamed.
func TestConvertWorkbook(t *testing.T) {
	f := excelize.NewFile()
	style := func(font string) int {
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font}})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	vnTime, vnTimeH := style(".VnTime"), style(".VnTimeH")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "TCVN3"))
	must(f.SetCellStr("TCVN3", "A1", "Tæng sè hé d©n"))
	must(f.SetCellRichText("TCVN3", "A2", []excelize.RichTextRun{
		{Text: "Sè hé", Font: &excelize.Font{Family: ".VnTime", Bold: true}},
		{Text: " 2003", Font: &excelize.Font{Family: ".VnTime"}},
	}))
	must(f.SetCellFormula("TCVN3", "A3", `"Tæng sè "&"hé ""x"""`))
	must(f.SetCellStr("TCVN3", "A4", "ubnd quan 11"))
	must(f.SetCellStyle("TCVN3", "A1", "A3", vnTime))
	must(f.SetCellStyle("TCVN3", "A4", "A4", vnTimeH))
	_, err := f.NewSheet("Unicode")
	must(err)
	must(f.SetCellStr("Unicode", "A1", "BÁO CÁO CHỈ TIÊU KINH TẾ"))
	must(f.SetCellStr("Unicode", "A2", "Tháng 5/2003"))
	must(f.SetCellStyle("Unicode", "A1", "A2", vnTime))
	in := filepath.Join(t.TempDir(), "in.xlsx")
	must(f.SaveAs(in))

	out, conv, err := Convert(in, "")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cells := map[string]string{
		"TCVN3!A1": "Tổng số hộ dân", "TCVN3!A2": "Số hộ 2003", "TCVN3!A4": "UBND QUAN 11",
		"Unicode!A1": "BÁO CÁO CHỈ TIÊU KINH TẾ", "Unicode!A2": "Tháng 5/2003",
	}
	for at, want := range cells {
		sheet, ref, _ := strings.Cut(at, "!")
		if got, _ := out.GetCellValue(sheet, ref); got != want {
			t.Errorf("%s = %q, want %q", at, got, want)
		}
	}
	if got, _ := out.GetCellFormula("TCVN3", "A3"); got != `"Tổng số "&"hộ ""x"""` {
		t.Errorf("formula %s", got)
	}
	runs, _ := out.GetCellRichText("TCVN3", "A2")
	for _, r := range runs {
		if r.Font == nil || r.Font.Family != "Times New Roman" {
			t.Errorf("run %q font %+v", r.Text, r.Font)
		}
	}
	if len(runs) != 2 || !runs[0].Font.Bold {
		t.Errorf("runs %+v", runs)
	}
	saved := filepath.Join(t.TempDir(), "out.xlsx")
	must(out.SaveAs(saved))
	book, err := ingest.Decode(saved, "")
	if err != nil {
		t.Fatal(err)
	}
	defer book.XLSX.Close()
	for _, ref := range []string{"A1", "A4"} {
		if font := book.Font("TCVN3", ref); font != "Times New Roman" {
			t.Errorf("TCVN3!%s font %q", ref, font)
		}
	}
	if conv.Cells[legacy.TCVN3] != 5 || conv.Guessed != 0 { // A1, A2's first run, A3's two constants, A4
		t.Errorf("conversion %+v", conv)
	}
}
