package workbook

import (
	"fmt"
	"strings"

	"chitieu/catalog"
	"chitieu/ingest"
	"chitieu/mark"

	"github.com/xuri/excelize/v2"
)

// The configuration workbook: a help sheet, then one sheet each for the
// indicators, the targets, the reporting units and the district, with the
// sheet and column names of package ingest (ingest.ConfigSheetIndicators,
// ingest.IndicatorColumns, ...), which ReadConfig finds in any order. Staff
// edit it in Excel.

var configHelp = []string{
	"BẢNG CẤU HÌNH CỦA CHITIEU",
	"Sửa bảng này trong Excel rồi lưu lại với tên cau-hinh.xlsx trong thư mục chứa báo cáo của các phường (hoặc chạy chitieu với --config TỆP).",
	"Trang \"Chỉ tiêu\": mỗi dòng một chỉ tiêu. Không đổi cột \"Mã chỉ tiêu\" (dùng trong JSON). Thêm cách viết khác của tên chỉ tiêu vào cột \"Tên khác\", ngăn cách bằng dấu chấm phẩy (;).",
	"Cột \"Loại\": count (số đếm, quận = tổng các phường), flag (có/không, ghi 1/0), ratio (tỷ lệ % = chỉ tiêu thứ nhất / chỉ tiêu thứ hai), change (tăng giảm % so với cùng kỳ), count_true (số phường có giá trị 1). Cột \"Tính từ\": các mã chỉ tiêu đầu vào, ngăn cách bằng dấu chấm phẩy.",
	"Cột \"Cộng theo thời gian\": tổng (số phát sinh trong kỳ: doanh thu, số vụ, số người đưa đi cai nghiện; cộng các kỳ lại) hoặc cuối kỳ (số hiện có: số hộ, số người nghiện có hồ sơ, có/không; lấy số của kỳ sau cùng). Cột \"Nhóm\": mục của bản đánh giá (Kinh tế, Xóa đói giảm nghèo, An ninh trật tự). Cột \"Không vượt quá\": mã chỉ tiêu mà chỉ tiêu này không thể lớn hơn (số hộ nghèo: households; số vụ đã khám phá: criminal_cases).",
	"Trang \"Kế hoạch\": kế hoạch năm của từng phường và của quận (cột \"Đơn vị\" ghi tên phường, hoặc tên quận như ở trang \"Quận\"; không có dòng của quận thì kế hoạch quận là tổng kế hoạch các phường). \"So sánh\": >= (phấn đấu đạt ít nhất, mặc định) hoặc <= (không vượt quá). Kế hoạch ghi ở báo cáo của phường (cột \"Kế hoạch năm\") dùng khi trang này không có.",
	"Trang \"Nhiệm kỳ\": tên nhiệm kỳ, năm gốc (năm so sánh, thường là năm Đại hội), năm đầu và năm cuối của nhiệm kỳ.",
	"Trang \"Mục tiêu\": chỉ tiêu Nghị quyết. \"Loại\": hằng năm (mỗi năm đều phải đạt), đến năm (mức phải đạt đến hết năm ở cột \"Hạn\", để trống là năm cuối nhiệm kỳ), cả nhiệm kỳ (tăng giảm % so với năm gốc đến cuối nhiệm kỳ), bình quân (bình quân các năm đã qua), cộng dồn (tổng từ đầu nhiệm kỳ). \"So sánh\" là >= (từ ... trở lên) hoặc <= (không quá ...); \"Giá trị\" tính bằng đơn vị của chỉ tiêu (% tính bằng điểm phần trăm: 12 là 12%); \"Giá trị vượt\" là đầu tốt hơn của khoảng (\"giảm xuống còn 3 - 4%\": Giá trị 4, Giá trị vượt 3), có thể để trống.",
	"Trang \"Đơn vị báo cáo\": danh sách phường phải nộp báo cáo. Đổi tên phường bằng cách ghi tên cũ vào cột \"Tên khác\"; gộp phường bằng cách xóa dòng phường cũ và ghi tên nó vào cột \"Tên khác\" của phường mới (số liệu của hai phường được cộng lại, kể cả số liệu các năm trước). Cột \"Từ kỳ\", \"Đến kỳ\": kỳ đầu và kỳ cuối đơn vị phải báo cáo (mã kỳ: 2025, 2025-H2, 2025-Q3, 2025-07; để trống là không giới hạn; \"Đến kỳ\" 2024 là đến hết năm 2024).",
	"Trang \"Thay đổi địa giới\": sáp nhập, chia tách, đổi tên phường có ngày hiệu lực, để so sánh với cùng kỳ trên địa giới mới. Mỗi dòng: \"Hiệu lực từ\" (mã kỳ bắt đầu có hiệu lực, ví dụ 2025-07), \"Đơn vị cũ\", \"Đơn vị mới\", \"Tỷ lệ\" (phần số liệu của đơn vị cũ chuyển sang đơn vị mới, từ 0 đến 1, để trống là 1; đơn vị bị chia tách có nhiều dòng, cộng lại bằng 1), \"Căn cứ\" (nghị quyết, quyết định). Đơn vị cũ phải có \"Đến kỳ\" trước ngày hiệu lực; đơn vị mới phải có trong danh sách đơn vị báo cáo.",
	"Trang \"Quận\": tên in ở đầu bảng tổng hợp: tên quận, hoặc tên thành phố khi danh sách đơn vị báo cáo là các phường, xã của cả thành phố.",
}

// The value written in each column, by column name: a column of
// ingest.IndicatorColumns (and the others) needs an entry here.
var (
	indicatorCells = map[string]func(catalog.Indicator) any{
		"Mã chỉ tiêu":         func(i catalog.Indicator) any { return i.ID },
		"Mã số":               func(i catalog.Indicator) any { return i.Code },
		"Tên chỉ tiêu":        func(i catalog.Indicator) any { return i.Label },
		"Tên tiếng Anh":       func(i catalog.Indicator) any { return i.LabelEN },
		"Đơn vị tính":         func(i catalog.Indicator) any { return i.Unit },
		"Loại":                func(i catalog.Indicator) any { return string(i.Kind) },
		"Tính từ":             func(i catalog.Indicator) any { return strings.Join(i.Of, "; ") },
		"Tên khác":            func(i catalog.Indicator) any { return strings.Join(i.Aliases, "; ") },
		"Cộng theo thời gian": func(i catalog.Indicator) any { return string(i.Accumulate) },
		"Nhóm":                func(i catalog.Indicator) any { return i.Group },
		"Không vượt quá":      func(i catalog.Indicator) any { return i.AtMost },
	}
	targetCells = map[string]func(catalog.Target) any{
		"Mã chỉ tiêu": func(t catalog.Target) any { return t.Indicator },
		"Loại":        func(t catalog.Target) any { return catalog.KindWord(t.TargetKind()) },
		"So sánh":     func(t catalog.Target) any { return t.Op },
		"Giá trị":     func(t catalog.Target) any { return t.Value },
		"Giá trị vượt": func(t catalog.Target) any {
			if t.Stretch == nil {
				return ""
			}
			return *t.Stretch
		},
		"Hạn": func(t catalog.Target) any {
			if t.Deadline == 0 {
				return ""
			}
			return t.Deadline
		},
		"Nguồn": func(t catalog.Target) any { return t.Source },
	}
	unitCells = map[string]func(catalog.Unit) any{
		"Tên":      func(u catalog.Unit) any { return u.Name },
		"Tên khác": func(u catalog.Unit) any { return strings.Join(u.Aliases, "; ") },
		"Từ kỳ":    func(u catalog.Unit) any { return u.From },
		"Đến kỳ":   func(u catalog.Unit) any { return u.To },
	}
	changeCells = map[string]func(catalog.Change) any{
		"Hiệu lực từ": func(c catalog.Change) any { return c.From },
		"Đơn vị cũ":   func(c catalog.Change) any { return c.Old },
		"Đơn vị mới":  func(c catalog.Change) any { return c.New },
		"Tỷ lệ":       func(c catalog.Change) any { return c.Share },
		"Căn cứ":      func(c catalog.Change) any { return c.Act },
	}
	termCells = map[string]func(catalog.Term) any{
		"Tên":     func(t catalog.Term) any { return t.Name },
		"Năm gốc": func(t catalog.Term) any { return t.Baseline },
		"Từ năm":  func(t catalog.Term) any { return t.From },
		"Đến năm": func(t catalog.Term) any { return t.To },
	}
	planCells = map[string]func(catalog.Plan) any{
		"Năm":         func(p catalog.Plan) any { return p.Year },
		"Đơn vị":      func(p catalog.Plan) any { return p.Unit },
		"Mã chỉ tiêu": func(p catalog.Plan) any { return p.Indicator },
		"Kế hoạch":    func(p catalog.Plan) any { return p.Value },
		"So sánh":     func(p catalog.Plan) any { return p.Op },
	}
	districtCells = map[string]func(string) any{
		"Tên quận": func(d string) any { return d },
	}
)

// tableRows is one row per item, with the cells of columns.
func tableRows[T any](items []T, columns []string, cells map[string]func(T) any) ([][]any, error) {
	var rows [][]any
	for _, item := range items {
		row := make([]any, len(columns))
		for c, col := range columns {
			cell, ok := cells[col]
			if !ok {
				return nil, fmt.Errorf("configuration column %q: nothing to write in it", col)
			}
			row[c] = cell(item)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// Config builds the configuration workbook for cfg.
func Config(cfg *catalog.Config) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", ingest.ConfigSheetHelp); err != nil {
		return nil, err
	}
	for i, line := range configHelp {
		if err := f.SetCellStr(ingest.ConfigSheetHelp, fmt.Sprintf("A%d", i+1), line); err != nil {
			return nil, err
		}
	}
	_ = f.SetColWidth(ingest.ConfigSheetHelp, "A", "A", 140)

	ind, err := tableRows(cfg.Indicators, ingest.IndicatorColumns, indicatorCells)
	if err != nil {
		return nil, err
	}
	tgt, err := tableRows(cfg.Targets, ingest.TargetColumns, targetCells)
	if err != nil {
		return nil, err
	}
	units, err := tableRows(cfg.Units, ingest.UnitColumns, unitCells)
	if err != nil {
		return nil, err
	}
	changes, err := tableRows(cfg.Changes, ingest.ChangeColumns, changeCells)
	if err != nil {
		return nil, err
	}
	district, err := tableRows([]string{cfg.District}, ingest.DistrictColumns, districtCells)
	if err != nil {
		return nil, err
	}
	var terms []catalog.Term
	if cfg.Term != nil {
		terms = append(terms, *cfg.Term)
	}
	term, err := tableRows(terms, ingest.TermColumns, termCells)
	if err != nil {
		return nil, err
	}
	plans, err := tableRows(cfg.Plans, ingest.PlanColumns, planCells)
	if err != nil {
		return nil, err
	}
	for _, s := range []struct {
		name   string
		header []string
		rows   [][]any
	}{
		{ingest.ConfigSheetIndicators, ingest.IndicatorColumns, ind},
		{ingest.ConfigSheetTerm, ingest.TermColumns, term},
		{ingest.ConfigSheetTargets, ingest.TargetColumns, tgt},
		{ingest.ConfigSheetUnits, ingest.UnitColumns, units},
		{ingest.ConfigSheetChanges, ingest.ChangeColumns, changes},
		{ingest.ConfigSheetPlans, ingest.PlanColumns, plans},
		{ingest.ConfigSheetDistrict, ingest.DistrictColumns, district},
	} {
		if err := writeSheet(f, s.name, s.header, s.rows); err != nil {
			return nil, err
		}
	}
	if err := mark.Set(f, mark.Config); err != nil {
		return nil, err
	}
	err = f.SetDocProps(&excelize.DocProperties{Title: "Cấu hình chitieu", Creator: "chitieu"})
	return f, err
}

// writeSheet adds a sheet holding a header row (bold, frozen) and rows.
func writeSheet(f *excelize.File, name string, header []string, rows [][]any) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	for r, row := range append([][]any{toAny(header)}, rows...) {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var err error
			if s, ok := v.(string); ok {
				err = f.SetCellStr(name, ref, s) // never a formula
			} else {
				err = f.SetCellValue(name, ref, v)
			}
			if err != nil {
				return err
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	_ = f.SetCellStyle(name, "A1", last+"1", bold)
	_ = f.SetColWidth(name, "A", last, 24)
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
