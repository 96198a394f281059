package analysis

import (
	"sort"

	"chitieu/catalog"
)

// Selection narrows a Result for the meeting: the table, markdown and CSV
// outputs show it; JSON always shows everything.
type Selection struct {
	Indicators []string // ids to show; empty for all
	Wards      []string // canonical ward names to show; empty for all
	OnlyNotMet bool     // only indicators and wards that miss a target
	SortBy     string   // an indicator id: wards ranked by it, best first
	Period     string   // one period id; empty for all
}

// IsZero reports whether s selects everything.
func (s Selection) IsZero() bool {
	return len(s.Indicators) == 0 && len(s.Wards) == 0 && !s.OnlyNotMet && s.SortBy == "" && s.Period == ""
}

// Narrow returns a copy of r holding only what s selects. Its Config lists
// only the selected indicators; Picked is set when indicators were chosen,
// so that reports show each of them rather than their default columns.
func Narrow(r *Result, s Selection) *Result {
	if s.IsZero() {
		return r
	}
	out := &Result{Problems: r.Problems, Picked: len(s.Indicators) > 0}
	keepPeriod := func(p string) bool { return s.Period == "" || p == s.Period }
	keepWard := func(w string) bool { return len(s.Wards) == 0 || contains(s.Wards, w) }
	keepID := map[string]bool{}
	for _, ind := range r.Config.Indicators {
		keepID[ind.ID] = len(s.Indicators) == 0 || contains(s.Indicators, ind.ID) || ind.ID == s.SortBy
	}
	notMet := func(vs []Value, id string) bool {
		v, _ := Find(vs, id)
		return v.Status.Missed()
	}
	if s.OnlyNotMet {
		for id, keep := range keepID {
			missed := false
			for _, p := range r.Periods {
				if !keepPeriod(p.Period) {
					continue
				}
				missed = missed || notMet(p.District, id)
				for _, w := range p.Wards {
					missed = missed || keepWard(w.Name) && notMet(w.Values, id)
				}
			}
			keepID[id] = keep && missed
		}
	}
	cfg := *r.Config
	cfg.Indicators = nil
	for _, ind := range r.Config.Indicators {
		if keepID[ind.ID] {
			cfg.Indicators = append(cfg.Indicators, ind)
		}
	}
	out.Config = &cfg
	out.Term = narrowTerm(r, s, keepID)
	values := func(vs []Value) []Value {
		var kept []Value
		for _, v := range vs {
			if keepID[v.Indicator] {
				kept = append(kept, v)
			}
		}
		return kept
	}
	for _, p := range r.Periods {
		if !keepPeriod(p.Period) {
			continue
		}
		np := p
		np.District = values(p.District)
		np.Wards = nil
		wards := append([]WardResult(nil), p.Wards...)
		if s.SortBy != "" {
			rankWards(wards, s.SortBy, r.Config)
		}
		for _, w := range wards {
			nw := w
			nw.Values = values(w.Values)
			missed := false
			for _, v := range nw.Values {
				missed = missed || v.Status.Missed()
			}
			if keepWard(w.Name) && (!s.OnlyNotMet || missed) {
				np.Wards = append(np.Wards, nw)
			}
		}
		out.Periods = append(out.Periods, np)
	}
	return out
}

// rankWards orders wards by indicator id, best first: lowest first when its
// target is "<=", highest first otherwise; wards without a value last.
func rankWards(wards []WardResult, id string, cfg *catalog.Config) {
	t, _ := cfg.Target(id)
	sort.SliceStable(wards, func(i, j int) bool {
		a, _ := Find(wards[i].Values, id)
		b, _ := Find(wards[j].Values, id)
		switch {
		case a.Value == nil || b.Value == nil:
			return a.Value != nil && b.Value == nil
		case t.Op == "<=":
			return *a.Value < *b.Value
		}
		return *a.Value > *b.Value
	})
}

// narrowTerm is the term review shown with a selection: the one ward's when
// exactly one is selected, else the district's, with the selected
// indicators' targets.
func narrowTerm(r *Result, s Selection, keepID map[string]bool) *TermResult {
	tr := r.Term
	if len(s.Wards) == 1 {
		tr = TermReview(r, s.Wards[0])
	}
	if tr == nil {
		return nil
	}
	out := *tr
	out.Targets, out.Cumulative = nil, nil
	for _, t := range tr.Targets {
		// Picked indicators narrow the targets; --only-not-met keeps those
		// at risk or not met, whatever their periods' statuses.
		picked := len(s.Indicators) == 0 || contains(s.Indicators, t.Target.Indicator) || t.Target.Indicator == s.SortBy
		missed := t.Verdict == VerdictAtRisk || t.Verdict == VerdictNotMet
		if picked && (!s.OnlyNotMet || missed) {
			out.Targets = append(out.Targets, t)
		}
	}
	for _, c := range tr.Cumulative {
		if keepID[c.Indicator] && !s.OnlyNotMet {
			out.Cumulative = append(out.Cumulative, c)
		}
	}
	return &out
}
