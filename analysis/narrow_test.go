package analysis

import (
	"strings"
	"testing"

	"chitieu/catalog"
)

func TestNarrow(t *testing.T) {
	sub := func(ward string, cases, prev, solved float64) Submission {
		return Submission{File: ward + ".xlsx", Ward: ward, Period: "2002", Observations: []Observation{
			obs("criminal_cases", cases, prev), obs("criminal_cases_solved", solved, -1), obs("households", 100, -1)}}
	}
	r := Analyze(twoWardConfig(), []Submission{
		sub("Phường 1", 10, 20, 8), // -50 %, 80 % solved: meets both
		sub("Phường 2", 10, 11, 5), // -9 %: not met; 50 % solved: not met
		sub("Phường 3", 10, 14, 7), // -28.6 %: met; 70 % solved
	}, nil)
	if got := Narrow(r, Selection{}); got != r {
		t.Error("an empty selection copies")
	}

	n := Narrow(r, Selection{OnlyNotMet: true})
	var ids []string
	for _, ind := range n.Config.Indicators {
		ids = append(ids, ind.ID)
	}
	if strings.Join(ids, ",") != "criminal_cases_change,detection_rate" {
		t.Errorf("only-not-met indicators: %v", ids)
	}
	if w := n.Periods[0].Wards; len(w) != 1 || w[0].Name != "Phường 2" || len(w[0].Values) != 2 {
		t.Errorf("only-not-met wards: %+v", w)
	}
	if len(r.Config.Indicators) != len(catalog.Builtin().Indicators) || len(r.Periods[0].Wards) != 3 {
		t.Error("Narrow changed its input")
	}

	// Detection rate, best first: 80, 70, 50; households shown as asked.
	n = Narrow(r, Selection{Indicators: []string{"households"}, SortBy: "detection_rate", Wards: []string{"Phường 2", "Phường 1", "Phường 3"}})
	var order []string
	for _, w := range n.Periods[0].Wards {
		order = append(order, w.Name)
	}
	if strings.Join(order, ",") != "Phường 1,Phường 3,Phường 2" || len(n.Config.Indicators) != 2 || !n.Picked {
		t.Errorf("sorted %v, %d indicators", order, len(n.Config.Indicators))
	}
	// Lower is better for a "<=" target: the change, -50 first.
	n = Narrow(r, Selection{SortBy: "criminal_cases_change", Wards: []string{"Phường 3", "Phường 2"}})
	if w := n.Periods[0].Wards; len(w) != 2 || w[0].Name != "Phường 3" {
		t.Errorf("sorted by change: %+v", w)
	}
	if n := Narrow(r, Selection{Period: "2003"}); len(n.Periods) != 0 {
		t.Error("a period not read still shows")
	}
}
