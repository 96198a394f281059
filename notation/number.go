package notation

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// Notation is how a text number writes its separators.
type Notation byte

const (
	Undecided  Notation = iota
	Vietnamese          // 1.234,5
	English             // 1,234.5
)

// Number is a number read from the text of a cell.
type Number struct {
	Value   float64
	Empty   bool     // blank, "...", "x": no data (not zero)
	Percent bool     // written with "%": Value is in percent points
	Approx  bool     // qualified: "gần 1.000", "khoảng 45", "trên 90%"
	Reveals Notation // the notation the text shows unambiguously, if any
	Suffix  string   // unit words after the number, folded ("nguoi")
}

// ErrNotNumber is the error of ParseNumber for text that holds no number it
// can read without guessing.
var ErrNotNumber = errors.New("not a number")

var (
	qualifiers = []string{"gan ", "khoang ", "tren ", "duoi ", "hon ", "xap xi ", "uoc ", "~", "≈", ">", "<"}
	numberText = regexp.MustCompile(`^([+\-−]?)\s*(\d[\d.,  ]*\d|\d)\s*(%?)\s*(.*)$`)
	unitWords  = regexp.MustCompile(`^[\p{L}\s.]*$`)
)

// ParseNumber reads the text of a cell: "1.234", "12.345,5", "16,3%",
// "1,234", "16.3%", "420 người", "gần 1.000", "-" (none: zero, as GSO
// writes it), "" or "..." or "x" (no data). A single separator followed by
// exactly three digits ("1.234", "1,234") is ambiguous and read in notation
// n: as thousands in Vietnamese (1234), as a decimal point in English. Other
// separators reveal their notation, reported in Number.Reveals. Ranges
// ("3 - 4%"), fractions ("14/16") and words are ErrNotNumber.
func ParseNumber(text string, n Notation) (Number, error) {
	s := strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u2009", " ", "\u202f", " ").Replace(unaccent(text)))
	switch s {
	case "", "...", "…", "x", "..", "n/a":
		return Number{Empty: true}, nil
	case "-", "–", "—", "−":
		return Number{}, nil
	}
	var num Number
	for _, q := range qualifiers {
		if rest, ok := strings.CutPrefix(s, q); ok {
			num.Approx, s = true, strings.TrimSpace(rest)
			break
		}
	}
	m := numberText.FindStringSubmatch(s)
	if m == nil || !unitWords.MatchString(m[4]) {
		return Number{}, ErrNotNumber
	}
	v, reveals, err := parseDigits(m[2], n)
	if err != nil {
		return Number{}, err
	}
	if m[1] != "" && m[1] != "+" {
		v = -v
	}
	num.Value, num.Reveals = v, reveals
	num.Percent = m[3] == "%"
	num.Suffix = collapse(m[4])
	return num, nil
}

// parseDigits reads digits with thousands and decimal separators.
func parseDigits(s string, n Notation) (float64, Notation, error) {
	if strings.Contains(s, " ") {
		groups := strings.Fields(s)
		for _, g := range groups[1:] {
			// Each group after a space has three digits before any separator.
			if sep := strings.IndexAny(g, ".,"); len(g) < 3 || sep >= 0 && sep != 3 {
				return 0, 0, ErrNotNumber
			}
		}
		s = strings.Join(groups, "")
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var thousands, decimal string
	var reveals Notation
	switch {
	case dots == 0 && commas == 0:
	case dots > 0 && commas > 0:
		if strings.LastIndex(s, ",") > strings.LastIndex(s, ".") {
			thousands, decimal, reveals = ".", ",", Vietnamese
		} else {
			thousands, decimal, reveals = ",", ".", English
		}
	case dots > 1:
		thousands, reveals = ".", Vietnamese
	case commas > 1:
		thousands, reveals = ",", English
	default:
		sep := "."
		if commas == 1 {
			sep = ","
		}
		before, after, _ := strings.Cut(s, sep)
		if len(after) == 3 && len(before) <= 3 && before != "0" {
			// Ambiguous: "1.234" or "1,234".
			if (sep == ".") == (n != English) {
				thousands = sep
			} else {
				decimal = sep
			}
		} else {
			decimal = sep
			if sep == "," {
				reveals = Vietnamese
			} else {
				reveals = English
			}
		}
	}
	if thousands != "" {
		parts := strings.Split(strings.SplitN(s, decimalOr(decimal), 2)[0], thousands)
		for i, p := range parts {
			if (i > 0 && len(p) != 3) || (i == 0 && (len(p) == 0 || len(p) > 3)) {
				return 0, 0, ErrNotNumber
			}
		}
		s = strings.ReplaceAll(s, thousands, "")
	}
	if decimal == "," {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, ErrNotNumber
	}
	return v, reveals, nil
}

func decimalOr(d string) string {
	if d == "" {
		return "\x00"
	}
	return d
}

var yesNo = map[string]float64{
	"co": 1, "da": 1, "roi": 1, "dat": 1, "hoan thanh": 1, "da hoan thanh": 1, "yes": 1,
	"khong": 0, "chua": 0, "chua hoan thanh": 0, "khong dat": 0, "no": 0,
}

// ParseYesNo reads a yes/no cell ("Có", "Không", "Đã hoàn thành") as 1 or 0.
func ParseYesNo(text string) (float64, bool) {
	v, ok := yesNo[Fold(text)]
	return v, ok
}
