package ingest

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"chitieu/analysis"

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
	b, err := openLean(data)
	if err != nil {
		return "", false
	}
	return b.custom[OwnProperty], true
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
	// table calls each for every non-blank row of sheet with the row's
	// values by column name and at, which names the cell of a column.
	table := func(sheet string, columns []string, each func(row map[string]string, at func(col string) string) error) error {
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
			at := func(col string) string {
				i, ok := index[analysis.Fold(col)]
				if !ok {
					i = 0
				}
				ref, _ := excelize.CoordinatesToCellName(i+1, r+2)
				return fmt.Sprintf("%s:%s!%s", path, name, ref)
			}
			if err := each(values, at); err != nil {
				return err
			}
		}
		return nil
	}
	// A workbook written before a column existed takes the built-in
	// catalog's value for the indicators it knows: an old cau-hinh.xlsx
	// keeps adding months up and checking parts against their wholes.
	newer := map[string]bool{}
	for _, col := range []string{"Cộng theo thời gian", "Nhóm", "Không vượt quá"} {
		newer[col] = hasColumn(f, ConfigSheetIndicators, col)
	}
	builtin := analysis.Builtin()
	err = table(ConfigSheetIndicators, IndicatorColumns, func(v map[string]string, at func(string) string) error {
		acc, ok := analysis.ParseAccumulation(v["Cộng theo thời gian"])
		if !ok {
			return fmt.Errorf("%s: %q: adds up over time as %q (flows: revenue, cases) or %q (stocks: households, yes/no)",
				at("Cộng theo thời gian"), v["Cộng theo thời gian"], analysis.AccumulateSum, analysis.AccumulateLast)
		}
		ind := analysis.Indicator{
			ID: v["Mã chỉ tiêu"], Code: v["Mã số"], Label: v["Tên chỉ tiêu"], LabelEN: v["Tên tiếng Anh"],
			Unit: v["Đơn vị tính"], Kind: analysis.Kind(v["Loại"]), Of: splitList(v["Tính từ"]), Aliases: splitList(v["Tên khác"]),
			Accumulate: acc, Group: v["Nhóm"], AtMost: v["Không vượt quá"]}
		if known, ok := builtin.Indicator(ind.ID); ok {
			if !newer["Cộng theo thời gian"] {
				ind.Accumulate = known.Accumulate
			}
			if !newer["Nhóm"] {
				ind.Group = known.Group
			}
			if !newer["Không vượt quá"] {
				ind.AtMost = known.AtMost
			}
		}
		cfg.Indicators = append(cfg.Indicators, ind)
		return nil
	})
	if err == nil && findSheet(f, ConfigSheetTerm) != "" {
		err = table(ConfigSheetTerm, TermColumns, func(v map[string]string, at func(string) string) error {
			term := &analysis.Term{Name: v["Tên"]}
			for col, year := range map[string]*int{"Năm gốc": &term.Baseline, "Từ năm": &term.From, "Đến năm": &term.To} {
				y, err := configYear(v[col])
				if err != nil || y == 0 {
					return fmt.Errorf("%s: %q: %s is not a year", at(col), v[col], col)
				}
				*year = y
			}
			if err := term.Check(); err != nil {
				return fmt.Errorf("%s: %w", at(fieldOf(err)), err)
			}
			cfg.Term = term
			return nil
		})
	}
	if err == nil {
		err = table(ConfigSheetTargets, TargetColumns, func(v map[string]string, at func(string) string) error {
			value, ok := configNumber(v["Giá trị"])
			if !ok || v["Giá trị"] == "" {
				return fmt.Errorf("%s: %q: the target value is not a number", at("Giá trị"), v["Giá trị"])
			}
			t := analysis.Target{Indicator: v["Mã chỉ tiêu"], Value: value, Source: v["Nguồn"],
				Op: strings.NewReplacer("≥", ">=", "≤", "<=", " ", "").Replace(v["So sánh"])}
			kind, ok := analysis.ParseTargetKind(v["Loại"])
			if !ok {
				return fmt.Errorf("%s: %q: unknown kind of target; write one of: hằng năm, đến năm, cả nhiệm kỳ, bình quân, cộng dồn", at("Loại"), v["Loại"])
			}
			t.Kind = kind
			if s := v["Giá trị vượt"]; s != "" {
				stretch, ok := configNumber(s)
				if !ok {
					return fmt.Errorf("%s: %q: the better end of the range is not a number", at("Giá trị vượt"), s)
				}
				t.Stretch = &stretch
			}
			deadline, err := configYear(v["Hạn"])
			if err != nil {
				return fmt.Errorf("%s: %q: the deadline is not a year", at("Hạn"), v["Hạn"])
			}
			t.Deadline = deadline
			if err := t.Check(cfg.Term); err != nil {
				return fmt.Errorf("%s: %w", at(fieldOf(err)), err)
			}
			cfg.Targets = append(cfg.Targets, t)
			return nil
		})
	}
	// Where each unit and change was read, to name the cell of a
	// boundary error found once both sheets are read.
	var unitAt, changeAt []func(string) string
	if err == nil {
		err = table(ConfigSheetUnits, UnitColumns, func(v map[string]string, at func(string) string) error {
			if v["Tên"] == "" {
				return fmt.Errorf("%s: a unit has no name", at("Tên"))
			}
			u := analysis.Unit{Name: v["Tên"], Aliases: splitList(v["Tên khác"])}
			for col, id := range map[string]*string{"Từ kỳ": &u.From, "Đến kỳ": &u.To} {
				p, ok := configPeriod(v[col])
				if !ok {
					return fmt.Errorf("%s: %q: not a period id (2025, 2025-H2, 2025-Q3, 2025-07)", at(col), v[col])
				}
				*id = p
			}
			cfg.Units = append(cfg.Units, u)
			unitAt = append(unitAt, at)
			return nil
		})
	}
	if err == nil && findSheet(f, ConfigSheetChanges) != "" {
		err = table(ConfigSheetChanges, ChangeColumns, func(v map[string]string, at func(string) string) error {
			from, ok := configPeriod(v["Hiệu lực từ"])
			if !ok || from == "" {
				return fmt.Errorf("%s: %q: the date of the change is not a period id (2025, 2025-H2, 2025-Q3, 2025-07)", at("Hiệu lực từ"), v["Hiệu lực từ"])
			}
			ch := analysis.Change{From: from, Old: v["Đơn vị cũ"], New: v["Đơn vị mới"], Share: 1, Act: v["Căn cứ"]}
			if s := v["Tỷ lệ"]; s != "" {
				share, ok := configShare(s)
				if !ok {
					return fmt.Errorf("%s: %q: the share is not a number", at("Tỷ lệ"), s)
				}
				ch.Share = share
			}
			cfg.Changes = append(cfg.Changes, ch)
			changeAt = append(changeAt, at)
			return nil
		})
	}
	if err == nil {
		if berr := cfg.CheckBoundaries(); berr != nil {
			var be *analysis.BoundaryError
			if errors.As(berr, &be) {
				at := unitAt
				if be.Sheet == "changes" {
					at = changeAt
				}
				if be.Row < len(at) {
					return nil, fmt.Errorf("%s: %w", at[be.Row](be.Field), berr)
				}
			}
			return nil, fmt.Errorf("%s: %w", path, berr)
		}
	}
	if err == nil && findSheet(f, ConfigSheetDistrict) != "" {
		err = table(ConfigSheetDistrict, DistrictColumns, func(v map[string]string, at func(string) string) error {
			cfg.District = v["Tên quận"]
			return nil
		})
	}
	if err == nil && findSheet(f, ConfigSheetPlans) != "" {
		err = table(ConfigSheetPlans, PlanColumns, func(v map[string]string, at func(string) string) error {
			year, err := configYear(v["Năm"])
			if err != nil || year == 0 {
				return fmt.Errorf("%s: %q: the plan's year is not a year", at("Năm"), v["Năm"])
			}
			value, ok := configNumber(v["Kế hoạch"])
			if !ok || v["Kế hoạch"] == "" {
				return fmt.Errorf("%s: %q: the plan is not a number", at("Kế hoạch"), v["Kế hoạch"])
			}
			p := analysis.Plan{Year: year, Unit: v["Đơn vị"], Indicator: v["Mã chỉ tiêu"], Value: value,
				Op: cmp.Or(strings.NewReplacer("≥", ">=", "≤", "<=", " ", "").Replace(v["So sánh"]), ">=")}
			if name, found, ok := analysis.NewMatcher(cfg).Unit(p.Unit); found && ok {
				p.Unit = name // any spelling of a ward: "P5", "Phường 05"
			}
			if err := p.Check(cfg); err != nil {
				return fmt.Errorf("%s: %w", at(fieldOf(err)), err)
			}
			cfg.Plans = append(cfg.Plans, p)
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

// configNumber reads a numeric cell's raw value, or a number typed as text.
func configNumber(s string) (float64, bool) {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, true
	}
	n, err := analysis.ParseNumber(s, analysis.NotationVietnamese)
	if err != nil || n.Empty {
		return 0, false
	}
	return n.Value, true
}

// configPeriod reads a period id ("" for blank). A year typed as a number
// reads as its raw value; a month Excel took for a date (2025-07 typed in a
// cell) reads as that date's month.
func configPeriod(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	if p, ok := analysis.ParsePeriodID(s); ok {
		return p.ID(), true
	}
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial > 3000 {
		if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
			p := analysis.Period{Year: t.Year(), Kind: analysis.Month, N: int(t.Month())}
			if _, ok := analysis.ParsePeriodID(p.ID()); ok {
				return p.ID(), true
			}
		}
	}
	return "", false
}

// configShare reads a share: 0.5, "0,5" or "50%".
func configShare(s string) (float64, bool) {
	if pct, ok := strings.CutSuffix(strings.TrimSpace(s), "%"); ok {
		v, ok := configNumber(strings.TrimSpace(pct))
		return v / 100, ok
	}
	return configNumber(s)
}

// configYear reads a year (blank is 0).
func configYear(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	v, ok := configNumber(s)
	if !ok || v != float64(int(v)) || v < 1900 || v > 2200 {
		return 0, fmt.Errorf("not a year")
	}
	return int(v), nil
}

// fieldOf is the column an analysis.FieldError names, else "".
func fieldOf(err error) string {
	var fe *analysis.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

// hasColumn reports whether sheet's header row has the column col.
func hasColumn(f *excelize.File, sheet, col string) bool {
	name := findSheet(f, sheet)
	if name == "" {
		return false
	}
	rows, err := f.Rows(name)
	if err != nil || !rows.Next() {
		return false
	}
	defer rows.Close()
	header, _ := rows.Columns()
	for _, h := range header {
		if analysis.Fold(h) == analysis.Fold(col) {
			return true
		}
	}
	return false
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
