package ingest

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"chitieu/analysis"

	"github.com/xuri/excelize/v2"
)

// The configuration workbook: one sheet each for the indicators, the
// targets and the reporting units, with the columns below. Staff edit it in
// Excel; ReadConfig finds sheets and columns by their names, in any order.
const (
	configSheetHelp       = "Hướng dẫn"
	configSheetIndicators = "Chỉ tiêu"
	configSheetTargets    = "Mục tiêu"
	configSheetUnits      = "Đơn vị báo cáo"
	configSheetDistrict   = "Quận"

	// ownProperty marks workbooks chitieu writes for itself (custom document
	// property "chitieu"), so that they are never read as ward reports.
	ownProperty = "chitieu"
	// ConfigMark is the value of that property on a configuration workbook.
	ConfigMark = "config"
)

var (
	indicatorColumns = []string{"Mã chỉ tiêu", "Mã số", "Tên chỉ tiêu", "Tên tiếng Anh", "Đơn vị tính", "Loại", "Tính từ", "Tên khác"}
	targetColumns    = []string{"Mã chỉ tiêu", "So sánh", "Giá trị", "Nguồn"}
	unitColumns      = []string{"Tên", "Tên khác"}
	districtColumns  = []string{"Tên quận"}
)

var configHelp = []string{
	"BẢNG CẤU HÌNH CỦA CHITIEU",
	"Sửa bảng này trong Excel rồi lưu lại với tên cau-hinh.xlsx trong thư mục chứa báo cáo của các phường (hoặc chạy chitieu với --config TỆP).",
	"Trang \"Chỉ tiêu\": mỗi dòng một chỉ tiêu. Không đổi cột \"Mã chỉ tiêu\" (dùng trong JSON). Thêm cách viết khác của tên chỉ tiêu vào cột \"Tên khác\", ngăn cách bằng dấu chấm phẩy (;).",
	"Cột \"Loại\": count (số đếm, quận = tổng các phường), flag (có/không, ghi 1/0), ratio (tỷ lệ % = chỉ tiêu thứ nhất / chỉ tiêu thứ hai), change (tăng giảm % so với cùng kỳ), count_true (số phường có giá trị 1). Cột \"Tính từ\": các mã chỉ tiêu đầu vào, ngăn cách bằng dấu chấm phẩy.",
	"Trang \"Mục tiêu\": chỉ tiêu Nghị quyết. \"So sánh\" là >= (từ ... trở lên) hoặc <= (không quá ...); \"Giá trị\" tính bằng đơn vị của chỉ tiêu (% tính bằng điểm phần trăm: 12 là 12%).",
	"Trang \"Đơn vị báo cáo\": danh sách phường phải nộp báo cáo. Đổi tên phường bằng cách ghi tên cũ vào cột \"Tên khác\"; gộp phường bằng cách xóa dòng phường cũ và ghi tên nó vào cột \"Tên khác\" của phường mới (số liệu của hai phường được cộng lại).",
	"Trang \"Quận\": tên quận, in ở đầu bảng tổng hợp.",
}

// ConfigWorkbook builds the configuration workbook for cfg.
func ConfigWorkbook(cfg *analysis.Config) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", configSheetHelp); err != nil {
		return nil, err
	}
	for i, line := range configHelp {
		if err := f.SetCellStr(configSheetHelp, fmt.Sprintf("A%d", i+1), line); err != nil {
			return nil, err
		}
	}
	_ = f.SetColWidth(configSheetHelp, "A", "A", 140)

	var ind, tgt, units [][]any
	for _, i := range cfg.Indicators {
		ind = append(ind, []any{i.ID, i.Code, i.Label, i.LabelEN, i.Unit, string(i.Kind), strings.Join(i.Of, "; "), strings.Join(i.Aliases, "; ")})
	}
	for _, t := range cfg.Targets {
		tgt = append(tgt, []any{t.Indicator, t.Op, t.Value, t.Source})
	}
	for _, u := range cfg.Units {
		units = append(units, []any{u.Name, strings.Join(u.Aliases, "; ")})
	}
	for _, s := range []struct {
		name   string
		header []string
		rows   [][]any
	}{{configSheetIndicators, indicatorColumns, ind}, {configSheetTargets, targetColumns, tgt}, {configSheetUnits, unitColumns, units},
		{configSheetDistrict, districtColumns, [][]any{{cfg.District}}}} {
		if err := writeSheet(f, s.name, s.header, s.rows); err != nil {
			return nil, err
		}
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: ownProperty, Value: ConfigMark}); err != nil {
		return nil, err
	}
	err := f.SetDocProps(&excelize.DocProperties{Title: "Cấu hình chitieu", Creator: "chitieu"})
	return f, err
}

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

// IsConfig reports whether f is a configuration workbook chitieu wrote.
func IsConfig(f *excelize.File) bool { return hasMark(f, ConfigMark) }

// Mark is the value of the "chitieu" custom property of the workbook at
// path ("" when it has none), read without excelize, which would unzip
// every sheet: a summary of 2,000 reports has 15 MB of them. ok is false
// when the lean reader cannot tell (not a plain .xlsx, or damaged).
func Mark(path string) (mark string, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	b, err := openLean(data)
	if err != nil {
		return "", false
	}
	return b.custom[ownProperty], true
}

func hasMark(f *excelize.File, mark string) bool {
	props, err := f.GetCustomProps()
	if err != nil {
		return false
	}
	for _, p := range props {
		if p.Name == ownProperty && fmt.Sprint(p.Value) == mark {
			return true
		}
	}
	return false
}

// ReadConfig reads a configuration workbook as ConfigWorkbook writes it and
// staff edit it. Errors name the sheet and row.
func ReadConfig(path string) (*analysis.Config, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	cfg := &analysis.Config{Source: path}
	table := func(sheet string, columns []string, each func(row map[string]string, pos string) error) error {
		name := findSheet(f, sheet)
		if name == "" {
			return fmt.Errorf("%s: no sheet %q", path, sheet)
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) == 0 {
			return fmt.Errorf("%s:%s: cannot read the sheet: %v", path, name, err)
		}
		index := map[string]int{}
		for i, h := range rows[0] {
			index[analysis.Fold(h)] = i
		}
		for r, row := range rows[1:] {
			values := map[string]string{}
			blank := true
			for _, col := range columns {
				if i, ok := index[analysis.Fold(col)]; ok && i < len(row) {
					values[col] = strings.TrimSpace(row[i])
					blank = blank && values[col] == ""
				}
			}
			if blank {
				continue
			}
			if err := each(values, fmt.Sprintf("%s:%s!A%d", path, name, r+2)); err != nil {
				return err
			}
		}
		return nil
	}
	err = table(configSheetIndicators, indicatorColumns, func(v map[string]string, pos string) error {
		cfg.Indicators = append(cfg.Indicators, analysis.Indicator{
			ID: v["Mã chỉ tiêu"], Code: v["Mã số"], Label: v["Tên chỉ tiêu"], LabelEN: v["Tên tiếng Anh"],
			Unit: v["Đơn vị tính"], Kind: analysis.Kind(v["Loại"]), Of: splitList(v["Tính từ"]), Aliases: splitList(v["Tên khác"])})
		return nil
	})
	if err == nil {
		err = table(configSheetTargets, targetColumns, func(v map[string]string, pos string) error {
			value, perr := strconv.ParseFloat(v["Giá trị"], 64) // a numeric cell's raw value
			if perr != nil {
				n, err := analysis.ParseNumber(v["Giá trị"], analysis.NotationVietnamese)
				if err != nil || n.Empty {
					return fmt.Errorf("%s: %q: the target value is not a number", pos, v["Giá trị"])
				}
				value = n.Value
			}
			op := strings.NewReplacer("≥", ">=", "≤", "<=", " ", "").Replace(v["So sánh"])
			cfg.Targets = append(cfg.Targets, analysis.Target{Indicator: v["Mã chỉ tiêu"], Op: op, Value: value, Source: v["Nguồn"]})
			return nil
		})
	}
	if err == nil {
		err = table(configSheetUnits, unitColumns, func(v map[string]string, pos string) error {
			if v["Tên"] == "" {
				return fmt.Errorf("%s: a unit has no name", pos)
			}
			cfg.Units = append(cfg.Units, analysis.Unit{Name: v["Tên"], Aliases: splitList(v["Tên khác"])})
			return nil
		})
	}
	if err == nil && findSheet(f, configSheetDistrict) != "" {
		err = table(configSheetDistrict, districtColumns, func(v map[string]string, pos string) error {
			cfg.District = v["Tên quận"]
			return nil
		})
	}
	if err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

func findSheet(f *excelize.File, want string) string {
	for _, name := range f.GetSheetList() {
		if analysis.Fold(name) == analysis.Fold(want) {
			return name
		}
	}
	return ""
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
