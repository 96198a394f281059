package ingest

import (
	"cmp"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"

	"github.com/xuri/excelize/v2"
)

// sheetReader reads one sheet; problems gathers what it finds wrong.
type sheetReader struct {
	*reader
	book     book
	path     string
	sheet    string
	problems []analysis.Problem
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
	// The first rows tell whether the sheet can hold a table at all; a
	// long sheet without one (a household list) is then never read whole.
	head, err := s.book.head(s.sheet, headerSearchRows+1)
	if err != nil {
		s.fail(analysis.SeverityError, "", "", msg.CannotOpen, err)
		return nil, false
	}
	if !s.mayHoldTable(head) {
		return nil, false
	}
	rows, err := s.book.rows(s.sheet)
	if err != nil {
		s.fail(analysis.SeverityError, "", "", msg.CannotOpen, err)
		return nil, false
	}
	t, ok := s.standardTable(rows)
	if !ok {
		if t, ok = s.transposedTable(rows); !ok {
			return nil, false
		}
	}
	var title []string
	for _, row := range rows[:t.titleEnd] {
		for _, text := range row {
			if strings.TrimSpace(text) != "" {
				title = append(title, text)
			}
		}
	}
	ward, origin, ok := s.ward(title)
	if !ok {
		return nil, true
	}
	period, ok := s.periodOf(title, t.year)
	if !ok {
		return nil, true
	}
	if len(t.entries) == 0 {
		s.fail(analysis.SeverityWarning, "", "", msg.NoIndicators)
		return nil, true
	}
	notations := s.notations(t.entries)
	sub := &analysis.Submission{File: s.path, Sheet: s.sheet, Ward: ward, Origin: origin, Period: period}
	for _, e := range t.entries {
		obs := analysis.Observation{
			Indicator: e.indicator.ID,
			Current:   s.figure(e.current, e, notations[e.current], ward, period),
			Previous:  s.figure(e.previous, e, notations[e.previous], ward, period),
			Plan:      s.figure(e.plan, e, notations[e.plan], ward, period),
		}
		sub.Observations = append(sub.Observations, obs)
	}
	return sub, true
}

// mayHoldTable reports whether a sheet whose first rows are head can hold a
// table: standardTable looks for its header only in the first
// headerSearchRows+1 rows, and transposedTable needs a row among the first
// headerSearchRows with two indicator labels; neither adds a problem when it
// finds nothing.
func (s *sheetReader) mayHoldTable(head [][]string) bool {
	if _, _, ok := findHeader(head); ok {
		return true
	}
	for r := 0; r < len(head) && r < headerSearchRows; r++ {
		n := 0
		for _, text := range head[r] {
			if _, ok := s.matcher.Indicator(text); ok {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
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
	p.typ = s.book.cellType(s.sheet, p.ref)
	if p.raw == "" {
		if s.book.formula(s.sheet, p.ref) == "" {
			return nil
		}
	}
	return p
}

func (s *sheetReader) looksNumeric(p *pendingValue) bool {
	if isNumberType(p.typ) {
		return p.raw != ""
	}
	n, err := parseNumber(p.raw, notation.Vietnamese)
	return err == nil && !n.Empty
}

func isNumberType(t excelize.CellType) bool {
	return t == excelize.CellTypeNumber || t == excelize.CellTypeUnset || t == excelize.CellTypeDate
}

// notations decides how to read each text number of the table from the
// evidence of all of them (notation.Decide). A sheet that writes
// both ways gets a warning.
func (s *sheetReader) notations(entries []entry) map[*pendingValue]notation.Decision {
	var cells []notation.Cell
	var at []*pendingValue
	for row, e := range entries {
		whole := wholeCount(e.indicator)
		for col, p := range []*pendingValue{e.current, e.previous, e.plan} {
			if p == nil || p.typ == excelize.CellTypeBool || p.typ == excelize.CellTypeError {
				continue
			}
			c := notation.Cell{Row: row, Column: col, Whole: whole}
			if isNumberType(p.typ) {
				v, err := strconv.ParseFloat(p.raw, 64)
				if err != nil {
					continue
				}
				c.Number = &v
			} else {
				c.Text = p.raw
			}
			cells = append(cells, c)
			at = append(at, p)
		}
	}
	verdict := notation.Decide(cells, parseNumber)
	if verdict.Mixed {
		s.fail(analysis.SeverityWarning, "", "", msg.MixedNotation)
	}
	out := make(map[*pendingValue]notation.Decision, len(at))
	for i, p := range at {
		out[p] = verdict.Cells[i]
	}
	return out
}

// figure reads a value cell. What cannot be read is a problem and an
// unknown figure, never a guess.
func (s *sheetReader) figure(p *pendingValue, e entry, n notation.Decision, ward, period string) analysis.Figure {
	ind, unit := e.indicator, e.unit
	if p == nil {
		return analysis.Figure{}
	}
	src := analysis.Cell{File: s.path, Sheet: s.sheet, Ref: p.ref}
	problem := func(sev analysis.Severity, code msg.Code, args ...any) {
		s.problems = append(s.problems, analysis.Problem{Severity: sev, Cell: analysis.Cell{File: s.path, Sheet: s.sheet, Ref: p.ref},
			Ward: ward, Period: period, Indicator: ind.ID, Text: p.raw, Code: code, Args: args})
	}
	raw, typ := p.raw, p.typ
	if raw == "" {
		var ok bool
		if raw, typ, ok = s.calculated(p, problem); !ok {
			return analysis.Figure{}
		}
	}
	var value float64
	switch {
	case typ == excelize.CellTypeError:
		problem(analysis.SeverityError, msg.ErrorCell)
		return analysis.Figure{}
	case typ == excelize.CellTypeBool && ind.Kind != catalog.KindFlag:
		problem(analysis.SeverityError, msg.NotNumber)
		return analysis.Figure{}
	case typ == excelize.CellTypeBool:
		value = 0
		if raw == "1" || strings.EqualFold(raw, "true") {
			value = 1
		}
	case isNumberType(typ):
		var ok bool
		if value, ok = s.number(raw, p.ref, ind, problem); !ok {
			return analysis.Figure{}
		}
	default:
		if yes, ok := notation.ParseYesNo(raw); ok && ind.Kind == catalog.KindFlag {
			value = yes
			break
		}
		var ok bool
		if value, unit, ok = textNumber(raw, unit, ind, n, problem); !ok {
			return analysis.Figure{}
		}
	}
	if ind.Kind == catalog.KindCount && value < 0 {
		problem(analysis.SeverityError, msg.Negative)
		return analysis.Figure{}
	}
	if ind.Kind == catalog.KindFlag && value != 0 && value != 1 {
		problem(analysis.SeverityError, msg.NotFlag)
		return analysis.Figure{}
	}
	if unit != "" {
		var ok bool
		if value, ok = inUnit(value, unit, e, problem); !ok {
			return analysis.Figure{}
		}
	}
	if wholeCount(ind) && !whole(value) && p != e.plan { // a plan may be worked out (90 % of last year)
		problem(analysis.SeverityError, msg.Fraction, notation.Reading(value), ind.Unit)
		return analysis.Figure{}
	}
	return analysis.Figure{Value: value, Known: true, Source: src}
}

// number is the value of a number cell (raw, its raw value), in percent
// points when its format shows percent; ok is false when it is no number
// or a percent where the indicator has none (noted).
func (s *sheetReader) number(raw, ref string, ind catalog.Indicator, problem noteFunc) (float64, bool) {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		problem(analysis.SeverityError, msg.NotNumber)
		return 0, false
	}
	if s.book.isPercent(s.sheet, ref) {
		if ind.Unit != "%" {
			problem(analysis.SeverityError, msg.UnexpectedPercent, ind.Unit)
			return 0, false
		}
		v *= 100
	}
	return v, true
}

// textNumber is the value of a text cell read as a number in the notation
// decided for it, and its unit (a unit written in the cell wins over unit,
// the unit column's); ok is false for no figure: empty-like text, or a
// problem (noted).
func textNumber(raw, unit string, ind catalog.Indicator, n notation.Decision, problem noteFunc) (float64, string, bool) {
	if n.Ambiguous && n.Notation == notation.Undecided {
		problem(analysis.SeverityError, msg.AmbiguousNumber, notation.Reading(n.Readings[0]), notation.Reading(n.Readings[1]))
		return 0, unit, false
	}
	num, err := parseNumber(raw, cmp.Or(n.Notation, notation.Vietnamese))
	if err != nil {
		problem(analysis.SeverityError, msg.NotNumber)
		return 0, unit, false
	}
	if num.Empty {
		return 0, unit, false
	}
	if num.Percent && ind.Unit != "%" {
		problem(analysis.SeverityError, msg.UnexpectedPercent, ind.Unit)
		return 0, unit, false
	}
	if num.Approx {
		problem(analysis.SeverityWarning, msg.Approx, strconv.FormatFloat(num.Value, 'f', -1, 64))
	}
	if num.Suffix != "" {
		unit = num.Suffix
	}
	return num.Value, unit, true
}

// noteFunc notes a problem with the cell being read.
type noteFunc func(sev analysis.Severity, code msg.Code, args ...any)

// calculated is the value and type of the formula in the cell of p, which
// has no saved value; ok is false when it cannot be computed (noted).
func (s *sheetReader) calculated(p *pendingValue, problem noteFunc) (raw string, typ excelize.CellType, ok bool) {
	formula := s.book.formula(s.sheet, p.ref)
	v, err := s.book.calc(s.sheet, p.ref)
	if err != nil || v == "" {
		problem(analysis.SeverityError, msg.Formula, "="+formula, err)
		return "", 0, false
	}
	typ = excelize.CellTypeFormula
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		typ = excelize.CellTypeNumber
	} else if strings.HasPrefix(v, "#") {
		typ = excelize.CellTypeError
	}
	return v, typ, true
}

// inUnit converts value, written in unit, to the unit of e's indicator:
// amounts in another unit ("tỷ đồng") are converted to the indicator's
// ("triệu đồng"); money in a unit that cannot be converted is a problem
// (ok false), never taken as it is.
func inUnit(value float64, unit string, e entry, problem noteFunc) (float64, bool) {
	ind := e.indicator
	factor, known := unitScale(ind.Unit, unit)
	switch {
	case known:
		value *= factor
	case notation.Scalable(ind.Unit):
		problem(analysis.SeverityError, msg.UnknownUnit, unit, ind.Unit)
		return 0, false
	case unit != e.unit:
		problem(analysis.SeverityWarning, msg.UnitSuffix, unit, ind.Unit)
	}
	return value, true
}

// whole reports whether v is a whole number, allowing for the rounding of a
// computed formula (4000.0000000001).
func whole(v float64) bool { return math.Abs(v-math.Round(v)) <= 1e-9*max(1, math.Abs(v)) }

func (s *sheetReader) fail(sev analysis.Severity, cellRef, text string, code msg.Code, args ...any) {
	s.problems = append(s.problems, analysis.Problem{Severity: sev, Cell: analysis.Cell{File: s.path, Sheet: s.sheet, Ref: cellRef},
		Text: text, Code: code, Args: args})
}

// ward tells which ward sent the sheet: from the title, else the sheet
// name, else the file name.
// A ward named differently by the title and by the sheet or file name gets
// a warning, and the title wins; a sheet or file name that names no ward
// says nothing.
func (s *sheetReader) ward(title []string) (name, origin string, ok bool) {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	sources := append(append(title, s.sheet), base)
	for i, text := range sources {
		name, origin, found, ok := s.matcher.UnitOrigin(text)
		if !found {
			continue
		}
		if !ok {
			s.fail(analysis.SeverityError, "", text, msg.UnknownWard, name)
			return "", "", false
		}
		if i < len(title) {
			s.disagreement(name, "sheet", s.sheet)
			s.disagreement(name, "file", base)
		} else if i == len(title) {
			s.disagreement(name, "file", base)
		}
		return name, origin, true
	}
	s.fail(analysis.SeverityError, "", "", msg.NoWard)
	return "", "", false
}

// disagreement warns when text (a sheet or file name) names a ward other
// than name.
func (s *sheetReader) disagreement(name, what, text string) {
	if other, found, _ := s.matcher.Unit(text); found && other != name {
		words := map[string]msg.Code{"sheet": msg.SheetName, "file": msg.FileName}[what]
		s.fail(analysis.SeverityWarning, "", text, msg.WardDisagrees, name, words, other)
	}
}

// periodOf tells the reporting period: --period, else the title, else the
// year heading the this-period column or row, else the nearest folder named after
// a period.
func (s *sheetReader) periodOf(title []string, year int) (string, bool) {
	if s.forced {
		return s.period.ID(), true
	}
	for _, text := range title {
		if p, ok := findPeriod(text); ok {
			return p.ID(), true
		}
	}
	if year > 0 {
		return strconv.Itoa(year), true
	}
	for dir := filepath.Dir(s.path); ; dir = filepath.Dir(dir) {
		base := filepath.Base(dir)
		if p, ok := findPeriod(base); ok {
			return p.ID(), true
		}
		if parent := filepath.Dir(dir); parent == dir || base == "." || base == ".." {
			break
		}
	}
	s.fail(analysis.SeverityError, "", "", msg.NoPeriod)
	return "", false
}
