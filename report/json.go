package report

import (
	"io"
	"math"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/jsonout"
)

// WriteJSON writes the whole result in the contract's shape, keys in
// catalog and configured ward order, indented by two spaces. Display
// options other than Lang (the language of problem messages) do not apply:
// JSON is always complete and unrounded.
func WriteJSON(w io.Writer, r *analysis.Result, o Options) error {
	return jsonout.Write(w, reportJSON(orEmpty(r), o))
}

// reportJSON is the document WriteJSON writes; its periods and problems
// are made one at a time as they are written.
func reportJSON(r *analysis.Result, o Options) jsonout.Object {
	source := ""
	if r.Config != nil {
		source = r.Config.Source
	}
	return jsonout.Object{
		{"config", source},
		{"periods", jsonout.Lazy{N: len(r.Periods), Item: func(i int) any { return periodJSON(r, &r.Periods[i]) }}},
		{"term", termJSON(r, o)},
		{"problems", jsonout.Lazy{N: len(r.Problems), Item: func(i int) any { return problemJSON(r.Problems[i], o) }}},
	}
}

// periodJSON is one period: who sent, the district, the wards.
func periodJSON(r *analysis.Result, p *analysis.PeriodResult) jsonout.Object {
	district := make(jsonout.Object, 0, len(p.District))
	for _, v := range p.District {
		obj := withBasis(r, v, withSince(v, jsonout.Object{
			{"value", number(v.Value)},
			{"previous", number(v.Previous)},
			{"unit", v.Unit},
			{"target", targetText(v.Target)},
			{"status", string(v.Status)},
			{"gap", number(v.Gap)},
		}))
		if v.Partial {
			obj = append(obj, jsonout.Field{"partial", true})
		}
		district = append(district, jsonout.Field{v.Indicator, obj})
	}
	wards := make(jsonout.Object, 0, len(p.Wards))
	for _, wr := range p.Wards {
		indicators := make(jsonout.Object, 0, len(wr.Values))
		for _, v := range wr.Values {
			indicators = append(indicators, jsonout.Field{v.Indicator, withBasis(r, v, withSince(v, jsonout.Object{
				{"value", number(v.Value)},
				{"previous", number(v.Previous)},
				{"unit", v.Unit},
				{"target", targetText(v.Target)},
				{"status", string(v.Status)},
				{"source", cellText(v.Source)},
				{"previous_source", cellText(v.PreviousSource)},
			}))})
		}
		wards = append(wards, jsonout.Field{wr.Name, jsonout.Object{
			{"files", list(wr.Files)},
			{"derived", wr.Derived},
			{"indicators", indicators},
		}})
	}
	po := jsonout.Object{
		{"period", p.Period},
		{"expected", p.Expected},
		{"submitted", list(p.Submitted)},
		{"missing", list(p.Missing)},
		{"complete", p.Complete},
		{"derived", p.Derived},
	}
	if p.Derived {
		po = append(po, jsonout.Field{"from", list(p.From)})
	}
	return append(po, jsonout.Field{"district", district}, jsonout.Field{"wards", wards})
}

// withSince adds since_baseline to a value judged against an over_term
// target.
func withSince(v analysis.Value, obj jsonout.Object) jsonout.Object {
	if v.Target != nil && v.Target.TargetKind() == catalog.KindOverTerm {
		obj = append(obj, jsonout.Field{"since_baseline", number(v.SinceBaseline)})
	}
	if v.HasYtd {
		obj = append(obj, jsonout.Field{"ytd", number(v.Ytd)}, jsonout.Field{"previous_ytd", number(v.PreviousYtd)})
	}
	if v.Plan != nil {
		obj = append(obj, jsonout.Field{"plan", number(v.Plan)}, jsonout.Field{"plan_share", number(v.PlanShare)}, jsonout.Field{"plan_status", nullIfEmpty(string(v.PlanStatus))})
	}
	return obj
}

// WriteProblemsJSON writes {"problems": [...]} for `chitieu check`, each
// problem as in WriteJSON.
func WriteProblemsJSON(w io.Writer, problems []analysis.Problem, o Options) error {
	return jsonout.Write(w, jsonout.Object{{"problems", jsonout.Lazy{N: len(problems), Item: func(i int) any { return problemJSON(problems[i], o) }}}})
}

func problemJSON(p analysis.Problem, o Options) jsonout.Object {
	return jsonout.Object{
		{"severity", string(p.Severity)},
		{"file", p.File},
		{"sheet", p.Sheet},
		{"cell", p.Ref},
		{"ward", p.Ward},
		{"period", p.Period},
		{"indicator", p.Indicator},
		{"text", p.Text},
		{"message", p.Message(o.lang())},
	}
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
