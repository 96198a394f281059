package ingest

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
)

// TestMixedFolder is the folder a statistics officer gets on a bad day:
// every shape of form, a damaged file, a lock file, a Word file, and a
// few deliberate faults. The district totals must be right and each fault
// must give exactly one problem line, and nothing else.
func TestMixedFolder(t *testing.T) {
	dir := t.TempDir()
	title := func(ward string) []string { return []string{"ỦY BAN NHÂN DÂN", ward, "BÁO CÁO NĂM 2004"} }
	row := func(label string, cur, prev any) [3]any { return [3]any{label, cur, prev} }

	// 1. The standard form.
	writeWorkbook(t, filepath.Join(dir, "P01.xlsx"), sheetSpec{name: "Báo cáo", cells: standardForm(title("PHƯỜNG 1"),
		row("Tổng số hộ dân", 1000, 990), row("Số hộ nghèo", 10, 12))})
	// 2. A two-row header with years; no period in the title.
	writeWorkbook(t, filepath.Join(dir, "P02.xlsx"), sheetSpec{name: "BC", cells: map[string]any{
		"A1": "UBND PHƯỜNG 2", "A3": "Chỉ tiêu", "B3": "Thực hiện", "B4": "Năm 2004", "C4": "Năm 2003",
		"A5": "Tổng số hộ dân", "B5": 2000, "C5": 1980, "A6": "Số hộ nghèo", "B6": 20, "C6": 25}})
	// 3. Transposed, periods down the side.
	writeWorkbook(t, filepath.Join(dir, "P03.xlsx"), sheetSpec{name: "Sheet1", cells: map[string]any{
		"A1": "PHƯỜNG 3", "A3": "Năm", "B3": "Tổng số hộ dân", "C3": "Số hộ nghèo",
		"A4": "Năm 2004", "B4": 3000, "C4": 30, "A5": "Năm 2003", "B5": 2950, "C5": 33}})
	// 4. Two wards in one workbook, named by their sheets, after instructions.
	sheet := func(n int) map[string]any {
		return standardForm([]string{"BÁO CÁO NĂM 2004"}, row("Tổng số hộ dân", 100*n, nil), row("Số hộ nghèo", n, nil))
	}
	writeWorkbook(t, filepath.Join(dir, "cac-phuong.xlsx"),
		sheetSpec{name: "Hướng dẫn", cells: map[string]any{"A1": "Mỗi phường một trang"}},
		sheetSpec{name: "P4", cells: sheet(4)}, sheetSpec{name: "Phường 5", cells: sheet(5)})
	// 5. Capitals without diacritics, a Mã số column, numbers as text.
	writeWorkbook(t, filepath.Join(dir, "phuong-06.xlsx"), sheetSpec{name: "BC", cells: map[string]any{
		"A1": "UBND PHUONG 6", "A2": "BAO CAO NAM 2004",
		"A4": "STT", "B4": "CHI TIEU", "C4": "MA SO", "D4": "KY BAO CAO", "E4": "CUNG KY NAM TRUOC",
		"A5": 1, "B5": "1. TONG SO HO DAN (HO)", "C5": "01", "D5": "6.000", "E5": "5.900",
		"A6": 2, "B6": "", "C6": "02", "D6": "60", "E6": "khoảng 70", // fault: an approximate number
	}})
	// 6. Only a hidden sheet holds the report (fault: said so).
	writeWorkbook(t, filepath.Join(dir, "P07.xlsx"),
		sheetSpec{name: "Trống", cells: map[string]any{"A1": "xem trang ẩn"}},
		sheetSpec{name: "BC", hidden: true, cells: standardForm(title("PHƯỜNG 7"), row("Tổng số hộ dân", 7000, nil), row("Số hộ nghèo", 70, nil))})
	// 7. A formula never calculated, and a percentage in a count row (fault).
	cells := standardForm(title("PHƯỜNG 8"), row("Tổng số hộ dân", nil, nil), row("Số hộ nghèo", "12,5 %", nil))
	cells["D6"] = formula("4000*2")
	writeWorkbook(t, filepath.Join(dir, "P08.xlsx"), sheetSpec{name: "Báo cáo", cells: cells})
	// 8. Debris: a damaged workbook (fault), a lock file, a Word file.
	for name, data := range map[string]string{"P09.xlsx": "PK\x03\x04 cut short", "~$P01.xlsx": "lock", "cong-van.docx": "doc"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cfg := catalog.Builtin()
	res, err := Read([]string{dir}, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	result := analysis.Analyze(cfg, res.Submissions, res.Problems)

	var got []string
	for _, p := range result.Problems {
		got = append(got, string(p.Severity)+" "+filepath.Base(p.File)+" "+p.Ref+" "+string(p.Code))
	}
	want := []string{
		"warning P07.xlsx  " + string(msg.HiddenSheet),
		"error P08.xlsx D7 " + string(msg.UnexpectedPercent),
		"error P09.xlsx  " + string(msg.Truncated),
		"warning phuong-06.xlsx E6 " + string(msg.Approx),
		// A year of the term without the baseline year's figures: the
		// deadline and term targets (hungry households, drug cases) ask for them.
		"warning .  " + string(msg.NoBaseline),
		"warning .  " + string(msg.NoBaseline),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Skipped) != 1 || len(result.Periods) != 1 {
		t.Fatalf("skipped %v, periods %d", res.Skipped, len(result.Periods))
	}
	p := result.Periods[0]
	if p.Period != "2004" || len(p.Submitted) != 8 || len(p.Missing) != 8 {
		t.Errorf("period %s, submitted %v, missing %v", p.Period, p.Submitted, p.Missing)
	}
	district := func(id string) float64 {
		v, _ := analysis.Find(p.District, id)
		if v.Value == nil {
			t.Fatalf("%s: no district value", id)
		}
		return *v.Value
	}
	// Households: 1000+2000+3000+400+500+6000+7000+8000 (a computed formula).
	if got := district("households"); got != 27900 {
		t.Errorf("households = %v", got)
	}
	// Poor households without Phường 8's unreadable cell: 10+20+30+4+5+60+70.
	if got := district("poor_households"); got != 199 {
		t.Errorf("poor households = %v", got)
	}
	// The rate over the wards that gave both counts: 199 / (27900-8000).
	if got := district("poor_household_rate"); math.Abs(got-199.0/19900*100) > 1e-9 {
		t.Errorf("poor household rate = %v", got)
	}
	// Last year's poor households from the wards whose forms carry it:
	// 12+25+33+70, Phường 6's approximate "khoảng 70" included.
	if v, _ := analysis.Find(p.District, "poor_households"); v.Previous == nil || *v.Previous != 140 {
		t.Errorf("poor households last year = %v", v.Previous)
	}
}
