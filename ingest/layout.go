package ingest

import (
	"regexp"
	"strconv"
	"strings"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// This file finds the report table on a sheet, in either of its shapes:
// indicators down the rows (the standard form, with a one- or two-row
// header) or across the top (transposed, with periods down the side).

// role is what a column of the report table holds.
type role int

const (
	roleNone role = iota
	roleLabel
	roleCode
	roleUnit
	roleCurrent
	rolePrevious
	rolePlan
)

// headerRoles maps header texts (as notation.LabelKey folds them) to roles.
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
	"ke hoach nam": rolePlan, "kh nam": rolePlan, "ke hoach": rolePlan, "chi tieu giao": rolePlan,
	"ke hoach giao": rolePlan, "chi tieu ke hoach nam": rolePlan,
}

// yearHeader is a column headed by a year: "Năm 2002", "Thực hiện năm 2002".
var yearHeader = regexp.MustCompile(`^(?:thuc hien )?(?:nam )?(\d{4})$`)

// headerSearchRows is how far down a sheet the table header is looked for.
const headerSearchRows = 60

// classifyHeader classifies one header text: a role, or a year (0 if
// none). headerCell is the same, remembered.
func classifyHeader(text string) (role, int) {
	key := notation.LabelKey(text)
	if m := yearHeader.FindStringSubmatch(key); m != nil {
		y, _ := strconv.Atoi(m[1])
		return roleNone, y
	}
	return headerRoles[key], 0
}

// columns are the positions (0-based) of the table's columns, -1 if absent.
type columns struct {
	label, code, unit, current, previous int
	plan                                 int // the year's plan for the ward (Kế hoạch năm)
	year                                 int // the this-period column's year, when headed by years
}

// headerCells classifies a header row: column -> role, column -> year.
func headerCells(row []string) (map[int]role, map[int]int) {
	roles, years := map[int]role{}, map[int]int{}
	for i, text := range row {
		r, y := headerCell(text)
		switch {
		case y > 0:
			years[i] = y
		case r != roleNone:
			roles[i] = r
		}
	}
	return roles, years
}

// findHeader finds the header of a standard table: the first row with a
// label column and a this-period column. A second header row below it
// ("Thực hiện" merged over "Năm 2004 | Năm 2003", or over "Kỳ báo cáo |
// Cùng kỳ") refines the columns it names; year headers decide which column
// is this period (the latest year) and which last year's. It returns the
// last header row.
func findHeader(rows [][]string) (int, columns, bool) {
	for r := 0; r < len(rows) && r < headerSearchRows; r++ {
		roles, years := headerCells(rows[r])
		last := r
		if r+1 < len(rows) {
			subRoles, subYears := headerCells(rows[r+1])
			labelCol := -1
			for i, role := range roles {
				if role == roleLabel {
					labelCol = i
				}
			}
			below := strings.TrimSpace(cell(rows[r+1], labelCol))
			isSub := labelCol >= 0 && (below == "" || below == strings.TrimSpace(cell(rows[r], labelCol))) &&
				(len(subYears) > 0 || hasRole(subRoles, roleCurrent) || hasRole(subRoles, rolePrevious))
			if isSub {
				for i, role := range subRoles {
					roles[i] = role
					delete(years, i)
				}
				for i, y := range subYears {
					years[i] = y
					delete(roles, i)
				}
				last = r + 1
			}
		}
		c := columns{label: -1, code: -1, unit: -1, current: -1, previous: -1, plan: -1}
		for i := 0; i < len(rows[r]) || i < len(rows[last]); i++ {
			switch roles[i] {
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
			case rolePlan:
				setOnce(&c.plan, i)
			}
		}
		if latest, col := latestYear(years); latest > 0 {
			c.current, c.year = col, latest
			c.previous = -1
			for i, y := range years {
				if y == latest-1 {
					c.previous = i
				}
			}
		}
		if c.label >= 0 && c.current >= 0 {
			return last, c, true
		}
	}
	return 0, columns{}, false
}

func hasRole(roles map[int]role, want role) bool {
	for _, r := range roles {
		if r == want {
			return true
		}
	}
	return false
}

// latestYear is the greatest year and its column (the leftmost on a tie).
func latestYear(years map[int]int) (int, int) {
	latest, col := 0, -1
	for i, y := range years {
		if y > latest || y == latest && i < col {
			latest, col = y, i
		}
	}
	return latest, col
}

func setOnce(dst *int, v int) {
	if *dst < 0 {
		*dst = v
	}
}

// entry is one indicator found in the table, with its value cells.
type entry struct {
	indicator               catalog.Indicator
	current, previous, plan *pendingValue
	unit                    string // the unit written for it (unit column or label), as found
}

// table is the report table found on a sheet.
type table struct {
	titleEnd int // rows above this are the title block
	year     int // the this-period year from the headers, 0 if none
	entries  []entry
}

// standardTable reads a table with indicators down the rows.
func (s *sheetReader) standardTable(rows [][]string) (table, bool) {
	hdr, cols, ok := findHeader(rows)
	if !ok {
		return table{}, false
	}
	t := table{titleEnd: headerStart(rows, hdr, cols), year: cols.year}
	seen := map[string]int{} // indicator id -> its row
	for r := hdr + 1; r < len(rows); r++ {
		label := cell(rows[r], cols.label)
		id, ok := s.matcher.Indicator(label)
		if !ok && cols.code >= 0 {
			id, ok = s.matcher.IndicatorByCode(cell(rows[r], cols.code))
		}
		cur := s.pending(rows[r], r, cols.current)
		if !ok {
			if cur != nil && strings.TrimSpace(label) != "" && s.looksNumeric(cur) {
				s.fail(analysis.SeverityWarning, ref(cols.label, r), label, msg.UnknownLabel)
			}
			continue
		}
		if first, dup := seen[id]; dup {
			s.fail(analysis.SeverityError, ref(cols.label, r), label, msg.DuplicateRow, strconv.Itoa(first+1))
			continue
		}
		seen[id] = r
		ind, _ := s.opt.Config.Indicator(id)
		unit := cell(rows[r], cols.unit)
		if unit == "" {
			unit = labelUnit(label)
		}
		t.entries = append(t.entries, entry{indicator: ind, current: cur, previous: s.pending(rows[r], r, cols.previous),
			plan: s.pending(rows[r], r, cols.plan), unit: unit})
	}
	return t, true
}

// headerStart is the first row of the header: the row above hdr when the
// header has two rows.
func headerStart(rows [][]string, hdr int, cols columns) int {
	if hdr == 0 {
		return hdr
	}
	if label := strings.TrimSpace(cell(rows[hdr], cols.label)); label == "" || label == strings.TrimSpace(cell(rows[hdr-1], cols.label)) {
		return hdr - 1
	}
	return hdr
}

var trailingParens = regexp.MustCompile(`\(([^()]*)\)\s*$`)

// labelUnit is the unit a label ends with: "Doanh thu (tỷ đồng)" -> "tỷ đồng".
func labelUnit(label string) string {
	if m := trailingParens.FindStringSubmatch(label); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// transposedTable reads a table with indicators across a row and periods
// down the side: the row labelled with the latest year (or "Kỳ báo cáo") is
// this period, the one a year earlier (or "Cùng kỳ") last year's.
func (s *sheetReader) transposedTable(rows [][]string) (table, bool) {
	for r := 0; r < len(rows) && r < headerSearchRows; r++ {
		indicators := map[int]string{}
		firstCol := -1
		for i, text := range rows[r] {
			if id, ok := s.matcher.Indicator(text); ok {
				indicators[i] = id
				if firstCol < 0 {
					firstCol = i
				}
			}
		}
		if len(indicators) < 2 {
			continue
		}
		current, previous, latest := -1, -1, 0
		years := map[int]int{} // row -> year
		for below := r + 1; below < len(rows); below++ {
			role, year := rowHeading(rows[below], firstCol)
			switch {
			case year > 0:
				years[below] = year
			case role == roleCurrent && current < 0:
				current = below
			case role == rolePrevious && previous < 0:
				previous = below
			}
		}
		for row, y := range years {
			if y > latest || y == latest && row < current {
				latest, current = y, row
			}
		}
		if latest > 0 {
			previous = -1
			for row, y := range years {
				if y == latest-1 {
					previous = row
				}
			}
		}
		if current < 0 {
			continue
		}
		t := table{titleEnd: r, year: latest}
		for col := firstCol; col < len(rows[r]); col++ {
			id, ok := indicators[col]
			if !ok {
				continue
			}
			ind, _ := s.opt.Config.Indicator(id)
			var prev *pendingValue
			if previous >= 0 {
				prev = s.pending(rows[previous], previous, col)
			}
			t.entries = append(t.entries, entry{indicator: ind, current: s.pending(rows[current], current, col),
				previous: prev, unit: labelUnit(rows[r][col])})
		}
		return t, true
	}
	return table{}, false
}

// rowHeading classifies the heading of a transposed table's row: the last
// non-empty cell left of the first indicator column.
func rowHeading(row []string, firstCol int) (role, int) {
	for i := min(firstCol, len(row)) - 1; i >= 0; i-- {
		if strings.TrimSpace(row[i]) != "" {
			return headerCell(row[i])
		}
	}
	return roleNone, 0
}
