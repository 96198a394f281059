package analysis

import (
	"math"
	"strings"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// Rebasing: a comparison that crosses a boundary change is made on the new
// units. A new unit's same-period-last-year figures are the old units'
// figures of that period times their shares, added up; rates and changes
// are then recomputed from them as from any form's figures. Analyze calls
// the hooks below: rebase before the periods are built, finishRebase after.

// rebasing remembers, per period, ward and indicator, how the previous
// figure was had, and the rebased figures of last year's same period.
type rebasing struct {
	basis   map[string]map[string]map[string]Basis // period -> ward -> indicator -> basis of Previous
	last    map[string]map[string]map[string]Observation
	sources map[string]map[string][]catalog.Part // period -> new unit -> its old units
	data    map[string]map[string]*wardData
	// parts holds the months and quarters before a change given to the
	// new units made in the middle of their year: period -> unit -> basis.
	parts map[string]map[string]Basis
}

// rebase leaves out the submissions of units not expected in their period
// (with a warning) and rebases the previous figures of units whose
// territory changed since the same period last year.
func (a *analyzer) rebase(data map[string]map[string]*wardData) {
	if !a.cfg.Dated() {
		return
	}
	a.rebased = &rebasing{basis: map[string]map[string]map[string]Basis{},
		last: map[string]map[string]map[string]Observation{}, sources: map[string]map[string][]catalog.Part{}, data: data,
		parts: map[string]map[string]Basis{}}
	for _, period := range sortedPeriods(data) {
		if _, ok := notation.ParsePeriodID(period); !ok {
			continue
		}
		for ward, wd := range data[period] {
			if !a.cfg.ValidIn(ward, period) {
				a.warn(Problem{Cell: Cell{File: wd.files[0]}, Ward: ward, Period: period, Code: msg.NotExpected, Args: []any{ward, period}})
				delete(data[period], ward)
			}
		}
	}
	for _, period := range sortedPeriods(data) {
		p, ok := notation.ParsePeriodID(period)
		if !ok {
			continue
		}
		lastID := p.LastYear().ID()
		last := data[lastID]
		sources := a.cfg.SourcesOf(unitNames(a.cfg.UnitsIn(lastID)), lastID, period)
		for ward, wd := range data[period] {
			srcs, ok := sources[ward]
			if !ok {
				continue
			}
			a.rebaseWard(period, ward, wd, srcs, last)
		}
		a.rebased.sources[period] = sources
	}
	a.rebaseParts(data)
}

// rebaseParts gives a unit made in the middle of a year the months (or
// quarters) of that year before it existed: its old units' forms times
// their shares. They are not reported in those periods, where the old
// units are; they let the year, the nine months and the year-to-date of
// the new unit be derived from all their parts (the year 2025 for a change
// from 2025-07: January to June from the old units, July to December from
// its own forms).
func (a *analyzer) rebaseParts(data map[string]map[string]*wardData) {
	for _, period := range sortedPeriods(data) {
		p, ok := notation.ParsePeriodID(period)
		if !ok || p.Kind != notation.Month && p.Kind != notation.Quarter {
			continue
		}
		year := notation.Period{Year: p.Year, Kind: notation.Year}.ID()
		for ward, srcs := range a.cfg.SourcesOf(unitNames(a.cfg.UnitsIn(period)), period, year) {
			if _, ok := data[period][ward]; ok || a.cfg.ValidIn(ward, period) {
				continue
			}
			wd := a.territory(data[period], srcs)
			data[period][ward] = wd
			if a.rebased.parts[period] == nil {
				a.rebased.parts[period] = map[string]Basis{}
			}
			a.rebased.parts[period][ward] = basisOf(srcs)
		}
	}
}

// partsBasis is how ward's figures in a derived period were had where some
// of their parts come from old units (rebaseParts), else "".
func (a *analyzer) partsBasis(period, ward string) Basis {
	wd := a.rebased.data[period][ward]
	if wd == nil || !wd.derived {
		return ""
	}
	var b Basis
	for _, from := range wd.from {
		b = worse(b, a.rebased.parts[from][ward])
	}
	return b
}

// rebaseWard sets the previous figures of ward in period from its sources'
// figures in last.
func (a *analyzer) rebaseWard(period, ward string, wd *wardData, srcs []catalog.Part, last map[string]*wardData) {
	obs := make(map[string]Observation, len(wd.obs))
	for id, o := range wd.obs {
		obs[id] = o
	}
	basis := map[string]Basis{}
	was := a.territory(last, srcs)
	for _, ind := range a.cfg.Indicators {
		if !ind.Submitted() {
			continue
		}
		cur := was.obs[ind.ID].Current
		if !cur.Known {
			continue // no rebased figure: the form's own, if any, stays
		}
		o := obs[ind.ID]
		o.Indicator = ind.ID
		if own := o.Previous; own.Known && math.Abs(own.Value-cur.Value) > rounding(ind, own.Value) {
			a.warn(Problem{Cell: own.Source, Ward: ward, Period: period,
				Indicator: ind.ID, Code: msg.RebaseDisagrees, Args: []any{notation.Reading(own.Value), changesText(srcs), notation.Reading(cur.Value)}})
		}
		o.Previous = cur
		obs[ind.ID] = o
		basis[ind.ID] = basisOf(srcs)
	}
	wd.obs = obs
	set(a.rebased.basis, period, ward, basis)
	set(a.rebased.last, period, ward, was.obs)
}

func set[V any](m map[string]map[string]V, period, ward string, v V) {
	if m[period] == nil {
		m[period] = map[string]V{}
	}
	m[period][ward] = v
}

// rounding is how far a figure written as written may differ from another
// before it is a different figure: half its last written digit (0.5 for a
// whole number, 0.05 for 12,3), and never less than 0.5 for a whole-number
// count.
func rounding(ind catalog.Indicator, written float64) float64 {
	d := 0
	for d < 6 && math.Abs(written*math.Pow10(d)-math.Round(written*math.Pow10(d))) > 1e-6 {
		d++
	}
	tol := 0.5 / math.Pow10(d)
	if ind.Kind == catalog.KindFlag || ind.Kind == catalog.KindCount && !notation.Scalable(ind.Unit) {
		tol = max(tol, 0.5)
	}
	return tol
}

// addShares adds up figures times their shares; a yes/no is not split (yes
// when every part says yes, unknown where a share below 1 is involved). A
// figure that some part lacks cannot be had. The source lists every cell
// with its share.
func addShares(kind catalog.Kind, figs []Figure, shares []float64) Figure {
	var total Figure
	var cells []string
	for i, f := range figs {
		if !f.Known || kind == catalog.KindFlag && shares[i] < 1 {
			return Figure{}
		}
		v := f.Value * shares[i]
		switch {
		case i == 0:
			total.Value = v
		case kind == catalog.KindFlag:
			total.Value = min(total.Value, v)
		default:
			total.Value += v
		}
		c := f.Source
		c.Share = shares[i]
		cells = append(cells, c.String())
	}
	if len(cells) == 0 {
		return Figure{}
	}
	total.Known = true
	total.Source = figs[0].Source
	total.Source.Share = shares[0]
	plus := cells[1:]
	if own := figs[0].Source.Plus; own != "" { // wards merged by aliases
		plus = append([]string{own}, plus...)
	}
	total.Source.Plus = strings.Join(plus, " + ")
	return total
}

// finishRebase gives the change indicators of rebased wards their last
// year's change, every value its basis, and the units made by a change
// their figures of the term's baseline year, from the old units' forms.
func (a *analyzer) finishRebase(res *Result) {
	if a.rebased == nil {
		return
	}
	a.rebaseBaseline(res)
	for i := range res.Periods {
		pr := &res.Periods[i]
		bases := a.rebased.basis[pr.Period]
		counted := map[string]bool{}
		for _, w := range pr.Wards {
			counted[w.Name] = true
			b := bases[w.Name]
			for j := range w.Values {
				v := &w.Values[j]
				ind, _ := a.cfg.Indicator(v.Indicator)
				if ind.Kind == catalog.KindChange && v.Previous == nil && b != nil {
					o := a.rebased.last[pr.Period][w.Name][ind.Of[0]]
					if ch := ratio(o.Current, o.Previous); ch != nil {
						*ch -= 100
						v.Previous = ch
					}
				}
				a.setBasis(ind, v, b)
				if pb := a.partsBasis(pr.Period, w.Name); pb != "" {
					// Added up across the change: some parts are the old
					// units' forms times their shares.
					if v.Value != nil {
						v.ValueBasis = worse(v.ValueBasis, pb)
					}
					if v.Previous != nil {
						v.PreviousBasis = worse(v.PreviousBasis, pb)
					}
				}
			}
		}
		for j := range pr.District {
			v := &pr.District[j]
			ind, _ := a.cfg.Indicator(v.Indicator)
			var b Basis
			for _, w := range pr.Wards {
				if wv, ok := Find(w.Values, v.Indicator); ok {
					b = worse(b, worse(wv.PreviousBasis, wv.ValueBasis))
				}
			}
			// Shares of an old unit add up to 1: the district's sum is
			// exact when every unit its old units went to is counted.
			if b == BasisEstimated && a.wholeOldUnits(pr.Period, counted) {
				b = BasisRebased
			}
			a.setBasis(ind, v, map[string]Basis{v.Indicator: b, firstOf(ind): b})
		}
	}
}

func firstOf(ind catalog.Indicator) string {
	if len(ind.Of) > 0 {
		return ind.Of[0]
	}
	return ind.ID
}

// setBasis sets v's PreviousBasis (and, for a change, ValueBasis) from the
// bases of the figures it is made of.
func (a *analyzer) setBasis(ind catalog.Indicator, v *Value, bases map[string]Basis) {
	b := bases[ind.ID]
	switch ind.Kind {
	case catalog.KindRatio:
		b = worse(bases[ind.Of[0]], bases[ind.Of[1]])
	case catalog.KindChange:
		b = bases[ind.Of[0]]
		if v.Value != nil && b != "" && b != BasisReported {
			v.ValueBasis = b
		}
	}
	switch {
	case v.Previous == nil:
		v.PreviousBasis = ""
	case b == "":
		v.PreviousBasis = BasisReported
	default:
		v.PreviousBasis = b
	}
}

// wholeOldUnits reports whether every old unit behind period's rebased
// figures has all its shares among the counted wards.
func (a *analyzer) wholeOldUnits(period string, counted map[string]bool) bool {
	total := map[string]float64{}
	for n, srcs := range a.rebased.sources[period] {
		for _, s := range srcs {
			if counted[n] {
				total[s.Unit] += s.Share
			} else {
				total[s.Unit] += 0
			}
		}
	}
	for _, t := range total {
		if math.Abs(t-1) > 1e-6 {
			return false
		}
	}
	return true
}

// rebaseBaseline gives each unit expected in the latest period, for the
// periods of the term's baseline year in which it did not exist, the
// figures of its territory: the old units' forms times their shares
// (Result.Rebased), so that the term targets of a ward made by a change are
// judged against a baseline on its boundaries.
func (a *analyzer) rebaseBaseline(res *Result) {
	latest := res.Latest()
	if a.cfg.Term == nil || latest == nil {
		return
	}
	for _, pr := range res.Periods {
		p, ok := notation.ParsePeriodID(pr.Period)
		if !ok || p.Year != a.cfg.Term.Baseline {
			continue
		}
		data := a.rebased.data[pr.Period]
		for ward, srcs := range a.cfg.SourcesOf(unitNames(a.cfg.UnitsIn(pr.Period)), pr.Period, latest.Period) {
			if !a.cfg.ValidIn(ward, latest.Period) || a.cfg.ValidIn(ward, pr.Period) {
				continue
			}
			wd := a.territory(data, srcs)
			keep := len(a.problems) // figures of no form: their faults are the old forms'
			var values []Value
			for _, ind := range a.cfg.Indicators {
				if ind.DistrictOnly() {
					continue
				}
				v := a.judge(ind, a.wardValue(ind, ward, pr.Period, wd))
				if v.Value != nil {
					v.ValueBasis = basisOf(srcs)
				}
				if v.Previous != nil {
					v.PreviousBasis = basisOf(srcs)
				}
				values = append(values, v)
			}
			a.problems = a.problems[:keep]
			if res.Rebased == nil {
				res.Rebased = map[string]map[string][]Value{}
			}
			set(res.Rebased, pr.Period, ward, values)
		}
	}
}

// territory is the figures of the old units' forms in one period (by
// unit) times their shares, added up: a new unit's territory before it
// existed. Files lists the forms behind them.
func (a *analyzer) territory(forms map[string]*wardData, srcs []catalog.Part) *wardData {
	wd := &wardData{obs: make(map[string]Observation, len(a.cfg.Indicators))}
	for _, s := range srcs {
		if old := forms[s.Unit]; old != nil {
			for _, f := range old.files {
				if !contains(wd.files, f) {
					wd.files = append(wd.files, f)
				}
			}
		}
	}
	for _, ind := range a.cfg.Indicators {
		if !ind.Submitted() {
			continue
		}
		var cur, prev []Figure
		var shares []float64
		for _, s := range srcs {
			var o Observation
			if old := forms[s.Unit]; old != nil {
				o = old.obs[ind.ID]
			}
			cur, prev, shares = append(cur, o.Current), append(prev, o.Previous), append(shares, s.Share)
		}
		wd.obs[ind.ID] = Observation{Indicator: ind.ID, Current: addShares(ind.Kind, cur, shares), Previous: addShares(ind.Kind, prev, shares)}
	}
	return wd
}

// unitNames is the names of units.
func unitNames(units []catalog.Unit) []string {
	names := make([]string, 0, len(units))
	for _, u := range units {
		names = append(names, u.Name)
	}
	return names
}
