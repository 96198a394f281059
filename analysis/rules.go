package analysis

import (
	"math"
	"sort"
	"strconv"
)

// Rules that catch typing errors in what wards send. Which counts cannot
// exceed which is data: Indicator.AtMost.

// bigChangeFloor and bigChangeShare: a count of at least 20 that changes by
// more than half against the same period last year is worth a second look.
const (
	bigChangeFloor = 20
	bigChangeShare = 0.5
)

// checkTyping reports, for every ward and period: a count above the count
// it cannot exceed (solved cases above cases) as an error; a large change
// against last year as a warning; and a last-year figure that differs from
// what that period's own file reported, when both were read, as a warning
// (one of them was revised).
func (a *analyzer) checkTyping(data map[string]map[string]*wardData) {
	periods := make([]string, 0, len(data))
	for p := range data {
		periods = append(periods, p)
	}
	sort.Slice(periods, func(i, j int) bool { return PeriodLess(periods[i], periods[j]) })
	for _, period := range periods {
		var lastYear map[string]*wardData
		if p, ok := ParsePeriodID(period); ok {
			lastYear = data[p.LastYear().ID()]
		}
		for _, u := range a.cfg.Units {
			wd, ok := data[period][u.Name]
			if !ok {
				continue
			}
			for _, ind := range a.cfg.Indicators {
				o, ok := wd.obs[ind.ID]
				if !ok || ind.Kind != KindCount {
					continue
				}
				at := func(f Figure, code MessageCode, sev Severity, args ...any) {
					p := Problem{Severity: sev, File: f.Source.File, Sheet: f.Source.Sheet, Cell: f.Source.Ref,
						Ward: u.Name, Period: period, Indicator: ind.ID, Text: plain(f.Value), Code: code, Args: args}
					a.problems = append(a.problems, p)
				}
				for _, f := range []Figure{o.Current, o.Previous} {
					limit := wd.obs[ind.AtMost]
					bound := limit.Current
					if f == o.Previous {
						bound = limit.Previous
					}
					if ind.AtMost != "" && f.Known && bound.Known && f.Value > bound.Value {
						at(f, MsgExceeds, SeverityError, a.name(ind.AtMost), plain(bound.Value))
					}
				}
				cur, prev := o.Current, o.Previous
				if cur.Known && prev.Known && math.Max(cur.Value, prev.Value) >= bigChangeFloor &&
					math.Abs(cur.Value-prev.Value) > bigChangeShare*prev.Value {
					at(cur, MsgBigChange, SeverityWarning, plain(prev.Value))
				}
				if earlier, ok := lastYear[u.Name]; ok && prev.Known {
					if then := earlier.obs[ind.ID].Current; then.Known && then.Value != prev.Value {
						at(prev, MsgRevised, SeverityWarning, plain(then.Value), then.Source.String())
					}
				}
			}
		}
	}
}

func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
