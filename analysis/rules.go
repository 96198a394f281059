package analysis

import (
	"sort"
	"strconv"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// Rules that catch typing errors in what wards send. Which counts cannot
// exceed which is data: Indicator.AtMost.

// checkTyping judges the figures of every form as submitted (each part of
// a merged ward on its own, before they are added up): a count above the
// count it cannot exceed (solved cases above cases) is an error and the
// figure is not used; a figure far from the ward's own figures, or from
// last year's, by more than the noise of counts allows is a warning (see
// noise.go); and a last-year figure that differs from what that period's
// own file reported, when both were read, is a warning (one was revised).
func (a *analyzer) checkTyping(data map[string]map[string]*wardData) {
	periods := make([]string, 0, len(data))
	for p := range data {
		periods = append(periods, p)
	}
	sort.Slice(periods, func(i, j int) bool { return notation.PeriodLess(periods[i], periods[j]) })
	hist := a.histories(data)
	for _, period := range periods {
		var lastYear map[string]*wardData
		if p, ok := notation.ParsePeriodID(period); ok {
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
				a.judgeForm(u.Name, period, wd.parts[origin], before, func(id string) (history, bool) {
					h, ok := hist[historyKey{u.Name, origin, id, kindOf(period)}]
					return h, ok
				})
			}
		}
	}
}

// judgeForm applies the typing rules to one form's figures; before is the
// same ward's form of the same period last year, if read, and own gives the
// ward's own figures of an indicator in periods of this span, where there
// are enough of them. Figures that cannot be are dropped from form.
func (a *analyzer) judgeForm(ward, period string, form, before map[string]Observation, own func(string) (history, bool)) {
	for _, ind := range a.cfg.Indicators {
		o, ok := form[ind.ID]
		if !ok || ind.Kind != catalog.KindCount {
			continue
		}
		at := func(f Figure, code msg.Code, sev Severity, args ...any) {
			p := Problem{Severity: sev, Cell: f.Source,
				Ward: ward, Period: period, Indicator: ind.ID, Text: plain(f.Value), Code: code, Args: args}
			a.problems = append(a.problems, p)
		}
		if ind.AtMost != "" {
			limit := form[ind.AtMost]
			for _, pair := range [][2]*Figure{{&o.Current, &limit.Current}, {&o.Previous, &limit.Previous}} {
				f, bound := pair[0], pair[1]
				if f.Known && bound.Known && f.Value > bound.Value {
					at(*f, msg.Exceeds, SeverityError, a.name(ind.AtMost), notation.Reading(bound.Value))
					*f = Figure{}
					a.reported[ward+"|"+period+"|"+ind.ID] = true
				}
			}
			form[ind.ID] = o
		}
		cur, prev := o.Current, o.Previous
		if h, ok := own(ind.ID); ok && cur.Known {
			if h.outlier(cur.Value) {
				at(cur, msg.Outlier, SeverityWarning, notation.Reading(h.median), h.n)
			}
		} else if cur.Known && prev.Known && bigChange(cur.Value, prev.Value) {
			at(cur, msg.BigChange, SeverityWarning, notation.Reading(prev.Value))
		}
		if then := before[ind.ID].Current; then.Known && prev.Known && then.Value != prev.Value {
			at(prev, msg.Revised, SeverityWarning, notation.Reading(then.Value), then.Source.String())
		}
	}
}

// historyKey names a ward's figures for one indicator in periods of one
// span; a merged ward's parts (origins) each have their own.
type historyKey struct {
	ward, origin, indicator string
	span                    notation.PeriodKind
}

// histories gathers every ward's own figures of each count, one per period
// (the period's own form first, else the last-year column of the form a
// year later), keeping those with at least minHistory figures.
func (a *analyzer) histories(data map[string]map[string]*wardData) map[historyKey]history {
	figures := map[historyKey]map[string]float64{}
	own := map[historyKey]map[string]bool{}
	for period, wards := range data {
		p, ok := notation.ParsePeriodID(period)
		if !ok {
			continue
		}
		last := p.LastYear().ID()
		for ward, wd := range wards {
			for origin, form := range wd.parts {
				for id, o := range form {
					if a.kind(id) != catalog.KindCount {
						continue
					}
					k := historyKey{ward, origin, id, p.Kind}
					if figures[k] == nil {
						figures[k], own[k] = map[string]float64{}, map[string]bool{}
					}
					if o.Current.Known {
						figures[k][period], own[k][period] = o.Current.Value, true
					}
					if o.Previous.Known && !own[k][last] {
						figures[k][last] = o.Previous.Value
					}
				}
			}
		}
	}
	out := map[historyKey]history{}
	for k, byPeriod := range figures {
		if len(byPeriod) < minHistory {
			continue
		}
		values := make([]float64, 0, len(byPeriod))
		for _, v := range byPeriod {
			values = append(values, v)
		}
		out[k] = newHistory(values)
	}
	return out
}

// kindOf is the kind of a period id (a month, a year ...), 0 if unknown.
func kindOf(period string) notation.PeriodKind {
	p, _ := notation.ParsePeriodID(period)
	return p.Kind
}

// plain writes a number as cells hold it: "0.5", "1234".
func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
