package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"chitieu/analysis"
)

// briefProblems renders problems as "severity file cell code" for tests.
func briefProblems(problems []analysis.Problem) string {
	var lines []string
	for _, p := range problems {
		lines = append(lines, string(p.Severity)+" "+filepath.Base(p.File)+" "+p.Cell+" "+string(p.Code))
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
	writeWorkbook(t, filepath.Join(dir, "P02.xlsx"), sheetSpec{name: "BC", cells: standardForm(title("PHƯỜNG 2"),
		[3]any{"Tổng số hộ dân", 3000, 2900},
		[3]any{"Số hộ nghèo", 30, 31},
		[3]any{"Số vụ phạm pháp hình sự", 10, 12},
		[3]any{"Doanh thu thương mại - dịch vụ", 100, nil},
	)})
	cfg := analysis.Builtin()
	res := read(t, Options{Config: cfg}, dir)
	result := analysis.Analyze(cfg, res.Submissions, res.Problems)
	want := strings.Join([]string{
		"error P01.xlsx D5 " + string(analysis.MsgFraction),
		"error P01.xlsx D6 " + string(analysis.MsgFraction),
		"error P01.xlsx D7 " + string(analysis.MsgNegative),
	}, "\n")
	if got := briefProblems(result.Problems); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	p := result.Periods[0]
	for id, want := range map[string]float64{"households": 3000, "poor_households": 30, "criminal_cases": 10,
		"poor_household_rate": 1, "trade_services_revenue": 121.68} {
		if v, _ := analysis.Find(p.District, id); v.Value == nil || *v.Value < want-1e-9 || *v.Value > want+1e-9 {
			t.Errorf("district %s = %v, want %v", id, v.Value, want)
		}
	}
	if msg := result.Problems[0].Format("en"); !strings.Contains(msg, `"4202.5"`) && !strings.Contains(msg, "4202.5") {
		t.Errorf("the message does not quote the figure: %s", msg)
	}
}
