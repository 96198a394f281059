package report

import (
	"math"
	"strconv"
	"strings"

	"chitieu/catalog"
)

const missing = "—"

// decimals is how many decimals v is shown with: counts as integers (one
// decimal when they are not whole), percentages with one, two when
// 0 < |v| < 1, and more where rounding would change the verdict against
// the target (11.96 against >= 12 is not shown as 12.0).
func decimals(v float64, unit string, t *catalog.Target) int {
	d := 0
	switch {
	case unit == "%" && math.Abs(v) > 0 && math.Abs(v) < 1:
		d = 2
	case unit == "%" || v != math.Trunc(v):
		d = 1
	}
	for t != nil && d < 6 && t.Met(rounded(v, d)) != t.Met(v) {
		d++
	}
	return d
}

func rounded(v float64, d int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
	return r
}

// formatValue is a value for the screen in the notation of o, "—" for none.
func (o Options) formatValue(v *float64, unit string, t *catalog.Target) string {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return missing
	}
	return o.localize(strconv.FormatFloat(*v, 'f', decimals(*v, unit, t), 64))
}

// formatTarget is "≥ 12" or "≤ -20" in the notation of o, "" for none
// ("—" means no data, and an indicator without a target still has data).
func (o Options) formatTarget(t *catalog.Target) string {
	if t == nil {
		return ""
	}
	op := "≥ "
	if t.Op == "<=" {
		op = "≤ "
	}
	return op + o.localize(strconv.FormatFloat(t.Value, 'f', -1, 64))
}

// localize rewrites a number written by strconv ('f' format) with the
// thousands and decimal separators of the language: vi 1.234,5; en 1,234.5.
func (o Options) localize(s string) string {
	thousands, decimal := ".", ","
	if o.en() {
		thousands, decimal = ",", "."
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
		if strings.Trim(s, "0.") == "" {
			sign = "" // no "-0,0"
		}
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(decimal)
		b.WriteString(frac)
	}
	return b.String()
}
