package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"chitieu/catalog"
	"chitieu/notation"

	"github.com/xuri/excelize/v2"
)

// The blank ward form (chitieu template): the standard shape that Read
// reads, prefilled with the title, the period and one row per submitted
// indicator, ready to fill in. Layout of the form sheet:
//
//	A1   ỦY BAN NHÂN DÂN          (merged A1:C1)
//	A2   the ward in capitals      (merged A2:C2)
//	A3   the title with the period in words (merged A3:G3)
//	row 4 blank
//	row 5 STT | Chỉ tiêu | Mã số | Đơn vị tính | Kỳ báo cáo | Cùng kỳ năm trước | Ghi chú
//	row 6.. one row per submitted indicator; E, F (values) and G (notes) are
//	        the only unlocked cells
//	below   the signature block (no numbers, so Read passes it over)
//
// When the configuration has plans for the ward and the period's year, a
// column H "Kế hoạch năm" follows, prefilled with them and open to edit.
const (
	templateSheetHelp = "Hướng dẫn"
	templateSheet     = "Báo cáo"

	templateHeaderRow = 5
	templateFirstRow  = templateHeaderRow + 1

	templateTitle = "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI"

	// maxTemplateValue is the upper bound Excel's validation needs; the
	// operator is ">= 0", so it is never shown to anyone.
	maxTemplateValue = 1e12
)

var templateHeader = []string{"STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Kỳ báo cáo", "Cùng kỳ năm trước", "Ghi chú"}

// templatePlanHeader heads the plan column, as ingest reads it.
const templatePlanHeader = "Kế hoạch năm"

// romanQuarters writes quarter numbers as the forms do: QUÝ III/2003.
var romanQuarters = [...]string{1: "I", 2: "II", 3: "III", 4: "IV"}

// periodPhrases writes a period in words for the title, by kind.
var periodPhrases = map[notation.PeriodKind]func(p notation.Period) (string, bool){
	notation.Year: func(p notation.Period) (string, bool) {
		return fmt.Sprintf("NĂM %d", p.Year), true
	},
	notation.Half: func(p notation.Period) (string, bool) {
		part := map[int]string{1: "ĐẦU", 2: "CUỐI"}[p.N]
		return fmt.Sprintf("6 THÁNG %s NĂM %d", part, p.Year), part != ""
	},
	notation.Quarter: func(p notation.Period) (string, bool) {
		if p.N < 1 || p.N > 4 {
			return "", false
		}
		return fmt.Sprintf("QUÝ %s/%d", romanQuarters[p.N], p.Year), true
	},
	notation.NineMonths: func(p notation.Period) (string, bool) {
		return fmt.Sprintf("9 THÁNG ĐẦU NĂM %d", p.Year), true
	},
	notation.Month: func(p notation.Period) (string, bool) {
		return fmt.Sprintf("THÁNG %d/%d", p.N, p.Year), p.N >= 1 && p.N <= 12
	},
}

// periodTitle is the form's title for a period: "BÁO CÁO CÁC CHỈ TIÊU KINH
// TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2003". notation.FindPeriod reads it back.
func periodTitle(p notation.Period) (string, error) {
	phrase, ok := periodPhrases[p.Kind]
	if !ok {
		return "", fmt.Errorf("period %s: unknown kind of period", p.ID())
	}
	words, ok := phrase(p)
	if _, valid := notation.ParsePeriodID(p.ID()); !ok || !valid {
		return "", fmt.Errorf("period %s is not a valid reporting period", p.ID())
	}
	return templateTitle + " " + words, nil
}

// templateHelp is the instructions sheet. It names neither the ward nor the
// period (the form does), and holds no table, so Read passes it over.
func templateHelp(cfg *catalog.Config) []string {
	lines := []string{
		"HƯỚNG DẪN ĐIỀN BIỂU BÁO CÁO",
		"1. Điền số liệu vào trang \"" + templateSheet + "\", mỗi chỉ tiêu một dòng: cột \"Kỳ báo cáo\" là số liệu của kỳ này, cột \"Cùng kỳ năm trước\" là số liệu cùng kỳ của năm trước. Chỉ các ô nền vàng nhạt (hai cột số liệu và cột \"Ghi chú\") được điền; các ô khác đã khóa.",
		"2. Không sửa tiêu đề, tên phường, tên chỉ tiêu, mã số và đơn vị tính; không thêm, xóa hay đổi thứ tự dòng và cột. Cột \"Ghi chú\" dùng để giải thích thêm khi cần.",
		"3. Ô để trống nghĩa là không có số liệu (không phải bằng 0). Chỉ tiêu có số liệu bằng 0 thì ghi số 0 (dấu \"-\" trong số liệu chép từ biểu khác cũng được hiểu là bằng 0).",
		"4. Ô số liệu chỉ ghi số, không ghi chữ hay đơn vị. Số đếm (hộ, vụ, người) ghi số nguyên từ 0 trở lên.",
		"5. Số tiền (doanh thu) tính bằng triệu đồng, có thể có phần lẻ; số liệu tính bằng tỷ đồng thì nhân với 1.000 trước khi ghi.",
	}
	district := cfg.District
	if district == "" {
		district = "quận"
	}
	n := len(lines) - 1
	for _, ind := range cfg.Indicators {
		if ind.Kind == catalog.KindFlag {
			n++
			lines = append(lines, fmt.Sprintf("%d. Chỉ tiêu có/không (như \"%s\"): chọn Có hoặc Không trong danh sách của ô.", n, ind.Label))
			break
		}
	}
	for _, line := range []string{
		"Ô ghi sai (số âm, số lẻ ở chỉ tiêu đếm, chữ trong ô số) sẽ bị Excel từ chối. Số liệu dán từ nơi khác không được Excel kiểm tra: hãy xem lại trước khi gửi.",
		"Khi in, Người lập biểu và Chủ tịch ký tên ở cuối biểu.",
		"Lưu tệp dạng Excel Workbook (.xlsx), không lưu dạng .xls hay .ods và không đặt mật khẩu, rồi gửi tệp về bộ phận thống kê của " + district + ".",
	} {
		n++
		lines = append(lines, fmt.Sprintf("%d. %s", n, line))
	}
	return lines
}

// Template builds the blank form for ward (a configured ward, by
// any name the configuration knows it by) and period: an instructions sheet
// and the form sheet, with validation on the value cells, everything but
// the value and note cells locked (no password), and print setup. Filled
// in, it reads back with Read with no problems.
func Template(cfg *catalog.Config, ward string, period notation.Period) (*excelize.File, error) {
	matcher := catalog.NewMatcher(cfg)
	name, found, ok := matcher.Unit(ward)
	switch {
	case !found:
		return nil, fmt.Errorf("%q does not name a ward", ward)
	case !ok:
		return nil, fmt.Errorf("%q is not in the configured list of wards", ward)
	case !cfg.ValidIn(name, period.ID()):
		return nil, fmt.Errorf("%s is not a reporting unit in %s (see the sheets %q and %q of the configuration)", name, period.ID(), "Đơn vị báo cáo", "Thay đổi địa giới")
	}
	wardLine := strings.ToUpper(name)
	if back, _, _ := matcher.Unit(wardLine); back != name {
		return nil, fmt.Errorf("ward %q: the title %q would not name it", name, wardLine)
	}
	title, err := periodTitle(period)
	if err != nil {
		return nil, err
	}
	var rows []catalog.Indicator
	for _, ind := range cfg.Indicators {
		if ind.Submitted() {
			rows = append(rows, ind)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("the configuration has no indicator that wards submit")
	}

	f := excelize.NewFile()
	w := &templateWriter{f: f}
	if err := f.SetSheetName("Sheet1", templateSheetHelp); err != nil {
		return nil, err
	}
	w.help(templateHelp(cfg))
	index, err := f.NewSheet(templateSheet)
	if err != nil {
		return nil, err
	}
	w.styles()
	w.plans = map[string]float64{}
	for _, p := range cfg.Plans {
		if p.Year == period.Year && p.Unit == name {
			w.plans[p.Indicator] = p.Value
		}
	}
	w.form(name, wardLine, title, rows)
	if w.err != nil {
		return nil, w.err
	}
	f.SetActiveSheet(index)
	err = f.SetDocProps(&excelize.DocProperties{
		Title:       "Biểu báo cáo " + name + " " + period.ID(),
		Subject:     title,
		Creator:     "chitieu",
		Description: "Biểu báo cáo của phường, do chitieu tạo. Điền số liệu vào trang \"" + templateSheet + "\".",
		Language:    "vi-VN",
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// templateWriter writes the form, keeping the first error.
type templateWriter struct {
	f     *excelize.File
	err   error
	plans map[string]float64 // the ward's plans for the year, by indicator: a column H when any

	title, wardLine, heading, header, center, label       int
	count, money, flag, note, signature, signatureComment int
}

func (w *templateWriter) check(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *templateWriter) style(s *excelize.Style) int {
	id, err := w.f.NewStyle(s)
	w.check(err)
	return id
}

func (w *templateWriter) styles() {
	const font = "Times New Roman"
	thin := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	input := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	unlocked := &excelize.Protection{Locked: false}
	plain := &excelize.Font{Family: font, Size: 12}
	bold := &excelize.Font{Family: font, Size: 12, Bold: true}
	w.wardLine = w.style(&excelize.Style{Font: bold, Alignment: &excelize.Alignment{Horizontal: "center"}})
	w.title = w.style(&excelize.Style{Font: plain, Alignment: &excelize.Alignment{Horizontal: "center"}})
	w.heading = w.style(&excelize.Style{Font: &excelize.Font{Family: font, Size: 14, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	w.header = w.style(&excelize.Style{Font: bold, Border: thin,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	w.center = w.style(&excelize.Style{Font: plain, Border: thin,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	w.label = w.style(&excelize.Style{Font: plain, Border: thin,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	w.count = w.style(&excelize.Style{Font: plain, Border: thin, Fill: input, Protection: unlocked, NumFmt: 3,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	w.money = w.style(&excelize.Style{Font: plain, Border: thin, Fill: input, Protection: unlocked, NumFmt: 4,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	w.flag = w.style(&excelize.Style{Font: plain, Border: thin, Fill: input, Protection: unlocked,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	w.note = w.style(&excelize.Style{Font: plain, Border: thin, Fill: input, Protection: unlocked,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	w.signature = w.style(&excelize.Style{Font: bold, Alignment: &excelize.Alignment{Horizontal: "center"}})
	w.signatureComment = w.style(&excelize.Style{Font: &excelize.Font{Family: font, Size: 12, Italic: true},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
}

// help writes the instructions sheet: one paragraph a row, wrapped.
func (w *templateWriter) help(lines []string) {
	f, sheet := w.f, templateSheetHelp
	bold := w.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 14, Bold: true}})
	wrap := w.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	w.check(f.SetColWidth(sheet, "A", "A", 70)) // fits A4 portrait
	for i, line := range lines {
		ref := "A" + strconv.Itoa(i+1)
		w.check(f.SetCellStr(sheet, ref, line))
		if i == 0 {
			w.check(f.SetCellStyle(sheet, ref, ref, bold))
			continue
		}
		w.check(f.SetCellStyle(sheet, ref, ref, wrap))
		// Excel does not grow a row for wrapped text written by a program.
		height := 16.5 * math.Ceil(float64(utf8.RuneCountInString(line))/70)
		w.check(f.SetRowHeight(sheet, i+1, height))
	}
	w.check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: tplInt(9), Orientation: tplString("portrait"),
		FitToWidth: tplInt(1), FitToHeight: tplInt(0)}))
	w.check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: tplBool(true)}))
}

// form writes the form sheet.
func (w *templateWriter) form(ward, wardLine, title string, rows []catalog.Indicator) {
	f, sheet := w.f, templateSheet
	set := func(ref string, v any, style int) {
		if s, ok := v.(string); ok {
			w.check(f.SetCellStr(sheet, ref, s)) // never a formula
		} else {
			w.check(f.SetCellValue(sheet, ref, v))
		}
		w.check(f.SetCellStyle(sheet, ref, ref, style))
	}
	merge := func(from, to string) { w.check(f.MergeCell(sheet, from, to)) }

	set("A1", "ỦY BAN NHÂN DÂN", w.title)
	merge("A1", "C1")
	set("A2", wardLine, w.wardLine)
	merge("A2", "C2")
	set("A3", title, w.heading)
	merge("A3", "G3")
	w.check(f.SetRowHeight(sheet, 3, 36))

	header := templateHeader
	if len(w.plans) > 0 {
		header = append(header[:len(header):len(header)], templatePlanHeader)
	}
	for i, text := range header {
		ref, _ := excelize.CoordinatesToCellName(i+1, templateHeaderRow)
		set(ref, text, w.header)
	}
	w.check(f.SetRowHeight(sheet, templateHeaderRow, 33))

	// The label column fits the longest label, up to 60 characters; longer
	// labels wrap onto more lines.
	labelWidth := 30.0
	for _, ind := range rows {
		labelWidth = max(labelWidth, 1.1*float64(utf8.RuneCountInString(ind.Label))+2)
	}
	labelWidth = min(labelWidth, 60)
	var counts, money, flags []string
	for i, ind := range rows {
		n := strconv.Itoa(templateFirstRow + i)
		set("A"+n, i+1, w.center)
		set("B"+n, ind.Label, w.label)
		set("C"+n, ind.Code, w.center)
		set("D"+n, ind.Unit, w.center)
		value := w.count
		switch {
		case ind.Kind == catalog.KindFlag:
			value = w.flag
			flags = append(flags, "E"+n+":F"+n)
		case notation.Scalable(ind.Unit):
			value = w.money
			money = append(money, "E"+n+":F"+n)
		default:
			counts = append(counts, "E"+n+":F"+n)
		}
		w.check(f.SetCellStyle(sheet, "E"+n, "F"+n, value))
		w.check(f.SetCellStyle(sheet, "G"+n, "G"+n, w.note))
		if len(w.plans) > 0 {
			if plan, ok := w.plans[ind.ID]; ok {
				w.check(f.SetCellValue(sheet, "H"+n, plan))
			}
			w.check(f.SetCellStyle(sheet, "H"+n, "H"+n, value))
		}
		lines := math.Ceil(1.1 * float64(utf8.RuneCountInString(ind.Label)) / (labelWidth - 2))
		w.check(f.SetRowHeight(sheet, templateFirstRow+i, max(20, 16*lines)))
	}
	last := templateFirstRow + len(rows) - 1

	w.validations(counts, money, flags)

	end := w.signatures(set, merge, last)
	w.pageSetup(ward, labelWidth, end)
}

// signatures writes the signature block below the last row: words only, so
// Read passes it over. It returns the last row of the print area.
func (w *templateWriter) signatures(set func(ref string, v any, style int), merge func(from, to string), last int) int {
	sig := func(row int, col, text string, style int) {
		ref := col + strconv.Itoa(row)
		set(ref, text, style)
		if col == "F" {
			merge(ref, "G"+strconv.Itoa(row))
		}
	}
	sig(last+2, "F", "......., ngày ..... tháng ..... năm .......", w.signatureComment)
	sig(last+3, "F", "TM. ỦY BAN NHÂN DÂN", w.signature)
	sig(last+4, "B", "NGƯỜI LẬP BIỂU", w.signature)
	sig(last+4, "F", "CHỦ TỊCH", w.signature)
	sig(last+5, "B", "(Ký, ghi rõ họ tên)", w.signatureComment)
	sig(last+5, "F", "(Ký tên, đóng dấu)", w.signatureComment)
	return last + 9 // room to sign
}

// pageSetup sets the form sheet's column widths, frozen header, printing
// (up to row end) and protection.
func (w *templateWriter) pageSetup(ward string, labelWidth float64, end int) {
	f, sheet := w.f, templateSheet
	h := strconv.Itoa(templateHeaderRow)
	for _, c := range []struct {
		col   string
		width float64
	}{{"A", 6}, {"B", labelWidth}, {"C", 8}, {"D", 12}, {"E", 15}, {"F", 15}, {"G", 24}, {"H", 15}} {
		w.check(f.SetColWidth(sheet, c.col, c.col, c.width))
	}
	lastCol := "G"
	if len(w.plans) > 0 {
		lastCol = "H"
	}
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: templateHeaderRow,
		TopLeftCell: "A" + strconv.Itoa(templateFirstRow), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "E" + strconv.Itoa(templateFirstRow), ActiveCell: "E" + strconv.Itoa(templateFirstRow), Pane: "bottomLeft"}}}))

	// Print: A4 landscape, one page wide, the header row on every page.
	w.check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: tplInt(9), Orientation: tplString("landscape"),
		FitToWidth: tplInt(1), FitToHeight: tplInt(0)}))
	w.check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: tplBool(true)}))
	w.check(f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: tplFloat(0.5), Right: tplFloat(0.5),
		Top: tplFloat(0.6), Bottom: tplFloat(0.7), Header: tplFloat(0.3), Footer: tplFloat(0.3), Horizontally: tplBool(true)}))
	w.check(f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + strings.ReplaceAll(ward, "&", "&&") + "&RTrang &P/&N"}))
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	w.check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoted + "!$" + h + ":$" + h, Scope: sheet}))
	w.check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: quoted + "!$A$1:$" + lastCol + "$" + strconv.Itoa(end), Scope: sheet}))

	// Everything but the input cells is locked; no password, so that staff
	// can unprotect the sheet to fix the form itself.
	w.check(f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		FormatColumns: true, FormatRows: true, SelectLockedCells: true, SelectUnlockedCells: true}))
}

// validations puts the value cells' validations on the ranges of each
// kind: whole numbers, amounts of money, Có/Không.
func (w *templateWriter) validations(counts, money, flags []string) {
	w.validate(counts, excelize.DataValidationTypeWhole, "Số nguyên từ 0 trở lên",
		"Chỉ ghi số nguyên từ 0 trở lên, không ghi chữ hay đơn vị. Để trống nếu không có số liệu.")
	w.validate(money, excelize.DataValidationTypeDecimal, "Số tiền (triệu đồng)",
		"Chỉ ghi số từ 0 trở lên, tính bằng triệu đồng (có thể có phần lẻ). Để trống nếu không có số liệu.")
	if len(flags) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(flags, " ")
		w.check(dv.SetDropList([]string{"Có", "Không"}))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Chỉ chọn Có hoặc Không", "Chọn Có hoặc Không trong danh sách. Để trống nếu không có số liệu.")
		dv.SetInput("Có/Không", "Chọn Có hoặc Không trong danh sách.")
		w.check(w.f.AddDataValidation(templateSheet, dv))
	}
}

// validate puts a ">= 0" number validation of type t on the ranges.
func (w *templateWriter) validate(ranges []string, t excelize.DataValidationType, title, msg string) {
	if len(ranges) == 0 {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = strings.Join(ranges, " ")
	w.check(dv.SetRange(0, maxTemplateValue, t, excelize.DataValidationOperatorGreaterThanOrEqual))
	dv.Formula2 = "" // ">=" takes one bound
	dv.SetError(excelize.DataValidationErrorStyleStop, "Số liệu không hợp lệ", msg)
	dv.SetInput(title, msg)
	w.check(w.f.AddDataValidation(templateSheet, dv))
}

func tplInt(v int) *int           { return &v }
func tplString(v string) *string  { return &v }
func tplBool(v bool) *bool        { return &v }
func tplFloat(v float64) *float64 { return &v }
