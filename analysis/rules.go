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

// checkTyping judges the figures of every form as submitted (each part of
// a merged ward on its own, before they are added up): a count above the
// count it cannot exceed (solved cases above cases) is an error and the
// figure is not used; a large change against last year is a warning; and a
// last-year figure that differs from what that period's own file reported,
// when both were read, is a warning (one of them was revised).
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
			for _, origin := range wd.origins {
				var before map[string]Observation
				if earlier, ok := lastYear[u.Name]; ok {
					before = earlier.parts[origin]
				}
				a.judgeForm(u.Name, period, wd.parts[origin], before)
			}
		}
	}
}

// judgeForm applies the typing rules to one form's figures; before is the
// same ward's form of the same period last year, if read. Figures that
// cannot be are dropped from form.
func (a *analyzer) judgeForm(ward, period string, form, before map[string]Observation) {
	for _, ind := range a.cfg.Indicators {
		o, ok := form[ind.ID]
		if !ok || ind.Kind != KindCount {
			continue
		}
		at := func(f Figure, code MessageCode, sev Severity, args ...any) {
			p := Problem{Severity: sev, File: f.Source.File, Sheet: f.Source.Sheet, Cell: f.Source.Ref,
				Ward: ward, Period: period, Indicator: ind.ID, Text: plain(f.Value), Code: code, Args: args}
			a.problems = append(a.problems, p)
		}
		if ind.AtMost != "" {
			limit := form[ind.AtMost]
			for _, pair := range [][2]*Figure{{&o.Current, &limit.Current}, {&o.Previous, &limit.Previous}} {
				f, bound := pair[0], pair[1]
				if f.Known && bound.Known && f.Value > bound.Value {
					at(*f, MsgExceeds, SeverityError, a.name(ind.AtMost), plain(bound.Value))
					*f = Figure{}
					a.reported[ward+"|"+period+"|"+ind.ID] = true
				}
			}
			form[ind.ID] = o
		}
		cur, prev := o.Current, o.Previous
		if cur.Known && prev.Known && math.Max(cur.Value, prev.Value) >= bigChangeFloor &&
			math.Abs(cur.Value-prev.Value) > bigChangeShare*prev.Value {
			at(cur, MsgBigChange, SeverityWarning, plain(prev.Value))
		}
		if then := before[ind.ID].Current; then.Known && prev.Known && then.Value != prev.Value {
			at(prev, MsgRevised, SeverityWarning, plain(then.Value), then.Source.String())
		}
	}
}

func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
