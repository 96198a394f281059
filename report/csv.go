package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"chitieu/analysis"
	"chitieu/catalog"
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
	for _, ind := range shownIndicators(r) {
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
	if err := termCSV(cw, r, labels); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// termCSV adds the term review: a row per target (scope "term": the period
// is the term's as_of, value the figure to date, previous the baseline,
// status the verdict) and a row per indicator summed over the term (scope
// "term_cumulative").
func termCSV(cw *csv.Writer, r *analysis.Result, labels map[string]string) error {
	tr := termOf(r)
	if tr == nil {
		return nil
	}
	for _, tt := range tr.Targets {
		t := tt.Target
		unit := ""
		if ind, ok := r.Term.Indicator(t.Indicator); ok {
			unit = ind.Unit
		}
		if t.TargetKind() == catalog.KindOverTerm {
			unit = "%"
		}
		if err := cw.Write([]string{safe(tr.AsOf), "term", safe(tr.Ward), safe(t.Indicator), safe(labels[t.Indicator]), safe(unit),
			csvNumber(tt.ToDate), csvNumber(tt.Baseline), safe(t.String()), string(tt.Verdict), "", "", safe(tt.BaselineSource.String())}); err != nil {
			return err
		}
	}
	for _, c := range tr.Cumulative {
		unit := ""
		if ind, ok := r.Term.Indicator(c.Indicator); ok {
			unit = ind.Unit
		}
		if err := cw.Write([]string{safe(tr.AsOf), "term_cumulative", safe(tr.Ward), safe(c.Indicator), safe(labels[c.Indicator]), safe(unit),
			csvNumber(c.Value), "", "", string(analysis.StatusNoTarget), "", "", ""}); err != nil {
			return err
		}
	}
	return nil
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
