package analysis

import (
	"math"
	"testing"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// form is one ward's form for a period in the term tests.
type form struct {
	period string
	obs    []Observation
}

// reviewOne analyses the forms of one ward with only target t and the
// built-in term (2000; 2001-2005), and returns the district's review of t
// and the term's problems.
func reviewOne(t *testing.T, target catalog.Target, forms ...form) (*Result, TermTarget, []msg.Code) {
	t.Helper()
	cfg := catalog.Builtin()
	cfg.Units = []catalog.Unit{{Name: "Phường 1"}}
	cfg.Targets = []catalog.Target{target}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	var subs []Submission
	for _, f := range forms {
		subs = append(subs, Submission{File: f.period + ".xlsx", Ward: "Phường 1", Period: f.period, Observations: f.obs})
	}
	res := Analyze(cfg, subs, nil)
	var codes []msg.Code
	for _, p := range res.Problems {
		if p.Code == msg.NoBaseline || p.Code == msg.CumulativeGap {
			codes = append(codes, p.Code)
		}
	}
	if res.Term == nil || len(res.Term.Targets) != 1 {
		t.Fatalf("term review: %+v", res.Term)
	}
	return res, res.Term.Targets[0], codes
}

func f(v float64) *float64 { return &v }

func districtStatus(res *Result, period, id string) Status {
	for _, p := range res.Periods {
		if p.Period == period {
			v, _ := Find(p.District, id)
			return v.Status
		}
	}
	return ""
}

var (
	growthEach   = catalog.Target{Indicator: "trade_services_growth", Kind: catalog.KindEachPeriod, Op: ">=", Value: 12}
	growthAvg    = catalog.Target{Indicator: "trade_services_growth", Kind: catalog.KindAverage, Op: ">=", Value: 12}
	detection    = catalog.Target{Indicator: "detection_rate", Kind: catalog.KindEachPeriod, Op: ">=", Value: 55}
	hungry       = catalog.Target{Indicator: "hungry_households", Kind: catalog.KindByDeadline, Op: "<=", Value: 0}
	hungryBy2003 = catalog.Target{Indicator: "hungry_households", Kind: catalog.KindByDeadline, Op: "<=", Value: 0, Deadline: 2003}
	poorRate     = catalog.Target{Indicator: "poor_household_rate", Kind: catalog.KindByDeadline, Op: "<=", Value: 4, Stretch: f(3)}
	drugTerm     = catalog.Target{Indicator: "drug_cases", Kind: catalog.KindOverTerm, Op: "<=", Value: -10, Stretch: f(-15)}
	detoxTotal   = catalog.Target{Indicator: "detox_placements", Kind: catalog.KindCumulative, Op: ">=", Value: 1500}
	casesWithin  = catalog.Target{Indicator: "criminal_cases", Kind: catalog.KindCumulative, Op: "<=", Value: 1000}
)

func revenue(period string, cur, prev float64) form {
	return form{period, []Observation{obs("trade_services_revenue", cur, prev)}}
}

func one(period, id string, cur, prev float64) form {
	return form{period, []Observation{obs(id, cur, prev)}}
}

// everyYear is a form for each year of the term with the same figures.
func everyYear(id string, cur, prev float64) []form {
	var out []form
	for y := 2001; y <= 2005; y++ {
		out = append(out, one(itoa(y), id, cur, prev))
	}
	return out
}

func itoa(y int) string { return notation.Period{Year: y, Kind: notation.Year}.ID() }

func TestTermVerdicts(t *testing.T) {
	compound := func(rates ...float64) float64 {
		p := 1.0
		for _, r := range rates {
			p *= 1 + r/100
		}
		return (math.Pow(p, 1/float64(len(rates))) - 1) * 100
	}
	nan := math.NaN()
	tests := []struct {
		name          string
		target        catalog.Target
		forms         []form
		verdict       Verdict
		toDate        float64 // NaN: none
		met, judged   int
		needed        float64 // NaN: none
		stretched     bool
		early         bool
		statuses      map[string]Status
		problems      []msg.Code
		baselineFrom  string
		sinceBaseline map[string]float64 // NaN: null
	}{
		// each_period
		{name: "growth every year: achieved, compounded", target: growthEach,
			forms:   []form{revenue("2001", 1163, 1000), revenue("2002", 1345.591, 1163), revenue("2003-H1", 578.5, 500)},
			verdict: VerdictAchieved, toDate: compound(16.3, 15.7), met: 3, judged: 3, needed: nan, early: true},
		{name: "growth missed once while the term runs: at risk", target: growthEach,
			forms:   []form{revenue("2001", 1163, 1000), revenue("2002", 1279.3, 1163)},
			verdict: VerdictAtRisk, toDate: compound(16.3, 10), met: 1, judged: 2, needed: nan, early: true,
			statuses: map[string]Status{"2001": StatusMet, "2002": StatusNotMet}},
		{name: "growth missed once, the term has ended: not met", target: growthEach,
			forms: []form{revenue("2001", 113, 100), revenue("2002", 113, 100), revenue("2003", 110, 100),
				revenue("2004", 113, 100), revenue("2005", 113, 100)},
			verdict: VerdictNotMet, toDate: compound(13, 13, 10, 13, 13), met: 4, judged: 5, needed: nan},
		{name: "growth without last year's revenue: no data, no warning", target: growthEach,
			forms:   []form{revenue("2001", 1163, -1)},
			verdict: VerdictNoData, toDate: nan, needed: nan, early: true},
		{name: "detection: to date from the summed counts", target: detection,
			forms: []form{
				{"2001", []Observation{obs("criminal_cases", 100, -1), obs("criminal_cases_solved", 60, -1)}},
				{"2002", []Observation{obs("criminal_cases", 300, -1), obs("criminal_cases_solved", 150, -1)}}},
			verdict: VerdictAtRisk, toDate: 210.0 / 400 * 100, met: 1, judged: 2, needed: nan, early: true},

		// by_deadline, baseline 14 from 2001's same-period-last-year column:
		// the path to 0 at the end of 2005 is 11.2 at the end of 2001.
		{name: "hungry households on the path: on track", target: hungry,
			forms:   []form{one("2001", "hungry_households", 6, 14)},
			verdict: VerdictOnTrack, toDate: 6, met: 0, judged: 1, needed: -6.0 / 4, early: true,
			statuses: map[string]Status{"2001": StatusOnTrack}, baselineFrom: "2001:previous"},
		{name: "hungry households off the path: at risk", target: hungry,
			forms:   []form{one("2001", "hungry_households", 13, 14)},
			verdict: VerdictAtRisk, toDate: 13, judged: 1, needed: -13.0 / 4, early: true,
			statuses: map[string]Status{"2001": StatusBehind}},
		{name: "hungry households gone before the deadline: achieved ahead", target: hungry,
			forms:   []form{one("2001", "hungry_households", 6, 14), one("2003-H1", "hungry_households", 0, 4)},
			verdict: VerdictAchieved, toDate: 0, met: 1, judged: 2, needed: nan, early: true,
			statuses: map[string]Status{"2001": StatusOnTrack, "2003-H1": StatusAhead}},
		{name: "baseline from a form for the baseline year", target: hungry,
			forms:   []form{one("2000", "hungry_households", 10, -1), one("2001", "hungry_households", 9, -1)},
			verdict: VerdictAtRisk, toDate: 9, judged: 1, needed: -9.0 / 4, early: true,
			statuses: map[string]Status{"2001": StatusBehind}, baselineFrom: "2000"},
		{name: "an earlier deadline that has passed unmet", target: hungryBy2003,
			forms:   []form{one("2001", "hungry_households", 6, 14), one("2003", "hungry_households", 1, 6)},
			verdict: VerdictNotMet, toDate: 1, judged: 2, needed: nan,
			statuses: map[string]Status{"2001": StatusOnTrack, "2003": StatusNotMet}},
		{name: "an earlier deadline that has passed and is met", target: hungryBy2003,
			forms:   []form{one("2001", "hungry_households", 6, 14), one("2003", "hungry_households", 0, 6)},
			verdict: VerdictAchieved, toDate: 0, met: 1, judged: 2, needed: nan,
			statuses: map[string]Status{"2003": StatusMet}},
		{name: "no baseline: no data and one warning", target: hungry,
			forms:   []form{one("2002", "hungry_households", 3, -1)},
			verdict: VerdictNoData, toDate: 3, judged: 1, needed: nan, early: true,
			statuses: map[string]Status{"2002": StatusNoData}, problems: []msg.Code{msg.NoBaseline}},
		{name: "a range reached only at its weaker end", target: poorRate,
			forms:   []form{{"2001", []Observation{obs("households", 1000, 1000), obs("poor_households", 35, 50)}}},
			verdict: VerdictAchieved, toDate: 3.5, met: 1, judged: 1, needed: nan, early: true},
		{name: "a range passed at its better end", target: poorRate,
			forms:   []form{{"2001", []Observation{obs("households", 1000, 1000), obs("poor_households", 25, 50)}}},
			verdict: VerdictAchieved, toDate: 2.5, met: 1, judged: 1, needed: nan, stretched: true, early: true},

		// over_term: the change from the baseline year; the path runs from
		// 0 at the end of 2000 to -10 at the end of 2005 (-2 a year).
		{name: "drug cases down 23.4 % against 2000: achieved, beyond the range", target: drugTerm,
			forms:   []form{one("2001", "drug_cases", 57, 64), one("2002", "drug_cases", 49, 57), one("2003-H1", "drug_cases", 21, 26)},
			verdict: VerdictAchieved, toDate: (49.0/64 - 1) * 100, met: 2, judged: 2, needed: nan, stretched: true, early: true,
			statuses:      map[string]Status{"2001": StatusAhead, "2002": StatusAhead, "2003-H1": StatusNoData},
			sinceBaseline: map[string]float64{"2001": (57.0/64 - 1) * 100, "2002": (49.0/64 - 1) * 100, "2003-H1": nan}},
		{name: "drug cases ahead of the path: on track", target: drugTerm,
			forms:   []form{one("2001", "drug_cases", 97, 100)},
			verdict: VerdictOnTrack, toDate: -3, judged: 1, needed: -7.0 / 4, early: true,
			statuses: map[string]Status{"2001": StatusOnTrack}},
		{name: "drug cases behind the path: at risk", target: drugTerm,
			forms:   []form{one("2001", "drug_cases", 99, 100)},
			verdict: VerdictAtRisk, toDate: -1, judged: 1, needed: -9.0 / 4, early: true,
			statuses: map[string]Status{"2001": StatusBehind}},
		{name: "drug cases when the term has ended short: not met", target: drugTerm,
			forms:   []form{one("2001", "drug_cases", 99, 100), one("2005", "drug_cases", 95, 96)},
			verdict: VerdictNotMet, toDate: -5, judged: 2, needed: nan,
			statuses: map[string]Status{"2001": StatusBehind, "2005": StatusNotMet}},
		{name: "a part year against the same span of the baseline year", target: drugTerm,
			forms:   []form{one("2001-H1", "drug_cases", 45, 50), one("2002-H1", "drug_cases", 40, 45)},
			verdict: VerdictNoData, toDate: nan, met: 1, judged: 1, needed: nan, early: true,
			statuses:      map[string]Status{"2001-H1": StatusAhead, "2002-H1": StatusAhead},
			sinceBaseline: map[string]float64{"2002-H1": -20}},
		{name: "drug cases without a baseline: no data and one warning", target: drugTerm,
			forms:   []form{one("2002", "drug_cases", 49, -1)},
			verdict: VerdictNoData, toDate: nan, needed: nan, early: true, problems: []msg.Code{msg.NoBaseline}},

		// average
		{name: "average growth achieved", target: growthAvg,
			forms:   []form{revenue("2001", 1163, 1000), revenue("2002", 1345.591, 1163)},
			verdict: VerdictAchieved, toDate: compound(16.3, 15.7), met: 2, judged: 2, needed: nan, early: true,
			statuses: map[string]Status{"2001": StatusNoTarget}},
		{name: "average growth short while the term runs: at risk", target: growthAvg,
			forms:   []form{revenue("2001", 1163, 1000), revenue("2002", 1244.41, 1163)},
			verdict: VerdictAtRisk, toDate: compound(16.3, 7), met: 1, judged: 2, needed: nan, early: true},
		{name: "average growth short at the term's end: not met", target: growthAvg,
			forms:   everyYear("trade_services_revenue", 111, 100),
			verdict: VerdictNotMet, toDate: 11, judged: 5, needed: nan},

		// cumulative: the path is the target times the elapsed share (0.5 at 2003-H1).
		{name: "detox placements past half of 1,500 at mid-term: on track", target: detoxTotal,
			forms: []form{one("2001", "detox_placements", 380, -1), one("2002", "detox_placements", 370, -1),
				one("2003-H1", "detox_placements", 230, -1)},
			verdict: VerdictOnTrack, toDate: 980, judged: 3, needed: nan, early: true,
			statuses: map[string]Status{"2002": StatusNoTarget}},
		{name: "detox placements short of the path: at risk", target: detoxTotal,
			forms:   []form{one("2001", "detox_placements", 200, -1), one("2002", "detox_placements", 200, -1), one("2003-H1", "detox_placements", 100, -1)},
			verdict: VerdictAtRisk, toDate: 500, judged: 3, needed: nan, early: true},
		{name: "detox placements past the target: achieved", target: detoxTotal,
			forms:   []form{one("2001", "detox_placements", 800, -1), one("2002", "detox_placements", 800, -1)},
			verdict: VerdictAchieved, toDate: 1600, judged: 2, needed: nan, early: true},
		{name: "detox placements short at the term's end: not met", target: detoxTotal,
			forms:   everyYear("detox_placements", 250, -1),
			verdict: VerdictNotMet, toDate: 1250, judged: 5, needed: nan},
		{name: "a year missing from the sum: no data and one warning", target: detoxTotal,
			forms:   []form{one("2001", "detox_placements", 380, -1), one("2003", "detox_placements", 370, -1)},
			verdict: VerdictNoData, toDate: nan, judged: 2, needed: nan, early: true, problems: []msg.Code{msg.CumulativeGap}},
		{name: "cases kept within the term's ceiling so far: on track", target: casesWithin,
			forms:   []form{one("2001", "criminal_cases", 150, -1), one("2002", "criminal_cases", 150, -1)},
			verdict: VerdictOnTrack, toDate: 300, judged: 2, needed: nan, early: true},
		{name: "cases past the term's ceiling: not met", target: casesWithin,
			forms:   []form{one("2001", "criminal_cases", 600, -1), one("2002", "criminal_cases", 500, -1)},
			verdict: VerdictNotMet, toDate: 1100, judged: 2, needed: nan, early: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, got, problems := reviewOne(t, tt.target, tt.forms...)
			if got.Verdict != tt.verdict {
				t.Errorf("verdict %s, want %s", got.Verdict, tt.verdict)
			}
			if !same(got.ToDate, tt.toDate) {
				t.Errorf("to date %v, want %v", show(got.ToDate), tt.toDate)
			}
			if got.PeriodsMet != tt.met || got.PeriodsJudged != tt.judged {
				t.Errorf("periods met %d of %d, want %d of %d", got.PeriodsMet, got.PeriodsJudged, tt.met, tt.judged)
			}
			if !same(got.NeededPerYear, tt.needed) {
				t.Errorf("needed per year %v, want %v", show(got.NeededPerYear), tt.needed)
			}
			if got.Stretched != tt.stretched || got.BeforeDeadline != tt.early {
				t.Errorf("stretched %v, before the deadline %v; want %v, %v", got.Stretched, got.BeforeDeadline, tt.stretched, tt.early)
			}
			for period, want := range tt.statuses {
				if s := districtStatus(res, period, tt.target.Indicator); s != want {
					t.Errorf("%s status %s, want %s", period, s, want)
				}
			}
			if len(problems) != len(tt.problems) || len(problems) > 0 && problems[0] != tt.problems[0] {
				t.Errorf("problems %v, want %v", problems, tt.problems)
			}
			if tt.baselineFrom != "" && got.BaselineFrom != tt.baselineFrom {
				t.Errorf("baseline from %q, want %q", got.BaselineFrom, tt.baselineFrom)
			}
			for period, want := range tt.sinceBaseline {
				v, _ := FindTermValue(got.Values, period)
				if !same(v.SinceBaseline, want) {
					t.Errorf("%s since baseline %v, want %v", period, show(v.SinceBaseline), want)
				}
			}
		})
	}
}

// same compares a figure with want, NaN meaning none.
func same(got *float64, want float64) bool {
	if math.IsNaN(want) {
		return got == nil
	}
	return got != nil && math.Abs(*got-want) < 1e-6
}

func show(v *float64) any {
	if v == nil {
		return "none"
	}
	return *v
}

func TestTermSectionShape(t *testing.T) {
	// The values are the full years, then the latest part-year period;
	// a quarter before the half is not among them.
	res, got, _ := reviewOne(t, growthEach, revenue("2001", 1163, 1000), revenue("2002", 1345.591, 1163),
		revenue("2003-Q1", 300, 260), revenue("2003-H1", 578.5, 500))
	var periods []string
	for _, v := range got.Values {
		periods = append(periods, v.Period)
	}
	if res.Term.AsOf != "2003-H1" || len(periods) != 3 || periods[2] != "2003-H1" || res.Term.Elapsed != 0.5 {
		t.Errorf("as of %s, elapsed %v, values %v", res.Term.AsOf, res.Term.Elapsed, periods)
	}
	// Every flow is summed over the term; stocks are not.
	for _, c := range res.Term.Cumulative {
		if c.Indicator == "households" {
			t.Error("households summed over the term")
		}
		if c.Indicator == "trade_services_revenue" && (!near(c.Value, 1163+1345.591+578.5) || len(c.Periods) != 3) {
			t.Errorf("revenue over the term %v from %v", show(c.Value), c.Periods)
		}
	}
	// A ward has its own review, against its own baseline.
	w := TermReview(res, "Phường 1")
	if w == nil || w.Ward != "Phường 1" || w.Targets[0].Verdict != VerdictAchieved {
		t.Errorf("ward review %+v", w)
	}

	// No period in the term: no review, and no error.
	cfg := catalog.Builtin()
	out := Analyze(cfg, []Submission{{File: "a.xlsx", Ward: "Phường 1", Period: "1999",
		Observations: []Observation{obs("households", 10, 9)}}}, nil)
	if out.Term != nil {
		t.Errorf("a term review without a period in the term: %+v", out.Term)
	}
}

func TestTargetCheck(t *testing.T) {
	term := catalog.BuiltinTerm()
	tests := []struct {
		name  string
		t     catalog.Target
		field string // "" when valid
	}{
		{"each period", growthEach, ""},
		{"range the right way", poorRate, ""},
		{"range on the wrong side", catalog.Target{Indicator: "x", Kind: catalog.KindByDeadline, Op: "<=", Value: 4, Stretch: f(5)}, "Giá trị vượt"},
		{"range on the wrong side, >=", catalog.Target{Indicator: "x", Op: ">=", Value: 12, Stretch: f(10)}, "Giá trị vượt"},
		{"deadline after the term", catalog.Target{Indicator: "x", Kind: catalog.KindByDeadline, Op: "<=", Value: 0, Deadline: 2010}, "Hạn"},
		{"deadline before the term", catalog.Target{Indicator: "x", Kind: catalog.KindByDeadline, Op: "<=", Value: 0, Deadline: 2000}, "Hạn"},
		{"deadline on a yearly target", catalog.Target{Indicator: "x", Kind: catalog.KindEachPeriod, Op: ">=", Value: 1, Deadline: 2003}, "Hạn"},
		{"unknown kind", catalog.Target{Indicator: "x", Kind: "sometimes", Op: ">=", Value: 1}, "Loại"},
		{"unknown comparison", catalog.Target{Indicator: "x", Op: "=", Value: 1}, "So sánh"},
	}
	for _, tt := range tests {
		err := tt.t.Check(term)
		if got := fieldOfErr(err); got != tt.field || (err == nil) != (tt.field == "") {
			t.Errorf("%s: %v (field %q), want field %q", tt.name, err, got, tt.field)
		}
	}
	if err := (catalog.Target{Indicator: "x", Kind: catalog.KindOverTerm, Op: "<=", Value: -10}).Check(nil); fieldOfErr(err) != "Loại" {
		t.Errorf("a term target without a term: %v", err)
	}
	if err := (&catalog.Term{Baseline: 2000, From: 2000, To: 2005}).Check(); fieldOfErr(err) != "Từ năm" {
		t.Errorf("a term starting in its baseline year: %v", err)
	}
	for _, w := range []string{"hằng năm", "HANG NAM", "mỗi kỳ", "Đến năm", "den han", "cả nhiệm kỳ", "trong nhiem ky", "bình quân", "cong don", "tổng nhiệm kỳ", "", "over_term"} {
		if _, ok := catalog.ParseTargetKind(w); !ok {
			t.Errorf("kind %q not read", w)
		}
	}
}

func fieldOfErr(err error) string {
	if fe, ok := err.(*catalog.FieldError); ok {
		return fe.Field
	}
	return ""
}
