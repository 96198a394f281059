// Command gen writes the sample ward reports that chitieu reads.
//
// For each of three reporting periods it writes one Excel workbook per ward
// (Phường 1 … Phường 16) of the district:
//
//	samples/2001/     year 2001; "Cùng kỳ năm trước" holds the 2000 figures
//	samples/2002/     year 2002; "Cùng kỳ năm trước" equals the 2001 figures
//	samples/2003-H1/  first half of 2003; "Cùng kỳ năm trước" holds 2002-H1
//
// Every workbook reports the ten indicators (Mã số 01..10) with a this-period
// and a same-period-last-year column. Most wards use the standard form; in each
// period six wards (different ones every period) send a real-world variant:
// a tall title block with a signature block, numbers typed as Vietnamese text,
// upper-case labels without diacritics, the ward only in the sheet name, the
// ward only in the file name, or an extra "Mã số" column (see variants below).
//
// The ward figures are computed with integer arithmetic from the ward table
// below: district totals are set from the published rates and split over the
// wards in proportion to per-ward weights (largest remainder), so the district
// figures come out exactly while ward-level figures vary. After writing the
// files the program prints the district figures and exits non-zero if any of
// them is off target.
//
// The output is deterministic. Regenerate from the repository root with:
//
//	go run ./samples/gen
//
// It replaces every .xlsx file in the three period folders.
package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ---------------------------------------------------------------------------
// Indicators

// Indicator positions in a row of figures.
const (
	households = iota
	poorHouseholds
	hungryHouseholds
	revenue
	criminalCases
	criminalSolved
	drugCases
	drugUsers
	detoxPlacements
	planDone
	indicatorCount
)

type indicator struct {
	code, label, unit, asciiLabel, asciiUnit string
}

var indicators = [indicatorCount]indicator{
	{"01", "Tổng số hộ dân", "hộ", "TONG SO HO DAN", "HO"},
	{"02", "Số hộ nghèo", "hộ", "SO HO NGHEO", "HO"},
	{"03", "Số hộ đói", "hộ", "SO HO DOI", "HO"},
	{"04", "Doanh thu thương mại - dịch vụ", "triệu đồng", "DOANH THU THUONG MAI - DICH VU", "TRIEU DONG"},
	{"05", "Số vụ phạm pháp hình sự", "vụ", "SO VU PHAM PHAP HINH SU", "VU"},
	{"06", "Số vụ phạm pháp hình sự đã khám phá", "vụ", "SO VU PHAM PHAP HINH SU DA KHAM PHA", "VU"},
	{"07", "Số vụ về ma túy", "vụ", "SO VU VE MA TUY", "VU"},
	{"08", "Số người nghiện ma túy có hồ sơ quản lý", "người", "SO NGUOI NGHIEN MA TUY CO HO SO QUAN LY", "NGUOI"},
	{"09", "Số người được đưa đi cai nghiện tập trung", "người", "SO NGUOI DUOC DUA DI CAI NGHIEN TAP TRUNG", "NGUOI"},
	{"10", "Hoàn thành quy hoạch chi tiết", "có/không", "HOAN THANH QUY HOACH CHI TIET", "CO/KHONG"},
}

// ---------------------------------------------------------------------------
// Ward figures

const wardCount = 16

// Data columns: the periods whose figures appear in some workbook.
const (
	col2000 = iota
	col2001
	col2002H1
	col2002
	col2003H1
	colCount
	never = colCount // planFrom value of a ward that never completes its plan
)

// figures is one ward's value of every indicator for one data column.
type figures [indicatorCount]int

// column holds the figures of all wards (index 0 = Phường 1) for one period.
type column [wardCount]figures

// ward holds the fixed characteristics of a ward. Weights are relative: the
// district totals are fixed separately and split in proportion to them.
type ward struct {
	households int    // households at the end of 2001
	poor       int    // poverty weight (×10, 10 = district average)
	hungry     int    // weight for the district's few hungry households
	revenue    int    // 2000 trade and services revenue, triệu đồng
	growth     [3]int // revenue growth weight, ‰, for 2001, 2002, 2003-H1 (rescaled to the district rate)
	firstHalf  int    // share of the 2002 revenue and cases falling in 2002-H1, %
	cases      int    // criminal cases in 2000
	change     [2]int // criminal case change weight, %, for 2001 and 2002 (rescaled to −21 %)
	keep2003   int    // 2003-H1 cases as % of 2002-H1 (rounded down)
	detection  int    // detection rate offset in points, 2000–2002-H1
	detect03   int    // 2003-H1 detection rate, % (rounded up)
	drug       int    // drug case weight
	users      int    // registered drug user weight
	detox      int    // detox placement offset, %
	planFrom   int    // first data column in which the detailed plan is done
}

// The ward table. In 2003-H1 Phường 6 (revenue growth, detection rate),
// Phường 10 (detection rate) and Phường 13 (criminal cases, detection rate)
// miss targets; the other wards meet all of them.
var wards = [wardCount]ward{
	// households, poor, hungry, revenue, growth, firstHalf, cases, change,
	// keep2003, detection, detect03, drug, users, detox, planFrom
	{4120, 12, 1, 38400, [3]int{152, 146, 162}, 47, 34, [2]int{-24, -20}, 80, 3, 55, 5, 31, 2, col2001},     // Phường 1
	{3580, 8, 0, 29750, [3]int{178, 163, 154}, 46, 27, [2]int{-19, -23}, 78, -2, 55, 3, 22, -3, col2002},    // Phường 2
	{5210, 15, 3, 45200, [3]int{169, 151, 171}, 48, 41, [2]int{-22, -18}, 80, 5, 55, 6, 38, 1, col2000},     // Phường 3
	{2760, 6, 0, 18600, [3]int{141, 174, 148}, 47, 18, [2]int{-17, -22}, 80, -4, 55, 2, 14, 4, col2003H1},   // Phường 4
	{4890, 10, 0, 41300, [3]int{160, 138, 166}, 49, 36, [2]int{-23, -21}, 76, 0, 55, 4, 29, -2, col2001},    // Phường 5
	{3950, 9, 0, 33900, [3]int{184, 159, 90}, 46, 29, [2]int{-20, -25}, 80, 2, 50, 3, 24, 0, col2002},       // Phường 6
	{5640, 14, 2, 52800, [3]int{156, 167, 159}, 47, 45, [2]int{-25, -19}, 80, -3, 55, 7, 41, 3, col2000},    // Phường 7
	{3310, 7, 0, 24100, [3]int{139, 142, 175}, 48, 22, [2]int{-18, -24}, 80, 4, 55, 2, 17, -4, col2002H1},   // Phường 8
	{4470, 11, 0, 36700, [3]int{171, 155, 161}, 46, 31, [2]int{-21, -17}, 80, -1, 55, 4, 27, 2, col2002},    // Phường 9
	{2980, 5, 0, 16900, [3]int{148, 181, 143}, 47, 16, [2]int{-16, -22}, 80, -5, 50, 1, 11, -1, col2003H1},  // Phường 10
	{3720, 13, 2, 31200, [3]int{165, 135, 158}, 48, 33, [2]int{-22, -20}, 79, 1, 55, 5, 30, 0, col2002H1},   // Phường 11
	{5060, 9, 0, 47500, [3]int{173, 160, 169}, 47, 38, [2]int{-26, -23}, 80, 3, 55, 4, 33, 3, col2000},      // Phường 12
	{4230, 10, 0, 35600, [3]int{159, 152, 151}, 46, 30, [2]int{-19, -21}, 95, -2, 50, 3, 25, -2, col2003H1}, // Phường 13
	{3140, 8, 0, 22300, [3]int{132, 170, 178}, 49, 20, [2]int{-21, -18}, 80, 0, 55, 2, 15, 1, never},        // Phường 14
	{4650, 12, 1, 40100, [3]int{168, 149, 147}, 47, 35, [2]int{-23, -24}, 78, 4, 55, 5, 28, -3, col2003H1},  // Phường 15
	{2890, 10, 0, 19800, [3]int{189, 166, 163}, 48, 25, [2]int{-20, -22}, 80, -3, 55, 3, 19, 2, never},      // Phường 16
}

// District-level settings per data column (col2000 … col2003H1).
var (
	householdsPermille = [colCount]int{984, 1000, 1006, 1013, 1020} // of the 2001 count
	poorBasisPoints    = [colCount]int{90, 60, 38, 35, 21}          // poor households, ‱ of households (no ward falls by half in a year)
	hungryTotal        = [colCount]int{14, 6, 4, 2, 0}
	detectionPercent   = [colCount]int{56, 60, 58, 60, 0} // 2003-H1 comes from detect03
	drugCaseTotal      = [colCount]int{64, 57, 26, 49, 21}
	drugUserTotal      = [colCount]int{436, 413, 396, 402, 250}
	detoxTotal         = [colCount]int{351, 380, 188, 370, 230}
)

// Published district growth rates (‰) and criminal case ratio (%).
const (
	growth2001Permille = 1163
	growth2002Permille = 1157
	growthH1Permille   = 1157
	casesRatioPercent  = 79
)

// buildData computes the figures of every ward for every data column.
func buildData() [colCount]column {
	var c [colCount]column
	byWard := func(f func(w ward, i int) int) []int {
		v := make([]int, wardCount)
		for i, w := range wards {
			v[i] = f(w, i)
		}
		return v
	}
	set := func(k, ind int, values []int) {
		for i, v := range values {
			c[k][i][ind] = v
		}
	}

	for k := range colCount {
		set(k, households, byWard(func(w ward, _ int) int { return divRound(w.households*householdsPermille[k], 1000) }))
		hh := c[k].total(households)
		set(k, poorHouseholds, apportion(divRound(hh*poorBasisPoints[k], 10000),
			byWard(func(w ward, i int) int { return c[k][i][households] * w.poor })))
		set(k, hungryHouseholds, apportion(hungryTotal[k], byWard(func(w ward, _ int) int { return w.hungry })))
		set(k, drugCases, apportion(drugCaseTotal[k], byWard(func(w ward, _ int) int { return w.drug })))
		set(k, drugUsers, apportion(drugUserTotal[k], byWard(func(w ward, _ int) int { return w.users })))
		set(k, detoxPlacements, apportion(detoxTotal[k], byWard(func(w ward, _ int) int { return w.users * (100 + w.detox) })))
		set(k, planDone, byWard(func(w ward, _ int) int { return boolInt(w.planFrom <= k) }))
	}

	// Revenue: 2000 given, then growth to the published district rates.
	grow := func(from, to, g, permille int) {
		set(to, revenue, apportion(divRound(c[from].total(revenue)*permille, 1000),
			byWard(func(w ward, i int) int { return c[from][i][revenue] * (1000 + w.growth[g]) })))
	}
	set(col2000, revenue, byWard(func(w ward, _ int) int { return w.revenue }))
	grow(col2000, col2001, 0, growth2001Permille)
	grow(col2001, col2002, 1, growth2002Permille)
	set(col2002H1, revenue, byWard(func(w ward, i int) int { return divRound(c[col2002][i][revenue]*w.firstHalf, 100) }))
	grow(col2002H1, col2003H1, 2, growthH1Permille)

	// Criminal cases: 2000 given, then the published change for 2001 and 2002.
	set(col2000, criminalCases, byWard(func(w ward, _ int) int { return w.cases }))
	for i, step := range [2]struct{ from, to int }{{col2000, col2001}, {col2001, col2002}} {
		set(step.to, criminalCases, apportion(divRound(c[step.from].total(criminalCases)*casesRatioPercent, 100),
			byWard(func(w ward, j int) int { return c[step.from][j][criminalCases] * (100 + w.change[i]) })))
	}
	set(col2002H1, criminalCases, byWard(func(w ward, i int) int { return divRound(c[col2002][i][criminalCases]*w.firstHalf, 100) }))
	set(col2003H1, criminalCases, byWard(func(w ward, i int) int { return c[col2002H1][i][criminalCases] * w.keep2003 / 100 }))

	// Solved cases: district detection rate split by ward offsets; 2003-H1 per ward.
	for k := range col2003H1 {
		set(k, criminalSolved, apportion(divRound(c[k].total(criminalCases)*detectionPercent[k], 100),
			byWard(func(w ward, i int) int { return c[k][i][criminalCases] * (detectionPercent[k] + w.detection) })))
	}
	set(col2003H1, criminalSolved, byWard(func(w ward, i int) int { return divCeil(c[col2003H1][i][criminalCases]*w.detect03, 100) }))
	return c
}

func (c *column) total(ind int) int {
	t := 0
	for _, f := range c {
		t += f[ind]
	}
	return t
}

// apportion splits total into integer parts proportional to weights using the
// largest remainder method (ties go to the lower ward number).
func apportion(total int, weights []int) []int {
	parts := make([]int, len(weights))
	sum := 0
	for _, w := range weights {
		sum += w
	}
	if total == 0 || sum == 0 {
		return parts
	}
	rest := make([]int, len(weights))
	given := 0
	for i, w := range weights {
		parts[i] = total * w / sum
		rest[i] = total * w % sum
		given += parts[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rest[order[a]] > rest[order[b]] })
	for _, i := range order[:total-given] {
		parts[i]++
	}
	return parts
}

func divRound(a, b int) int { return (a + b/2) / b }
func divCeil(a, b int) int  { return (a + b - 1) / b }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ---------------------------------------------------------------------------
// Periods and form variants

type layout int

const (
	standard    layout = iota
	tallTitle          // national motto, date line, dispatch reference, signatures
	textNumbers        // numbers typed as text in Vietnamese notation
	asciiUpper         // upper case without diacritics
	wardInSheet        // ward only in the sheet name ("P12")
	wardInFile         // ward only in the file name ("BC_P14.xlsx")
	codeColumn         // extra "Mã số" column, numbered labels with units
)

type period struct {
	dir         string // folder under samples/
	phrase      string // period in the title, e.g. "NĂM 2001"
	asciiPhrase string // the same without diacritics
	signed      string // report date, the "ngày … tháng … năm …" part of the date line
	dispatch    string // the district request the report answers
	asOf        string // data cut-off date, dd/mm/yyyy
	created     string // document properties date
	this, prev  int    // data columns
	variants    map[int]layout
}

var periods = []period{
	{
		dir: "2001", phrase: "NĂM 2001", asciiPhrase: "NAM 2001",
		signed:   "ngày 5 tháng 1 năm 2002",
		dispatch: "(Kèm theo Công văn số 123/UBND ngày 20/12/2001)",
		asOf:     "31/12/2001", created: "2002-01-05T08:00:00Z",
		this: col2001, prev: col2000,
		variants: map[int]layout{3: asciiUpper, 5: codeColumn, 7: tallTitle, 9: textNumbers, 12: wardInSheet, 14: wardInFile},
	},
	{
		dir: "2002", phrase: "NĂM 2002", asciiPhrase: "NAM 2002",
		signed:   "ngày 6 tháng 1 năm 2003",
		dispatch: "(Kèm theo Công văn số 1045/UBND ngày 18/12/2002)",
		asOf:     "31/12/2002", created: "2003-01-06T08:00:00Z",
		this: col2002, prev: col2001,
		variants: map[int]layout{2: tallTitle, 6: wardInSheet, 8: wardInFile, 11: textNumbers, 13: codeColumn, 16: asciiUpper},
	},
	{
		dir: "2003-H1", phrase: "6 THÁNG ĐẦU NĂM 2003", asciiPhrase: "6 THANG DAU NAM 2003",
		signed:   "ngày 4 tháng 7 năm 2003",
		dispatch: "(Kèm theo Công văn số 412/UBND ngày 16/6/2003)",
		asOf:     "30/6/2003", created: "2003-07-04T08:00:00Z",
		this: col2003H1, prev: col2002H1,
		variants: map[int]layout{1: asciiUpper, 4: textNumbers, 7: codeColumn, 9: wardInFile, 10: tallTitle, 15: wardInSheet},
	},
}

const (
	titlePrefix      = "BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI "
	asciiTitlePrefix = "BAO CAO TINH HINH THUC HIEN CAC CHI TIEU KINH TE - XA HOI "
)

var (
	standardHeader = []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ báo cáo", "Cùng kỳ năm trước", "Ghi chú"}
	asciiHeader    = []string{"STT", "CHI TIEU", "DON VI TINH", "KY BAO CAO", "CUNG KY NAM TRUOC", "GHI CHU"}
	codeHeader     = []string{"STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Thực hiện kỳ này", "Cùng kỳ năm trước"}

	preparers = []string{"Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Mai", "Phạm Minh Tuấn", "Võ Thị Lan"}
	chairs    = []string{"Lý Văn Hùng", "Đặng Quốc Khánh", "Huỳnh Văn Phúc", "Trương Thị Thu"}
)

// report is what one ward sends for one period.
type report struct {
	period
	ward       int // 1..16
	this, prev figures
}

// writeReport writes the ward's workbook into dir in the given layout.
func writeReport(dir string, r report, l layout) error {
	file := fmt.Sprintf("P%02d.xlsx", r.ward)
	b := newBook("Báo cáo")
	title := titlePrefix + r.phrase
	table := tableSpec{header: standardHeader, label: plainLabel}

	switch l {
	case standard:
		b.titleBlock("ỦY BAN NHÂN DÂN", fmt.Sprintf("PHƯỜNG %d", r.ward), title)
		b.writeTable(5, table, r)
	case tallTitle:
		b.set("A1", "ỦY BAN NHÂN DÂN QUẬN 11")
		b.set("A2", fmt.Sprintf("ỦY BAN NHÂN DÂN PHƯỜNG %d", r.ward))
		b.set("D1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		b.set("D2", "Độc lập - Tự do - Hạnh phúc")
		b.set("D3", fmt.Sprintf("Phường %d, %s", r.ward, r.signed))
		b.styleCells("A1", "D2", b.bold)
		b.wideTitle(5, title)
		b.wideTitle(6, r.dispatch)
		last := b.writeTable(8, table, r)
		b.set(cell("A", last+1), "Ghi chú: số liệu ước tính.")
		b.set(cell("B", last+3), "NGƯỜI LẬP BIỂU")
		b.set(cell("E", last+3), "CHỦ TỊCH")
		b.styleCells(cell("B", last+3), cell("E", last+3), b.bold)
		b.set(cell("B", last+5), preparers[r.ward%len(preparers)])
		b.set(cell("E", last+5), chairs[r.ward%len(chairs)])
	case textNumbers:
		file = fmt.Sprintf("phuong-%02d.xlsx", r.ward)
		b.titleBlock("ỦY BAN NHÂN DÂN", fmt.Sprintf("PHƯỜNG %02d", r.ward), title)
		table.text = true
		b.writeTable(5, table, r)
	case asciiUpper:
		b.rename("Bao cao")
		b.titleBlock(fmt.Sprintf("UBND PHUONG %d", r.ward), asciiTitlePrefix+r.asciiPhrase)
		b.writeTable(4, tableSpec{header: asciiHeader, label: asciiLabel}, r)
	case wardInSheet:
		file = "Book1.xlsx"
		b.rename(fmt.Sprintf("P%d", r.ward))
		b.titleBlock(title)
		b.writeTable(3, table, r)
	case wardInFile:
		file = fmt.Sprintf("BC_P%d.xlsx", r.ward)
		b.rename("Sheet1")
		b.titleBlock(title)
		b.writeTable(3, table, r)
	case codeColumn:
		b.titleBlock("ỦY BAN NHÂN DÂN", fmt.Sprintf("PHƯỜNG %d", r.ward), title)
		b.wideTitle(4, fmt.Sprintf("(Số liệu tính đến ngày %s)", r.asOf))
		b.writeTable(7, tableSpec{header: codeHeader, label: numberedLabel, code: true}, r)
	}
	b.props(r)
	return b.save(filepath.Join(dir, file))
}

// ---------------------------------------------------------------------------
// Workbook writing

// book wraps an excelize file with a single sheet; the first error sticks.
type book struct {
	f     *excelize.File
	sheet string
	err   error

	bold, title, head, text, number int // style ids
}

func newBook(sheet string) *book {
	b := &book{f: excelize.NewFile(), sheet: "Sheet1"}
	b.rename(sheet)
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	b.bold = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13},
		Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	b.head = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	b.text = b.style(&excelize.Style{Border: border})
	b.number = b.style(&excelize.Style{Border: border, NumFmt: 3}) // #,##0
	return b
}

func (b *book) style(s *excelize.Style) int {
	if b.err != nil {
		return 0
	}
	id, err := b.f.NewStyle(s)
	b.err = err
	return id
}

func (b *book) rename(name string) {
	if b.err == nil && name != b.sheet {
		b.err = b.f.SetSheetName(b.sheet, name)
		b.sheet = name
	}
}

func (b *book) set(ref string, v any) {
	if b.err == nil {
		b.err = b.f.SetCellValue(b.sheet, ref, v)
	}
}

func (b *book) styleCells(from, to string, id int) {
	if b.err == nil {
		b.err = b.f.SetCellStyle(b.sheet, from, to, id)
	}
}

func (b *book) widths(w ...float64) {
	for i, width := range w {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if b.err == nil {
			b.err = b.f.SetColWidth(b.sheet, col, col, width)
		}
	}
}

// titleBlock writes lines into A1, A2, …; the last one is the report title.
func (b *book) titleBlock(lines ...string) {
	for i, s := range lines[:len(lines)-1] {
		b.set(cell("A", i+1), s)
		b.styleCells(cell("A", i+1), cell("A", i+1), b.bold)
	}
	b.wideTitle(len(lines), lines[len(lines)-1])
}

// wideTitle writes s centred across A:F of the given row.
func (b *book) wideTitle(row int, s string) {
	b.set(cell("A", row), s)
	if b.err == nil {
		b.err = b.f.MergeCell(b.sheet, cell("A", row), cell("F", row))
	}
	b.styleCells(cell("A", row), cell("F", row), b.title)
	if b.err == nil {
		b.err = b.f.SetRowHeight(b.sheet, row, 33)
	}
}

type tableSpec struct {
	header []string
	label  func(indicator, int) string
	code   bool // "Mã số" column after the label
	text   bool // values typed as text in Vietnamese notation
}

func plainLabel(ind indicator, _ int) string { return ind.label }
func asciiLabel(ind indicator, _ int) string { return ind.asciiLabel }
func numberedLabel(ind indicator, i int) string {
	return fmt.Sprintf("%d. %s (%s)", i+1, ind.label, ind.unit)
}

// writeTable writes the header at row and the ten indicator rows below it;
// it returns the last row written.
func (b *book) writeTable(row int, t tableSpec, r report) int {
	b.row(row, b.head, toAny(t.header)...)
	ascii := strings.HasPrefix(t.header[1], "CHI")
	for i, ind := range indicators {
		unit := ind.unit
		if ascii {
			unit = ind.asciiUnit
		}
		cells := []any{i + 1, t.label(ind, i)}
		if t.code {
			cells = append(cells, ind.code)
		}
		cells = append(cells, unit, t.value(i, r.this[i]), t.value(i, r.prev[i]))
		if !t.code {
			cells = append(cells, "") // Ghi chú
		}
		b.row(row+1+i, b.text, cells...)
	}
	if t.code {
		b.widths(6, 52, 8, 13, 18, 20)
	} else {
		b.widths(6, 46, 13, 16, 20, 12)
	}
	return row + len(indicators)
}

// row writes values from column A on; numbers get the #,##0 format.
func (b *book) row(row, style int, values ...any) {
	for i, v := range values {
		col, _ := excelize.ColumnNumberToName(i + 1)
		ref := cell(col, row)
		b.set(ref, v)
		s := style
		if _, ok := v.(int); ok && i > 0 {
			s = b.number
		}
		b.styleCells(ref, ref, s)
	}
}

func (t tableSpec) value(ind, v int) any {
	switch {
	case !t.text:
		return v
	case ind == planDone && v == 1:
		return "Có"
	case ind == planDone:
		return "Không"
	default:
		return vietnameseNumber(v)
	}
}

// vietnameseNumber formats n with dots as thousands separators: 72345 → "72.345".
func vietnameseNumber(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// props sets fixed document properties (no ward, so that the ward-in-sheet
// and ward-in-file variants give it nowhere else).
func (b *book) props(r report) {
	if b.err == nil {
		b.err = b.f.SetDocProps(&excelize.DocProperties{
			Title:    "Báo cáo chỉ tiêu kinh tế - xã hội " + r.dir,
			Creator:  "chitieu samples/gen",
			Created:  r.created,
			Modified: r.created,
		})
	}
}

func (b *book) save(path string) error {
	if b.err == nil {
		b.err = b.f.SaveAs(path)
	}
	if err := b.f.Close(); b.err == nil {
		b.err = err
	}
	if b.err != nil {
		return fmt.Errorf("%s: %w", path, b.err)
	}
	return nil
}

func cell(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }

func toAny(s []string) []any {
	v := make([]any, len(s))
	for i, x := range s {
		v[i] = x
	}
	return v
}

// ---------------------------------------------------------------------------
// Checks

// wardMisses lists the ward-level targets a ward misses in a period.
func wardMisses(this, prev figures) []string {
	var m []string
	if g := rate(this[revenue], prev[revenue]) - 100; g < 12 {
		m = append(m, fmt.Sprintf("growth %.1f%%", g))
	}
	if p := rate(this[poorHouseholds], this[households]); p > 4 {
		m = append(m, fmt.Sprintf("poor rate %.2f%%", p))
	}
	if this[hungryHouseholds] > 0 {
		m = append(m, fmt.Sprintf("%d hungry", this[hungryHouseholds]))
	}
	if c := rate(this[criminalCases], prev[criminalCases]) - 100; c > -20 {
		m = append(m, fmt.Sprintf("criminal change %.1f%%", c))
	}
	if d := rate(this[criminalSolved], this[criminalCases]); this[criminalCases] > 0 && d < 55 {
		m = append(m, fmt.Sprintf("detection %.1f%%", d))
	}
	return m
}

func rate(a, b int) float64 { return float64(a) / float64(b) * 100 }

// check prints the district figures of every period and returns the problems.
func check(data [colCount]column) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	near := func(what string, got, want, tol float64) {
		if math.Abs(got-want) > tol {
			fail("%s = %.3f, want %.3f ± %.3f", what, got, want, tol)
		}
	}
	within := func(what string, got, lo, hi float64) {
		if got < lo || got > hi {
			fail("%s = %.3f, want between %g and %g", what, got, lo, hi)
		}
	}

	detoxSum := 0
	for _, p := range periods {
		this, prev := &data[p.this], &data[p.prev]
		growth := rate(this.total(revenue), prev.total(revenue)) - 100
		change := rate(this.total(criminalCases), prev.total(criminalCases)) - 100
		detection := rate(this.total(criminalSolved), this.total(criminalCases))
		poor := rate(this.total(poorHouseholds), this.total(households))
		detox := rate(this.total(detoxPlacements), this.total(drugUsers))
		detoxSum += this.total(detoxPlacements)

		fmt.Printf("%s (%s)\n", p.dir, p.phrase)
		fmt.Printf("  households            %8d\n", this.total(households))
		fmt.Printf("  poor household rate   %8.3f %%  (%d poor)\n", poor, this.total(poorHouseholds))
		fmt.Printf("  hungry households     %8d\n", this.total(hungryHouseholds))
		fmt.Printf("  revenue               %8d triệu đồng (same period last year %d)\n", this.total(revenue), prev.total(revenue))
		fmt.Printf("  trade/services growth %8.3f %%\n", growth)
		fmt.Printf("  criminal cases        %8d (last year %d), change %.2f %%\n", this.total(criminalCases), prev.total(criminalCases), change)
		fmt.Printf("  detection rate        %8.2f %%  (%d solved)\n", detection, this.total(criminalSolved))
		fmt.Printf("  drug cases            %8d\n", this.total(drugCases))
		fmt.Printf("  detox placements      %8d of %d registered users (%.1f %%)\n", this.total(detoxPlacements), this.total(drugUsers), detox)
		fmt.Printf("  detailed plans done   %8d of %d wards\n", this.total(planDone), wardCount)

		missing := 0
		for i := range wardCount {
			if m := wardMisses(this[i], prev[i]); len(m) > 0 {
				missing++
				fmt.Printf("  Phường %-2d misses: %s\n", i+1, strings.Join(m, ", "))
			}
		}
		fmt.Println()

		if detox <= 90 {
			fail("%s: detox placements %.1f%% of registered users, want > 90%%", p.dir, detox)
		}
		switch p.dir {
		case "2001", "2002":
			want := map[string]float64{"2001": 16.3, "2002": 15.7}[p.dir]
			near(p.dir+" trade/services growth", growth, want, 0.02)
			near(p.dir+" criminal case change", change, -21, 0.2)
			near(p.dir+" detection rate", detection, 60, 0.2)
		case "2003-H1":
			near("2003-H1 trade/services growth", growth, 15.7, 0.02)
			within("2003-H1 criminal case change", change, -25, -15)
			within("2003-H1 detection rate", detection, 58, 62)
			near("2003-H1 poor household rate", poor, 0.21, 0.003)
			if n := this.total(hungryHouseholds); n != 0 {
				fail("2003-H1: %d hungry households, want 0", n)
			}
			if n := this.total(planDone); n != 14 {
				fail("2003-H1: %d wards completed the detailed plan, want 14", n)
			}
			if missing < 2 || missing > 5 {
				fail("2003-H1: %d wards miss a target, want 2 to 5", missing)
			}
		}
	}
	fmt.Printf("detox placements over the three periods: %d\n", detoxSum)
	if detoxSum < 950 || detoxSum > 999 {
		fail("detox placements over the three periods = %d, want 950..999", detoxSum)
	}
	return append(problems, sanity(data)...)
}

// sanity checks the ward figures for internal consistency.
func sanity(data [colCount]column) []string {
	var problems []string
	flows := []int{revenue, criminalCases, criminalSolved, drugCases, detoxPlacements}
	for k, c := range data {
		for i, f := range c {
			where := fmt.Sprintf("column %d, Phường %d", k, i+1)
			if f[households] < 2500 || f[households] > 6000 {
				problems = append(problems, fmt.Sprintf("%s: %d households", where, f[households]))
			}
			if f[hungryHouseholds] > f[poorHouseholds] || f[criminalSolved] > f[criminalCases] || f[detoxPlacements] > f[drugUsers] {
				problems = append(problems, fmt.Sprintf("%s: inconsistent figures %v", where, f))
			}
			for _, ind := range flows {
				if k == col2002H1 && f[ind] > data[col2002][i][ind] {
					problems = append(problems, fmt.Sprintf("%s: 2002-H1 %s exceeds the whole year", where, indicators[ind].label))
				}
			}
		}
	}
	return problems
}

// ---------------------------------------------------------------------------

func main() {
	if _, err := os.Stat(filepath.Join("samples", "gen")); err != nil {
		fmt.Fprintln(os.Stderr, "gen: run from the repository root: go run ./samples/gen")
		os.Exit(2)
	}
	data := buildData()
	for _, p := range periods {
		dir := filepath.Join("samples", p.dir)
		if err := resetDir(dir); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		for i := range wardCount {
			r := report{period: p, ward: i + 1, this: data[p.this][i], prev: data[p.prev][i]}
			if err := writeReport(dir, r, p.variants[i+1]); err != nil {
				fmt.Fprintln(os.Stderr, "gen:", err)
				os.Exit(1)
			}
		}
	}
	fmt.Printf("wrote %d workbooks into samples/{2001,2002,2003-H1}\n\n", len(periods)*wardCount)

	if problems := check(data); len(problems) > 0 {
		fmt.Fprintln(os.Stderr, "\ngen: the sample figures are off target:")
		for _, p := range problems {
			fmt.Fprintln(os.Stderr, "  -", p)
		}
		os.Exit(1)
	}
	fmt.Println("all district figures on target")
}

// resetDir creates dir and removes the workbooks a previous run left there.
func resetDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	return nil
}
