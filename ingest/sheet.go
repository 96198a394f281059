package ingest

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"chitieu/analysis"

	"github.com/xuri/excelize/v2"
)

// role is what a column of the report table holds.
type role int

const (
	roleNone role = iota
	roleLabel
	roleCode
	roleUnit
	roleCurrent
	rolePrevious
)

// headerRoles maps header texts (as analysis.LabelKey folds them) to roles.
var headerRoles = map[string]role{
	"chi tieu": roleLabel, "ten chi tieu": roleLabel, "noi dung": roleLabel, "noi dung chi tieu": roleLabel,
	"chi tieu chu yeu": roleLabel, "danh muc": roleLabel, "hang muc": roleLabel,
	"ma so": roleCode, "ma chi tieu": roleCode,
	"don vi tinh": roleUnit, "dvt": roleUnit, "don vi": roleUnit,
	"ky bao cao": roleCurrent, "thuc hien ky nay": roleCurrent, "ky nay": roleCurrent, "thuc hien": roleCurrent,
	"thuc hien ky bao cao": roleCurrent, "so lieu ky bao cao": roleCurrent, "uoc thuc hien": roleCurrent,
	"uoc thuc hien ky bao cao": roleCurrent, "so lieu": roleCurrent, "ket qua": roleCurrent,
	"cung ky nam truoc": rolePrevious, "cung ky": rolePrevious, "cung ky nam ngoai": rolePrevious,
	"thuc hien cung ky": rolePrevious, "thuc hien cung ky nam truoc": rolePrevious,
}

// yearHeader is a column headed by a year: "Năm 2002", "Thực hiện năm 2002".
var yearHeader = regexp.MustCompile(`^(?:thuc hien )?(?:nam )?(\d{4})$`)

// headerSearchRows is how far down a sheet the table header is looked for.
const headerSearchRows = 60

// columns are the positions (0-based) of the table's columns, -1 if absent.
type columns struct {
	label, code, unit, current, previous int
	year                                 int // the current column's year, when headed by years
}

// findHeader finds the header row of the report table: the first row with a
// label column and a this-period column (or two year columns).
func findHeader(rows [][]string) (int, columns, bool) {
	for r := 0; r < len(rows) && r < headerSearchRows; r++ {
		c := columns{label: -1, code: -1, unit: -1, current: -1, previous: -1}
		years := map[int]int{} // year -> column
		for i, text := range rows[r] {
			key := analysis.LabelKey(text)
			if m := yearHeader.FindStringSubmatch(key); m != nil {
				y, _ := strconv.Atoi(m[1])
				years[y] = i
				continue
			}
			switch headerRoles[key] {
			case roleLabel:
				setOnce(&c.label, i)
			case roleCode:
				setOnce(&c.code, i)
			case roleUnit:
				setOnce(&c.unit, i)
			case roleCurrent:
				setOnce(&c.current, i)
			case rolePrevious:
				setOnce(&c.previous, i)
			}
		}
		if c.current < 0 && len(years) > 0 {
			latest := 0
			for y := range years {
				latest = max(latest, y)
			}
			c.current, c.year = years[latest], latest
			if col, ok := years[latest-1]; ok && c.previous < 0 {
				c.previous = col
			}
		}
		if c.label >= 0 && c.current >= 0 {
			return r, c, true
		}
	}
	return 0, columns{}, false
}

func setOnce(dst *int, v int) {
	if *dst < 0 {
		*dst = v
	}
}

// sheetReader reads one sheet; problems gathers what it finds wrong.
type sheetReader struct {
	*reader
	file     *excelize.File
	path     string
	sheet    string
	problems []analysis.Problem
	percent  map[int]bool // style id -> the number format shows percent
}

// pendingValue is a value cell found in the table, read once the sheet's
// notation is known.
type pendingValue struct {
	ref, raw string
	typ      excelize.CellType
}

// read returns the sheet's submission, and whether the sheet holds a report
// table at all. A table whose ward or period cannot be told gives a problem
// and no submission.
func (s *sheetReader) read() (*analysis.Submission, bool) {
	rows, err := s.file.GetRows(s.sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		s.fail(analysis.SeverityError, "", "", analysis.MsgCannotOpen, err)
		return nil, false
	}
	hdr, cols, ok := findHeader(rows)
	if !ok {
		return nil, false
	}
	var title []string
	for _, row := range rows[:hdr] {
		for _, text := range row {
			if strings.TrimSpace(text) != "" {
				title = append(title, text)
			}
		}
	}
	ward, ok := s.ward(title)
	if !ok {
		return nil, true
	}
	period, ok := s.periodOf(title, cols)
	if !ok {
		return nil, true
	}

	type row struct {
		indicator         analysis.Indicator
		current, previous *pendingValue
	}
	var found []row
	for r := hdr + 1; r < len(rows); r++ {
		label := cell(rows[r], cols.label)
		id, ok := s.matcher.Indicator(label)
		if !ok && cols.code >= 0 {
			id, ok = s.matcher.IndicatorByCode(cell(rows[r], cols.code))
		}
		cur := s.pending(rows[r], r, cols.current)
		if !ok {
			if cur != nil && strings.TrimSpace(label) != "" && s.looksNumeric(cur) {
				s.fail(analysis.SeverityWarning, ref(cols.label, r), label, analysis.MsgUnknownLabel)
			}
			continue
		}
		ind, _ := s.opt.Config.Indicator(id)
		found = append(found, row{indicator: ind, current: cur, previous: s.pending(rows[r], r, cols.previous)})
	}
	if len(found) == 0 {
		s.fail(analysis.SeverityWarning, "", "", analysis.MsgNoIndicators)
		return nil, true
	}

	var values []*pendingValue
	for _, f := range found {
		values = append(values, f.current, f.previous)
	}
	notation := s.notation(values)
	sub := &analysis.Submission{File: s.path, Sheet: s.sheet, Ward: ward, Period: period}
	for _, f := range found {
		sub.Observations = append(sub.Observations, analysis.Observation{
			Indicator: f.indicator.ID,
			Current:   s.figure(f.current, f.indicator, notation, ward, period),
			Previous:  s.figure(f.previous, f.indicator, notation, ward, period),
		})
	}
	return sub, true
}

func cell(row []string, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	return row[col]
}

func ref(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return name
}

// pending notes the value cell at (row, col), or nil when there is no such
// column or the cell is empty and holds no formula.
func (s *sheetReader) pending(row []string, r, col int) *pendingValue {
	if col < 0 {
		return nil
	}
	p := &pendingValue{ref: ref(col, r), raw: cell(row, col)}
	p.typ, _ = s.file.GetCellType(s.sheet, p.ref)
	if p.raw == "" {
		if formula, _ := s.file.GetCellFormula(s.sheet, p.ref); formula == "" {
			return nil
		}
	}
	return p
}

func (s *sheetReader) looksNumeric(p *pendingValue) bool {
	if isNumberType(p.typ) {
		return p.raw != ""
	}
	n, err := analysis.ParseNumber(p.raw, analysis.NotationVietnamese)
	return err == nil && !n.Empty
}

func isNumberType(t excelize.CellType) bool {
	return t == excelize.CellTypeNumber || t == excelize.CellTypeUnset || t == excelize.CellTypeDate
}

// notation decides how to read ambiguous text numbers ("1.234"): the way
// the sheet's unambiguous text numbers are written, Vietnamese by default.
func (s *sheetReader) notation(values []*pendingValue) analysis.Notation {
	var vi, en int
	for _, p := range values {
		if p == nil || isNumberType(p.typ) {
			continue
		}
		if n, err := analysis.ParseNumber(p.raw, analysis.NotationVietnamese); err == nil {
			switch n.Reveals {
			case analysis.NotationVietnamese:
				vi++
			case analysis.NotationEnglish:
				en++
			}
		}
	}
	if en > 0 && vi == 0 {
		return analysis.NotationEnglish
	}
	return analysis.NotationVietnamese
}

// figure reads a value cell. What cannot be read is a problem and an
// unknown figure, never a guess.
func (s *sheetReader) figure(p *pendingValue, ind analysis.Indicator, n analysis.Notation, ward, period string) analysis.Figure {
	if p == nil {
		return analysis.Figure{}
	}
	src := analysis.Cell{File: s.path, Sheet: s.sheet, Ref: p.ref}
	problem := func(sev analysis.Severity, code analysis.MessageCode, args ...any) {
		s.problems = append(s.problems, analysis.Problem{Severity: sev, File: s.path, Sheet: s.sheet, Cell: p.ref,
			Ward: ward, Period: period, Indicator: ind.ID, Text: p.raw, Code: code, Args: args})
	}
	raw, typ := p.raw, p.typ
	if raw == "" {
		formula, _ := s.file.GetCellFormula(s.sheet, p.ref)
		v, err := s.file.CalcCellValue(s.sheet, p.ref, excelize.Options{RawCellValue: true})
		if err != nil || v == "" {
			problem(analysis.SeverityError, analysis.MsgFormula, "="+formula, err)
			return analysis.Figure{}
		}
		raw, typ = v, excelize.CellTypeFormula
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			typ = excelize.CellTypeNumber
		} else if strings.HasPrefix(v, "#") {
			typ = excelize.CellTypeError
		}
	}
	var value float64
	switch {
	case typ == excelize.CellTypeError:
		problem(analysis.SeverityError, analysis.MsgErrorCell)
		return analysis.Figure{}
	case typ == excelize.CellTypeBool:
		value = 0
		if raw == "1" || strings.EqualFold(raw, "true") {
			value = 1
		}
	case isNumberType(typ):
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			problem(analysis.SeverityError, analysis.MsgNotNumber)
			return analysis.Figure{}
		}
		if s.isPercent(p.ref) {
			if ind.Unit != "%" {
				problem(analysis.SeverityError, analysis.MsgUnexpectedPercent, ind.Unit)
				return analysis.Figure{}
			}
			v *= 100
		}
		value = v
	default:
		if yes, ok := analysis.ParseYesNo(raw); ok && ind.Kind == analysis.KindFlag {
			value = yes
			break
		}
		num, err := analysis.ParseNumber(raw, n)
		if err != nil {
			problem(analysis.SeverityError, analysis.MsgNotNumber)
			return analysis.Figure{}
		}
		if num.Empty {
			return analysis.Figure{}
		}
		if num.Percent && ind.Unit != "%" {
			problem(analysis.SeverityError, analysis.MsgUnexpectedPercent, ind.Unit)
			return analysis.Figure{}
		}
		value = num.Value
		if num.Approx {
			problem(analysis.SeverityWarning, analysis.MsgApprox, strconv.FormatFloat(value, 'f', -1, 64))
		}
		if num.Suffix != "" && num.Suffix != analysis.Fold(ind.Unit) {
			problem(analysis.SeverityWarning, analysis.MsgUnitSuffix, num.Suffix, ind.Unit)
		}
	}
	if ind.Kind == analysis.KindFlag && value != 0 && value != 1 {
		problem(analysis.SeverityError, analysis.MsgNotFlag)
		return analysis.Figure{}
	}
	return analysis.Figure{Value: value, Known: true, Source: src}
}

// isPercent reports whether the cell's number format shows a percentage, in
// which case the stored fraction 0.163 means 16.3 percent points.
func (s *sheetReader) isPercent(ref string) bool {
	id, err := s.file.GetCellStyle(s.sheet, ref)
	if err != nil || id == 0 {
		return false
	}
	if s.percent == nil {
		s.percent = map[int]bool{}
	}
	if v, ok := s.percent[id]; ok {
		return v
	}
	st, err := s.file.GetStyle(id)
	pct := err == nil && st != nil && (st.NumFmt == 9 || st.NumFmt == 10 ||
		(st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%")))
	s.percent[id] = pct
	return pct
}

func (s *sheetReader) fail(sev analysis.Severity, cellRef, text string, code analysis.MessageCode, args ...any) {
	s.problems = append(s.problems, analysis.Problem{Severity: sev, File: s.path, Sheet: s.sheet, Cell: cellRef,
		Text: text, Code: code, Args: args})
}

// ward tells which ward sent the sheet: from the title, else the sheet
// name, else the file name.
func (s *sheetReader) ward(title []string) (string, bool) {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	for _, text := range append(append(title, s.sheet), base) {
		name, found, ok := s.matcher.Unit(text)
		if !found {
			continue
		}
		if !ok {
			s.fail(analysis.SeverityError, "", text, analysis.MsgUnknownWard, name)
			return "", false
		}
		return name, true
	}
	s.fail(analysis.SeverityError, "", "", analysis.MsgNoWard)
	return "", false
}

// periodOf tells the reporting period: --period, else the title, else the
// year heading the this-period column, else the nearest folder named after
// a period.
func (s *sheetReader) periodOf(title []string, cols columns) (string, bool) {
	if s.forced {
		return s.period.ID(), true
	}
	for _, text := range title {
		if p, ok := analysis.FindPeriod(text); ok {
			return p.ID(), true
		}
	}
	if cols.year > 0 {
		return strconv.Itoa(cols.year), true
	}
	for dir := filepath.Dir(s.path); ; dir = filepath.Dir(dir) {
		base := filepath.Base(dir)
		if p, ok := analysis.FindPeriod(base); ok {
			return p.ID(), true
		}
		if parent := filepath.Dir(dir); parent == dir || base == "." || base == ".." {
			break
		}
	}
	s.fail(analysis.SeverityError, "", "", analysis.MsgNoPeriod)
	return "", false
}
