// Command gen writes the monthly sample: the 16 wards' monthly forms from
// January 2002 to May 2003, and a configuration workbook with the
// district's plans for 2003, so that `chitieu samples-monthly` shows the
// meeting table of May 2003 (this month, the same month last year, the
// year to date against last year's, the year's plan and its share).
//
//	samples-monthly/2002-01/P01.xlsx … samples-monthly/2003-05/P16.xlsx
//	samples-monthly/cau-hinh.xlsx   the built-in configuration plus a Kế hoạch sheet
//
// Every form has a "Kế hoạch năm" column giving the ward's revenue plan for
// the year. The figures follow a fixed model per ward and month (stocks
// that drift, flows with a season, small counts drawn from a seeded
// Poisson generator), so the output is the same on every run; a form's
// "Cùng kỳ năm trước" is the same model a year earlier, so it agrees with
// last year's own forms. Regenerate from the repository root with:
//
//	go run ./samples-monthly/gen
package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"chitieu/catalog"
	"chitieu/workbook"
)

const (
	dir   = "samples-monthly"
	wards = 16
)

// row is one indicator of the form: its label, unit and model.
type row struct {
	label, unit string
	value       func(w, year, month int) int
	plan        func(w, year int) int // nil: no plan on the form
}

var rows = []row{
	{"Tổng số hộ dân", "hộ", func(w, y, m int) int { return 3600 + 45*w + 4*months(y, m) }, nil},
	{"Số hộ nghèo", "hộ", func(w, y, m int) int { return max(2, 40+w-months(y, m)/2) }, nil},
	{"Số hộ đói", "hộ", func(w, y, m int) int {
		if w%4 == 0 && months(y, m) < 20 {
			return 1
		}
		return 0
	}, nil},
	{"Doanh thu thương mại - dịch vụ", "triệu đồng", revenue, revenuePlan},
	{"Số vụ phạm pháp hình sự", "vụ", cases, nil},
	{"Số vụ phạm pháp hình sự đã khám phá", "vụ", solved, nil},
	{"Số vụ về ma túy", "vụ", func(w, y, m int) int { return poisson(0.35*math.Pow(0.88, float64(y-2001)), w, y, m, 2) }, nil},
	{"Số người nghiện ma túy có hồ sơ quản lý", "người", func(w, y, m int) int { return 22 + w%5 + (months(y, m)/6)%3 }, nil},
	{"Số người được đưa đi cai nghiện tập trung", "người", func(w, y, m int) int { return poisson(1.7, w, y, m, 3) }, nil},
	{"Hoàn thành quy hoạch chi tiết", "có/không", func(w, y, m int) int {
		if months(y, m) >= 12+w {
			return 1
		}
		return 0
	}, nil},
}

// months counts months from January 2001.
func months(year, month int) int { return (year-2001)*12 + month - 1 }

var season = [13]float64{0, 1.12, 0.92, 0.95, 0.97, 1.0, 0.98, 0.99, 1.0, 1.01, 1.02, 1.04, 1.10}

// revenue grows 15 % a year from 2 400–4 000 triệu a month in 2001.
func revenue(w, y, m int) int {
	return int(math.Round(float64(2400+100*w) * math.Pow(1.15, float64(y-2001)) * season[m]))
}

// revenuePlan is a 13 % rise on the year before.
func revenuePlan(w, y int) int {
	last := 0
	for m := 1; m <= 12; m++ {
		last += revenue(w, y-1, m)
	}
	return int(math.Round(float64(last) * 1.13))
}

// cases fall by a fifth a year.
func cases(w, y, m int) int { return poisson(2.4*math.Pow(0.8, float64(y-2001)), w, y, m, 1) }

// solved is about 60 % of the cases, never more than them.
func solved(w, y, m int) int {
	n := cases(w, y, m)
	return min(n, int(float64(n)*0.6+uniform(w, y, m, 4)))
}

// uniform is a number in [0, 1) fixed by its arguments (a hash, so that
// every month's figures stand alone and the previous column agrees).
func uniform(w, y, m, salt int) float64 {
	x := uint64(w)*0x9E3779B97F4A7C15 ^ uint64(y*13+m)*0xBF58476D1CE4E5B9 ^ uint64(salt)*0x94D049BB133111EB
	x ^= x >> 31
	x *= 0xD6E8FEB86659FD93
	x ^= x >> 32
	return float64(x%1_000_000) / 1_000_000
}

// poisson draws a count with the given mean (Knuth's method on uniform).
func poisson(mean float64, w, y, m, salt int) int {
	limit, p, k := math.Exp(-mean), 1.0, 0
	for {
		p *= uniform(w, y, m, salt*100+k)
		if p <= limit {
			return k
		}
		k++
	}
}

func main() {
	n := 0
	for y := 2002; y <= 2003; y++ {
		for m := 1; m <= 12 && (y < 2003 || m <= 5); m++ {
			folder := filepath.Join(dir, fmt.Sprintf("%d-%02d", y, m))
			if err := os.MkdirAll(folder, 0o755); err != nil {
				fail(err)
			}
			for w := 1; w <= wards; w++ {
				if err := writeForm(filepath.Join(folder, fmt.Sprintf("P%02d.xlsx", w)), w, y, m); err != nil {
					fail(err)
				}
				n++
			}
		}
	}
	if err := writeConfig(filepath.Join(dir, "cau-hinh.xlsx")); err != nil {
		fail(err)
	}
	fmt.Printf("wrote %d monthly forms and %s/cau-hinh.xlsx\n", n, dir)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

func writeForm(path string, w, y, m int) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Báo cáo"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	set := func(ref string, v any) {
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			fail(err)
		}
	}
	set("A1", fmt.Sprintf("ỦY BAN NHÂN DÂN PHƯỜNG %d", w))
	set("A2", fmt.Sprintf("BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI THÁNG %d NĂM %d", m, y))
	for i, h := range []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ báo cáo", "Cùng kỳ năm trước", "Kế hoạch năm"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, 4)
		set(ref, h)
	}
	for i, r := range rows {
		line := 5 + i
		set(fmt.Sprintf("A%d", line), i+1)
		set(fmt.Sprintf("B%d", line), r.label)
		set(fmt.Sprintf("C%d", line), r.unit)
		set(fmt.Sprintf("D%d", line), r.value(w, y, m))
		set(fmt.Sprintf("E%d", line), r.value(w, y-1, m))
		if r.plan != nil {
			set(fmt.Sprintf("F%d", line), r.plan(w, y))
		}
	}
	_ = f.SetColWidth(sheet, "B", "B", 42)
	modified := fmt.Sprintf("%d-%02d-05T08:00:00Z", y+m/12, m%12+1)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "Phường", Created: modified, Modified: modified}); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// writeConfig writes the built-in configuration with the district's own
// plans for 2003: revenue (at least 13 % above 2002) and criminal cases
// (at most 2002's less 20 %).
func writeConfig(path string) error {
	cfg := catalog.Builtin()
	rev, total := 0, 0
	for w := 1; w <= wards; w++ {
		rev += revenuePlan(w, 2003)
		for m := 1; m <= 12; m++ {
			total += cases(w, 2002, m)
		}
	}
	cfg.Plans = []catalog.Plan{
		{Year: 2003, Unit: cfg.District, Indicator: "trade_services_revenue", Value: float64(rev), Op: ">="},
		{Year: 2003, Unit: cfg.District, Indicator: "criminal_cases", Value: math.Floor(float64(total) * 0.8), Op: "<="},
	}
	f, err := workbook.Config(cfg)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.SaveAs(path)
}
