package analysis

import (
	"cmp"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// Figure is one number read from a cell; Known is false when the form had
// none.
type Figure struct {
	Value  float64
	Known  bool
	Source Cell
}

// Observation is one indicator row of a ward's form: this period's value and
// the same period last year's.
type Observation struct {
	Indicator         string
	Current, Previous Figure
	Plan              Figure // the year's plan, where the form has a plan column
}

// Submission is what one ward reported for one period in one file.
type Submission struct {
	File, Sheet  string
	Ward, Period string // canonical ward name, period id
	// Origin is the configured name or alias the ward was recognised by:
	// wards merged into one unit have different origins and are added up.
	Origin string
	// Modified is when the workbook was last saved (its document
	// properties, else the file's time), as "2006-01-02T15:04:05Z": of two
	// submissions of the same figures, the newer wins.
	Modified     string
	Observations []Observation
}

// Status is how a value compares with its target.
type Status string

const (
	StatusMet      Status = "met"
	StatusNotMet   Status = "not_met"
	StatusNoTarget Status = "no_target"
	StatusNoData   Status = "no_data"
)

// Value is one indicator's figure for a ward or the district in a period.
type Value struct {
	Indicator       string
	Value, Previous *float64 // nil: cannot be had
	Unit            string
	Target          *catalog.Target
	Status          Status
	Gap             *float64 // value minus target, positive is better
	// Partial: a district figure that lacks some submitted wards' figures
	// (not sent, or refused as impossible); the problems say whose.
	Partial       bool
	SinceBaseline *float64 // over_term targets: the change in % from the term's baseline
	// Ytd and PreviousYtd are the year-to-date of a monthly or quarterly
	// value (HasYtd) and the same span of last year.
	Ytd, PreviousYtd *float64
	HasYtd           bool
	// Plan is the year's plan where one is given, PlanShare the value
	// (a flow's year-to-date) in % of it, PlanStatus how it stands.
	Plan, PlanShare        *float64
	PlanOp                 string
	PlanStatus             PlanStatus
	Source, PreviousSource Cell // submitted values only
	// PreviousBasis and ValueBasis say how a figure compared across a
	// boundary change was had (rebase.go); "" without dated units.
	PreviousBasis, ValueBasis Basis
}

// WardResult is one ward's figures in a period, in catalog order.
type WardResult struct {
	Name    string
	Files   []string
	Values  []Value
	Derived bool // added up from the ward's monthly or quarterly forms
}

// PeriodResult is the district and its wards in one period.
type PeriodResult struct {
	Period    string
	Expected  int
	Submitted []string // canonical names, in the configured order
	Missing   []string
	Complete  bool
	District  []Value // every catalog indicator, in catalog order
	Wards     []WardResult
	Derived   bool     // some ward's figures are added up from shorter periods
	From      []string // those shorter periods, finest first
	// YtdMissing are the wards whose year to date lacks a form since
	// January: their flows are not in the district's.
	YtdMissing []string
}

// Result is the whole analysis: periods sorted as the contract says.
type Result struct {
	Config   *catalog.Config
	Periods  []PeriodResult
	Problems []Problem
	Picked   bool        // indicators were picked by a Selection (see Narrow)
	Term     *TermResult // the district's term review; nil when no period falls in the term
	// Rebased holds, by period and unit, the figures of a unit made by a
	// boundary change for a period before it existed, from the old units'
	// forms (the term's baseline year; see rebase.go). Not a period's wards.
	Rebased map[string]map[string][]Value
}

// Latest is the period that ends last (on a tie, the longest), or nil.
func (r *Result) Latest() *PeriodResult {
	if len(r.Periods) == 0 {
		return nil
	}
	return &r.Periods[len(r.Periods)-1]
}

// Find returns the value of indicator id in vs.
func Find(vs []Value, id string) (Value, bool) {
	for _, v := range vs {
		if v.Indicator == id {
			return v, true
		}
	}
	return Value{}, false
}

// wardData gathers a ward's observations in a period across its files.
type wardData struct {
	files   []string
	origins []string                          // in the order first seen
	parts   map[string]map[string]Observation // origin -> indicator -> observation
	obs     map[string]Observation            // the parts combined
	derived bool                              // added up from monthly or quarterly forms
	gap     bool                              // a year to date that lacks a part: its flows are unknown
	from    []string                          // derived: the periods added up
}

// Analyze aggregates the submissions into ward and district figures per
// period and compares them with the targets. problems found while reading
// are passed through, followed by those found here.
//
// Where a ward sends the same indicator for a period twice (a corrected
// file), the newer workbook wins (Submission.Modified); on a tie, the later
// revision by name ("sửa lần 2", "v2", see Revision), then path order.
func Analyze(cfg *catalog.Config, subs []Submission, problems []Problem) *Result {
	a := &analyzer{cfg: cfg, problems: append([]Problem(nil), problems...), reported: map[string]bool{}}
	for _, p := range problems {
		a.reported[p.Ward+"|"+p.Period+"|"+p.Indicator] = true
	}
	data := a.gather(subs)
	a.checkTyping(data)
	for _, wards := range data {
		for _, wd := range wards {
			wd.obs = a.combine(wd)
		}
	}
	a.rebase(data) // units that change: previous figures on the new units
	years := wardYears(data)
	a.derive(data, years)

	res := &Result{Config: cfg}
	for _, p := range sortedPeriods(data) {
		pr := a.period(p, data[p])
		markDerived(&pr, data[p])
		res.Periods = append(res.Periods, pr)
	}
	a.fillLastYear(res)
	a.finishRebase(res) // units that change: last year's changes, bases
	a.addYearToDate(res, years)
	a.applyPlans(res, data)
	a.judgeTerm(res)
	for i := range a.problems {
		if a.problems[i].Indicator != "" {
			a.problems[i].IndicatorName = a.name(a.problems[i].Indicator)
		}
	}
	res.Problems = a.problems
	return res
}

// gather sorts the submissions oldest first and files their observations
// by period, ward and origin, a newer one replacing an older (with one
// warning per pair of files).
func (a *analyzer) gather(subs []Submission) map[string]map[string]*wardData {
	subs = append([]Submission(nil), subs...)
	revision := make(map[string]int, len(subs))
	for _, s := range subs {
		revision[s.File] = Revision(s.File)
	}
	sort.SliceStable(subs, func(i, j int) bool {
		if subs[i].Modified != subs[j].Modified {
			return subs[i].Modified < subs[j].Modified
		}
		ri, rj := revision[subs[i].File], revision[subs[j].File]
		return ri < rj || ri == rj && subs[i].File < subs[j].File
	})

	type replacement struct{ ward, period, old, new string }
	var replacements []replacement
	replaced := map[replacement]int{}
	data := map[string]map[string]*wardData{}
	for _, s := range subs {
		wards := data[s.Period]
		if wards == nil {
			wards = map[string]*wardData{}
			data[s.Period] = wards
		}
		wd := wards[s.Ward]
		if wd == nil {
			wd = &wardData{parts: map[string]map[string]Observation{}}
			wards[s.Ward] = wd
		}
		if !contains(wd.files, s.File) {
			wd.files = append(wd.files, s.File)
		}
		part := wd.parts[s.Origin]
		if part == nil {
			part = map[string]Observation{}
			wd.parts[s.Origin] = part
			wd.origins = append(wd.origins, s.Origin)
		}
		for _, o := range s.Observations {
			old, dup := part[o.Indicator]
			if dup && !o.Current.Known && !o.Previous.Known {
				continue // an empty repeat of a row loses nothing
			}
			if oldFile := fileOf(old); dup && oldFile != "" {
				r := replacement{s.Ward, s.Period, oldFile, s.File}
				if replaced[r] == 0 {
					replacements = append(replacements, r)
				}
				replaced[r]++
			}
			part[o.Indicator] = o
		}
	}
	for _, r := range replacements {
		a.warn(Problem{Cell: Cell{File: r.new}, Ward: r.ward, Period: r.period, Code: msg.Duplicate, Args: []any{r.old, replaced[r]}})
	}
	return data
}

type analyzer struct {
	ytdWarned map[string]bool // ward|year whose year to date lacks a form, said once
	cfg       *catalog.Config
	problems  []Problem
	// reported holds "ward|period|indicator" of values already reported
	// as problems while reading, so that a district sum lacking them does
	// not report the same fault again.
	reported map[string]bool
	rebased  *rebasing // units that change: see rebase.go
}

func (a *analyzer) warn(p Problem) {
	p.Severity = SeverityWarning
	a.problems = append(a.problems, p)
}

func (a *analyzer) period(period string, wards map[string]*wardData) PeriodResult {
	units := a.cfg.UnitsIn(period) // units that change: those valid in period
	pr := PeriodResult{Period: period, Expected: len(units),
		Wards: make([]WardResult, 0, len(wards)), District: make([]Value, 0, len(a.cfg.Indicators))}
	present := make([]*wardData, 0, len(wards))
	for _, u := range units {
		wd, ok := wards[u.Name]
		if !ok {
			pr.Missing = append(pr.Missing, u.Name)
			continue
		}
		pr.Submitted = append(pr.Submitted, u.Name)
		present = append(present, wd)
		wr := WardResult{Name: u.Name, Files: wd.files, Values: make([]Value, 0, len(a.cfg.Indicators))}
		for _, ind := range a.cfg.Indicators {
			if !ind.DistrictOnly() {
				wr.Values = append(wr.Values, a.judge(ind, a.wardValue(ind, u.Name, period, wd)))
			}
		}
		pr.Wards = append(pr.Wards, wr)
	}
	pr.Complete = len(pr.Missing) == 0
	for _, ind := range a.cfg.Indicators {
		pr.District = append(pr.District, a.judge(ind, a.districtValue(ind, period, pr.Submitted, present)))
	}
	return pr
}

// wardValue is a ward's figure: submitted as is, derived from its counts,
// or, failing those, the rate the ward wrote itself.
func (a *analyzer) wardValue(ind catalog.Indicator, ward, period string, wd *wardData) Value {
	v := Value{Indicator: ind.ID, Unit: ind.Unit}
	if ind.Submitted() {
		o := wd.obs[ind.ID]
		v.Value, v.Source = figure(o.Current)
		v.Previous, v.PreviousSource = figure(o.Previous)
		return v
	}
	where := Problem{Ward: ward, Period: period, Indicator: ind.ID}
	// A zero denominator is a problem only in a ward's submitted whole year.
	judgeZero := wholeYear(period) && !wd.derived
	var cur, prev *float64
	switch ind.Kind {
	case catalog.KindRatio:
		num, den := wd.obs[ind.Of[0]], wd.obs[ind.Of[1]]
		cur = ratio(num.Current, den.Current)
		prev = ratio(num.Previous, den.Previous)
		if num.Current.Known && den.Current.Known && den.Current.Value == 0 && judgeZero {
			where.Cell = den.Current.Source
			where.Code, where.Args = msg.ZeroDenominator, []any{a.name(ind.Of[1])}
			a.warn(where)
		}
	case catalog.KindChange:
		o := wd.obs[ind.Of[0]]
		cur = ratio(o.Current, o.Previous)
		if cur != nil {
			*cur -= 100
		} else if o.Current.Known && o.Previous.Known && judgeZero {
			where.Cell = o.Previous.Source
			where.Code, where.Args = msg.ZeroDenominator, []any{a.name(ind.Of[0])}
			a.warn(where)
		}
	}
	v.Value, v.Previous = cur, prev
	if given, ok := wd.obs[ind.ID]; ok && given.Current.Known {
		where.Cell = given.Current.Source
		switch {
		case cur == nil:
			v.Value, v.Source = figure(given.Current)
			where.Code = msg.RateOnly
			a.warn(where)
		case math.Abs(*cur-given.Current.Value) > 0.1:
			where.Code, where.Args = msg.RateMismatch, []any{twoDecimals(given.Current.Value), twoDecimals(*cur)}
			a.warn(where)
		}
	}
	return v
}

// districtValue sums counts over the wards that sent them and recomputes
// rates from the summed counts, never from ward rates. A district figure
// raises no problem of its own (the cells behind it do), except a sum that
// lacks wards for no reason already given.
func (a *analyzer) districtValue(ind catalog.Indicator, period string, names []string, wards []*wardData) Value {
	v := Value{Indicator: ind.ID, Unit: ind.Unit}
	sum := func(id string, pick func(Observation) Figure, alsoKnown ...string) (total float64, n int, lacking []string) {
		for i, wd := range wards {
			f := pick(wd.obs[id])
			ok := f.Known
			for _, other := range alsoKnown {
				ok = ok && pick(wd.obs[other]).Known
			}
			if !ok {
				lacking = append(lacking, names[i])
				continue
			}
			total += f.Value
			n++
		}
		return total, n, lacking
	}
	current := func(o Observation) Figure { return o.Current }
	previous := func(o Observation) Figure { return o.Previous }
	partial := func(n int, lacking []string) {
		v.Partial = n > 0 && len(lacking) > 0
		var unexplained []string
		for _, ward := range lacking {
			explained := false
			for _, in := range append([]string{ind.ID}, ind.Of...) {
				explained = explained || a.reported[ward+"|"+period+"|"+in]
			}
			if !explained {
				unexplained = append(unexplained, ward)
			}
		}
		if n > 0 && len(unexplained) > 0 {
			a.warn(Problem{Period: period, Indicator: ind.ID, Code: msg.PartialSum, Args: []any{strings.Join(unexplained, ", ")}})
		}
	}
	switch ind.Kind {
	case catalog.KindCount:
		t, n, lacking := sum(ind.ID, current)
		partial(n, lacking)
		if n > 0 {
			v.Value = &t
		}
		if t, n, _ := sum(ind.ID, previous); n > 0 {
			v.Previous = &t
		}
	case catalog.KindRatio:
		num, n, lacking := sum(ind.Of[0], current, ind.Of[1])
		den, _, _ := sum(ind.Of[1], current, ind.Of[0])
		partial(n, lacking)
		if n > 0 {
			v.Value = percentOf(num, den)
		}
		pnum, pn, _ := sum(ind.Of[0], previous, ind.Of[1])
		pden, _, _ := sum(ind.Of[1], previous, ind.Of[0])
		if pn > 0 {
			v.Previous = percentOf(pnum, pden)
		}
	case catalog.KindChange:
		// Only wards that give both years count, on both sides.
		withPrevious := func(o Observation) Figure {
			if !o.Previous.Known {
				return Figure{}
			}
			return o.Current
		}
		withCurrent := func(o Observation) Figure {
			if !o.Current.Known {
				return Figure{}
			}
			return o.Previous
		}
		cur, n, lacking := sum(ind.Of[0], withPrevious)
		prev, _, _ := sum(ind.Of[0], withCurrent)
		partial(n, lacking)
		if n > 0 {
			if p := percentOf(cur, prev); p != nil {
				*p -= 100
				v.Value = p
			}
		}
	case catalog.KindCountTrue:
		// Flags are 0 or 1 (ingest refuses anything else): their sum is
		// the number of wards with 1.
		done, n, lacking := sum(ind.Of[0], current)
		partial(n, lacking)
		if n > 0 {
			v.Value = &done
		}
	}
	return v
}

// wholeYear reports whether period spans a whole year. A zero denominator
// in a shorter period (no drug case in a ward that month) is ordinary: the
// rate is null, and no problem is raised.
func wholeYear(period string) bool {
	p, ok := notation.ParsePeriodID(period)
	return ok && p.Kind == notation.Year
}

// fillLastYear sets the previous value of change indicators, which no form
// carries, from the same period one year earlier when it was read too.
func (a *analyzer) fillLastYear(res *Result) {
	lastYearPairs(res, func(values, lastYear []Value) {
		for j := range values {
			if values[j].Previous == nil && a.kind(values[j].Indicator) == catalog.KindChange {
				if old, ok := Find(lastYear, values[j].Indicator); ok {
					values[j].Previous = old.Value
				}
			}
		}
	})
}

// periodsByID finds a period of res by its id.
func periodsByID(res *Result) map[string]*PeriodResult {
	index := make(map[string]*PeriodResult, len(res.Periods))
	for i := range res.Periods {
		index[res.Periods[i].Period] = &res.Periods[i]
	}
	return index
}

// lastYearPairs calls fill with the district's and each ward's values in a
// period and the same unit's in the same period one year earlier, where
// that period was read.
func lastYearPairs(res *Result, fill func(values, lastYear []Value)) {
	index := periodsByID(res)
	for i := range res.Periods {
		pr := &res.Periods[i]
		p, ok := notation.ParsePeriodID(pr.Period)
		if !ok {
			continue
		}
		last, ok := index[p.LastYear().ID()]
		if !ok {
			continue
		}
		fill(pr.District, last.District)
		for _, w := range pr.Wards {
			for _, lw := range last.Wards {
				if lw.Name == w.Name {
					fill(w.Values, lw.Values)
				}
			}
		}
	}
}

// name is an indicator's label in both languages, for messages.
func (a *analyzer) name(id string) msg.Words {
	if ind, ok := a.cfg.Indicator(id); ok {
		return msg.Words{ind.Label, cmp.Or(ind.LabelEN, ind.Label)}
	}
	return msg.Words{id, id}
}

func (a *analyzer) kind(id string) catalog.Kind {
	ind, _ := a.cfg.Indicator(id)
	return ind.Kind
}

// judge sets target, status and gap.
func (a *analyzer) judge(ind catalog.Indicator, v Value) Value {
	t, hasTarget := a.cfg.Target(ind.ID)
	if hasTarget {
		v.Target = &t
	}
	switch {
	case v.Value == nil:
		v.Status = StatusNoData
	case !hasTarget:
		v.Status = StatusNoTarget
	case t.Met(*v.Value):
		v.Status = StatusMet
	default:
		v.Status = StatusNotMet
	}
	if hasTarget && v.Value != nil {
		g := t.Gap(*v.Value)
		v.Gap = &g
	}
	return v
}

func figure(f Figure) (*float64, Cell) {
	if !f.Known {
		return nil, Cell{}
	}
	v := f.Value
	return &v, f.Source
}

func ratio(num, den Figure) *float64 {
	if !num.Known || !den.Known {
		return nil
	}
	return percentOf(num.Value, den.Value)
}

func percentOf(num, den float64) *float64 {
	if den == 0 {
		return nil
	}
	v := num / den * 100
	return &v
}

// combine gives a ward's observations: those of its one origin, or, for
// wards merged into one unit, the sum of the parts' counts (a yes/no is yes
// only if every part says yes). A figure that some part lacks cannot be
// had; rates sent by the parts are dropped, as their counts give them.
func (a *analyzer) combine(wd *wardData) map[string]Observation {
	if len(wd.origins) == 1 {
		return wd.parts[wd.origins[0]]
	}
	out := map[string]Observation{}
	for _, ind := range a.cfg.Indicators {
		if !ind.Submitted() {
			continue
		}
		var cur, prev, plan []Figure
		for _, origin := range wd.origins {
			o := wd.parts[origin][ind.ID]
			cur, prev, plan = append(cur, o.Current), append(prev, o.Previous), append(plan, o.Plan)
		}
		out[ind.ID] = Observation{Indicator: ind.ID, Current: addUp(ind.Kind, cur), Previous: addUp(ind.Kind, prev),
			Plan: addUp(ind.Kind, plan)}
	}
	return out
}

func addUp(kind catalog.Kind, figs []Figure) Figure {
	total := figs[0]
	var plus []string
	for _, f := range figs {
		if !f.Known {
			return Figure{}
		}
	}
	for _, f := range figs[1:] {
		if kind == catalog.KindFlag {
			total.Value = min(total.Value, f.Value)
		} else {
			total.Value += f.Value
		}
		plus = append(plus, f.Source.String())
	}
	total.Source.Plus = strings.Join(plus, " + ")
	return total
}

// revisionWords mark corrected files: "sửa lần 2", "lần 3", "bản 2", "v2".
var revisionWords = regexp.MustCompile(`(?:^| )(?:sua lan|sua|lan|ban|v|rev|bo sung) ?(\d{1,2})(?: |$)|(?:^| )(sua|bo sung|moi)(?: |$)`)

// Revision is the revision a file name announces: 2 for "P05 sửa lần 2.xlsx",
// 1 for "P05 (sửa).xlsx", 0 for an original.
func Revision(path string) int {
	base := path[strings.LastIndexAny(path, "/\\")+1:]
	if dot := strings.LastIndex(base, "."); dot > 0 {
		base = base[:dot]
	}
	m := revisionWords.FindStringSubmatch(notation.Fold(base))
	switch {
	case m == nil:
		return 0
	case m[1] != "":
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 1
}

// fileOf is the file an observation was read from, "" if it holds nothing.
func fileOf(o Observation) string {
	for _, f := range []Figure{o.Current, o.Previous} {
		if f.Known {
			return f.Source.File
		}
	}
	return ""
}

// twoDecimals is a rate for a message, with two decimals in the notation of
// the message's language.
func twoDecimals(v float64) msg.Words {
	en := strconv.FormatFloat(v, 'f', 2, 64)
	return msg.Words{strings.Replace(en, ".", ",", 1), en}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
