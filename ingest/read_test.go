package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/mark"
	"chitieu/msg"

	"github.com/xuri/excelize/v2"
)

// sheetSpec is a fixture sheet: cells by A1 reference, with optional styles.
type sheetSpec struct {
	name    string
	cells   map[string]any
	percent []string // cells with a 0.0% number format
	merged  [][2]string
	hidden  bool
}

func writeWorkbook(t *testing.T, path string, sheets ...sheetSpec) {
	t.Helper()
	f := excelize.NewFile()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for ref, v := range s.cells {
			if formula, ok := v.(formula); ok {
				if err := f.SetCellFormula(s.name, ref, string(formula)); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := f.SetCellValue(s.name, ref, v); err != nil {
				t.Fatal(err)
			}
		}
		pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
		for _, ref := range s.percent {
			_ = f.SetCellStyle(s.name, ref, ref, pct)
		}
		for _, m := range s.merged {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		if s.hidden {
			_ = f.SetSheetVisible(s.name, false)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

type formula string

// standardForm is the ward form with the given title rows and value rows
// {label, current, previous}.
func standardForm(title []string, rows ...[3]any) map[string]any {
	cells := map[string]any{}
	for i, line := range title {
		cells["A"+itoa(i+1)] = line
	}
	h := len(title) + 2
	for i, name := range []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ báo cáo", "Cùng kỳ năm trước", "Ghi chú"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, h)
		cells[ref] = name
	}
	for i, r := range rows {
		n := itoa(h + 1 + i)
		cells["A"+n] = i + 1
		cells["B"+n] = r[0]
		if r[1] != nil {
			cells["D"+n] = r[1]
		}
		if r[2] != nil {
			cells["E"+n] = r[2]
		}
	}
	return cells
}

func itoa(n int) string {
	s, _ := excelize.CoordinatesToCellName(1, n)
	return s[1:]
}

func read(t *testing.T, opt Options, paths ...string) *Result {
	t.Helper()
	if opt.Config == nil {
		opt.Config = catalog.Builtin()
	}
	if opt.Engine == EngineDefault && opt.Debug == nil {
		// Every workbook these tests build is read both ways and must
		// give the same result (diff_test.go).
		if _, err := Read(paths, opt); err != nil {
			t.Fatal(err)
		}
		res, _ := readBoth(t, opt, paths...)
		return res
	}
	res, err := Read(paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func observation(t *testing.T, s analysis.Submission, id string) analysis.Observation {
	t.Helper()
	for _, o := range s.Observations {
		if o.Indicator == id {
			return o
		}
	}
	t.Fatalf("%s: no %s among %+v", s.File, id, s.Observations)
	return analysis.Observation{}
}

func TestReadStandardForm(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "P05.xlsx")
	writeWorkbook(t, path, sheetSpec{name: "Báo cáo", cells: standardForm(
		[]string{"ỦY BAN NHÂN DÂN", "PHƯỜNG 5", "BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NĂM 2002"},
		[3]any{"Tổng số hộ dân", 4000, 3950},
		[3]any{"Số hộ nghèo", "1.234", "12"},
		[3]any{"Số vụ phạm pháp hình sự đã khám phá", 12, nil},
		[3]any{"Số vụ phạm pháp hình sự", 20, 25},
		[3]any{"Tỷ lệ khám phá", 0.6, nil},
		[3]any{"NGƯỜI LẬP BIỂU", nil, nil},
	)})
	res := read(t, Options{}, dir)
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %+v", res.Problems)
	}
	if len(res.Submissions) != 1 {
		t.Fatalf("submissions = %d", len(res.Submissions))
	}
	s := res.Submissions[0]
	if s.Ward != "Phường 5" || s.Period != "2002" || s.Sheet != "Báo cáo" || s.File != path {
		t.Errorf("submission = %s %s %s %s", s.Ward, s.Period, s.Sheet, s.File)
	}
	hh := observation(t, s, "households")
	if hh.Current.Value != 4000 || hh.Previous.Value != 3950 || hh.Current.Source.Ref != "D6" || hh.Previous.Source.Ref != "E6" {
		t.Errorf("households = %+v", hh)
	}
	if o := observation(t, s, "poor_households"); o.Current.Value != 1234 || o.Previous.Value != 12 {
		t.Errorf("poor households from text = %+v", o)
	}
	if o := observation(t, s, "criminal_cases_solved"); o.Current.Value != 12 || o.Previous.Known {
		t.Errorf("solved = %+v", o)
	}
	if o := observation(t, s, "criminal_cases"); o.Current.Value != 20 {
		t.Errorf("cases = %+v", o)
	}
}

func TestReadPercentFormatAndFormula(t *testing.T) {
	dir := t.TempDir()
	cells := standardForm([]string{"UBND PHƯỜNG 3", "BÁO CÁO 6 THÁNG ĐẦU NĂM 2003"},
		[3]any{"Tỷ lệ hộ nghèo", 0.0021, nil},
		[3]any{"Số vụ phạm pháp hình sự", 10, 12},
		[3]any{"Số vụ phạm pháp hình sự đã khám phá", nil, nil},
	)
	cells["D7"] = formula("D6*0+D5*0+6") // never calculated by a script: no cached value
	writeWorkbook(t, filepath.Join(dir, "x.xlsx"), sheetSpec{name: "BC", cells: cells, percent: []string{"D5"}})
	res := read(t, Options{}, dir)
	if len(res.Problems) != 0 || len(res.Submissions) != 1 {
		t.Fatalf("problems %+v, submissions %d", res.Problems, len(res.Submissions))
	}
	s := res.Submissions[0]
	if s.Ward != "Phường 3" || s.Period != "2003-H1" {
		t.Errorf("ward %q period %q", s.Ward, s.Period)
	}
	if o := observation(t, s, "poor_household_rate"); o.Current.Value < 0.20999 || o.Current.Value > 0.21001 {
		t.Errorf("percent cell read as %v, want 0.21 points", o.Current.Value)
	}
	if o := observation(t, s, "criminal_cases_solved"); o.Current.Value != 6 {
		t.Errorf("formula read as %+v", o.Current)
	}
}

func TestReadWardAndPeriodFallbacks(t *testing.T) {
	root := t.TempDir()
	rows := [][3]any{{"Tổng số hộ dân", 4000, nil}}
	// No ward and no period in the title: the sheet name gives the ward,
	// the folder the period.
	writeWorkbook(t, filepath.Join(root, "2003-Q3", "Book1.xlsx"), sheetSpec{name: "P12", cells: standardForm([]string{"BÁO CÁO"}, rows...)})
	// The file name gives the ward.
	writeWorkbook(t, filepath.Join(root, "2003-Q3", "BC_P14.xlsx"), sheetSpec{name: "Sheet1", cells: standardForm([]string{"BÁO CÁO"}, rows...)})
	res := read(t, Options{}, root)
	if len(res.Problems) != 0 || len(res.Submissions) != 2 {
		t.Fatalf("problems %+v, submissions %d", res.Problems, len(res.Submissions))
	}
	if s := res.Submissions[0]; s.Ward != "Phường 14" || s.Period != "2003-Q3" {
		t.Errorf("BC_P14: %q %q", s.Ward, s.Period)
	}
	if s := res.Submissions[1]; s.Ward != "Phường 12" || s.Period != "2003-Q3" {
		t.Errorf("Book1: %q %q", s.Ward, s.Period)
	}
	forced := read(t, Options{Period: "2002-H2"}, root)
	if forced.Submissions[0].Period != "2002-H2" {
		t.Errorf("--period not applied: %q", forced.Submissions[0].Period)
	}
}

func TestReadProblems(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "P05.xlsx"), sheetSpec{name: "Báo cáo", cells: standardForm(
		[]string{"PHƯỜNG 5", "NĂM 2002"},
		[3]any{"Số hộ nghèo", "12,5 hộ nghèo?", nil},
		[3]any{"Số hộ đói", "khoảng 3", nil},
		[3]any{"Số cán bộ được đào tạo", 1114, nil},
		[3]any{"Hoàn thành quy hoạch chi tiết", 2, nil},
		[3]any{"Số vụ về ma túy", "12,5 %", nil},
	)})
	writeWorkbook(t, filepath.Join(dir, "P17.xlsx"), sheetSpec{name: "Báo cáo", cells: standardForm(
		[]string{"PHƯỜNG 17", "NĂM 2002"}, [3]any{"Số hộ nghèo", 1, nil})})
	writeWorkbook(t, filepath.Join(dir, "noperiod.xlsx"), sheetSpec{name: "P1", cells: standardForm(
		[]string{"BÁO CÁO"}, [3]any{"Số hộ nghèo", 1, nil})})
	writeWorkbook(t, filepath.Join(dir, "notable.xlsx"), sheetSpec{name: "Sheet1", cells: map[string]any{"A1": "danh sách"}})
	for name, data := range map[string]string{"damaged.xlsx": "PK\x03\x04 not really", "old.xls": "x", "old.xlsb": "x", "notes.docx": "x", "~$P05.xlsx": "x", ".~lock.P05.xlsx#": "x"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := read(t, Options{}, dir)
	var got []string
	for _, p := range res.Problems {
		got = append(got, string(p.Severity)+" "+filepath.Base(p.File)+":"+p.Sheet+"!"+p.Ref+" "+p.Text+" "+string(p.Code))
	}
	want := []string{
		"error old.xlsb:!  " + string(msg.UnsupportedFormat),
		"error P05.xlsx:Báo cáo!D5 12,5 hộ nghèo? " + string(msg.NotNumber),
		"warning P05.xlsx:Báo cáo!D6 khoảng 3 " + string(msg.Approx),
		"warning P05.xlsx:Báo cáo!B7 Số cán bộ được đào tạo " + string(msg.UnknownLabel),
		"error P05.xlsx:Báo cáo!D8 2 " + string(msg.NotFlag),
		"error P05.xlsx:Báo cáo!D9 12,5 % " + string(msg.UnexpectedPercent),
		"error P17.xlsx:Báo cáo! PHƯỜNG 17 " + string(msg.UnknownWard),
		"error damaged.xlsx:!  " + string(msg.Truncated),
		"error noperiod.xlsx:P1!  " + string(msg.NoPeriod),
		"error notable.xlsx:!  " + string(msg.NoHeader),
		"error old.xls:!  " + string(msg.NotWorkbook),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Skipped) != 1 || filepath.Base(res.Skipped[0]) != "notes.docx" {
		t.Errorf("skipped = %v", res.Skipped)
	}
	if p := res.Problems[1]; p.Format("en") != filepath.Join(dir, "P05.xlsx")+`:Báo cáo!D5: "12,5 hộ nghèo?": not a number; the cell is treated as no data` {
		t.Errorf("format = %s", p.Format("en"))
	}
	if _, err := Read([]string{filepath.Join(dir, "absent")}, Options{Config: catalog.Builtin()}); err == nil {
		t.Error("a missing path is not an error")
	}
}

func TestReadSkipsOwnAndHidden(t *testing.T) {
	dir := t.TempDir()
	form := standardForm([]string{"PHƯỜNG 2", "NĂM 2002"}, [3]any{"Số hộ nghèo", 7, nil})
	writeWorkbook(t, filepath.Join(dir, "a.xlsx"),
		sheetSpec{name: "Hướng dẫn", cells: map[string]any{"A1": "Điền số liệu vào trang Báo cáo"}},
		sheetSpec{name: "Nháp", cells: standardForm([]string{"PHƯỜNG 9", "NĂM 2002"}, [3]any{"Số hộ nghèo", 99, nil}), hidden: true},
		sheetSpec{name: "Báo cáo", cells: form})
	// A workbook marked as a configuration workbook (package workbook
	// writes them; it imports ingest, so the mark is set by hand here).
	cfg := excelize.NewFile()
	if err := mark.Set(cfg, mark.Config); err != nil {
		t.Fatal(err)
	}
	if err := cfg.SaveAs(filepath.Join(dir, "cau-hinh-cu.xlsx")); err != nil {
		t.Fatal(err)
	}
	res := read(t, Options{IsOwn: func(m string) bool { return m == mark.Config }}, dir)
	if len(res.Problems) != 0 || len(res.Submissions) != 1 || len(res.Own) != 1 {
		t.Fatalf("problems %+v, submissions %+v, own %v", res.Problems, res.Submissions, res.Own)
	}
	if s := res.Submissions[0]; s.Ward != "Phường 2" || s.Sheet != "Báo cáo" {
		t.Errorf("read %s from %s", s.Ward, s.Sheet)
	}
}

func TestReadSamples(t *testing.T) {
	res := read(t, Options{}, filepath.Join("..", "samples"))
	for _, p := range res.Problems {
		t.Errorf("%s", p.Format("en"))
	}
	count := map[string]int{}
	for _, s := range res.Submissions {
		count[s.Period]++
		if len(s.Observations) != 10 {
			t.Errorf("%s: %d indicators", s.File, len(s.Observations))
		}
	}
	for _, p := range []string{"2001", "2002", "2003-H1"} {
		if count[p] != 16 {
			t.Errorf("%s: %d wards", p, count[p])
		}
	}
}
