package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"chitieu/analysis"

	"github.com/xuri/excelize/v2"
)

// ConfigFileName is the configuration workbook LoadConfig looks for.
const ConfigFileName = "cau-hinh.xlsx"

// LoadConfig finds and reads the configuration: the workbook explicit
// (--config) if given, else ConfigFileName in the folder of the first
// input (the input itself when it is a folder), else beside the program
// (in programDir, "" for nowhere), else the built-in configuration.
func LoadConfig(explicit string, inputs []string, programDir string) (*analysis.Config, error) {
	if explicit != "" {
		return ReadConfig(explicit)
	}
	var candidates []string
	if len(inputs) > 0 {
		dir := inputs[0]
		if info, err := os.Stat(dir); err == nil && !info.IsDir() {
			dir = filepath.Dir(dir)
		}
		candidates = append(candidates, filepath.Join(dir, ConfigFileName))
	}
	if programDir != "" {
		candidates = append(candidates, filepath.Join(programDir, ConfigFileName))
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return ReadConfig(c)
		}
	}
	return analysis.Builtin(), nil
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
