package report

import (
	"io"
	"math"

	"chitieu/analysis"
	"chitieu/catalog"
)

// WriteJSON writes the whole result in the contract's shape, keys in
// catalog and configured ward order, indented by two spaces. Display
// options other than Lang (the language of problem messages) do not apply:
// JSON is always complete and unrounded.
func WriteJSON(w io.Writer, r *analysis.Result, o Options) error {
	return writeJSON(w, reportJSON(orEmpty(r), o))
}

// reportJSON is the document WriteJSON writes; its periods and problems
// are made one at a time as they are written.
func reportJSON(r *analysis.Result, o Options) object {
	source := ""
	if r.Config != nil {
		source = r.Config.Source
	}
	return object{
		{"config", source},
		{"periods", lazyList{len(r.Periods), func(i int) any { return periodJSON(r, &r.Periods[i]) }}},
		{"term", termJSON(r, o)},
		{"problems", lazyList{len(r.Problems), func(i int) any { return problemJSON(r.Problems[i], o) }}},
	}
}

// periodJSON is one period: who sent, the district, the wards.
func periodJSON(r *analysis.Result, p *analysis.PeriodResult) object {
	district := make(object, 0, len(p.District))
	for _, v := range p.District {
		district = append(district, kv{v.Indicator, withBasis(r, v, withSince(v, object{
			{"value", number(v.Value)},
			{"previous", number(v.Previous)},
			{"unit", v.Unit},
			{"target", targetText(v.Target)},
			{"status", string(v.Status)},
			{"gap", number(v.Gap)},
		}))})
		if v.Partial {
			district[len(district)-1].value = append(district[len(district)-1].value.(object), kv{"partial", true})
		}
	}
	wards := make(object, 0, len(p.Wards))
	for _, wr := range p.Wards {
		indicators := make(object, 0, len(wr.Values))
		for _, v := range wr.Values {
			indicators = append(indicators, kv{v.Indicator, withBasis(r, v, withSince(v, object{
				{"value", number(v.Value)},
				{"previous", number(v.Previous)},
				{"unit", v.Unit},
				{"target", targetText(v.Target)},
				{"status", string(v.Status)},
				{"source", cellText(v.Source)},
				{"previous_source", cellText(v.PreviousSource)},
			}))})
		}
		wards = append(wards, kv{wr.Name, object{
			{"files", list(wr.Files)},
			{"derived", wr.Derived},
			{"indicators", indicators},
		}})
	}
	po := object{
		{"period", p.Period},
		{"expected", p.Expected},
		{"submitted", list(p.Submitted)},
		{"missing", list(p.Missing)},
		{"complete", p.Complete},
		{"derived", p.Derived},
	}
	if p.Derived {
		po = append(po, kv{"from", list(p.From)})
	}
	return append(po, kv{"district", district}, kv{"wards", wards})
}

// withSince adds since_baseline to a value judged against an over_term
// target.
func withSince(v analysis.Value, obj object) object {
	if v.Target != nil && v.Target.TargetKind() == catalog.KindOverTerm {
		obj = append(obj, kv{"since_baseline", number(v.SinceBaseline)})
	}
	if v.HasYtd {
		obj = append(obj, kv{"ytd", number(v.Ytd)}, kv{"previous_ytd", number(v.PreviousYtd)})
	}
	if v.Plan != nil {
		obj = append(obj, kv{"plan", number(v.Plan)}, kv{"plan_share", number(v.PlanShare)}, kv{"plan_status", nullIfEmpty(string(v.PlanStatus))})
	}
	return obj
}

// WriteProblemsJSON writes {"problems": [...]} for `chitieu check`, each
// problem as in WriteJSON.
func WriteProblemsJSON(w io.Writer, problems []analysis.Problem, o Options) error {
	return writeJSON(w, object{{"problems", lazyList{len(problems), func(i int) any { return problemJSON(problems[i], o) }}}})
}

func problemJSON(p analysis.Problem, o Options) object {
	return object{
		{"severity", string(p.Severity)},
		{"file", p.File},
		{"sheet", p.Sheet},
		{"cell", p.Cell},
		{"ward", p.Ward},
		{"period", p.Period},
		{"indicator", p.Indicator},
		{"text", p.Text},
		{"message", p.Message(o.lang())},
	}
}

// object is a JSON object that keeps its keys in the order given.
type object []kv

type kv struct {
	key   string
	value any
}

// number is the value or nil (null) when it cannot be had.
func number(v *float64) any {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return nil
	}
	return *v
}

func targetText(t *catalog.Target) any {
	if t == nil {
		return nil
	}
	return t.String()
}

func cellText(c analysis.Cell) any {
	if s := c.String(); s != "" {
		return s
	}
	return nil
}

// list is a JSON array of strings, [] rather than null when empty.
func list(items []string) []string {
	if items == nil {
		return []string{}
	}
	return items
}
