// Command gen writes the merger sample that chitieu reads: the old wards of
// District 11 report the year 2024, the merged wards the year 2025, and the
// configuration dates the change.
//
//	samples-merger/cau-hinh.xlsx  the configuration: the 16 old wards valid
//	                              through 2025-06, the 5 new wards from
//	                              2025-07, the sheet "Thay đổi địa giới"
//	samples-merger/2024/          one form per old ward; "Cùng kỳ năm trước"
//	                              holds 2023
//	samples-merger/2025/          one form per new ward; "Cùng kỳ năm trước"
//	                              as each ward filled it in (see below)
//
// The mapping is illustrative (see samples-merger/README.md): a whole merge
// (Minh Phụng = Phường 1 + 7 + 16), a split (Phường 8: 0.55 to Bình Thới,
// 0.45 to Phú Thọ), and a rename (Phường 6 becomes Lãnh Binh Thăng).
//
// The new wards' own "Cùng kỳ năm trước" columns show what the rebasing
// checks: Minh Phụng and Lãnh Binh Thăng copy the old wards' 2024 figures,
// Bình Thới writes its estimate rounded to whole numbers, Phú Thọ leaves the
// column blank, and Hòa Bình forgot Phường 9 in its criminal cases: the one
// problem the sample is built to show.
//
// The figures are computed with integer arithmetic and are deterministic.
// Regenerate from the repository root with:
//
//	go run ./samples-merger/gen
//
// It replaces cau-hinh.xlsx and every .xlsx file in the two period folders.
package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"

	"chitieu/catalog"
	"chitieu/notation"
	"chitieu/workbook"
)

const dir = "samples-merger"

// The act behind the changes, as the configuration cites it.
const act = "Nghị quyết số 1685/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội (minh họa, xem README)"

// Indicator positions: the catalog's submitted indicators, in order.
const (
	households = iota
	poor
	hungry
	revenue
	cases
	solved
	drugCases
	drugUsers
	detox
	planDone
	count
)

type figures [count]float64

// old is an old ward's figures for 2024 (this) and 2023 (last).
func old(i int) (this, last figures) {
	h := float64(2400 + (i*373)%1500)
	this[households], last[households] = h, h-float64(10+i%7)
	this[poor], last[poor] = math.Round(h*(2+float64(i%3))/1000), math.Round(h*(3+float64(i%3))/1000)
	rev := float64(18000 + (i*7919)%14000)
	this[revenue], last[revenue] = rev, math.Round(rev/(1.12+float64(i%5)/100))
	c := float64(8 + (i*5)%9)
	this[cases], last[cases] = c, math.Round(c/0.77)
	this[solved], last[solved] = math.Ceil(c*0.62), math.Ceil(last[cases]*0.6)
	this[drugCases], last[drugCases] = float64(2+i%3), float64(3+i%3)
	this[drugUsers], last[drugUsers] = float64(20+(i*3)%15), float64(22+(i*3)%15)
	this[detox], last[detox] = math.Round(this[drugUsers]*0.92), math.Round(last[drugUsers]*0.91)
	this[planDone], last[planDone] = 1, 1
	return this, last
}

// newWard is a merged ward: its old wards with their shares, and how it
// fills in its own same-period-last-year column.
type newWard struct {
	name    string
	parts   map[int]float64 // old ward number -> share
	fill    string          // "copy", "rounded", "blank", "forgot 9"
	ordered []int
}

var newWards = []newWard{
	{name: "Phường Minh Phụng", parts: map[int]float64{1: 1, 7: 1, 16: 1}, ordered: []int{1, 7, 16}, fill: "copy"},
	{name: "Phường Bình Thới", parts: map[int]float64{3: 1, 10: 1, 8: 0.55, 2: 1}, ordered: []int{2, 3, 8, 10}, fill: "rounded"},
	{name: "Phường Phú Thọ", parts: map[int]float64{11: 1, 15: 1, 8: 0.45, 12: 1, 13: 1}, ordered: []int{8, 11, 12, 13, 15}, fill: "blank"},
	{name: "Phường Hòa Bình", parts: map[int]float64{5: 1, 14: 1, 4: 1, 9: 1}, ordered: []int{4, 5, 9, 14}, fill: "forgot 9"},
	{name: "Phường Lãnh Binh Thăng", parts: map[int]float64{6: 1}, ordered: []int{6}, fill: "copy"},
}

// config is the built-in catalog with yearly targets, no term, the old and
// new wards dated and the changes.
func config() *catalog.Config {
	c := catalog.Builtin()
	c.Source, c.District, c.Term = "", "Khu vực Quận 11 (cũ)", nil
	var targets []catalog.Target
	for _, t := range c.Targets {
		if t.TargetKind() == catalog.KindOverTerm {
			continue
		}
		t.Kind, t.Deadline = catalog.KindEachPeriod, 0
		targets = append(targets, t)
	}
	c.Targets = targets
	for i := range c.Units {
		c.Units[i].To = "2025-06"
	}
	for _, w := range newWards {
		c.Units = append(c.Units, catalog.Unit{Name: w.name, From: "2025-07"})
	}
	for n := 1; n <= 16; n++ {
		for _, w := range newWards {
			if share, ok := w.parts[n]; ok {
				c.Changes = append(c.Changes, catalog.Change{From: "2025-07", Old: fmt.Sprintf("Phường %d", n), New: w.name, Share: share, Act: act})
			}
		}
	}
	return c
}

func main() {
	cfg := config()
	if err := cfg.Validate(); err != nil {
		fail(err)
	}
	f, err := workbook.Config(cfg)
	if err != nil {
		fail(err)
	}
	if err := f.SaveAs(filepath.Join(dir, "cau-hinh.xlsx")); err != nil {
		fail(err)
	}
	for _, p := range []string{"2024", "2025"} {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			fail(err)
		}
		stale, _ := filepath.Glob(filepath.Join(dir, p, "*.xlsx"))
		for _, s := range stale {
			_ = os.Remove(s)
		}
	}
	y2024, _ := notation.ParsePeriodID("2024")
	y2025, _ := notation.ParsePeriodID("2025")
	for i := 1; i <= 16; i++ {
		this, last := old(i)
		write(cfg, fmt.Sprintf("Phường %d", i), y2024, filepath.Join(dir, "2024", fmt.Sprintf("P%02d.xlsx", i)), this, last, nil)
	}
	for _, w := range newWards {
		var rebased figures
		for _, n := range w.ordered {
			this, _ := old(n)
			for k := range rebased {
				if k == planDone {
					continue
				}
				rebased[k] += this[k] * w.parts[n]
			}
		}
		rebased[planDone] = 1
		var this figures
		this[households] = math.Round(rebased[households] * 1.01)
		this[poor] = math.Round(rebased[poor] * 0.85)
		this[hungry] = 0
		this[revenue] = math.Round(rebased[revenue] * 1.14)
		this[cases] = math.Floor(rebased[cases] * 0.78)
		this[solved] = math.Ceil(this[cases] * 0.6)
		this[drugCases] = math.Floor(rebased[drugCases] * 0.9)
		this[drugUsers] = math.Round(rebased[drugUsers] * 0.97)
		this[detox] = math.Round(this[drugUsers] * 0.93)
		this[planDone] = 1
		last := rebased
		known := [count]bool{}
		for k := range known {
			known[k] = true
		}
		switch w.fill {
		case "rounded":
			for k := range last {
				last[k] = math.Round(last[k])
			}
		case "blank":
			known = [count]bool{}
		case "forgot 9":
			nine, _ := old(9)
			last[cases] -= nine[cases]
		}
		write(cfg, w.name, y2025, filepath.Join(dir, "2025", w.name+".xlsx"), this, last, &known)
	}
	fmt.Println("wrote", dir)
}

// write fills the blank form of ward for period with this period's figures
// and, where known (nil: all), last year's.
func write(cfg *catalog.Config, ward string, period notation.Period, path string, this, last figures, known *[count]bool) {
	f, err := workbook.Template(cfg, ward, period)
	if err != nil {
		fail(err)
	}
	const sheet, firstRow = "Báo cáo", 6
	for k := 0; k < count; k++ {
		row := firstRow + k
		if err := f.SetCellValue(sheet, fmt.Sprintf("E%d", row), this[k]); err != nil {
			fail(err)
		}
		if known == nil || known[k] {
			if err := f.SetCellValue(sheet, fmt.Sprintf("F%d", row), last[k]); err != nil {
				fail(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
