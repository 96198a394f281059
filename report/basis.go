package report

import (
	"strings"

	"chitieu/analysis"
	"chitieu/jsonout"
)

// Units that change (mergers): how the report shows a figure compared
// across a boundary change (analysis/rebase.go).

// estimatedMark goes before a figure computed with boundary-change shares
// below 1 (a split ward's growth against last year).
const estimatedMark = "~"

// withBasis adds previous_basis (and value_basis, for a value built across
// a boundary change) where the configuration dates its units.
func withBasis(r *analysis.Result, v analysis.Value, obj jsonout.Object) jsonout.Object {
	if r.Config == nil || !r.Config.Dated() {
		return obj
	}
	var basis any
	if v.PreviousBasis != "" {
		basis = string(v.PreviousBasis)
	}
	obj = append(obj, jsonout.Field{"previous_basis", basis})
	if v.ValueBasis != "" {
		obj = append(obj, jsonout.Field{"value_basis", string(v.ValueBasis)})
	}
	return obj
}

// estimatedLegend explains the estimated mark when some figure carries it.
func estimatedLegend(r *analysis.Result, o Options) string {
	for _, p := range r.Periods {
		for _, vs := range append([][]analysis.Value{p.District}, wardValues(p)...) {
			for _, v := range vs {
				if v.ValueBasis == analysis.BasisEstimated && v.Value != nil {
					return "; " + o.t("estimatedLegend")
				}
			}
		}
	}
	return ""
}

func wardValues(p analysis.PeriodResult) [][]analysis.Value {
	out := make([][]analysis.Value, 0, len(p.Wards))
	for _, w := range p.Wards {
		out = append(out, w.Values)
	}
	return out
}

// cellRest is what c.String() says after its first cell: " ×0.55 + ..."
// for a sum, "" for one cell.
func cellRest(c analysis.Cell) string {
	return strings.TrimPrefix(c.String(), c.File+"!"+c.Sheet+"!"+c.Ref)
}
