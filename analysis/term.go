package analysis

import (
	"math"
	"strconv"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// Statuses of deadline and term targets in a period before their deadline
// (contract: "Per-period status").
const (
	StatusAhead   Status = "ahead"    // already at or better than the target
	StatusOnTrack Status = "on_track" // on or better than the straight path from the baseline
	StatusBehind  Status = "behind"
)

// Missed reports whether a status counts against the target: not met, or
// behind the path to it.
func (s Status) Missed() bool { return s == StatusNotMet || s == StatusBehind }

// Verdict is what the term review says of a target.
type Verdict string

const (
	VerdictAchieved Verdict = "achieved"
	VerdictOnTrack  Verdict = "on_track"
	VerdictAtRisk   Verdict = "at_risk"
	VerdictNotMet   Verdict = "not_met"
	VerdictNoData   Verdict = "no_data"
)

// TermValue is a unit's value in one of the term's periods.
type TermValue struct {
	Period        string
	Value         *float64
	SinceBaseline *float64 // over_term targets: the change in % from the baseline
	Status        Status
	YearToDate    bool // Value is the year to date of a monthly or quarterly period
	Provisional   bool // the district's figure lacks wards (tạm tính)
}

// FindTermValue is the value of period id in vs.
func FindTermValue(vs []TermValue, id string) (TermValue, bool) {
	for _, v := range vs {
		if v.Period == id {
			return v, true
		}
	}
	return TermValue{}, false
}

// TermTarget is one target judged over the term so far.
type TermTarget struct {
	Target catalog.Target
	// Baseline is the baseline year's value; BaselineFrom the period whose
	// form gave it ("2000", or "2001:previous" for the next year's same-period-last-
	// year column) and BaselineSource its cell (wards only).
	Baseline       *float64
	BaselineFrom   string
	BaselineSource Cell
	Values         []TermValue // the term's full years so far, then the latest part-year period
	ToDate         *float64
	ToDatePeriods  []string // the periods ToDate is made of
	Verdict        Verdict
	Stretched      bool // the better end of the target's range is reached
	BeforeDeadline bool // the verdict is given before the deadline (or the term's end) has passed
	PeriodsMet     int
	PeriodsJudged  int
	NeededPerYear  *float64
}

// Accumulated is an indicator that adds up over time, summed over the term
// from its start to AsOf.
type Accumulated struct {
	Indicator string
	Value     *float64 // nil when some span of the term has no figure
	Periods   []string
	GapFrom   string // Value nil: the month ("2001-01") from which no period has a figure
}

// TermResult is the term review of the district (Ward "") or one ward.
type TermResult struct {
	Term       catalog.Term
	Ward       string
	AsOf       string  // the latest period in the term
	Ended      bool    // AsOf ends at or after the term's end
	Elapsed    float64 // the share of the term elapsed at AsOf's end
	Targets    []TermTarget
	Cumulative []Accumulated
	// Catalog is the whole catalog the review was made with: a display
	// filter that narrows the indicators shown keeps the targets' labels.
	Catalog []catalog.Indicator
}

// Indicator returns the catalog entry with the given id.
func (tr *TermResult) Indicator(id string) (catalog.Indicator, bool) {
	for _, ind := range tr.Catalog {
		if ind.ID == id {
			return ind, true
		}
	}
	return catalog.Indicator{}, false
}

// yearEnd is the end of year y (exclusive) in months since year 0, as
// Period.End counts them, so that periods and years can be laid end to end.
func yearEnd(y int) int { return (y + 1) * 12 }

// unit reads one unit's values, the district's (ward "") or a ward's,
// across the periods of a result.
type unit struct {
	res     *Result
	ward    string
	periods map[string]*PeriodResult
}

func newUnit(res *Result, ward string) unit {
	u := unit{res: res, ward: ward, periods: make(map[string]*PeriodResult, len(res.Periods))}
	for i := range res.Periods {
		u.periods[res.Periods[i].Period] = &res.Periods[i]
	}
	return u
}

func (u unit) values(pr *PeriodResult) []Value {
	if u.ward == "" {
		return pr.District
	}
	for i := range pr.Wards {
		if pr.Wards[i].Name == u.ward {
			return pr.Wards[i].Values
		}
	}
	return u.res.Rebased[pr.Period][u.ward] // a unit made later: its territory's figures (rebase.go)
}

// value is indicator id's value in period (the zero Value when absent).
func (u unit) value(period, id string) Value {
	if pr, ok := u.periods[period]; ok {
		if v, ok := Find(u.values(pr), id); ok {
			return v
		}
	}
	return Value{}
}

// sameSpanOfYear is indicator id's value in the period like p in year y:
// from a form for that period, else from the same-period-last-year column
// of the form one year later.
func (u unit) sameSpanOfYear(p notation.Period, y int, id string) (v *float64, from string, src Cell) {
	p.Year = y
	if x := u.value(p.ID(), id); x.Value != nil {
		return x.Value, p.ID(), x.Source
	}
	p.Year = y + 1
	if x := u.value(p.ID(), id); x.Previous != nil {
		return x.Previous, p.ID() + ":previous", x.PreviousSource
	}
	return nil, "", Cell{}
}

// judgeTerm sets the per-period status of every deadline and term target,
// for the district and each ward against their own baselines, and builds the
// district's term review.
func (a *analyzer) judgeTerm(res *Result) {
	term := a.cfg.Term
	if term == nil {
		return
	}
	units := map[string]unit{"": newUnit(res, "")}
	for i := range res.Periods {
		pr := &res.Periods[i]
		p, ok := notation.ParsePeriodID(pr.Period)
		if !ok {
			continue
		}
		judge := func(ward string, vs []Value) {
			u, ok := units[ward]
			if !ok {
				u = newUnit(res, ward)
				units[ward] = u
			}
			for j := range vs {
				if vs[j].Target != nil {
					vs[j] = judgeInTerm(term, u, p, vs[j])
				}
			}
		}
		judge("", pr.District)
		for _, w := range pr.Wards {
			judge(w.Name, w.Values)
		}
	}
	res.Term = TermReview(res, "")
	if res.Term == nil {
		return
	}
	for _, tt := range res.Term.Targets {
		if tt.Verdict != VerdictNoData {
			continue
		}
		switch tt.Target.TargetKind() {
		case catalog.KindCumulative:
			if args := cumulativeGapArgs(res, tt.Target.Indicator, term); args != nil {
				a.warn(Problem{Indicator: tt.Target.Indicator, Code: msg.CumulativeGap, Args: args})
			}
		case catalog.KindByDeadline, catalog.KindOverTerm:
			// Only a review of whole years asks for the baseline: a month's
			// or a quarter's report alone is not a term review.
			if tt.Baseline == nil && hasFullYear(tt.Values) {
				a.warn(Problem{Indicator: tt.Target.Indicator, Code: msg.NoBaseline,
					Args: []any{term.Baseline, term.Baseline, term.Baseline + 1}})
			}
		}
	}
}

func hasFullYear(values []TermValue) bool {
	for _, v := range values {
		if p, ok := notation.ParsePeriodID(v.Period); ok && p.Kind == notation.Year {
			return true
		}
	}
	return false
}

// cumulativeGapArgs is the month and year from which the district's sum of
// indicator id has no figure, or nil when it has none missing.
func cumulativeGapArgs(res *Result, id string, term *catalog.Term) []any {
	asOf, ok := termAsOf(res, term)
	if !ok {
		return nil
	}
	_, _, gap := cover(newUnit(res, ""), id, term, asOf)
	if gap < 0 {
		return nil
	}
	return []any{gap%12 + 1, gap / 12}
}

// judgeInTerm sets v's status (and, for over_term, since_baseline and gap)
// by its target's kind; each_period values keep the status judge gave.
func judgeInTerm(term *catalog.Term, u unit, p notation.Period, v Value) Value {
	t := *v.Target
	switch t.TargetKind() {
	case catalog.KindByDeadline:
		if v.Value == nil {
			return v
		}
		deadline := t.DeadlineYear(term)
		if p.End() >= yearEnd(deadline) {
			return v // met / not_met, as judged
		}
		base, _, _ := u.sameSpanOfYear(notation.Period{Kind: notation.Year}, term.Baseline, t.Indicator)
		v.Status = pathStatus(t, *v.Value, base, pathShare(term.Baseline, deadline, p.End()))
	case catalog.KindOverTerm:
		base, _, _ := u.sameSpanOfYear(p, term.Baseline, t.Indicator)
		v.SinceBaseline = changeFrom(v.Value, base)
		v.Gap = nil
		if v.SinceBaseline == nil {
			v.Status = StatusNoData
			return v
		}
		since := *v.SinceBaseline
		g := t.Gap(since)
		v.Gap = &g
		switch {
		case p.End() >= yearEnd(term.To):
			v.Status = metStatus(t.Met(since))
		default:
			zero := 0.0
			v.Status = pathStatus(t, since, &zero, pathShare(term.Baseline, term.To, p.End()))
		}
	case catalog.KindAverage, catalog.KindCumulative:
		v.Gap = nil
		if v.Value != nil {
			v.Status = StatusNoTarget
		}
	}
	return v
}

// pathShare is how far along the straight path from the end of the
// baseline year to the end of year to a period ending at month end is.
func pathShare(baseline, to, end int) float64 {
	span := float64(yearEnd(to) - yearEnd(baseline))
	if span <= 0 {
		return 1
	}
	return math.Min(1, math.Max(0, float64(end-yearEnd(baseline))/span))
}

// pathStatus is ahead (at or better than the target), on_track (at or
// better than the path from base to the target), behind, or no_data when
// there is no base to draw the path from.
func pathStatus(t catalog.Target, v float64, base *float64, share float64) Status {
	switch {
	case t.Met(v):
		return StatusAhead
	case base == nil:
		return StatusNoData
	case t.AtLeastAsGood(v, *base+(t.Value-*base)*share):
		return StatusOnTrack
	}
	return StatusBehind
}

func metStatus(met bool) Status {
	if met {
		return StatusMet
	}
	return StatusNotMet
}

// changeFrom is (v / base - 1) x 100, nil when either is missing or base is 0.
func changeFrom(v, base *float64) *float64 {
	if v == nil || base == nil || *base == 0 {
		return nil
	}
	c := (*v / *base - 1) * 100
	return &c
}

// termAsOf is the latest period of res that falls in the term.
func termAsOf(res *Result, term *catalog.Term) (notation.Period, bool) {
	for i := len(res.Periods) - 1; i >= 0; i-- {
		if p, ok := notation.ParsePeriodID(res.Periods[i].Period); ok && p.Year >= term.From && p.Year <= term.To {
			return p, true
		}
	}
	return notation.Period{}, false
}

// TermReview judges every target of res's configuration over the term so
// far for the district (ward "") or one ward; nil when no period falls in
// the term or there is no term.
func TermReview(res *Result, ward string) *TermResult {
	if res == nil || res.Config == nil || res.Config.Term == nil {
		return nil
	}
	term := res.Config.Term
	asOf, ok := termAsOf(res, term)
	if !ok {
		return nil
	}
	u := newUnit(res, ward)
	tr := &TermResult{Term: *term, Ward: ward, AsOf: asOf.ID(), Ended: asOf.End() >= yearEnd(term.To), Catalog: res.Config.Indicators}
	tr.Elapsed = float64(asOf.End()-term.From*12) / float64(yearEnd(term.To)-term.From*12)

	// The term's full years so far, then the latest part-year period.
	var shown []notation.Period
	for y := term.From; y <= asOf.Year; y++ {
		if _, ok := u.periods[strconv.Itoa(y)]; ok {
			shown = append(shown, notation.Period{Year: y, Kind: notation.Year})
		}
	}
	if asOf.Kind != notation.Year {
		shown = append(shown, asOf)
	}

	for _, t := range res.Config.Targets {
		ind, ok := res.Config.Indicator(t.Indicator)
		if !ok {
			continue
		}
		tr.Targets = append(tr.Targets, reviewTarget(term, u, ind, t, shown, asOf, tr.Elapsed))
	}
	for _, ind := range res.Config.Indicators {
		if ind.Accumulate == catalog.AccumulateSum && ind.Submitted() {
			sum, used, gap := cover(u, ind.ID, term, asOf)
			acc := Accumulated{Indicator: ind.ID, Value: sum, Periods: used}
			if gap >= 0 {
				acc.GapFrom = notation.Period{Year: gap / 12, Kind: notation.Month, N: gap%12 + 1}.ID()
			}
			tr.Cumulative = append(tr.Cumulative, acc)
		}
	}
	return tr
}

// review is one target being judged over the term so far.
type review struct {
	term    *catalog.Term
	u       unit
	ind     catalog.Indicator
	t       catalog.Target
	shown   []notation.Period // the periods of TermTarget.Values
	asOf    notation.Period
	elapsed float64 // the share of the term elapsed at asOf's end
	ended   bool    // asOf ends at or after the term's end
	tt      TermTarget
}

// reviewTarget gives one target's values, to-date figure and verdict.
func reviewTarget(term *catalog.Term, u unit, ind catalog.Indicator, t catalog.Target, shown []notation.Period, asOf notation.Period, elapsed float64) TermTarget {
	r := &review{term: term, u: u, ind: ind, t: t, shown: shown, asOf: asOf, elapsed: elapsed,
		ended: asOf.End() >= yearEnd(term.To), tt: TermTarget{Target: t}}
	fullYears := r.values()
	switch t.TargetKind() {
	case catalog.KindEachPeriod, catalog.KindAverage:
		r.yearly(fullYears)
	case catalog.KindByDeadline:
		r.tt.Baseline, r.tt.BaselineFrom, r.tt.BaselineSource = u.sameSpanOfYear(notation.Period{Kind: notation.Year}, term.Baseline, ind.ID)
		r.byDeadline()
	case catalog.KindOverTerm:
		r.tt.Baseline, r.tt.BaselineFrom, r.tt.BaselineSource = u.sameSpanOfYear(notation.Period{Kind: notation.Year}, term.Baseline, ind.ID)
		r.overTerm()
	case catalog.KindCumulative:
		r.cumulative()
	}
	return r.tt
}

// values fills the term's values (a month's or a quarter's year to date
// for a yearly target) and the periods met, and returns the full years.
func (r *review) values() (fullYears []string) {
	kind := r.t.TargetKind()
	for _, p := range r.shown {
		v := r.u.value(p.ID(), r.ind.ID)
		tv := TermValue{Period: p.ID(), Value: v.Value, SinceBaseline: v.SinceBaseline, Status: v.Status}
		pr := r.u.periods[p.ID()]
		tv.Provisional = r.u.ward == "" && pr != nil && !pr.Complete
		if v.HasYtd {
			// A month or a quarter after the full years stands for the year
			// so far: the review speaks of "5 tháng đầu năm".
			tv.Value, tv.YearToDate = v.Ytd, true
			tv.Provisional = tv.Provisional || r.u.ward == "" && pr != nil && len(pr.YtdMissing) > 0
			switch {
			case kind == catalog.KindOverTerm:
				tv.SinceBaseline, tv.Status = nil, StatusNoData // no year to date of the baseline year to set it against
			case kind == catalog.KindEachPeriod && v.Ytd != nil:
				tv.Status = metStatus(r.t.Met(*v.Ytd))
			}
		}
		if tv.Value == nil || tv.Status == "" {
			tv.Status = StatusNoData
		}
		r.tt.Values = append(r.tt.Values, tv)
		if tv.Value != nil && (kind != catalog.KindOverTerm || tv.SinceBaseline != nil) {
			r.tt.PeriodsJudged++
			if kind != catalog.KindCumulative && r.t.Met(judged(r.t, tv)) {
				r.tt.PeriodsMet++
			}
		}
		if p.Kind == notation.Year {
			fullYears = append(fullYears, p.ID())
		}
	}
	return fullYears
}

// yearly judges an each_period target on its periods and an average one on
// its average over the full years.
func (r *review) yearly(fullYears []string) {
	tt, t, kind := &r.tt, r.t, r.t.TargetKind()
	tt.ToDate, tt.ToDatePeriods = yearlyAverage(r.u, r.ind, fullYears), fullYears
	switch {
	case kind == catalog.KindEachPeriod && tt.PeriodsJudged == 0, kind == catalog.KindAverage && tt.ToDate == nil:
		tt.Verdict = VerdictNoData
	case kind == catalog.KindEachPeriod && tt.PeriodsMet == tt.PeriodsJudged, kind == catalog.KindAverage && t.Met(*tt.ToDate):
		tt.Verdict = VerdictAchieved
	case r.ended:
		tt.Verdict = VerdictNotMet
	default:
		tt.Verdict = VerdictAtRisk
	}
	tt.Stretched = tt.Verdict == VerdictAchieved && stretchedAll(t, tt.Values)
	tt.BeforeDeadline = !r.ended
}

// byDeadline judges the latest value against the path to the deadline, or,
// once it has passed, the deadline year's value against the target.
func (r *review) byDeadline() {
	tt, t := &r.tt, r.t
	deadline := t.DeadlineYear(r.term)
	var at notation.Period
	for i := len(tt.Values) - 1; i >= 0 && tt.ToDate == nil; i-- {
		if tt.Values[i].Value != nil {
			tt.ToDate, at = tt.Values[i].Value, r.shown[i]
			tt.ToDatePeriods = []string{r.shown[i].ID()}
		}
	}
	tt.BeforeDeadline = r.asOf.End() < yearEnd(deadline)
	switch {
	case !tt.BeforeDeadline:
		final, period := deadlineValue(r.u, r.ind.ID, deadline)
		if final == nil {
			tt.Verdict = VerdictNoData
			return
		}
		// Judged, and told, on the deadline year's figure.
		tt.ToDate, tt.ToDatePeriods = final, []string{period}
		tt.Verdict = map[bool]Verdict{true: VerdictAchieved, false: VerdictNotMet}[t.Met(*final)]
		tt.Stretched = t.StretchMet(*final)
	case tt.ToDate == nil:
		tt.Verdict = VerdictNoData
	default:
		tt.Verdict = verdictOnPath(pathStatus(t, *tt.ToDate, tt.Baseline, pathShare(r.term.Baseline, deadline, at.End())))
		tt.Stretched = t.StretchMet(*tt.ToDate)
		if tt.Verdict != VerdictAchieved && tt.Verdict != VerdictNoData {
			tt.NeededPerYear = perYear(t.Value-*tt.ToDate, deadline-at.Year)
		}
	}
}

// overTerm judges the latest full year's change since the baseline against
// the path to the term's end.
func (r *review) overTerm() {
	tt, t := &r.tt, r.t
	latest := -1
	for i, p := range r.shown {
		if p.Kind == notation.Year {
			latest = i
		}
	}
	tt.BeforeDeadline = !r.ended
	if latest < 0 || tt.Values[latest].SinceBaseline == nil {
		tt.Verdict = VerdictNoData
		return
	}
	since := *tt.Values[latest].SinceBaseline
	tt.ToDate, tt.ToDatePeriods = &since, []string{r.shown[latest].ID()}
	tt.Stretched = t.StretchMet(since)
	year := r.shown[latest].Year
	zero := 0.0
	switch s := pathStatus(t, since, &zero, pathShare(r.term.Baseline, r.term.To, yearEnd(year))); {
	case r.ended && t.Met(since):
		tt.Verdict = VerdictAchieved
	case r.ended:
		tt.Verdict = VerdictNotMet
	default:
		tt.Verdict = verdictOnPath(s)
	}
	if tt.Verdict != VerdictAchieved {
		tt.NeededPerYear = perYear(t.Value-since, r.term.To-year)
	}
}

// cumulative judges the sum over the term so far.
func (r *review) cumulative() {
	tt := &r.tt
	tt.ToDate, tt.ToDatePeriods, _ = cover(r.u, r.ind.ID, r.term, r.asOf)
	tt.BeforeDeadline = !r.ended
	if tt.ToDate == nil {
		tt.Verdict = VerdictNoData
		return
	}
	tt.Verdict = cumulativeVerdict(r.t, *tt.ToDate, r.elapsed, r.ended)
	tt.Stretched = tt.Verdict == VerdictAchieved && r.t.StretchMet(*tt.ToDate)
}

// judged is the figure a term value is judged on: the change since the
// baseline for over_term targets, else the value.
func judged(t catalog.Target, tv TermValue) float64 {
	if t.TargetKind() == catalog.KindOverTerm && tv.SinceBaseline != nil {
		return *tv.SinceBaseline
	}
	if tv.Value == nil {
		return math.NaN()
	}
	return *tv.Value
}

func stretchedAll(t catalog.Target, values []TermValue) bool {
	some := false
	for _, v := range values {
		if v.Value == nil {
			continue
		}
		if !t.StretchMet(judged(t, v)) {
			return false
		}
		some = true
	}
	return some
}

func verdictOnPath(s Status) Verdict {
	switch s {
	case StatusAhead:
		return VerdictAchieved
	case StatusOnTrack:
		return VerdictOnTrack
	case StatusNoData:
		return VerdictNoData
	}
	return VerdictAtRisk
}

// cumulativeVerdict judges a sum over the term so far. A ">=" target is
// achieved once the sum reaches it and on track at or past its elapsed
// share; a "<=" target (stay within) is not met once the sum passes it,
// achieved only when the term has ended within it, and on track while
// the sum stays within the elapsed share.
func cumulativeVerdict(t catalog.Target, sum, elapsed float64, ended bool) Verdict {
	if t.Op == "<=" {
		switch {
		case !t.Met(sum):
			return VerdictNotMet
		case ended:
			return VerdictAchieved
		case t.AtLeastAsGood(sum, t.Value*elapsed):
			return VerdictOnTrack
		}
		return VerdictAtRisk
	}
	switch {
	case t.Met(sum):
		return VerdictAchieved
	case ended:
		return VerdictNotMet
	case t.AtLeastAsGood(sum, t.Value*elapsed):
		return VerdictOnTrack
	}
	return VerdictAtRisk
}

func perYear(diff float64, years int) *float64 {
	if years <= 0 {
		return nil
	}
	v := diff / float64(years)
	return &v
}

// deadlineValue is the unit's value in the deadline year and its period:
// its full year, else its latest period.
func deadlineValue(u unit, id string, deadline int) (*float64, string) {
	year := strconv.Itoa(deadline)
	if v := u.value(year, id); v.Value != nil {
		return v.Value, year
	}
	var best *float64
	var at string
	for i := range u.res.Periods {
		if p, ok := notation.ParsePeriodID(u.res.Periods[i].Period); ok && p.Year == deadline {
			if v := u.value(p.ID(), id); v.Value != nil {
				best, at = v.Value, p.ID()
			}
		}
	}
	return best, at
}

// yearlyAverage is an indicator's figure over whole years: a growth rate
// or change compounded, a ratio as the sum of numerators over the sum of
// denominators, a count as the yearly mean; nil when a year lacks it.
func yearlyAverage(u unit, ind catalog.Indicator, years []string) *float64 {
	if len(years) == 0 {
		return nil
	}
	switch ind.Kind {
	case catalog.KindChange:
		product := 1.0
		for _, y := range years {
			v := u.value(y, ind.ID).Value
			if v == nil {
				return nil
			}
			product *= 1 + *v/100
		}
		if product < 0 {
			return nil
		}
		r := (math.Pow(product, 1/float64(len(years))) - 1) * 100
		return &r
	case catalog.KindRatio:
		var num, den float64
		for _, y := range years {
			n, d := u.value(y, ind.Of[0]).Value, u.value(y, ind.Of[1]).Value
			if n == nil || d == nil {
				return nil
			}
			num, den = num+*n, den+*d
		}
		return percentOf(num, den)
	}
	total := 0.0
	for _, y := range years {
		v := u.value(y, ind.ID).Value
		if v == nil {
			return nil
		}
		total += *v
	}
	mean := total / float64(len(years))
	return &mean
}

// cover sums indicator id over periods laid end to end from the term's start
// to the end of asOf, taking the longest period with a figure at each step.
// gap is the month (since year 0) from which no period has one, or -1.
func cover(u unit, id string, term *catalog.Term, asOf notation.Period) (sum *float64, used []string, gap int) {
	var parsed []notation.Period
	for _, pr := range u.res.Periods {
		if p, ok := notation.ParsePeriodID(pr.Period); ok {
			parsed = append(parsed, p)
		}
	}
	total := 0.0
	for at, stop := term.From*12, asOf.End(); at < stop; {
		best, found := notation.Period{}, false
		var bestValue float64
		for _, p := range parsed {
			if p.Start() != at || p.End() > stop || found && p.Months() <= best.Months() {
				continue
			}
			if v := u.value(p.ID(), id).Value; v != nil {
				best, bestValue, found = p, *v, true
			}
		}
		if !found {
			return nil, used, at
		}
		total += bestValue
		used = append(used, best.ID())
		at = best.End()
	}
	return &total, used, -1
}
