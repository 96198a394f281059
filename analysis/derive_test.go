package analysis

import (
	"fmt"
	"testing"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// monthly is a ward's form for month m of 2003: revenue 100·m (last year
// 90·m), households 1000+m (a stock), criminal cases m and solved m-1 (last
// year m+1 and m-1), and, when plan > 0, the revenue plan in the form's plan
// column.
func monthly(ward string, m int, plan float64) Submission {
	cell := func(col string) Cell { return Cell{File: fmt.Sprintf("%s-%02d.xlsx", ward, m), Sheet: "S", Ref: col} }
	fig := func(v float64, col string) Figure { return Figure{Value: v, Known: true, Source: cell(col)} }
	rev := Observation{Indicator: "trade_services_revenue", Current: fig(float64(100*m), "D1"), Previous: fig(float64(90*m), "E1")}
	if plan > 0 {
		rev.Plan = fig(plan, "F1")
	}
	return Submission{File: fmt.Sprintf("%s-%02d.xlsx", ward, m), Ward: ward, Period: fmt.Sprintf("2003-%02d", m),
		Observations: []Observation{
			rev,
			{Indicator: "households", Current: fig(float64(1000+m), "D2"), Previous: fig(float64(990+m), "E2")},
			{Indicator: "criminal_cases", Current: fig(float64(m), "D3"), Previous: fig(float64(m+1), "E3")},
			{Indicator: "criminal_cases_solved", Current: fig(float64(m-1), "D4"), Previous: fig(float64(m-1), "E4")},
		}}
}

func periodOf(t *testing.T, res *Result, id string) *PeriodResult {
	t.Helper()
	for i := range res.Periods {
		if res.Periods[i].Period == id {
			return &res.Periods[i]
		}
	}
	t.Fatalf("no period %s", id)
	return nil
}

// sumTo is 1 + 2 + … + n.
func sumTo(first, last int) float64 { return float64((first + last) * (last - first + 1) / 2) }

func TestDerivedPeriods(t *testing.T) {
	cfg := withoutTerm(catalog.Builtin())
	cfg.Units = []catalog.Unit{{Name: "Phường 1"}, {Name: "Phường 2"}}
	var subs []Submission
	for m := 1; m <= 12; m++ {
		subs = append(subs, monthly("Phường 1", m, 0))
		if m != 8 { // Phường 2 did not send August
			subs = append(subs, monthly("Phường 2", m, 0))
		}
	}
	res := Analyze(cfg, subs, nil)

	for _, tt := range []struct {
		period      string
		first, last int
	}{{"2003-Q1", 1, 3}, {"2003-Q2", 4, 6}, {"2003-Q3", 7, 9}, {"2003-Q4", 10, 12}, {"2003-H1", 1, 6}, {"2003-H2", 7, 12}, {"2003-9M", 1, 9}, {"2003", 1, 12}} {
		p := periodOf(t, res, tt.period)
		if !p.Derived || len(p.From) != tt.last-tt.first+1 || p.From[0] != fmt.Sprintf("2003-%02d", tt.first) {
			t.Errorf("%s: derived %v from %v", tt.period, p.Derived, p.From)
		}
		w1 := p.Wards[0]
		if !w1.Derived {
			t.Errorf("%s: Phường 1 not marked derived", tt.period)
		}
		// Flows add up, stocks take the last month, rates come from the sums.
		rev := value(t, w1.Values, "trade_services_revenue")
		hh := value(t, w1.Values, "households")
		cases, solved := sumTo(tt.first, tt.last), sumTo(tt.first, tt.last)-float64(tt.last-tt.first+1)
		if !near(rev.Value, 100*sumTo(tt.first, tt.last)) || !near(rev.Previous, 90*sumTo(tt.first, tt.last)) ||
			!near(hh.Value, float64(1000+tt.last)) || !near(hh.Previous, float64(990+tt.last)) ||
			!near(value(t, w1.Values, "detection_rate").Value, solved/cases*100) ||
			!near(value(t, w1.Values, "trade_services_growth").Value, (100.0/90-1)*100) {
			t.Errorf("%s: revenue %v (last year %v), households %v (%v), detection %v", tt.period, show(rev.Value), show(rev.Previous),
				show(hh.Value), show(hh.Previous), show(value(t, w1.Values, "detection_rate").Value))
		}
		// Phường 2 lacks August: spans over it are missing for it, and the
		// district covers Phường 1 alone, provisionally.
		overAugust := tt.first <= 8 && tt.last >= 8
		if overAugust != (len(p.Missing) == 1) || overAugust == p.Complete {
			t.Errorf("%s: missing %v, complete %v", tt.period, p.Missing, p.Complete)
		}
		if d := value(t, p.District, "trade_services_revenue"); overAugust && !near(d.Value, *rev.Value) ||
			!overAugust && !near(d.Value, 2**rev.Value) {
			t.Errorf("%s: district revenue %v", tt.period, show(d.Value))
		}
	}

	// Year to date of May and of the second quarter, and last year's.
	may := periodOf(t, res, "2003-05")
	rev := value(t, may.Wards[0].Values, "trade_services_revenue")
	if !rev.HasYtd || !near(rev.Ytd, 100*sumTo(1, 5)) || !near(rev.PreviousYtd, 90*sumTo(1, 5)) {
		t.Errorf("May year to date %v, last year %v", show(rev.Ytd), show(rev.PreviousYtd))
	}
	if d := value(t, may.District, "trade_services_revenue"); !near(d.Ytd, 2*100*sumTo(1, 5)) {
		t.Errorf("district May year to date %v", show(d.Ytd))
	}
	if g := value(t, may.District, "trade_services_growth"); !near(g.Ytd, (100.0/90-1)*100) {
		t.Errorf("growth year to date %v", show(g.Ytd))
	}
	// September: Phường 2's year to date lacks August, so the district's
	// covers Phường 1 only.
	sep := periodOf(t, res, "2003-09")
	if d := value(t, sep.District, "trade_services_revenue"); !near(d.Ytd, 100*sumTo(1, 9)) || value(t, sep.Wards[1].Values, "trade_services_revenue").Ytd != nil {
		t.Errorf("September year to date %v", show(d.Ytd))
	}
	// Its stocks' year to date is their September figure all the same; the
	// period says whose year to date is short, and one warning names August.
	if hh := value(t, sep.Wards[1].Values, "households"); !near(hh.Ytd, 1009) {
		t.Errorf("Phường 2's households to September %v, want its September figure", show(hh.Ytd))
	}
	if d := value(t, sep.District, "households"); !near(d.Ytd, 2*1009) {
		t.Errorf("district households to September %v", show(d.Ytd))
	}
	if len(sep.YtdMissing) != 1 || sep.YtdMissing[0] != "Phường 2" || len(may.YtdMissing) != 0 {
		t.Errorf("year to date lacking %v in September, %v in May", sep.YtdMissing, may.YtdMissing)
	}
	var gaps []string
	for _, p := range res.Problems {
		if p.Code == msg.YearToDateGap {
			gaps = append(gaps, p.Ward+" "+p.Period)
		}
	}
	if len(gaps) != 1 || gaps[0] != "Phường 2 2003-08" {
		t.Errorf("year-to-date warnings %v, want one for Phường 2's August", gaps)
	}
	q2 := periodOf(t, res, "2003-Q2")
	if v := value(t, q2.Wards[0].Values, "trade_services_revenue"); !near(v.Ytd, 100*sumTo(1, 6)) {
		t.Errorf("Q2 year to date %v", show(v.Ytd))
	}
	for _, p := range res.Problems {
		if p.Code == msg.DerivedDiffers {
			t.Errorf("problem: %s", p.Format("en"))
		}
	}
}

func TestSubmittedFormWinsOverItsMonths(t *testing.T) {
	cfg := withoutTerm(catalog.Builtin())
	cfg.Units = []catalog.Unit{{Name: "Phường 1"}}
	var subs []Submission
	for m := 1; m <= 6; m++ {
		subs = append(subs, monthly("Phường 1", m, 0))
	}
	half := Submission{File: "h1.xlsx", Ward: "Phường 1", Period: "2003-H1", Observations: []Observation{
		{Indicator: "trade_services_revenue", Current: Figure{Value: 2200, Known: true, Source: Cell{File: "h1.xlsx", Sheet: "S", Ref: "D5"}}},
		{Indicator: "households", Current: Figure{Value: 1006, Known: true, Source: Cell{File: "h1.xlsx", Sheet: "S", Ref: "D6"}}},
	}}
	res := Analyze(cfg, append(subs, half), nil)
	h1 := periodOf(t, res, "2003-H1")
	if v := value(t, h1.Wards[0].Values, "trade_services_revenue"); !near(v.Value, 2200) || h1.Wards[0].Derived {
		t.Errorf("H1 revenue %v, derived %v: the form's figure must stay", show(v.Value), h1.Wards[0].Derived)
	}
	var got []string
	for _, p := range res.Problems {
		if p.Code == msg.DerivedDiffers {
			got = append(got, p.Format("en"))
		}
	}
	want := `h1.xlsx:S!D5: "2200": differs from what the shorter periods add up to (2100, from 2003-01 … 2003-06); this form's figure is used, please check`
	if len(got) != 1 || got[0] != want { // households agree: 1006 is June's
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestPlans(t *testing.T) {
	cfg := withoutTerm(catalog.Builtin())
	cfg.Units = []catalog.Unit{{Name: "Phường 1"}, {Name: "Phường 2"}}
	cfg.Plans = []catalog.Plan{
		{Year: 2003, Unit: "Phường 2", Indicator: "trade_services_revenue", Value: 12000, Op: ">="},
		{Year: 2003, Unit: "Quận 11", Indicator: "criminal_cases", Value: 100, Op: "<="},
	}
	var subs []Submission
	for m := 1; m <= 5; m++ {
		subs = append(subs, monthly("Phường 1", m, 6000)) // the form's plan
		subs = append(subs, monthly("Phường 2", m, 9000)) // overruled by the configuration
	}
	res := Analyze(cfg, subs, nil)
	may := periodOf(t, res, "2003-05")
	ytd := 100 * sumTo(1, 5) // 1500 by the end of May: 5/12 of the year is 41.7 %
	for _, tt := range []struct {
		name   string
		v      Value
		plan   float64
		share  float64
		status PlanStatus
	}{
		{"ward plan from its form", value(t, may.Wards[0].Values, "trade_services_revenue"), 6000, ytd / 6000 * 100, PlanBehind},
		{"ward plan from the configuration", value(t, may.Wards[1].Values, "trade_services_revenue"), 12000, ytd / 12000 * 100, PlanBehind},
		{"district plan: the wards' summed", value(t, may.District, "trade_services_revenue"), 18000, 2 * ytd / 18000 * 100, PlanBehind},
		{"a ceiling within the elapsed share", value(t, may.District, "criminal_cases"), 100, 2 * sumTo(1, 5) / 100 * 100, PlanOnPace},
	} {
		if !near(tt.v.Plan, tt.plan) || !near(tt.v.PlanShare, tt.share) || tt.v.PlanStatus != tt.status {
			t.Errorf("%s: plan %v, share %v, %s; want %v, %v, %s", tt.name, show(tt.v.Plan), show(tt.v.PlanShare), tt.v.PlanStatus, tt.plan, tt.share, tt.status)
		}
	}
	var codes []msg.Code
	for _, p := range res.Problems {
		if p.Code == msg.PlanDiffers || p.Code == msg.PlanZero || p.Code == msg.PlanIsValue {
			codes = append(codes, p.Code)
		}
	}
	if len(codes) != 1 || codes[0] != msg.PlanDiffers {
		t.Errorf("plan problems %v, want one plan_differs", codes)
	}

	// Statuses by the contract's rules, on a flow and a stock.
	for _, tt := range []struct {
		name   string
		period string
		op     string
		flow   bool
		value  float64
		status PlanStatus
	}{
		{"flow past the plan", "2003-05", ">=", true, 120, PlanMet},
		{"flow at the elapsed share", "2003-05", ">=", true, 100.0 * 5 / 12, PlanOnPace},
		{"flow behind", "2003-05", ">=", true, 30, PlanBehind},
		{"ceiling passed", "2003-05", "<=", true, 101, PlanNotMet},
		{"ceiling over the elapsed share", "2003-05", "<=", true, 60, PlanBehind},
		{"ceiling kept for the year", "2003", "<=", true, 99, PlanMet},
		{"stock at its plan", "2003-05", ">=", false, 100, PlanMet},
		{"stock short of its plan", "2003-05", ">=", false, 99, PlanNotMet},
	} {
		id := "trade_services_revenue"
		if !tt.flow {
			id = "households"
		}
		p, _ := notation.ParsePeriodID(tt.period)
		v := Value{Indicator: id, Value: &tt.value}
		if p.Kind == notation.Month {
			v.HasYtd, v.Ytd = true, &tt.value
		}
		judgePlan(cfg, p, &v, 100, tt.op)
		if v.PlanStatus != tt.status {
			t.Errorf("%s: %s, want %s", tt.name, v.PlanStatus, tt.status)
		}
	}
}

func TestPlanColumnFilledWithTheFigures(t *testing.T) {
	cfg := withoutTerm(catalog.Builtin())
	cfg.Units = []catalog.Unit{{Name: "Phường 1"}}
	fig := func(v float64, ref string) Figure {
		return Figure{Value: v, Known: true, Source: Cell{File: "p.xlsx", Sheet: "S", Ref: ref}}
	}
	sub := Submission{File: "p.xlsx", Ward: "Phường 1", Period: "2003", Observations: []Observation{
		{Indicator: "households", Current: fig(1000, "D1"), Plan: fig(1000, "F1")},
		{Indicator: "criminal_cases", Current: fig(12, "D2"), Plan: fig(12, "F2")},
		{Indicator: "drug_cases", Current: fig(3, "D3"), Plan: fig(0, "F3")},
	}}
	res := Analyze(cfg, []Submission{sub}, nil)
	var got []string
	for _, p := range res.Problems {
		got = append(got, string(p.Code)+" "+p.Ref)
	}
	if len(got) != 2 || got[0] != "plan_zero F3" && got[1] != "plan_zero F3" {
		t.Errorf("problems %v, want plan_is_value and plan_zero F3", got)
	}
}
