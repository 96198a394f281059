package ingest

import (
	"path/filepath"
	"regexp"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/internal/ziptest"
	"chitieu/msg"

	"github.com/xuri/excelize/v2"
)

// Each shape of ward workbook that offices really send, with the values it
// must give.

// readOne reads dir and expects exactly the given problem codes.
func readOne(t *testing.T, dir string, codes ...msg.Code) *Result {
	t.Helper()
	res := read(t, Options{}, dir)
	var got []msg.Code
	for _, p := range res.Problems {
		got = append(got, p.Code)
	}
	if len(got) != len(codes) {
		t.Fatalf("problems %v, want %v: %+v", got, codes, res.Problems)
	}
	for i := range got {
		if got[i] != codes[i] {
			t.Fatalf("problems %v, want %v: %+v", got, codes, res.Problems)
		}
	}
	return res
}

func wantValues(t *testing.T, s analysis.Submission, id string, cur, prev float64, curRef, prevRef string) {
	t.Helper()
	o := observation(t, s, id)
	if !o.Current.Known || o.Current.Value != cur || o.Current.Source.Ref != curRef {
		t.Errorf("%s current = %+v, want %v at %s", id, o.Current, cur, curRef)
	}
	if prevRef == "" {
		if o.Previous.Known {
			t.Errorf("%s previous = %+v, want none", id, o.Previous)
		}
	} else if !o.Previous.Known || o.Previous.Value != prev || o.Previous.Source.Ref != prevRef {
		t.Errorf("%s previous = %+v, want %v at %s", id, o.Previous, prev, prevRef)
	}
}

func TestShapeTwoLevelYearHeader(t *testing.T) {
	dir := t.TempDir()
	// "Thực hiện" merged over "Năm 2003 | Năm 2004": the later year is this
	// period, whatever the column order; the period comes from the years.
	// "STT", "Chỉ tiêu", "Ghi chú" and a label are merged cells too.
	writeWorkbook(t, filepath.Join(dir, "P04.xlsx"), sheetSpec{name: "BC", cells: map[string]any{
		"A1": "UBND PHƯỜNG 4", "A2": "BÁO CÁO CÁC CHỈ TIÊU",
		"A4": "STT", "B4": "Chỉ tiêu", "C4": "Thực hiện", "E4": "Ghi chú",
		"C5": "Năm 2003", "D5": "Năm 2004",
		"A6": 1, "B6": "Tổng số hộ dân", "C6": 3900, "D6": 4000,
		"A7": 2, "B7": "Số hộ nghèo", "C7": 30, "D7": 25,
	}, merged: [][2]string{{"A4", "A5"}, {"B4", "B5"}, {"C4", "D4"}, {"E4", "E5"}, {"B7", "B8"}, {"A1", "E1"}}})
	s := readOne(t, dir).Submissions[0]
	if s.Period != "2004" || s.Ward != "Phường 4" {
		t.Errorf("period %q ward %q", s.Period, s.Ward)
	}
	wantValues(t, s, "households", 4000, 3900, "D6", "C6")
	wantValues(t, s, "poor_households", 25, 30, "D7", "C7")
}

func TestShapeTwoLevelPeriodHeader(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "2003-Q3", "P04.xlsx"), sheetSpec{name: "BC", cells: map[string]any{
		"A1": "PHƯỜNG 4",
		"A3": "Chỉ tiêu", "B3": "Đơn vị tính", "C3": "Số liệu",
		"C4": "Kỳ báo cáo", "D4": "Cùng kỳ",
		"A5": "Số vụ phạm pháp hình sự", "B5": "vụ", "C5": 8, "D5": 10,
	}})
	s := readOne(t, dir).Submissions[0]
	if s.Period != "2003-Q3" {
		t.Errorf("period %q", s.Period)
	}
	wantValues(t, s, "criminal_cases", 8, 10, "C5", "D5")
}

func TestShapeTransposed(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "P6.xlsx"), sheetSpec{name: "Sheet1", cells: map[string]any{
		"A1": "PHƯỜNG 6",
		"A3": "Năm", "B3": "Tổng số hộ dân", "C3": "Số hộ nghèo", "D3": "Doanh thu TM-DV (tỷ đồng)",
		"A4": "Năm 2004", "B4": 5000, "C4": 12, "D4": 45.5,
		"A5": "Năm 2003", "B5": 4900, "C5": 20, "D5": 40,
	}})
	s := readOne(t, dir).Submissions[0]
	if s.Period != "2004" || s.Ward != "Phường 6" {
		t.Errorf("period %q ward %q", s.Period, s.Ward)
	}
	wantValues(t, s, "households", 5000, 4900, "B4", "B5")
	wantValues(t, s, "poor_households", 12, 20, "C4", "C5")
	wantValues(t, s, "trade_services_revenue", 45500, 40000, "D4", "D5")
}

func TestShapeSeveralWardsOneWorkbook(t *testing.T) {
	dir := t.TempDir()
	form := func(n float64) map[string]any {
		return standardForm([]string{"BÁO CÁO NĂM 2002"}, [3]any{"Số hộ nghèo", n, nil})
	}
	writeWorkbook(t, filepath.Join(dir, "tong-hop-cac-phuong.xlsx"),
		sheetSpec{name: "P11", cells: form(11)}, sheetSpec{name: "Phường 12", cells: form(12)})
	res := readOne(t, dir)
	if len(res.Submissions) != 2 {
		t.Fatalf("%d submissions", len(res.Submissions))
	}
	for i, want := range []string{"Phường 11", "Phường 12"} {
		s := res.Submissions[i]
		if s.Ward != want || observation(t, s, "poor_households").Current.Value != float64(11+i) {
			t.Errorf("sheet %s: ward %q", s.Sheet, s.Ward)
		}
	}
}

func TestShapeHiddenSheetOnly(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "P2.xlsx"),
		sheetSpec{name: "Hướng dẫn", cells: map[string]any{"A1": "Điền vào trang sau"}},
		sheetSpec{name: "Nháp", hidden: true, cells: standardForm([]string{"PHƯỜNG 2", "NĂM 2002"}, [3]any{"Số hộ đói", 1, nil})})
	s := readOne(t, dir, msg.HiddenSheet).Submissions[0]
	wantValues(t, s, "hungry_households", 1, 0, "D5", "")
}

func TestShapeLabelsAndUnits(t *testing.T) {
	dir := t.TempDir()
	cells := standardForm([]string{"PHƯỜNG 8", "NĂM 2002"},
		[3]any{"DOANH THU TM-DV", 12.5, 10},
		[3]any{"SO VU PPHS", 7, 9},
		[3]any{"3. Số vụ PPHS đã khám phá (vụ)", 4, 5},
		[3]any{"Số hộ đói", "-", "..."},
		[3]any{"Số vụ về ma túy", "x", 2},
		[3]any{"Số người được đưa đi cai nghiện tập trung", "420 người", "gần 1.000"},
		[3]any{"Doanh thu thương mại - dịch vụ (nghìn đồng)", 2500, "2,5 tỷ đồng"},
	)
	cells["C5"] = "tỷ đồng"
	writeWorkbook(t, filepath.Join(dir, "P8.xlsx"), sheetSpec{name: "BC", cells: cells})
	res := readOne(t, dir, msg.Approx, msg.DuplicateRow)
	s := res.Submissions[0]
	wantValues(t, s, "trade_services_revenue", 12500, 10000, "D5", "E5")
	wantValues(t, s, "criminal_cases", 7, 9, "D6", "E6")
	wantValues(t, s, "criminal_cases_solved", 4, 5, "D7", "E7")
	wantValues(t, s, "hungry_households", 0, 0, "D8", "") // "-" is none; "..." is no data
	if o := observation(t, s, "drug_cases"); o.Current.Known || o.Previous.Value != 2 {
		t.Errorf("x is not applicable: %+v", o)
	}
	wantValues(t, s, "detox_placements", 420, 1000, "D10", "E10")
	// A unit in the cell wins over the label's; the repeated row is refused.
	if p := res.Problems[1]; p.Code != msg.DuplicateRow || p.Ref != "B11" {
		t.Errorf("second problem: %s", p.Format("en"))
	}
	if p := res.Problems[0]; p.Ref != "E10" || p.Text != "gần 1.000" {
		t.Errorf("approx problem at %s %q", p.Ref, p.Text)
	}
}

func TestShapeNumbersNotationAndErrors(t *testing.T) {
	dir := t.TempDir()
	cells := standardForm([]string{"PHƯỜNG 9", "NĂM 2002"},
		[3]any{"Tổng số hộ dân", "4,567", "4,400"}, // English file: 4567
		[3]any{"Doanh thu thương mại - dịch vụ", "12,345.5", "1,234"},
		[3]any{"Số vụ phạm pháp hình sự", nil, nil},
	)
	cells["D7"] = formula("1/0") // no saved result: computed, and the error named
	writeWorkbook(t, filepath.Join(dir, "P9.xlsx"), sheetSpec{name: "BC", cells: cells})
	res := readOne(t, dir, msg.Formula)
	if p := res.Problems[0]; p.Ref != "D7" || p.Message("en") != "cannot compute the formula =1/0 (#DIV/0!); treated as no data" {
		t.Errorf("formula problem: %s", p.Format("en"))
	}
	s := res.Submissions[0]
	wantValues(t, s, "households", 4567, 4400, "D5", "E5")
	wantValues(t, s, "trade_services_revenue", 12345.5, 1234, "D6", "E6")

	mixed := t.TempDir()
	writeWorkbook(t, filepath.Join(mixed, "P9.xlsx"), sheetSpec{name: "BC", cells: standardForm([]string{"PHƯỜNG 9", "NĂM 2002"},
		[3]any{"Tổng số hộ dân", "4.567", "4.400"}, [3]any{"Tỷ lệ hộ nghèo", "0,5%", "0.6%"})})
	s = readOne(t, mixed, msg.MixedNotation).Submissions[0]
	wantValues(t, s, "households", 4567, 4400, "D5", "E5")

	units := t.TempDir()
	cells = standardForm([]string{"PHƯỜNG 9", "NĂM 2002"}, [3]any{"Doanh thu thương mại - dịch vụ", 5000, 4000})
	cells["C5"] = "USD"
	writeWorkbook(t, filepath.Join(units, "P9.xlsx"), sheetSpec{name: "BC", cells: cells})
	s = readOne(t, units, msg.UnknownUnit, msg.UnknownUnit).Submissions[0]
	if o := observation(t, s, "trade_services_revenue"); o.Current.Known || o.Previous.Known {
		t.Errorf("an amount in an unknown unit was kept: %+v", o)
	}
}

func TestShapeUnitInTheCell(t *testing.T) {
	dir := t.TempDir()
	cells := standardForm([]string{"PHƯỜNG 9", "NĂM 2002"}, [3]any{"Doanh thu thương mại - dịch vụ", "21,68 tỷ đồng", 18779})
	cells["C5"] = "triệu đồng"
	writeWorkbook(t, filepath.Join(dir, "P9.xlsx"), sheetSpec{name: "BC", cells: cells})
	s := readOne(t, dir).Submissions[0]
	wantValues(t, s, "trade_services_revenue", 21680, 18779, "D5", "E5")
}

// TestShapeErrorCell: a cell Excel saved as an error (#REF!) is a problem
// naming the cell, not a number. excelize cannot write error cells, so the
// test patches the sheet XML of a workbook it wrote.
func TestShapeErrorCell(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "P9.xlsx")
	writeWorkbook(t, path, sheetSpec{name: "BC", cells: standardForm([]string{"PHƯỜNG 9", "NĂM 2002"},
		[3]any{"Tổng số hộ dân", 987654, 4000})})
	patchZip(t, path, "xl/worksheets/sheet1.xml", func(xml string) string {
		return regexp.MustCompile(`<c r="D5"([^>]*)><v>987654</v>`).ReplaceAllString(xml, `<c r="D5"$1 t="e"><v>#REF!</v>`)
	})
	res := readOne(t, dir, msg.ErrorCell)
	if p := res.Problems[0]; p.Ref != "D5" || p.Text != "#REF!" {
		t.Errorf("problem %s", p.Format("en"))
	}
	if o := observation(t, res.Submissions[0], "households"); o.Current.Known || o.Previous.Value != 4000 {
		t.Errorf("households = %+v", o)
	}
}

func patchZip(t *testing.T, path, name string, edit func(string) string) {
	t.Helper()
	ziptest.Patch(t, path, name, edit)
}

// TestShapeResubmission: the same ward and period twice; the workbook saved
// last (by its document properties) wins, whatever the names say, and a
// warning names both files.
func TestShapeResubmission(t *testing.T) {
	dir := t.TempDir()
	form := func(n int) map[string]any {
		return standardForm([]string{"PHƯỜNG 14", "NĂM 2002"}, [3]any{"Tổng số hộ dân", n, nil}, [3]any{"Số hộ nghèo", 10, nil})
	}
	newer := filepath.Join(dir, "bao cao - p.14.xlsx")
	older := filepath.Join(dir, "bao cao - p.14 (sua lan 2).xlsx")
	writeWorkbook(t, newer, sheetSpec{name: "BC", cells: form(3100)})
	writeWorkbook(t, older, sheetSpec{name: "BC", cells: form(3000)})
	setModified(t, newer, "2003-07-15T09:00:00Z")
	setModified(t, older, "2003-07-10T09:00:00Z")
	res := read(t, Options{}, dir)
	r := analysis.Analyze(catalog.Builtin(), res.Submissions, res.Problems)
	hh, _ := analysis.Find(r.Periods[0].Wards[0].Values, "households")
	if hh.Value == nil || *hh.Value != 3100 || hh.Source.File != newer {
		t.Errorf("households %v from %s, want 3100 from the newer file", hh.Value, hh.Source.File)
	}
	// The files' problems; the district's (a term review without the
	// baseline year's forms) are another test's.
	var problems []analysis.Problem
	for _, p := range r.Problems {
		if p.File != "" {
			problems = append(problems, p)
		}
	}
	if len(problems) != 1 || problems[0].Code != msg.Duplicate ||
		problems[0].Format("en") != newer+": replaces the figures of "+older+" (2 indicators); name corrected files \"... sửa lần 2\" to say which is newer" {
		t.Errorf("problems %+v", problems)
	}
}

func setModified(t *testing.T, path, when string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Modified: when, Created: when}); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestShapeWardDisagreement: the title wins over the sheet and file names,
// with a warning.
func TestShapeWardDisagreement(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "P05.xlsx"), sheetSpec{name: "P06", cells: standardForm(
		[]string{"PHƯỜNG 7", "NĂM 2002"}, [3]any{"Số hộ nghèo", 1, nil})})
	res := readOne(t, dir, msg.WardDisagrees, msg.WardDisagrees)
	if s := res.Submissions[0]; s.Ward != "Phường 7" {
		t.Errorf("ward %q", s.Ward)
	}
	if got := res.Problems[1].Message("en"); got != "the title says Phường 7 but the file name says Phường 5; the title is used" {
		t.Errorf("message %q", got)
	}
}

func TestShapeNegativeCount(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "P05.xlsx"), sheetSpec{name: "BC", cells: standardForm(
		[]string{"PHƯỜNG 5", "NĂM 2002"}, [3]any{"Số hộ nghèo", -3, 4})})
	res := readOne(t, dir, msg.Negative)
	if o := observation(t, res.Submissions[0], "poor_households"); o.Current.Known || o.Previous.Value != 4 {
		t.Errorf("poor households %+v", o)
	}
}
