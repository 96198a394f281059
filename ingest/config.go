package ingest

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"chitieu/analysis"
	"chitieu/xlsx"

	"github.com/xuri/excelize/v2"
)

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
	b, err := xlsx.Open(data)
	if err != nil {
		return "", false
	}
	mark, _ = b.Custom(OwnProperty)
	return mark, true
}

func hasMark(f *excelize.File, mark string) bool {
	props, err := f.GetCustomProps()
	if err != nil {
		return false
	}
	for _, p := range props {
		if p.Name == OwnProperty && fmt.Sprint(p.Value) == mark {
			return true
		}
	}
	return false
}

// ReadConfig reads a configuration workbook as workbook.Config writes it and
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
	err = table(ConfigSheetIndicators, IndicatorColumns, func(v map[string]string, pos string) error {
		cfg.Indicators = append(cfg.Indicators, analysis.Indicator{
			ID: v["Mã chỉ tiêu"], Code: v["Mã số"], Label: v["Tên chỉ tiêu"], LabelEN: v["Tên tiếng Anh"],
			Unit: v["Đơn vị tính"], Kind: analysis.Kind(v["Loại"]), Of: splitList(v["Tính từ"]), Aliases: splitList(v["Tên khác"])})
		return nil
	})
	if err == nil {
		err = table(ConfigSheetTargets, TargetColumns, func(v map[string]string, pos string) error {
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
		err = table(ConfigSheetUnits, UnitColumns, func(v map[string]string, pos string) error {
			if v["Tên"] == "" {
				return fmt.Errorf("%s: a unit has no name", pos)
			}
			cfg.Units = append(cfg.Units, analysis.Unit{Name: v["Tên"], Aliases: splitList(v["Tên khác"])})
			return nil
		})
	}
	if err == nil && findSheet(f, ConfigSheetDistrict) != "" {
		err = table(ConfigSheetDistrict, DistrictColumns, func(v map[string]string, pos string) error {
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
