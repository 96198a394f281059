package ingest

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"

	"github.com/xuri/excelize/v2"
)

// ConfigFileName is the configuration workbook LoadConfig looks for.
const ConfigFileName = "cau-hinh.xlsx"

// LoadConfig finds and reads the configuration: the workbook explicit
// (--config) if given, else ConfigFileName in the folder of the first
// input (the input itself when it is a folder), else beside the program
// (in programDir, "" for nowhere), else the built-in configuration.
func LoadConfig(explicit string, inputs []string, programDir string) (*catalog.Config, error) {
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
	return catalog.Builtin(), nil
}

// ReadConfig reads a configuration workbook as workbook.Config writes it and
// staff edit it: its sheets in order, each row checked as it is read.
// Errors name the sheet and cell.
func ReadConfig(path string) (*catalog.Config, error) {
	f, err := openConfig(path)
	if err != nil {
		return nil, msg.Placed(path, err)
	}
	defer f.Close()
	r := &configReader{f: f, path: path, cfg: &catalog.Config{Source: path}}
	for _, step := range []func() error{r.indicators, r.term, r.targets, r.units, r.changes, r.boundaries, r.district, r.plans} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := r.cfg.Validate(); err != nil {
		return nil, msg.Placed(path, err)
	}
	return r.cfg, nil
}

// openConfig opens a configuration workbook, saying why it cannot as the
// problems of a ward's workbook do.
func openConfig(path string) (*excelize.File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, openFailure(msg.CannotOpen, err)
	}
	if err := precheck(data, ""); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, openFailed(data, err)
	}
	return f, nil
}

// configReader reads one configuration workbook into cfg.
type configReader struct {
	f    *excelize.File
	path string
	cfg  *catalog.Config
	// Where each unit and change was read, to name the cell of a boundary
	// error found once both sheets are read.
	unitAt, changeAt []func(string) string
}

// rowFunc takes one row of a sheet: its values by column name, and at,
// which names the cell of a column.
type rowFunc func(row map[string]string, at func(col string) string) error

// table calls each for every non-blank row of sheet.
func (r *configReader) table(sheet string, columns []string, each rowFunc) error {
	name := findSheet(r.f, sheet)
	if name == "" {
		return msg.NewError(msg.ConfigNoSheet, r.path, sheet)
	}
	rows, err := r.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		return msg.NewError(msg.ConfigUnreadableSheet, r.path, name, err)
	}
	index := map[string]int{}
	for i, h := range rows[0] {
		index[notation.Fold(h)] = i
	}
	for n, row := range rows[1:] {
		values := map[string]string{}
		blank := true
		for _, col := range columns {
			if i, ok := index[notation.Fold(col)]; ok && i < len(row) {
				values[col] = strings.TrimSpace(row[i])
				blank = blank && values[col] == ""
			}
		}
		if blank {
			continue
		}
		at := func(col string) string {
			ref, _ := excelize.CoordinatesToCellName(index[notation.Fold(col)]+1, n+2)
			return fmt.Sprintf("%s:%s!%s", r.path, name, ref)
		}
		if err := each(values, at); err != nil {
			return err
		}
	}
	return nil
}

// optional is table for a sheet the workbook may leave out.
func (r *configReader) optional(sheet string, columns []string, each rowFunc) error {
	if findSheet(r.f, sheet) == "" {
		return nil
	}
	return r.table(sheet, columns, each)
}

// indicators reads the catalog. A workbook written before a column existed
// takes the built-in catalog's value for the indicators it knows: an old
// cau-hinh.xlsx keeps adding months up and checking parts against wholes.
func (r *configReader) indicators() error {
	newer := map[string]bool{}
	for _, col := range []string{"Cộng theo thời gian", "Nhóm", "Không vượt quá"} {
		newer[col] = hasColumn(r.f, ConfigSheetIndicators, col)
	}
	builtin := catalog.Builtin()
	return r.table(ConfigSheetIndicators, IndicatorColumns, func(v map[string]string, at func(string) string) error {
		acc, ok := catalog.ParseAccumulation(v["Cộng theo thời gian"])
		if !ok {
			return msg.Placed(at("Cộng theo thời gian"), msg.NewError(msg.ConfigAccumulateCell,
				v["Cộng theo thời gian"], catalog.AccumulateSum, catalog.AccumulateLast))
		}
		ind := catalog.Indicator{
			ID: v["Mã chỉ tiêu"], Code: v["Mã số"], Label: v["Tên chỉ tiêu"], LabelEN: v["Tên tiếng Anh"],
			Unit: v["Đơn vị tính"], Kind: catalog.Kind(v["Loại"]), Of: splitList(v["Tính từ"]), Aliases: splitList(v["Tên khác"]),
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
		r.cfg.Indicators = append(r.cfg.Indicators, ind)
		return nil
	})
}

// term reads the Nhiệm kỳ sheet, if any.
func (r *configReader) term() error {
	return r.optional(ConfigSheetTerm, TermColumns, func(v map[string]string, at func(string) string) error {
		term := &catalog.Term{Name: v["Tên"]}
		for col, year := range map[string]*int{"Năm gốc": &term.Baseline, "Từ năm": &term.From, "Đến năm": &term.To} {
			y, err := configYear(v[col])
			if err != nil || y == 0 {
				return msg.Placed(at(col), msg.NewError(msg.ConfigNotYear, v[col], col))
			}
			*year = y
		}
		if err := term.Check(); err != nil {
			return msg.Placed(at(fieldOf(err)), err)
		}
		r.cfg.Term = term
		return nil
	})
}

// targets reads the Mục tiêu sheet, each target checked against the term.
func (r *configReader) targets() error {
	return r.table(ConfigSheetTargets, TargetColumns, func(v map[string]string, at func(string) string) error {
		value, ok := configNumber(v["Giá trị"])
		if !ok || v["Giá trị"] == "" {
			return msg.Placed(at("Giá trị"), msg.NewError(msg.ConfigTargetValue, v["Giá trị"]))
		}
		t := catalog.Target{Indicator: v["Mã chỉ tiêu"], Value: value, Source: v["Nguồn"], Op: configOp(v["So sánh"])}
		if _, ok := r.cfg.Indicator(t.Indicator); !ok {
			return msg.Placed(at("Mã chỉ tiêu"), msg.NewError(msg.ConfigNoIndicator, t.Indicator, ConfigSheetIndicators))
		}
		kind, ok := catalog.ParseTargetKind(v["Loại"])
		if !ok {
			return msg.Placed(at("Loại"), msg.NewError(msg.ConfigTargetKindCell, v["Loại"]))
		}
		t.Kind = kind
		if s := v["Giá trị vượt"]; s != "" {
			stretch, ok := configNumber(s)
			if !ok {
				return msg.Placed(at("Giá trị vượt"), msg.NewError(msg.ConfigStretchValue, s))
			}
			t.Stretch = &stretch
		}
		deadline, err := configYear(v["Hạn"])
		if err != nil {
			return msg.Placed(at("Hạn"), msg.NewError(msg.ConfigDeadlineYear, v["Hạn"]))
		}
		t.Deadline = deadline
		if err := t.Check(r.cfg.Term); err != nil {
			return msg.Placed(at(fieldOf(err)), err)
		}
		r.cfg.Targets = append(r.cfg.Targets, t)
		return nil
	})
}

// units reads the reporting units, with the periods they are valid for.
func (r *configReader) units() error {
	return r.table(ConfigSheetUnits, UnitColumns, func(v map[string]string, at func(string) string) error {
		if v["Tên"] == "" {
			return msg.Placed(at("Tên"), msg.NewError(msg.ConfigUnitNoName))
		}
		u := catalog.Unit{Name: v["Tên"], Aliases: splitList(v["Tên khác"])}
		for col, id := range map[string]*string{"Từ kỳ": &u.From, "Đến kỳ": &u.To} {
			p, ok := configPeriod(v[col])
			if !ok {
				return msg.Placed(at(col), msg.NewError(msg.ConfigPeriodID, v[col]))
			}
			*id = p
		}
		r.cfg.Units = append(r.cfg.Units, u)
		r.unitAt = append(r.unitAt, at)
		return nil
	})
}

// changes reads the Thay đổi địa giới sheet, if any.
func (r *configReader) changes() error {
	return r.optional(ConfigSheetChanges, ChangeColumns, func(v map[string]string, at func(string) string) error {
		from, ok := configPeriod(v["Hiệu lực từ"])
		if !ok || from == "" {
			return msg.Placed(at("Hiệu lực từ"), msg.NewError(msg.ConfigChangeDate, v["Hiệu lực từ"]))
		}
		ch := catalog.Change{From: from, Old: v["Đơn vị cũ"], New: v["Đơn vị mới"], Share: 1, Act: v["Căn cứ"]}
		if s := v["Tỷ lệ"]; s != "" {
			share, ok := configShare(s)
			if !ok {
				return msg.Placed(at("Tỷ lệ"), msg.NewError(msg.ConfigShareNumber, s))
			}
			ch.Share = share
		}
		r.cfg.Changes = append(r.cfg.Changes, ch)
		r.changeAt = append(r.changeAt, at)
		return nil
	})
}

// boundaries checks the units and changes together, naming the cell of the
// row at fault.
func (r *configReader) boundaries() error {
	err := r.cfg.CheckBoundaries()
	if err == nil {
		return nil
	}
	var be *catalog.BoundaryError
	if errors.As(err, &be) {
		at := r.unitAt
		if be.Sheet == "changes" {
			at = r.changeAt
		}
		if be.Row < len(at) {
			return msg.Placed(at[be.Row](be.Field), err)
		}
	}
	return msg.Placed(r.path, err)
}

// district reads the name of the whole the units make up, if given.
func (r *configReader) district() error {
	return r.optional(ConfigSheetDistrict, DistrictColumns, func(v map[string]string, at func(string) string) error {
		r.cfg.District = v["Tên quận"]
		return nil
	})
}

// plans reads the Kế hoạch sheet, if any; a unit may be written in any
// spelling the configuration knows.
func (r *configReader) plans() error {
	matcher := catalog.NewMatcher(r.cfg)
	return r.optional(ConfigSheetPlans, PlanColumns, func(v map[string]string, at func(string) string) error {
		year, err := configYear(v["Năm"])
		if err != nil || year == 0 {
			return msg.Placed(at("Năm"), msg.NewError(msg.ConfigPlanYear, v["Năm"]))
		}
		value, ok := configNumber(v["Kế hoạch"])
		if !ok || v["Kế hoạch"] == "" {
			return msg.Placed(at("Kế hoạch"), msg.NewError(msg.ConfigPlanNumber, v["Kế hoạch"]))
		}
		p := catalog.Plan{Year: year, Unit: v["Đơn vị"], Indicator: v["Mã chỉ tiêu"], Value: value,
			Op: cmp.Or(configOp(v["So sánh"]), ">=")}
		if name, found, ok := matcher.Unit(p.Unit); found && ok {
			p.Unit = name // "P5", "Phường 05"
		}
		if err := p.Check(r.cfg); err != nil {
			return msg.Placed(at(fieldOf(err)), err)
		}
		r.cfg.Plans = append(r.cfg.Plans, p)
		return nil
	})
}

// configOp reads a comparison: ">=", "≥", "<=", "≤", spaces ignored.
func configOp(s string) string {
	return strings.NewReplacer("≥", ">=", "≤", "<=", " ", "").Replace(s)
}

// configNumber reads a numeric cell's raw value, or a number typed as text.
func configNumber(s string) (float64, bool) {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, true
	}
	n, err := notation.ParseNumber(s, notation.Vietnamese)
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
	if p, ok := notation.ParsePeriodID(s); ok {
		return p.ID(), true
	}
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial > 3000 {
		if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
			p := notation.Period{Year: t.Year(), Kind: notation.Month, N: int(t.Month())}
			if _, ok := notation.ParsePeriodID(p.ID()); ok {
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

// fieldOf is the column an catalog.FieldError names, else "".
func fieldOf(err error) string {
	var fe *catalog.FieldError
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
		if notation.Fold(h) == notation.Fold(col) {
			return true
		}
	}
	return false
}

func findSheet(f *excelize.File, want string) string {
	for _, name := range f.GetSheetList() {
		if notation.Fold(name) == notation.Fold(want) {
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
