package analysis

import (
	"math"
	"slices"
	"sort"
	"strconv"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// Periods that add up (contract: "Periods that add up"): quarters, halves,
// nine months and the year derived from monthly forms (and halves, nine
// months and the year from quarterly ones), and every monthly or quarterly
// value's year-to-date. A ward's derived figure needs every part; a count
// adds up as its catalog says (Indicator.Accumulate): flows are summed,
// stocks take the last part's figure. Rates and changes are recomputed
// from the added-up counts by the same code as submitted ones.

// wardYear is one ward's monthly or quarterly forms of one year, at the
// finest granularity it sent: months if it sent any, else quarters.
type wardYear struct {
	finest notation.PeriodKind
	parts  map[int]*wardData // month or quarter number -> the form
	ytd    []*wardData       // [n]: the figures from January to the end of part n, once made
}

// wardYears indexes the monthly and quarterly forms: ward -> year.
func wardYears(data map[string]map[string]*wardData) map[string]map[int]*wardYear {
	out := map[string]map[int]*wardYear{}
	for period, wards := range data {
		p, ok := notation.ParsePeriodID(period)
		if !ok || p.Kind != notation.Month && p.Kind != notation.Quarter {
			continue
		}
		for ward, wd := range wards {
			years := out[ward]
			if years == nil {
				years = map[int]*wardYear{}
				out[ward] = years
			}
			wy := years[p.Year]
			if wy == nil || wy.finest == notation.Quarter && p.Kind == notation.Month {
				wy = &wardYear{finest: p.Kind, parts: map[int]*wardData{}}
				years[p.Year] = wy
			}
			if wy.finest == p.Kind {
				wy.parts[p.N] = wd
			}
		}
	}
	return out
}

// span is the ward's figures added up over months first..last of year, or
// nil when a part is missing or the span does not fall on its parts'
// boundaries. from lists the parts' period ids.
func (a *analyzer) span(wy *wardYear, year, first, last int) (wd *wardData, from []string) {
	if wy == nil {
		return nil, nil
	}
	size := 1
	if wy.finest == notation.Quarter {
		size = 3
	}
	if (first-1)%size != 0 || last%size != 0 {
		return nil, nil
	}
	var parts []*wardData
	for n := (first-1)/size + 1; n <= last/size; n++ {
		part, ok := wy.parts[n]
		if !ok {
			return nil, nil
		}
		parts = append(parts, part)
		from = append(from, notation.Period{Year: year, Kind: wy.finest, N: n}.ID())
	}
	wd = &wardData{obs: make(map[string]Observation, len(a.cfg.Indicators)), derived: true, from: from}
	for _, part := range parts {
		for _, f := range part.files {
			if !slices.Contains(wd.files, f) {
				wd.files = append(wd.files, f)
			}
		}
	}
	for _, ind := range a.cfg.Indicators {
		if !ind.Submitted() || ind.Accumulate == "" {
			continue // how it adds up is not known: no figure rather than a guess
		}
		var cur, prev Figure
		for i, part := range parts {
			o := part.obs[ind.ID]
			cur, prev = accumulate(ind.Accumulate, i == 0, cur, o.Current), accumulate(ind.Accumulate, i == 0, prev, o.Previous)
		}
		wd.obs[ind.ID] = Observation{Indicator: ind.ID, Current: cur, Previous: prev}
	}
	return wd, from
}

// accumulate adds the next part's figure to a count's figure so far (first:
// there is none yet): the sum of a flow, the last figure of a stock;
// unknown once a part lacks it. The result has no cell of its own.
func accumulate(how catalog.Accumulation, first bool, sofar, next Figure) Figure {
	switch {
	case !next.Known:
		return Figure{}
	case how == catalog.AccumulateLast || first:
		return Figure{Value: next.Value, Known: true}
	case !sofar.Known:
		return Figure{}
	}
	return Figure{Value: sofar.Value + next.Value, Known: true}
}

// yearToDate is the ward's figures from January to the end of month last,
// or nil when a part is missing. They are made once per ward and year, each
// from the one before (a month's twelve would otherwise add up January
// twelve times).
func (a *analyzer) yearToDate(wy *wardYear, last int) *wardData {
	if wy == nil {
		return nil
	}
	size := 1
	if wy.finest == notation.Quarter {
		size = 3
	}
	if last%size != 0 {
		return nil
	}
	if wy.ytd == nil {
		wy.ytd = make([]*wardData, 12/size+1)
	}
	n := last / size
	if wy.ytd[n] != nil {
		return wy.ytd[n]
	}
	k := n
	for k > 0 && wy.ytd[k] == nil {
		k--
	}
	for ; k < n; k++ {
		part, ok := wy.parts[k+1]
		if !ok {
			part = &wardData{} // a missing month: its flows cannot be added up
		}
		next := a.extend(wy.ytd[k], part)
		next.gap = !ok || wy.ytd[k] != nil && wy.ytd[k].gap
		wy.ytd[k+1] = next
	}
	return wy.ytd[n]
}

// extend is the figures to date (nil: none yet) with one more part added.
func (a *analyzer) extend(to *wardData, part *wardData) *wardData {
	wd := &wardData{obs: make(map[string]Observation, len(a.cfg.Indicators)), derived: true}
	if to != nil {
		wd.files = append(wd.files, to.files...)
	}
	for _, f := range part.files {
		if !slices.Contains(wd.files, f) {
			wd.files = append(wd.files, f)
		}
	}
	for _, ind := range a.cfg.Indicators {
		if !ind.Submitted() || ind.Accumulate == "" {
			continue
		}
		o, first := part.obs[ind.ID], to == nil
		var before Observation
		if !first {
			before = to.obs[ind.ID]
		}
		wd.obs[ind.ID] = Observation{Indicator: ind.ID,
			Current:  accumulate(ind.Accumulate, first, before.Current, o.Current),
			Previous: accumulate(ind.Accumulate, first, before.Previous, o.Previous)}
	}
	return wd
}

// derivedSpans are the periods derived from months or from quarters, with
// the months they cover.
var derivedSpans = []struct {
	period      notation.Period
	first, last int
}{
	{notation.Period{Kind: notation.Quarter, N: 1}, 1, 3}, {notation.Period{Kind: notation.Quarter, N: 2}, 4, 6},
	{notation.Period{Kind: notation.Quarter, N: 3}, 7, 9}, {notation.Period{Kind: notation.Quarter, N: 4}, 10, 12},
	{notation.Period{Kind: notation.Half, N: 1}, 1, 6}, {notation.Period{Kind: notation.Half, N: 2}, 7, 12},
	{notation.Period{Kind: notation.NineMonths}, 1, 9}, {notation.Period{Kind: notation.Year}, 1, 12},
}

// derive adds to data the periods the wards' monthly and quarterly forms add
// up to, for every ward that has all their parts. A ward's submitted form
// for such a period stays; where it differs from its parts beyond rounding,
// a warning names the form's cell and both figures.
func (a *analyzer) derive(data map[string]map[string]*wardData, years map[string]map[int]*wardYear) {
	wards := make([]string, 0, len(years))
	for w := range years {
		wards = append(wards, w)
	}
	sort.Strings(wards)
	for _, ward := range wards {
		var ys []int
		for y := range years[ward] {
			ys = append(ys, y)
		}
		sort.Ints(ys)
		for _, year := range ys {
			wy := years[ward][year]
			for _, s := range derivedSpans {
				if s.period.Kind == wy.finest {
					continue // a quarter from quarters is the form itself
				}
				wd, from := a.span(wy, year, s.first, s.last)
				if wd == nil {
					continue
				}
				p := s.period
				p.Year = year
				id := p.ID()
				if data[id] == nil {
					data[id] = map[string]*wardData{}
				}
				if sent, ok := data[id][ward]; ok && !sent.derived {
					a.compareWithParts(ward, id, sent, wd, from)
					continue
				}
				data[id][ward] = wd
			}
		}
	}
}

// compareWithParts warns where a submitted form's count differs from what
// its parts add up to by more than rounding.
func (a *analyzer) compareWithParts(ward, period string, sent, parts *wardData, from []string) {
	for _, ind := range a.cfg.Indicators {
		d, ok := parts.obs[ind.ID]
		s := sent.obs[ind.ID].Current
		if !ok || !d.Current.Known || !s.Known || math.Abs(s.Value-d.Current.Value) <= 0.5 {
			continue
		}
		a.warn(Problem{Cell: s.Source, Ward: ward, Period: period,
			Indicator: ind.ID, Text: plain(s.Value), Code: msg.DerivedDiffers,
			Args: []any{notation.Reading(d.Current.Value), SpanText(from)}})
	}
}

// SpanText is "2003-01 … 2003-06" for a run of periods, the id for one.
func SpanText(from []string) string {
	switch len(from) {
	case 0:
		return ""
	case 1:
		return from[0]
	}
	return from[0] + " … " + from[len(from)-1]
}

// markDerived says which of pr's wards have derived figures, and which
// submitted periods they add up, finest first.
func markDerived(pr *PeriodResult, wards map[string]*wardData) {
	seen := map[string]bool{}
	for i := range pr.Wards {
		wd := wards[pr.Wards[i].Name]
		if wd == nil || !wd.derived {
			continue
		}
		pr.Wards[i].Derived = true
		pr.Derived = true
		for _, id := range wd.from {
			if !seen[id] {
				seen[id] = true
				pr.From = append(pr.From, id)
			}
		}
	}
	sort.Slice(pr.From, func(i, j int) bool {
		pi, _ := notation.ParsePeriodID(pr.From[i])
		pj, _ := notation.ParsePeriodID(pr.From[j])
		if pi.Months() != pj.Months() {
			return pi.Months() < pj.Months()
		}
		return notation.PeriodLess(pr.From[i], pr.From[j])
	})
}

// addYearToDate gives every value of a monthly or quarterly period its
// year-to-date (January to the period's end) and last year's, for the
// wards that have every part and the district over them. The figures are
// computed as the period's own are, without their problems: the cells
// behind them already raised theirs.
func (a *analyzer) addYearToDate(res *Result, years map[string]map[int]*wardYear) {
	index := periodsByID(res)
	for i := range res.Periods {
		pr := &res.Periods[i]
		p, ok := notation.ParsePeriodID(pr.Period)
		if !ok || p.Kind != notation.Month && p.Kind != notation.Quarter {
			continue
		}
		// January's is its own figure; at the end of a quarter it is the
		// period from January that the same months were added up to, when
		// no ward's form stands in for it.
		if p.Kind == notation.Month && p.N == 1 {
			copyYearToDate(pr, pr)
			continue
		}
		if from, ok := index[fromJanuary(p)]; ok && from.Derived && !hasSubmittedWard(from) && len(from.Wards) == len(pr.Wards) {
			copyYearToDate(pr, from)
			continue
		}
		wards := map[string]*wardData{}
		for _, w := range pr.Wards {
			wd := a.yearToDate(years[w.Name][p.Year], p.EndMonth())
			if wd == nil {
				continue
			}
			wards[w.Name] = wd
			if !wd.gap {
				continue
			}
			pr.YtdMissing = append(pr.YtdMissing, w.Name)
			a.warnYearToDateGap(w.Name, years[w.Name][p.Year], p)
		}
		if len(pr.YtdMissing) == len(wards) {
			pr.YtdMissing = nil // no ward's is whole: there is no year to date to mark
		}
		quiet := a.problems
		ytd := a.period(pr.Period, wards)
		a.problems = quiet
		copyYearToDate(pr, &ytd)
	}
	a.fillLastYearToDate(res)
}

// warnYearToDateGap says, once per ward and year, from which missing form
// on the ward's year to date (and the district's) leaves its flows out.
func (a *analyzer) warnYearToDateGap(ward string, wy *wardYear, p notation.Period) {
	if a.ytdWarned == nil {
		a.ytdWarned = map[string]bool{}
	}
	key := ward + "|" + strconv.Itoa(p.Year)
	if a.ytdWarned[key] {
		return
	}
	// Only a hole is worth a warning: a ward whose first form of the year
	// is this one simply has no year to date.
	last := p.EndMonth()
	if wy.finest == notation.Quarter {
		last /= 3
	}
	for n := 1; n <= last; n++ {
		if _, ok := wy.parts[n]; ok || !hasPartBefore(wy, n) {
			continue
		}
		a.ytdWarned[key] = true
		a.warn(Problem{Ward: ward, Period: notation.Period{Year: p.Year, Kind: wy.finest, N: n}.ID(), Code: msg.YearToDateGap})
		return
	}
}

func hasPartBefore(wy *wardYear, n int) bool {
	for m := 1; m < n; m++ {
		if _, ok := wy.parts[m]; ok {
			return true
		}
	}
	return false
}

// fromJanuary is the id of the period from January to the end of p's
// quarter (Q1, H1, 9M, the year), "" when p does not end a quarter.
func fromJanuary(p notation.Period) string {
	kinds := map[int]notation.Period{3: {Kind: notation.Quarter, N: 1}, 6: {Kind: notation.Half, N: 1}, 9: {Kind: notation.NineMonths}, 12: {Kind: notation.Year}}
	to, ok := kinds[p.EndMonth()]
	if !ok {
		return ""
	}
	return to.WithYear(p.Year).ID()
}

func hasSubmittedWard(p *PeriodResult) bool {
	for _, w := range p.Wards {
		if !w.Derived {
			return true
		}
	}
	return false
}

// copyYearToDate sets the year to date of pr's values from the values of
// from (the same period's figures over January to its end): the district's,
// and each ward's that from has; the others have none.
func copyYearToDate(pr, from *PeriodResult) {
	setYearToDate(pr.District, from.District)
	byName := make(map[string][]Value, len(from.Wards))
	for _, w := range from.Wards {
		byName[w.Name] = w.Values
	}
	for j := range pr.Wards {
		setYearToDate(pr.Wards[j].Values, byName[pr.Wards[j].Name])
	}
}

// setYearToDate gives the values into the year to date of the same
// indicators in from (nil: none to be had). Both are in catalog order.
func setYearToDate(into, from []Value) {
	for j := range into {
		into[j].HasYtd = true
		v, ok := Value{}, false
		if j < len(from) && from[j].Indicator == into[j].Indicator {
			v, ok = from[j], true
		} else if from != nil {
			v, ok = Find(from, into[j].Indicator)
		}
		if ok {
			into[j].Ytd, into[j].PreviousYtd = v.Value, v.Previous
		}
	}
}

// fillLastYearToDate sets last year's year-to-date of changes, which no
// form carries, from the same period one year earlier when it was read.
func (a *analyzer) fillLastYearToDate(res *Result) {
	lastYearPairs(res, func(values, lastYear []Value) {
		for j := range values {
			if values[j].HasYtd && values[j].PreviousYtd == nil && a.kind(values[j].Indicator) == catalog.KindChange {
				if old, ok := Find(lastYear, values[j].Indicator); ok {
					values[j].PreviousYtd = old.Ytd
				}
			}
		}
	})
}

// sortedPeriods are data's period ids in the contract's order.
func sortedPeriods(data map[string]map[string]*wardData) []string {
	periods := make([]string, 0, len(data))
	for p := range data {
		periods = append(periods, p)
	}
	sort.Slice(periods, func(i, j int) bool { return notation.PeriodLess(periods[i], periods[j]) })
	return periods
}
