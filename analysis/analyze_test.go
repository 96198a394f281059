package analysis

import (
	"math"
	"strings"
	"testing"

	"chitieu/catalog"
	"chitieu/msg"
)

// obs builds an observation with a current and, if prev >= 0, a previous value.
func obs(id string, cur, prev float64) Observation {
	o := Observation{Indicator: id, Current: Figure{Value: cur, Known: true, Source: Cell{File: "f.xlsx", Sheet: "S", Ref: "D1"}}}
	if prev >= 0 {
		o.Previous = Figure{Value: prev, Known: true, Source: Cell{File: "f.xlsx", Sheet: "S", Ref: "E1"}}
	}
	return o
}

// withoutTerm is the built-in configuration with every target judged each
// period and no term, for tests of what the term does not change (a term
// review of their few figures would ask for the baseline year's forms).
func withoutTerm(c *catalog.Config) *catalog.Config {
	c.Term = nil
	var targets []catalog.Target
	for _, t := range c.Targets {
		if t.TargetKind() != catalog.KindOverTerm {
			t.Kind, t.Deadline = catalog.KindEachPeriod, 0
			targets = append(targets, t)
		}
	}
	c.Targets = targets
	return c
}

func twoWardConfig() *catalog.Config {
	c := withoutTerm(catalog.Builtin())
	c.Units = []catalog.Unit{{Name: "Phường 1"}, {Name: "Phường 2"}, {Name: "Phường 3"}}
	return c
}

func value(t *testing.T, vs []Value, id string) Value {
	t.Helper()
	v, ok := Find(vs, id)
	if !ok {
		t.Fatalf("no value for %s", id)
	}
	return v
}

func near(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 1e-9 }

func TestAnalyzeDistrictFromCounts(t *testing.T) {
	subs := []Submission{
		{File: "a.xlsx", Ward: "Phường 1", Period: "2002", Observations: []Observation{
			obs("households", 1000, -1), obs("poor_households", 10, -1),
			obs("criminal_cases", 40, 50), obs("criminal_cases_solved", 20, -1),
			obs("trade_services_revenue", 110, 100), obs("detailed_plan_done", 1, -1),
		}},
		{File: "b.xlsx", Ward: "Phường 2", Period: "2002", Observations: []Observation{
			obs("households", 3000, -1), obs("poor_households", 30, -1),
			obs("criminal_cases", 20, 30), obs("criminal_cases_solved", 16, -1),
			obs("trade_services_revenue", 340, 300), obs("detailed_plan_done", 0, -1),
		}},
	}
	res := Analyze(twoWardConfig(), subs, nil)
	if len(res.Periods) != 1 {
		t.Fatalf("periods = %d", len(res.Periods))
	}
	p := res.Periods[0]
	if p.Complete || len(p.Missing) != 1 || p.Missing[0] != "Phường 3" || len(p.Submitted) != 2 {
		t.Errorf("completeness: submitted %v missing %v complete %v", p.Submitted, p.Missing, p.Complete)
	}
	d := p.District
	// (40+20)/(50+30) - 1 = -25%, not the mean of -20% and -33.3%.
	if v := value(t, d, "criminal_cases_change"); !near(v.Value, -25) || v.Status != StatusMet || !near(v.Gap, 5) {
		t.Errorf("criminal_cases_change = %+v", v)
	}
	// 36 solved of 60 cases.
	if v := value(t, d, "detection_rate"); !near(v.Value, 60) || v.Status != StatusMet || !near(v.Gap, 5) {
		t.Errorf("detection_rate = %+v", v)
	}
	// 450 / 400 - 1.
	if v := value(t, d, "trade_services_growth"); !near(v.Value, 12.5) || v.Status != StatusMet {
		t.Errorf("trade_services_growth = %+v", v)
	}
	if v := value(t, d, "households"); !near(v.Value, 4000) || v.Status != StatusNoTarget || v.Target != nil {
		t.Errorf("households = %+v", v)
	}
	if v := value(t, d, "poor_household_rate"); !near(v.Value, 1) || v.Target.String() != "<= 4 (3)" {
		t.Errorf("poor_household_rate = %+v", v)
	}
	if v := value(t, d, "detailed_planning_wards"); !near(v.Value, 1) {
		t.Errorf("detailed_planning_wards = %+v", v)
	}
	if v := value(t, d, "drug_cases"); v.Value != nil || v.Status != StatusNoData {
		t.Errorf("drug_cases = %+v", v)
	}
	// Ward 2's detection rate is 80, ward 1's 50: not met.
	w1 := p.Wards[0]
	if v := value(t, w1.Values, "detection_rate"); !near(v.Value, 50) || v.Status != StatusNotMet || !near(v.Gap, -5) {
		t.Errorf("ward 1 detection_rate = %+v", v)
	}
	if v := value(t, w1.Values, "households"); v.Source.String() != "f.xlsx!S!D1" {
		t.Errorf("ward 1 households source = %q", v.Source.String())
	}
	if _, ok := Find(w1.Values, "detailed_planning_wards"); ok {
		t.Error("a district-only indicator appears for a ward")
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems: %+v", res.Problems)
	}
}

func TestAnalyzeProblems(t *testing.T) {
	subs := []Submission{
		{File: "a.xlsx", Ward: "Phường 1", Period: "2003-H1", Observations: []Observation{
			obs("households", 1000, -1), obs("poor_households", 10, -1),
			obs("poor_household_rate", 2, -1), // disagrees with 10/1000 = 1%
			obs("criminal_cases", 0, -1), obs("criminal_cases_solved", 0, -1),
			obs("detailed_plan_done", 1, -1),
		}},
		{File: "b.xlsx", Ward: "Phường 2", Period: "2003-H1", Observations: []Observation{
			obs("poor_household_rate", 3, -1), // a rate without counts
		}},
		{File: "c.xlsx", Ward: "Phường 2", Period: "2003-H1", Observations: []Observation{
			obs("poor_household_rate", 3.5, -1), // sent again
		}},
	}
	res := Analyze(twoWardConfig(), subs, nil)
	codes := map[msg.Code]int{}
	for _, p := range res.Problems {
		codes[p.Code]++
		if p.Severity != SeverityWarning {
			t.Errorf("severity of %s = %s", p.Code, p.Severity)
		}
	}
	for _, want := range []msg.Code{msg.RateMismatch, msg.RateOnly, msg.Duplicate, msg.PartialSum} {
		if codes[want] == 0 {
			t.Errorf("no %s problem among %v", want, codes)
		}
	}
	if codes[msg.ZeroDenominator] != 0 {
		t.Errorf("a zero denominator in half a year is a problem: %v", codes)
	}
	// Numbers in a message are written in the message's language.
	for _, p := range res.Problems {
		if p.Code != msg.RateMismatch {
			continue
		}
		vi, en := p.Message("vi"), p.Message("en")
		if !strings.Contains(vi, "2,00") || !strings.Contains(vi, "1,00") || !strings.Contains(en, "2.00") || !strings.Contains(en, "1.00") {
			t.Errorf("the rates of a mismatch: %q / %q", vi, en)
		}
	}
	p := res.Periods[0]
	w2 := p.Wards[1]
	if v := value(t, w2.Values, "poor_household_rate"); !near(v.Value, 3.5) || v.Source.File != "f.xlsx" {
		t.Errorf("ward 2 rate = %+v", v)
	}
	// The district rate comes from ward 1's counts only: ward 2 has no denominator.
	if v := value(t, p.District, "poor_household_rate"); !near(v.Value, 1) {
		t.Errorf("district rate = %+v", v)
	}
	if v := value(t, p.District, "detection_rate"); v.Value != nil || v.Status != StatusNoData {
		t.Errorf("district detection rate over zero cases = %+v", v)
	}
	// One ward says it has its plan, the other says nothing: 1, and a warning.
	if v := value(t, p.District, "detailed_planning_wards"); !near(v.Value, 1) {
		t.Errorf("detailed_planning_wards = %+v", v)
	}
	partial := false
	for _, pr := range res.Problems {
		partial = partial || pr.Code == msg.PartialSum && pr.Indicator == "detailed_planning_wards"
	}
	if !partial {
		t.Error("no warning that detailed_planning_wards lacks a ward")
	}
}

// TestZeroDenominatorAtWardLevel: no criminal case in a ward is ordinary in
// a month, a quarter or half a year (the rate is null, no problem); over a
// whole year it is worth a warning naming the cell. The district figure,
// computed from the summed counts, raises none of its own.
func TestZeroDenominatorAtWardLevel(t *testing.T) {
	tests := []struct {
		period string
		want   int // zero_denominator problems
	}{
		{"2003-05", 0}, {"2003-Q2", 0}, {"2003-H1", 0}, {"2003-9M", 0}, {"2003", 4},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			subs := []Submission{
				{File: "a.xlsx", Ward: "Phường 1", Period: tt.period, Observations: []Observation{
					obs("criminal_cases", 0, 0), obs("criminal_cases_solved", 0, 0),
				}},
				{File: "b.xlsx", Ward: "Phường 2", Period: tt.period, Observations: []Observation{
					obs("criminal_cases", 0, 0), obs("criminal_cases_solved", 0, 0),
				}},
			}
			res := Analyze(twoWardConfig(), subs, nil)
			var got []Problem
			for _, p := range res.Problems {
				if p.Code == msg.ZeroDenominator {
					got = append(got, p)
				} else if p.Code != msg.PartialSum {
					t.Errorf("unexpected problem %s", p.Format("en"))
				}
			}
			if len(got) != tt.want {
				t.Fatalf("zero_denominator problems: %+v, want %d", got, tt.want)
			}
			for _, p := range got {
				if p.Ward == "" || p.Ref == "" {
					t.Errorf("a zero denominator problem names no ward cell: %+v", p)
				}
			}
			p := res.Periods[0]
			for _, id := range []string{"detection_rate", "criminal_cases_change"} {
				if v := value(t, p.District, id); v.Value != nil || v.Status != StatusNoData {
					t.Errorf("district %s = %+v", id, v)
				}
				if v := value(t, p.Wards[0].Values, id); v.Value != nil || v.Status != StatusNoData {
					t.Errorf("ward %s = %+v", id, v)
				}
			}
		})
	}
}

func TestAnalyzeOrdersPeriodsAndFillsLastYear(t *testing.T) {
	sub := func(period string, rev, prev float64) Submission {
		return Submission{File: period + ".xlsx", Ward: "Phường 1", Period: period,
			Observations: []Observation{obs("trade_services_revenue", rev, prev)}}
	}
	res := Analyze(twoWardConfig(), []Submission{sub("2003-H1", 60, 50), sub("2002", 120, 100), sub("2001", 100, 80)}, nil)
	var got []string
	for _, p := range res.Periods {
		got = append(got, p.Period)
	}
	if len(got) != 3 || got[0] != "2001" || got[1] != "2002" || got[2] != "2003-H1" {
		t.Fatalf("periods = %v", got)
	}
	if res.Latest().Period != "2003-H1" {
		t.Errorf("latest = %s", res.Latest().Period)
	}
	// 2002's growth is 20%; its previous is 2001's growth, 25%.
	if v := value(t, res.Periods[1].District, "trade_services_growth"); !near(v.Value, 20) || !near(v.Previous, 25) {
		t.Errorf("2002 growth = %+v", v)
	}
}

func TestTargetStatusEdges(t *testing.T) {
	cfg := catalog.Builtin()
	a := &analyzer{cfg: cfg}
	ind, _ := cfg.Indicator("trade_services_growth")
	for _, tt := range []struct {
		v    float64
		want Status
	}{{12, StatusMet}, {11.96, StatusNotMet}, {12.0001, StatusMet}} {
		v := tt.v
		if got := a.judge(ind, Value{Value: &v}).Status; got != tt.want {
			t.Errorf("growth %v: %s, want %s", tt.v, got, tt.want)
		}
	}
	hungry, _ := cfg.Indicator("hungry_households")
	zero, one := 0.0, 1.0
	if got := a.judge(hungry, Value{Value: &zero}).Status; got != StatusMet {
		t.Errorf("0 hungry: %s", got)
	}
	if got := a.judge(hungry, Value{Value: &one}).Status; got != StatusNotMet {
		t.Errorf("1 hungry: %s", got)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("built-in config: %v", err)
	}
	cfg.Units[0].Aliases = []string{"P.02"} // Phường 2 is still listed
	if err := cfg.Validate(); err == nil {
		t.Error("a ward name given to two wards is accepted")
	}
}

func TestRevision(t *testing.T) {
	for name, want := range map[string]int{
		"samples/2003-H1/P05.xlsx": 0, "P05 sửa lần 2.xlsx": 2, "P05 (sửa).xlsx": 1, "P05_v3.xlsx": 3,
		"BC P05 lan 2.xlsx": 2, "P05 bổ sung.xlsx": 1, "2003/P05.xlsx": 0, "P05 2003.xlsx": 0,
	} {
		if got := Revision(name); got != want {
			t.Errorf("Revision(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestAnalyzeCorrectedFileWins(t *testing.T) {
	sub := func(file string, cases float64) Submission {
		o, h := obs("criminal_cases", cases, 10), obs("households", 100, -1)
		o.Current.Source.File, o.Previous.Source.File, h.Current.Source.File = file, file, file
		return Submission{File: file, Ward: "Phường 5", Origin: "phuong 5", Period: "2003-H1",
			Observations: []Observation{o, h}}
	}
	// "P05 sửa lần 2.xlsx" sorts before "P05.xlsx" but is the later revision.
	res := Analyze(catalog.Builtin(), []Submission{sub("P05 sửa lần 2.xlsx", 9), sub("P05.xlsx", 8)}, nil)
	if v := value(t, res.Periods[0].Wards[0].Values, "criminal_cases"); !near(v.Value, 9) {
		t.Errorf("cases = %+v, want the corrected 9", v)
	}
	if len(res.Problems) != 1 || res.Problems[0].Code != msg.Duplicate || res.Problems[0].File != "P05 sửa lần 2.xlsx" ||
		res.Problems[0].Message("en") != "replaces the figures of P05.xlsx (2 indicators); name corrected files \"... sửa lần 2\" to say which is newer" {
		t.Errorf("problems %+v", res.Problems)
	}
}

func TestAnalyzeMergedWardsAddUp(t *testing.T) {
	cfg := withoutTerm(catalog.Builtin())
	cfg.Units = []catalog.Unit{{Name: "Phường 1", Aliases: []string{"Phường 2"}}}
	part := func(file, origin string, hh, plan float64) Submission {
		o := obs("households", hh, -1)
		o.Current.Source = Cell{File: file, Sheet: "S", Ref: "D5"}
		return Submission{File: file, Ward: "Phường 1", Origin: origin, Period: "2002",
			Observations: []Observation{o, obs("detailed_plan_done", plan, -1), obs("poor_households", 1, -1)}}
	}
	res := Analyze(cfg, []Submission{part("P01.xlsx", "phuong 1", 1000, 1), part("P02.xlsx", "phuong 2", 500, 0)}, nil)
	w := res.Periods[0].Wards[0]
	hh := value(t, w.Values, "households")
	if !near(hh.Value, 1500) || hh.Source.String() != "P01.xlsx!S!D5 + P02.xlsx!S!D5" {
		t.Errorf("households = %v from %q", *hh.Value, hh.Source.String())
	}
	if v := value(t, w.Values, "detailed_plan_done"); !near(v.Value, 0) {
		t.Errorf("a merged ward has its plan only if every part has: %+v", v)
	}
	if v := value(t, w.Values, "poor_household_rate"); !near(v.Value, 2.0/1500*100) {
		t.Errorf("rate of the merged ward = %+v", v)
	}
	if len(res.Problems) != 0 || len(w.Files) != 2 {
		t.Errorf("problems %+v, files %v", res.Problems, w.Files)
	}
}

func TestTypingRules(t *testing.T) {
	with := func(file string, os ...Observation) Submission {
		return Submission{File: file, Ward: "Phường 1", Period: "2002", Observations: os}
	}
	last := Submission{File: "2001.xlsx", Ward: "Phường 1", Period: "2001", Observations: []Observation{obs("households", 990, -1)}}
	res := Analyze(twoWardConfig(), []Submission{last, with("2002.xlsx",
		obs("criminal_cases", 10, 12), obs("criminal_cases_solved", 11, 5), // more solved than cases
		obs("households", 1000, 980),          // 2001's own file said 990
		obs("trade_services_revenue", 70, 30), // more than half up, from at least 20
		obs("drug_cases", 3, 9),               // more than half down, but small
	)}, nil)
	var got []string
	for _, p := range res.Problems {
		got = append(got, string(p.Severity)+" "+p.Indicator+" "+string(p.Code)+" "+p.Message("en"))
	}
	want := []string{ // in catalog order
		"warning households revised last year's figure differs from what that period reported (990 at f.xlsx!S!D1); one of them was revised",
		"warning trade_services_revenue big_change changes by more than half against last year (30), more than counts vary by chance; please confirm",
		"error criminal_cases_solved exceeds more than Criminal cases (10), which cannot be; this figure is not used, nor in the district's; check what was typed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestImpossibleShares: a part above the whole it belongs to (poor or hungry
// households above households, solved cases above cases) is an error naming
// the cell, and the figure is left out of the ward's rate and the district's
// sums, with no second line for the district. Detox placements above the
// registered users are possible (a flow over a stock) and pass.
func TestImpossibleShares(t *testing.T) {
	subs := []Submission{
		{File: "a.xlsx", Ward: "Phường 1", Period: "2003", Observations: []Observation{
			obs("households", 5938, 5900), obs("poor_households", 13000, 12),
			obs("hungry_households", 6000, 0),
			obs("criminal_cases", 10, 12), obs("criminal_cases_solved", 11, 5),
			obs("drug_users_registered", 4, 5), obs("detox_placements", 6, 3),
		}},
		{File: "b.xlsx", Ward: "Phường 2", Period: "2003", Observations: []Observation{
			obs("households", 4000, 3900), obs("poor_households", 40, 45),
			obs("hungry_households", 0, 0),
			obs("criminal_cases", 20, 25), obs("criminal_cases_solved", 12, 15),
			obs("drug_users_registered", 10, 10), obs("detox_placements", 9, 9),
		}},
	}
	res := Analyze(twoWardConfig(), subs, nil)
	var got []string
	for _, p := range res.Problems {
		got = append(got, string(p.Severity)+" "+p.Ward+" "+p.Indicator+" "+p.Ref+" "+string(p.Code))
	}
	want := []string{
		"error Phường 1 poor_households D1 exceeds",
		"error Phường 1 hungry_households D1 exceeds",
		"error Phường 1 criminal_cases_solved D1 exceeds",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	p := res.Periods[0]
	tests := []struct {
		id        string
		value     *float64
		ward1     *float64
		ward1Prev *float64
	}{
		{"households", ptr(9938), ptr(5938), ptr(5900)},
		{"poor_households", ptr(40), nil, ptr(12)},
		{"hungry_households", ptr(0), nil, ptr(0)},
		{"poor_household_rate", ptr(1), nil, ptr(12.0 / 5900 * 100)},
		{"criminal_cases_solved", ptr(12), nil, ptr(5)},
		{"detection_rate", ptr(60), nil, ptr(5.0 / 12 * 100)},
		{"detox_placements", ptr(15), ptr(6), ptr(3)},
		{"detox_rate", ptr(15.0 / 14 * 100), ptr(150), ptr(60)},
	}
	same := func(a, b *float64) bool { return a == nil && b == nil || a != nil && near(b, *a) }
	for _, tt := range tests {
		if v := value(t, p.District, tt.id); !same(tt.value, v.Value) {
			t.Errorf("district %s = %v, want %v", tt.id, show(v.Value), show(tt.value))
		}
		if v := value(t, p.Wards[0].Values, tt.id); !same(tt.ward1, v.Value) || !same(tt.ward1Prev, v.Previous) {
			t.Errorf("Phường 1 %s = %v (previous %v), want %v (%v)", tt.id, show(v.Value), show(v.Previous), show(tt.ward1), show(tt.ward1Prev))
		}
	}
}

func ptr(v float64) *float64 { return &v }

// TestRulesJudgeSubmittedCells: the value rules judge each form of a merged
// ward as submitted, not the sum: Phường 2's form gives more poor households
// than households, which the merged ward's sum (60 of 1040) hides.
func TestRulesJudgeSubmittedCells(t *testing.T) {
	cfg := catalog.Builtin()
	cfg.Units = []catalog.Unit{{Name: "Phường 1", Aliases: []string{"Phường 2"}}}
	part := func(file, origin string, hh, poor float64) Submission {
		return Submission{File: file, Ward: "Phường 1", Origin: origin, Period: "2002",
			Observations: []Observation{obs("households", hh, -1), obs("poor_households", poor, -1)}}
	}
	res := Analyze(cfg, []Submission{part("P01.xlsx", "phuong 1", 1000, 10), part("P02.xlsx", "phuong 2", 40, 50)}, nil)
	var errs []Problem
	for _, p := range res.Problems {
		if p.Code != msg.NoBaseline { // the term review's, for a year without its baseline
			errs = append(errs, p)
		}
	}
	if len(errs) != 1 || errs[0].Code != msg.Exceeds || errs[0].Text != "50" {
		t.Fatalf("problems: %+v", errs)
	}
	// The poor households of the merged ward cannot be had without Phường 2's.
	if v := value(t, res.Periods[0].Wards[0].Values, "poor_households"); v.Value != nil {
		t.Errorf("poor households of the merged ward = %v", *v.Value)
	}
}
