package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"chitieu/analysis"
)

// csvHeader is the contract's tidy table.
var csvHeader = []string{"period", "scope", "ward", "indicator", "label", "unit", "value", "previous",
	"target", "status", "gap", "source", "previous_source"}

// WriteCSV writes one tidy table for machines: UTF-8 with a byte order mark,
// one row per period x (district, then each ward) x indicator, numbers with
// a dot and full precision, empty cells for values that cannot be had. The
// label follows o.Lang; unit, target and status are written as in JSON.
// Text that starts with =, +, -, @, a tab or a carriage return is prefixed
// with a single quote so that a spreadsheet does not run it as a formula;
// numbers are left alone.
func WriteCSV(w io.Writer, r *analysis.Result, o Options) error {
	r = orEmpty(r)
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	labels := map[string]string{}
	for _, ind := range catalog(r) {
		labels[ind.ID] = o.label(ind)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := func(period, scope, ward string, v analysis.Value) error {
		label, ok := labels[v.Indicator]
		if !ok {
			label = v.Indicator
		}
		target := ""
		if v.Target != nil {
			target = v.Target.String()
		}
		return cw.Write([]string{
			safe(period), scope, safe(ward), safe(v.Indicator), safe(label), safe(v.Unit),
			csvNumber(v.Value), csvNumber(v.Previous), safe(target), safe(string(v.Status)),
			csvNumber(v.Gap), safe(v.Source.String()), safe(v.PreviousSource.String()),
		})
	}
	for _, p := range r.Periods {
		for _, v := range p.District {
			if err := row(p.Period, "district", "", v); err != nil {
				return err
			}
		}
		for _, wr := range p.Wards {
			for _, v := range wr.Values {
				if err := row(p.Period, "ward", wr.Name, v); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvNumber(v *float64) string {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// safe escapes text a spreadsheet would read as a formula: one that starts
// with =, +, - or @, or with a tab or carriage return (which some
// spreadsheets skip before reading the rest as a formula).
func safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
