package analysis

import (
	"math"
	"strconv"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// PlanStatus is how a value stands against its plan.
type PlanStatus string

const (
	PlanMet    PlanStatus = "met"
	PlanOnPace PlanStatus = "on_pace" // on the way: at or past (within) the elapsed share of the year
	PlanBehind PlanStatus = "behind"
	PlanNotMet PlanStatus = "not_met"
)

// plans finds the plan of a unit for an indicator in a year: the
// configuration's, else the one its forms give.
type plans struct {
	cfg    *catalog.Config
	config map[string]catalog.Plan // year|unit|indicator
	forms  map[string]Figure       // year|ward|indicator: the first plan a ward's form gave
	ops    map[string]string       // year|indicator: the comparison any configured plan gives
	warned map[string]bool         // year|ward|indicator
	zero   map[string]bool         // cells of zero plans already reported
}

func planKey(year int, unit, id string) string { return strconv.Itoa(year) + "|" + unit + "|" + id }

// applyPlans gives every value whose indicator has a plan that year its
// plan, its share of the plan and its status against it.
func (a *analyzer) applyPlans(res *Result, data map[string]map[string]*wardData) {
	pl := &plans{cfg: a.cfg, config: map[string]catalog.Plan{}, forms: map[string]Figure{}, ops: map[string]string{},
		warned: map[string]bool{}, zero: map[string]bool{}}
	for _, p := range a.cfg.Plans {
		pl.config[planKey(p.Year, p.Unit, p.Indicator)] = p
		pl.ops[strconv.Itoa(p.Year)+"|"+p.Indicator] = p.Op
	}
	a.collectFormPlans(pl, data)
	if len(pl.config) == 0 && len(pl.forms) == 0 {
		return
	}
	for i := range res.Periods {
		pr := &res.Periods[i]
		p, ok := notation.ParsePeriodID(pr.Period)
		if !ok {
			continue
		}
		for _, w := range pr.Wards {
			for j := range w.Values {
				v := &w.Values[j]
				if plan, op, ok := pl.ward(a, p.Year, w.Name, v.Indicator); ok {
					judgePlan(a.cfg, p, v, plan, op)
				}
			}
		}
		for j := range pr.District {
			v := &pr.District[j]
			if plan, op, ok := pl.district(p.Year, v.Indicator); ok {
				judgePlan(a.cfg, p, v, plan, op)
				if ind, _ := a.cfg.Indicator(v.Indicator); ind.Accumulate == catalog.AccumulateSum && len(pr.YtdMissing) > 0 {
					// The year to date leaves wards out: against the whole
					// district's plan it would read as behind.
					v.PlanShare, v.PlanStatus = nil, ""
				}
			}
		}
	}
}

// collectFormPlans gathers the plans the forms give, reporting a zero plan
// and a plan column that only repeats the period's figures.
func (a *analyzer) collectFormPlans(pl *plans, data map[string]map[string]*wardData) {
	for _, period := range sortedPeriods(data) {
		p, ok := notation.ParsePeriodID(period)
		if !ok {
			continue
		}
		for _, u := range a.cfg.Units {
			ward := u.Name
			wd, ok := data[period][ward]
			if !ok || wd.derived {
				continue
			}
			n, same := 0, 0
			var first Figure
			for _, ind := range a.cfg.Indicators {
				o, ok := wd.obs[ind.ID]
				if !ok || !o.Plan.Known {
					continue
				}
				if o.Plan.Value <= 0 {
					if c := o.Plan.Source.String(); !pl.zero[c] {
						pl.zero[c] = true
						a.warn(cellProblem(o.Plan, ward, period, ind.ID, msg.PlanZero))
					}
					continue
				}
				if n == 0 {
					first = o.Plan
				}
				n++
				if o.Current.Known && o.Current.Value == o.Plan.Value {
					same++
				}
				key := planKey(p.Year, ward, ind.ID)
				if _, seen := pl.forms[key]; !seen {
					pl.forms[key] = o.Plan
				}
			}
			if n >= 2 && same == n {
				a.warn(Problem{Cell: first.Source, Ward: ward, Period: period, Code: msg.PlanIsValue})
			}
		}
	}
}

func cellProblem(f Figure, ward, period, id string, code msg.Code, args ...any) Problem {
	return Problem{Cell: f.Source, Ward: ward, Period: period,
		Indicator: id, Text: plain(f.Value), Code: code, Args: args}
}

// op is the comparison of a plan given by a form: the configuration's for
// that indicator and year, else the indicator's target's, else ">=".
func (pl *plans) op(year int, id string) string {
	if op, ok := pl.ops[strconv.Itoa(year)+"|"+id]; ok {
		return op
	}
	if t, ok := pl.cfg.Target(id); ok {
		return t.Op
	}
	return ">="
}

// ward is a ward's plan: the configuration's (a form that says otherwise
// gets a warning, once), else its form's.
func (pl *plans) ward(a *analyzer, year int, ward, id string) (float64, string, bool) {
	key := planKey(year, ward, id)
	form, fromForm := pl.forms[key]
	if c, ok := pl.config[key]; ok {
		if fromForm && math.Abs(form.Value-c.Value) > 1e-9 && !pl.warned[key] {
			pl.warned[key] = true
			a.warn(cellProblem(form, ward, strconv.Itoa(year), id, msg.PlanDiffers, notation.Reading(c.Value)))
		}
		return c.Value, c.Op, true
	}
	if fromForm {
		return form.Value, pl.op(year, id), true
	}
	return 0, "", false
}

// district is the district's plan: its own row in the configuration, else
// the sum of every unit's plan for a count (none when a unit has none).
func (pl *plans) district(year int, id string) (float64, string, bool) {
	for _, p := range pl.cfg.Plans {
		if p.Year == year && p.Indicator == id && notation.Fold(p.Unit) == notation.Fold(pl.cfg.District) {
			return p.Value, p.Op, true
		}
	}
	ind, ok := pl.cfg.Indicator(id)
	if !ok || ind.Kind != catalog.KindCount {
		return 0, "", false
	}
	total := 0.0
	for _, u := range pl.cfg.Units {
		key := planKey(year, u.Name, id)
		if c, ok := pl.config[key]; ok {
			total += c.Value
		} else if f, ok := pl.forms[key]; ok {
			total += f.Value
		} else {
			return 0, "", false
		}
	}
	return total, pl.op(year, id), true
}

// judgePlan sets v's plan, share and status (contract: "Plans"). A flow is
// measured by its year-to-date figure (a period from January is its own),
// against the share of the year elapsed; a stock or a rate by its value.
func judgePlan(cfg *catalog.Config, p notation.Period, v *Value, plan float64, op string) {
	v.Plan, v.PlanOp = &plan, op
	ind, _ := cfg.Indicator(v.Indicator)
	flow := ind.Accumulate == catalog.AccumulateSum
	var figure *float64
	switch {
	case !flow:
		figure = v.Value
	case v.HasYtd:
		figure = v.Ytd
	case p.EndMonth()-p.Months() == 0:
		figure = v.Value
	}
	if figure == nil {
		return
	}
	share := *figure / plan * 100
	v.PlanShare = &share
	elapsed := float64(p.EndMonth()) / 12 * 100
	t := catalog.Target{Op: op, Value: 100}
	switch {
	case !flow:
		v.PlanStatus = map[bool]PlanStatus{true: PlanMet, false: PlanNotMet}[t.Met(share)]
	case op == "<=" && share > 100:
		v.PlanStatus = PlanNotMet
	case op == "<=" && p.Kind == notation.Year:
		v.PlanStatus = PlanMet
	case op != "<=" && share >= 100:
		v.PlanStatus = PlanMet
	case t.AtLeastAsGood(share, elapsed):
		v.PlanStatus = PlanOnPace
	default:
		v.PlanStatus = PlanBehind
	}
}
