package notation

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// PeriodKind is the span of a reporting period.
type PeriodKind byte

const (
	Year       PeriodKind = 'Y'
	Half       PeriodKind = 'H' // N = 1 or 2
	Quarter    PeriodKind = 'Q' // N = 1..4
	NineMonths PeriodKind = '9' // first nine months, cumulative
	Month      PeriodKind = 'M' // N = 1..12
)

// Period is a reporting period such as 2003-H1.
type Period struct {
	Year int
	Kind PeriodKind
	N    int
}

// ID is the period id of the contract: 2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05.
func (p Period) ID() string {
	switch p.Kind {
	case Half:
		return fmt.Sprintf("%d-H%d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.N)
	case NineMonths:
		return fmt.Sprintf("%d-9M", p.Year)
	case Month:
		return fmt.Sprintf("%d-%02d", p.Year, p.N)
	}
	return strconv.Itoa(p.Year)
}

// EndMonth is the month of its year in which the period ends (12 for a
// year, 6 for the first half).
func (p Period) EndMonth() int {
	switch p.Kind {
	case Half:
		return 6 * p.N
	case Quarter:
		return 3 * p.N
	case NineMonths:
		return 9
	case Month:
		return p.N
	}
	return 12
}

// Months is how many months the period spans.
func (p Period) Months() int {
	switch p.Kind {
	case Half:
		return 6
	case Quarter:
		return 3
	case NineMonths:
		return 9
	case Month:
		return 1
	}
	return 12
}

// Start is the month at which p starts, counted from year 0, so that
// periods lay end to end: p covers the months [Start, End).
func (p Period) Start() int { return p.Year*12 + p.EndMonth() - p.Months() }

// End is the month, counted from year 0, at which the next period starts.
func (p Period) End() int { return p.Year*12 + p.EndMonth() }

// StartsInJanuary reports whether the period runs from the start of its
// year (a year, the first half, nine months, the first quarter, January):
// its value is its year to date.
func (p Period) StartsInJanuary() bool { return p.EndMonth() == p.Months() }

// WithYear is the same kind of period in year y.
func (p Period) WithYear(y int) Period { p.Year = y; return p }

// LastYear is the same kind of period one year earlier.
func (p Period) LastYear() Period { p.Year--; return p }

// PeriodLess orders periods by the date they end, then the shorter span
// first, as the contract requires. Ids that do not parse sort last.
func PeriodLess(a, b string) bool {
	pa, oka := ParsePeriodID(a)
	pb, okb := ParsePeriodID(b)
	if !oka || !okb {
		if oka != okb {
			return oka
		}
		return a < b
	}
	ea, eb := pa.Year*12+pa.EndMonth(), pb.Year*12+pb.EndMonth()
	if ea != eb {
		return ea < eb
	}
	return pa.Months() < pb.Months()
}

var periodID = regexp.MustCompile(`^(\d{4})(?:-(H[12]|Q[1-4]|9M|0[1-9]|1[0-2]))?$`)

// ParsePeriodID parses a contract period id ("2003", "2003-H1", "2003-05").
func ParsePeriodID(s string) (Period, bool) {
	if p, ok := parseCanonicalID(s); ok {
		return p, true
	}
	m := periodID.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return Period{}, false
	}
	y, _ := strconv.Atoi(m[1])
	if !plausibleYear(y) {
		return Period{}, false
	}
	p := Period{Year: y, Kind: Year}
	switch suffix := m[2]; {
	case suffix == "":
	case suffix == "9M":
		p.Kind = NineMonths
	case suffix[0] == 'H':
		p.Kind, p.N = Half, int(suffix[1]-'0')
	case suffix[0] == 'Q':
		p.Kind, p.N = Quarter, int(suffix[1]-'0')
	default:
		p.Kind = Month
		p.N, _ = strconv.Atoi(suffix)
	}
	return p, true
}

// parseCanonicalID parses an id as ID writes it, without the regular
// expression: analysis parses the ids of its own periods many times.
func parseCanonicalID(s string) (Period, bool) {
	if len(s) != 4 && len(s) != 7 {
		return Period{}, false
	}
	y := 0
	for _, c := range []byte(s[:4]) {
		if c < '0' || c > '9' {
			return Period{}, false
		}
		y = 10*y + int(c-'0')
	}
	if !plausibleYear(y) {
		return Period{}, false
	}
	if len(s) == 4 {
		return Period{Year: y, Kind: Year}, true
	}
	if s[4] != '-' {
		return Period{}, false
	}
	a, b := s[5], s[6]
	switch {
	case a == 'H' && (b == '1' || b == '2'):
		return Period{Year: y, Kind: Half, N: int(b - '0')}, true
	case a == 'Q' && b >= '1' && b <= '4':
		return Period{Year: y, Kind: Quarter, N: int(b - '0')}, true
	case a == '9' && b == 'M':
		return Period{Year: y, Kind: NineMonths}, true
	case a >= '0' && a <= '1' && b >= '0' && b <= '9':
		if n := int(a-'0')*10 + int(b-'0'); n >= 1 && n <= 12 {
			return Period{Year: y, Kind: Month, N: n}, true
		}
	}
	return Period{}, false
}

// Phrases are matched on folded text ("6 THÁNG ĐẦU NĂM 2003" is
// "6 thang dau nam 2003"), most specific first.
var (
	dateLine     = regexp.MustCompile(`ngay \d{1,2} thang \d{1,2} nam \d{4}`)
	partOfYear   = regexp.MustCompile(`(?:^| )(\d{1,2}) thang (?:(dau|cuoi) )?nam (\d{4})`)
	quarterWords = regexp.MustCompile(`(?:^| )quy (i|ii|iii|iv|1|2|3|4) (?:nam )?(\d{4})`)
	monthWords   = regexp.MustCompile(`(?:^| )thang (\d{1,2}) (?:nam )?(\d{4})`)
	yearWords    = regexp.MustCompile(`(?:^| )nam (\d{4})`)
	idInText     = regexp.MustCompile(`(?:^|[^0-9])(\d{4}-(?:H[12]|Q[1-4]|9M|0[1-9]|1[0-2]))(?:$|[^0-9A-Za-z])`)
	yearOnly     = regexp.MustCompile(`^(\d{4})$`)
)

var partsOfYear = map[string]Period{
	"6 dau": {Kind: Half, N: 1}, "6 cuoi": {Kind: Half, N: 2},
	"3 dau": {Kind: Quarter, N: 1}, "3 cuoi": {Kind: Quarter, N: 4},
	"9 dau": {Kind: NineMonths}, "12 dau": {Kind: Year}, "12 cuoi": {Kind: Year},
}

var quarterNumbers = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// FindPeriod finds a reporting period in a title or a folder name:
// "NĂM 2002", "6 THÁNG ĐẦU NĂM 2003", "QUÝ III/2003", "THÁNG 5/2003",
// "9 THÁNG ĐẦU NĂM 2003", or an id such as "2003-H1". Dates ("ngày 5 tháng 1
// năm 2002") are not periods.
func FindPeriod(text string) (Period, bool) {
	p, ok := findPeriod(text)
	return p, ok && plausibleYear(p.Year)
}

// plausibleYear keeps "0000" or a stray number from passing as a period.
func plausibleYear(y int) bool { return y >= 1950 && y <= 2100 }

func findPeriod(text string) (Period, bool) {
	if m := idInText.FindStringSubmatch(strings.ToUpper(text)); m != nil {
		return ParsePeriodID(m[1])
	}
	f := dateLine.ReplaceAllString(Fold(text), " ")
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := partOfYear.FindStringSubmatch(f); m != nil {
		// "6 tháng năm 2003" means the first six months, as "6 tháng đầu
		// năm"; any other span ("4 tháng đầu năm") is no period id, and
		// must not pass for the whole year.
		p, ok := partsOfYear[m[1]+" "+cmp.Or(m[2], "dau")]
		p.Year = atoi(m[3])
		return p, ok
	}
	if m := quarterWords.FindStringSubmatch(f); m != nil {
		return Period{Year: atoi(m[2]), Kind: Quarter, N: quarterNumbers[m[1]]}, true
	}
	if m := monthWords.FindStringSubmatch(f); m != nil {
		if n := atoi(m[1]); n >= 1 && n <= 12 {
			return Period{Year: atoi(m[2]), Kind: Month, N: n}, true
		}
	}
	if m := yearWords.FindStringSubmatch(f); m != nil {
		return Period{Year: atoi(m[1]), Kind: Year}, true
	}
	if m := yearOnly.FindStringSubmatch(f); m != nil {
		return Period{Year: atoi(m[1]), Kind: Year}, true
	}
	return Period{}, false
}
