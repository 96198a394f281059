package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
)

// briefProblems renders problems as "severity file cell code" for tests,
// leaving out the term review's (a year without its baseline).
func briefProblems(problems []analysis.Problem) string {
	var lines []string
	for _, p := range problems {
		if p.Code == msg.NoBaseline {
			continue
		}
		lines = append(lines, string(p.Severity)+" "+filepath.Base(p.File)+" "+p.Ref+" "+string(p.Code))
	}
	return strings.Join(lines, "\n")
}

// TestImpossibleValuesInCells: a fraction in a whole-number count (numeric
// or text) and a negative count are errors naming the cell; the figure is
// no data and stays out of the district's sum, with no second line for the
// district. Money may be fractional.
func TestImpossibleValuesInCells(t *testing.T) {
	dir := t.TempDir()
	title := func(ward string) []string { return []string{"UBND " + ward, "BÁO CÁO NĂM 2003"} }
	writeWorkbook(t, filepath.Join(dir, "P01.xlsx"), sheetSpec{name: "BC", cells: standardForm(title("PHƯỜNG 1"),
		[3]any{"Tổng số hộ dân", 4202.5, 4100},                 // a fraction of a household
		[3]any{"Số hộ nghèo", "12,5", "13"},                    // the same, typed as text
		[3]any{"Số vụ phạm pháp hình sự", -3, 12},              // a negative count
		[3]any{"Doanh thu thương mại - dịch vụ", "21,68", nil}, // money: fine
	)})
	p02 := standardForm(title("PHƯỜNG 2"),
		[3]any{"Tổng số hộ dân", 3000, 2900},
		[3]any{"Số hộ nghèo", 30, 31},
		[3]any{"Số vụ phạm pháp hình sự", 10, 12},
		[3]any{"Doanh thu thương mại - dịch vụ", 100, nil},
	)
	p02["G4"], p02["G7"] = "Kế hoạch năm", 10.8 // a plan worked out (90 % of last year): not a count
	writeWorkbook(t, filepath.Join(dir, "P02.xlsx"), sheetSpec{name: "BC", cells: p02})
	cfg := catalog.Builtin()
	res := read(t, Options{Config: cfg}, dir)
	result := analysis.Analyze(cfg, res.Submissions, res.Problems)
	want := strings.Join([]string{
		"error P01.xlsx D5 " + string(msg.Fraction),
		"error P01.xlsx D6 " + string(msg.Fraction),
		"error P01.xlsx D7 " + string(msg.Negative),
	}, "\n")
	if got := briefProblems(result.Problems); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	for _, sub := range res.Submissions {
		if o := observation(t, sub, "criminal_cases"); sub.Ward == "Phường 2" && o.Plan.Value != 10.8 {
			t.Errorf("plan = %+v", o.Plan)
		}
	}
	p := result.Periods[0]
	for id, want := range map[string]float64{"households": 3000, "poor_households": 30, "criminal_cases": 10,
		"poor_household_rate": 1, "trade_services_revenue": 121.68} {
		if v, _ := analysis.Find(p.District, id); v.Value == nil || *v.Value < want-1e-9 || *v.Value > want+1e-9 {
			t.Errorf("district %s = %v, want %v", id, v.Value, want)
		}
	}
	if msg := result.Problems[1].Format("vi"); !strings.HasSuffix(msg, `!D6: "12,5": đọc được 12,5 nhưng số tính bằng hộ phải là số nguyên; coi là không có số liệu, kiểm tra lại số đã nhập`) {
		t.Errorf("fraction message: %s", msg)
	}
	if msg := result.Problems[0].Format("en"); !strings.HasSuffix(msg, `!D5: "4202.5": reads as 4202.5, but a figure in hộ is a whole number; treated as no data, check what was typed`) {
		t.Errorf("fraction message: %s", msg)
	}
}

// TestNotationByEvidence reads, end to end, a ward that types its numbers as
// text in English notation (counts and money), a ward in Vietnamese notation,
// and a ward whose sheet writes both ways, where one amount cannot be told:
// that one is no data with a problem quoting it and both readings, and it is
// in no sum.
func TestNotationByEvidence(t *testing.T) {
	dir := t.TempDir()
	title := func(ward string) []string { return []string{"UBND " + ward, "BÁO CÁO NĂM 2003"} }
	type row = [3]any
	writeWorkbook(t, filepath.Join(dir, "P01.xlsx"), sheetSpec{name: "Report", cells: standardForm(title("PHƯỜNG 1"),
		row{"Tổng số hộ dân", "5,938", "5,900"},
		row{"Số hộ nghèo", "13", "15"},
		row{"Doanh thu thương mại - dịch vụ", "39,887", "35,120"},
		row{"Số vụ phạm pháp hình sự", "12", "15"},
		row{"Số vụ phạm pháp hình sự đã khám phá", "8", "9"},
	)})
	writeWorkbook(t, filepath.Join(dir, "P02.xlsx"), sheetSpec{name: "Báo cáo", cells: standardForm(title("PHƯỜNG 2"),
		row{"Tổng số hộ dân", 4000, 3900},
		row{"Số hộ nghèo", 40, 45},
		row{"Doanh thu thương mại - dịch vụ", "21.500", 20000},
		row{"Số vụ phạm pháp hình sự", 10, 12},
		row{"Số vụ phạm pháp hình sự đã khám phá", 6, 7},
	)})
	writeWorkbook(t, filepath.Join(dir, "P03.xlsx"), sheetSpec{name: "BC", cells: standardForm(title("PHƯỜNG 3"),
		row{"Tổng số hộ dân", "3.000,0", "2.950"}, // Vietnamese
		row{"Số hộ nghèo", "30", "31"},
		row{"Doanh thu thương mại - dịch vụ", "12,345", nil}, // cannot be told
		row{"Số vụ phạm pháp hình sự", "12.0", "14"},         // English
		row{"Số vụ phạm pháp hình sự đã khám phá", "6", "7"},
	)})
	cfg := catalog.Builtin()
	cfg.Units = cfg.Units[:3]
	res := read(t, Options{Config: cfg}, dir)
	result := analysis.Analyze(cfg, res.Submissions, res.Problems)
	want := strings.Join([]string{
		"warning P03.xlsx  " + string(msg.MixedNotation),
		"error P03.xlsx D7 " + string(msg.AmbiguousNumber),
	}, "\n")
	if got := briefProblems(result.Problems); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if len(result.Problems) == 2 {
		p := result.Problems[1]
		if msg := p.Format("en"); !strings.Contains(msg, `"12,345": reads two ways: 12.345 the Vietnamese way (1.234,5) or 12345 the English way`) {
			t.Errorf("ambiguous message: %s", msg)
		}
		if msg := p.Format("vi"); !strings.Contains(msg, `"12,345": đọc được hai cách: 12,345 theo kiểu Việt (1.234,5) hoặc 12345 theo kiểu Anh`) {
			t.Errorf("ambiguous message: %s", msg)
		}
	}
	p := result.Periods[0]
	check := func(vs []analysis.Value, who, id string, want, wantPrev float64) {
		t.Helper()
		v, _ := analysis.Find(vs, id)
		if v.Value == nil || !near(*v.Value, want) || wantPrev >= 0 && (v.Previous == nil || !near(*v.Previous, wantPrev)) {
			t.Errorf("%s %s = %v (previous %v), want %v (%v)", who, id, deref(v.Value), deref(v.Previous), want, wantPrev)
		}
	}
	check(p.Wards[0].Values, "Phường 1", "households", 5938, 5900)
	check(p.Wards[0].Values, "Phường 1", "trade_services_revenue", 39887, 35120)
	check(p.Wards[0].Values, "Phường 1", "poor_household_rate", 13.0/5938*100, 15.0/5900*100)
	check(p.Wards[1].Values, "Phường 2", "trade_services_revenue", 21500, 20000)
	check(p.Wards[2].Values, "Phường 3", "households", 3000, 2950)
	check(p.Wards[2].Values, "Phường 3", "criminal_cases", 12, 14)
	check(p.District, "district", "households", 12938, 12750)
	check(p.District, "district", "trade_services_revenue", 61387, -1)
	check(p.District, "district", "trade_services_growth", (61387.0/55120-1)*100, -1)
	if v, _ := analysis.Find(p.Wards[2].Values, "trade_services_revenue"); v.Value != nil || v.Status != analysis.StatusNoData {
		t.Errorf("the ambiguous amount was read: %v", *v.Value)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
