package report

import (
	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/notation"
)

// The meeting layout (contract: "Tables"): with more than six periods in
// the input, or with --by, the district table is the one every Vietnamese
// progress report uses: the years (or the periods --by chooses), then the
// latest period with its same period last year, the ratio of the two, the
// year to date, the year's plan and the share of it reached.

// maxPeriodColumns is how many periods the plain layout shows, one column
// each, before the meeting layout takes over.
const maxPeriodColumns = 6

// meeting reports whether the district table uses the meeting layout.
func meeting(r *analysis.Result, o Options) bool {
	if o.By != "" {
		return true
	}
	submitted := 0
	for _, p := range r.Periods {
		if !p.Derived || hasSubmitted(p) {
			submitted++
		}
	}
	return submitted > maxPeriodColumns
}

func hasSubmitted(p analysis.PeriodResult) bool {
	for _, w := range p.Wards {
		if !w.Derived {
			return true
		}
	}
	return false
}

// byKinds are the period kinds --by names.
var byKinds = map[string]notation.PeriodKind{
	"month": notation.Month, "quarter": notation.Quarter, "half": notation.Half, "year": notation.Year,
}

// shownPeriods are the period columns of the meeting layout before the
// latest period's block: every year (submitted or derived) by default and
// with --by year; the months, quarters or halves of the latest year with
// --by month, quarter or half. The latest period itself is left out.
func shownPeriods(r *analysis.Result, o Options) []*analysis.PeriodResult {
	latest := r.Latest()
	lp, _ := notation.ParsePeriodID(latest.Period)
	kind := notation.Year
	if k, ok := byKinds[o.By]; ok {
		kind = k
	}
	var out []*analysis.PeriodResult
	for i := range r.Periods {
		p, ok := notation.ParsePeriodID(r.Periods[i].Period)
		if !ok || p.Kind != kind || &r.Periods[i] == latest || kind != notation.Year && p.Year != lp.Year {
			continue
		}
		out = append(out, &r.Periods[i])
	}
	return out
}

// meetingGrid is the district table of the meeting layout.
func meetingGrid(r *analysis.Result, o Options) *grid {
	latest := r.Latest()
	shown := shownPeriods(r, o)
	g := &grid{header: meetingHeader(r, o, shown)}
	g.right = make([]bool, len(g.header))
	for i := 2; i < len(g.right); i++ {
		g.right[i] = true
	}
	for _, ind := range shownIndicators(r) {
		if ind.Kind == catalog.KindFlag {
			continue
		}
		row := []cell{{text: o.label(ind), wrap: true}, {text: o.unit(unitOf(ind, latest.District)), wrap: true}}
		for _, p := range shown {
			row = append(row, valueCell(find(p.District, ind.ID), o))
		}
		v := find(latest.District, ind.ID)
		row = append(row, valueCell(v, o),
			cell{text: o.formatValue(v.Previous, v.Unit, nil)},
			cell{text: o.formatValue(ratioToPrevious(v), "%", nil)},
			cell{text: o.formatValue(toDate(latest, v), v.Unit, nil)},
			cell{text: o.formatValue(v.Plan, v.Unit, nil)},
			planCell(v, o))
		g.rows = append(g.rows, row)
	}
	return g
}

// meetingHeader is the meeting layout's header: label, unit, the periods
// shown, then the latest period's block.
func meetingHeader(r *analysis.Result, o Options, shown []*analysis.PeriodResult) []string {
	latest := r.Latest()
	header := []string{o.t("indicator"), o.t("unit")}
	for _, p := range shown {
		header = append(header, o.periodHeader(p))
	}
	ytd := o.t("ytd")
	if len(latest.YtdMissing) > 0 {
		ytd = o.t("provisional", ytd)
	}
	return append(header, o.periodHeader(latest), o.t("previous"), o.t("vsPrevious"), ytd, o.t("plan"), o.t("planShare"))
}

// ratioToPrevious is "So cùng kỳ (%)": the value in % of the same period
// last year, for counts (a rate's ratio to last year's rate says little).
func ratioToPrevious(v analysis.Value) *float64 {
	if v.Unit == "%" || v.Value == nil || v.Previous == nil || *v.Previous == 0 {
		return nil
	}
	r := *v.Value / *v.Previous * 100
	return &r
}

// toDate is a value's year to date: its own for a period from January
// (a half, nine months, a year), else the one a month or quarter carries.
func toDate(p *analysis.PeriodResult, v analysis.Value) *float64 {
	if v.HasYtd {
		return v.Ytd
	}
	if pp, ok := notation.ParsePeriodID(p.Period); ok && pp.StartsInJanuary() {
		return v.Value
	}
	return nil
}

// planCell shows the share of the plan reached, coloured by its status.
func planCell(v analysis.Value, o Options) cell {
	st := planAsStatus[v.PlanStatus]
	c := cell{text: o.formatValue(v.PlanShare, "%", nil), color: statusColor(st)}
	if st.Missed() {
		c.text += notMetMark
	}
	return c
}

// planAsStatus shows a plan status as the per-period status it is like.
var planAsStatus = map[analysis.PlanStatus]analysis.Status{
	analysis.PlanMet: analysis.StatusMet, analysis.PlanOnPace: analysis.StatusOnTrack,
	analysis.PlanBehind: analysis.StatusBehind, analysis.PlanNotMet: analysis.StatusNotMet,
}

// meetingWardGrid is the ward table of the meeting layout: each ward's
// year to date of the default columns, and its share of the plan of each
// count that has one.
func meetingWardGrid(r *analysis.Result, p *analysis.PeriodResult, o Options) *grid {
	cols := wardColumns(r)
	var planned []catalog.Indicator
	for _, ind := range shownIndicators(r) {
		if v := find(p.District, ind.ID); ind.Kind == catalog.KindCount && v.Plan != nil {
			planned = append(planned, ind)
		}
	}
	g := &grid{header: []string{o.t("ward")}, right: []bool{false}}
	for _, ind := range cols {
		g.header = append(g.header, o.label(ind)+" ("+o.unit(unitOf(ind, p.District))+")")
		g.right = append(g.right, true)
	}
	for _, ind := range planned {
		g.header = append(g.header, o.t("planShareOf", o.label(ind)))
		g.right = append(g.right, true)
	}
	add := func(name string, values []analysis.Value) {
		row := []cell{{text: name}}
		for _, ind := range cols {
			v := find(values, ind.ID)
			c := cell{text: o.formatValue(toDate(p, v), v.Unit, v.Target)}
			if t := v.Target; t != nil && toDate(p, v) != nil && t.TargetKind() == catalog.KindEachPeriod && !t.Met(*toDate(p, v)) {
				c.text += notMetMark
				c.color = colorRed
			}
			row = append(row, c)
		}
		for _, ind := range planned {
			row = append(row, planCell(find(values, ind.ID), o))
		}
		g.rows = append(g.rows, row)
	}
	for _, w := range p.Wards {
		add(w.Name, w.Values)
	}
	add(o.t("wholeDist", o.level(r)), p.District)
	return g
}

// meetingSheet is Tổng hợp in the meeting layout: the title block, then the
// district table of meetingGrid with numbers as numbers.
func meetingSheet(s *sheet, r *analysis.Result, o Options) {
	latest := r.Latest()
	shown := shownPeriods(r, o)
	header := append(meetingHeader(r, o, shown), o.t("target"), o.t("statusOf", latest.Period))
	summaryTable(s, r, o, header)
	for _, ind := range shownIndicators(r) {
		if ind.Kind == catalog.KindFlag {
			continue
		}
		col, c := s.indicatorRow(ind, o)
		for _, p := range shown {
			s.value(&col, find(p.District, ind.ID), c)
		}
		v := find(latest.District, ind.ID)
		s.value(&col, v, c)
		s.number(&col, v.Previous, v.Unit, nil, c)
		s.number(&col, ratioToPrevious(v), "%", nil, c)
		s.number(&col, toDate(latest, v), v.Unit, nil, c)
		s.number(&col, v.Plan, v.Unit, nil, c)
		planStyle := c
		planStyle.fill = statusFill(planAsStatus[v.PlanStatus])
		s.number(&col, v.PlanShare, "%", nil, planStyle)
		s.text(&col, o.formatTarget(v.Target), style{border: true, align: "center"})
		s.text(&col, o.valueStatus(v), style{fill: statusFill(v.Status), border: true})
	}
	s.row++
	s.title(o.t("submissions"), style{bold: true})
	for _, line := range completeness(r, o) {
		s.title(line, style{})
	}
}
