package analysis

import (
	"strings"
	"testing"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// Old wards Phường 1-5; new wards: Phường 1 and 2 merged into Bình Thới,
// Phường 3 split between Minh Phụng (0.6) and Phú Thọ (0.4), Phường 4
// renamed Hòa Bình; Phường 5 unchanged. The change takes effect from
// period from.
func mergerTestConfig(from, oldTo string) *catalog.Config {
	c := withoutTerm(catalog.Builtin())
	c.Units = nil
	for _, n := range []string{"Phường 1", "Phường 2", "Phường 3", "Phường 4"} {
		c.Units = append(c.Units, catalog.Unit{Name: n, To: oldTo})
	}
	c.Units = append(c.Units, catalog.Unit{Name: "Phường 5"})
	for _, n := range []string{"Phường Bình Thới", "Phường Minh Phụng", "Phường Phú Thọ", "Phường Hòa Bình"} {
		c.Units = append(c.Units, catalog.Unit{Name: n, From: from})
	}
	c.Changes = []catalog.Change{
		{From: from, Old: "Phường 1", New: "Phường Bình Thới", Share: 1},
		{From: from, Old: "Phường 2", New: "Phường Bình Thới", Share: 1},
		{From: from, Old: "Phường 3", New: "Phường Minh Phụng", Share: 0.6},
		{From: from, Old: "Phường 3", New: "Phường Phú Thọ", Share: 0.4},
		{From: from, Old: "Phường 4", New: "Phường Hòa Bình", Share: 1},
	}
	if err := c.Validate(); err != nil {
		panic(err)
	}
	return c
}

// oldForm is old ward i's form for period: households 1000i, poor 10i,
// cases 10i (last year 20i), solved 5i, revenue 100i (last year 80i),
// detailed plan done.
func oldForm(i int, period string) Submission {
	f := float64(i)
	file := "P" + string(rune('0'+i)) + ".xlsx"
	s := Submission{File: file, Ward: "Phường " + string(rune('0'+i)), Period: period, Observations: []Observation{
		obs("households", 1000*f, -1), obs("poor_households", 10*f, -1), obs("criminal_cases", 10*f, 20*f),
		obs("criminal_cases_solved", 5*f, -1), obs("trade_services_revenue", 100*f, 80*f), obs("detailed_plan_done", 1, -1)}}
	for j := range s.Observations {
		s.Observations[j].Current.Source.File = file
		s.Observations[j].Previous.Source.File = file
	}
	return s
}

// newForm is a new ward's form: cases, solved, households, poor, revenue
// and the plan flag, no same-period-last-year column unless prev is given
// (for cases).
func newForm(ward, period string, cases, prev float64) Submission {
	s := Submission{File: ward + ".xlsx", Ward: ward, Period: period, Observations: []Observation{
		obs("households", 2000, -1), obs("poor_households", 10, -1), obs("criminal_cases", cases, prev),
		obs("criminal_cases_solved", cases/2, -1), obs("trade_services_revenue", 300, -1), obs("detailed_plan_done", 1, -1)}}
	for j := range s.Observations {
		s.Observations[j].Current.Source.File = s.File
		s.Observations[j].Previous.Source.File = s.File
	}
	return s
}

// sameWard is a form of an unchanged ward (Phường 5) agreeing with its
// last year's oldForm.
func sameWard(period string) Submission {
	s := newForm("Phường 5", period, 40, 50)
	s.Observations[4] = obs("trade_services_revenue", 600, 500)
	return s
}

func mergerSubmissions(last, this string) []Submission {
	var subs []Submission
	for i := 1; i <= 5; i++ {
		subs = append(subs, oldForm(i, last))
	}
	return append(subs,
		newForm("Phường Bình Thới", this, 20, -1),
		newForm("Phường Minh Phụng", this, 9, 18), // agrees with 0.6 x 30
		newForm("Phường Phú Thọ", this, 6, -1),
		newForm("Phường Hòa Bình", this, 30, 45), // disagrees with Phường 4's 40
		sameWard(this))
}

func wardOf(t *testing.T, p *PeriodResult, name string) []Value {
	t.Helper()
	for _, w := range p.Wards {
		if w.Name == name {
			return w.Values
		}
	}
	t.Fatalf("%s: no ward %s among %v", p.Period, name, p.Submitted)
	return nil
}

func TestRebaseWholeMergeSplitRename(t *testing.T) {
	for _, tc := range []struct{ name, from, oldTo string }{
		{"change from the start of the year", "2025", "2024"},
		{"change in the middle of the year, reported on the new units", "2025-07", "2025-06"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Analyze(mergerTestConfig(tc.from, tc.oldTo), mergerSubmissions("2024", "2025"), nil)
			p24, p25 := periodOf(t, res, "2024"), periodOf(t, res, "2025")
			if p24.Expected != 5 || !p24.Complete {
				t.Errorf("2024: expected %d, missing %v", p24.Expected, p24.Missing)
			}
			if p25.Expected != 5 || !p25.Complete || strings.Join(p25.Submitted, ", ") != "Phường 5, Phường Bình Thới, Phường Minh Phụng, Phường Phú Thọ, Phường Hòa Bình" {
				t.Errorf("2025: expected %d, submitted %v, missing %v", p25.Expected, p25.Submitted, p25.Missing)
			}

			// Whole merge: 10 + 20 cases, all shares 1.
			bt := wardOf(t, p25, "Phường Bình Thới")
			if v := value(t, bt, "criminal_cases"); !near(v.Previous, 30) || v.PreviousBasis != BasisRebased ||
				v.PreviousSource.String() != "P1.xlsx!S!D1 ×1 + P2.xlsx!S!D1 ×1" {
				t.Errorf("merged cases: previous %v %s from %q", deref(v.Previous), v.PreviousBasis, v.PreviousSource.String())
			}
			// The change is recomputed: 20 / 30 - 1; last year's from the old
			// wards' two columns: 30 / 60 - 1.
			if v := value(t, bt, "criminal_cases_change"); !near(v.Value, 20.0/30*100-100) || v.ValueBasis != BasisRebased ||
				!near(v.Previous, -50) || v.PreviousBasis != BasisRebased {
				t.Errorf("merged change: %+v", v)
			}
			if v := value(t, bt, "detection_rate"); !near(v.Previous, 50) || v.PreviousBasis != BasisRebased {
				t.Errorf("merged detection rate: previous %v %s", deref(v.Previous), v.PreviousBasis)
			}
			if v := value(t, bt, "detailed_plan_done"); !near(v.Previous, 1) || v.PreviousBasis != BasisRebased {
				t.Errorf("merged yes/no: previous %v %s", deref(v.Previous), v.PreviousBasis)
			}

			// Split: 0.6 and 0.4 of Phường 3's 30 cases and 3000 households.
			mp := wardOf(t, p25, "Phường Minh Phụng")
			if v := value(t, mp, "criminal_cases"); !near(v.Previous, 18) || v.PreviousBasis != BasisEstimated ||
				v.PreviousSource.String() != "P3.xlsx!S!D1 ×0.6" {
				t.Errorf("split cases: previous %v %s from %q", deref(v.Previous), v.PreviousBasis, v.PreviousSource.String())
			}
			if v := value(t, mp, "criminal_cases_change"); !near(v.Value, -50) || v.ValueBasis != BasisEstimated {
				t.Errorf("split change: %+v", v)
			}
			if v := value(t, mp, "poor_household_rate"); !near(v.Previous, 1) || v.PreviousBasis != BasisEstimated {
				t.Errorf("split rate: previous %v %s", deref(v.Previous), v.PreviousBasis)
			}
			if v := value(t, mp, "detailed_plan_done"); v.Previous != nil {
				t.Errorf("a yes/no was split: %v", *v.Previous)
			}
			if v := value(t, wardOf(t, p25, "Phường Phú Thọ"), "trade_services_growth"); !near(v.Value, 300/(0.4*300)*100-100) || v.ValueBasis != BasisEstimated {
				t.Errorf("split growth: %+v", v)
			}

			// Rename: Phường 4's 40 cases, not the form's own 45, with a warning
			// naming both.
			hb := wardOf(t, p25, "Phường Hòa Bình")
			if v := value(t, hb, "criminal_cases"); !near(v.Previous, 40) || v.PreviousBasis != BasisRebased {
				t.Errorf("renamed cases: previous %v %s", deref(v.Previous), v.PreviousBasis)
			}
			var warned []string
			for _, pr := range res.Problems {
				if pr.Code == msg.RebaseDisagrees {
					warned = append(warned, pr.Ward+": "+pr.Message("en"))
				}
			}
			if len(warned) != 1 || !strings.Contains(warned[0], "Phường Hòa Bình") || !strings.Contains(warned[0], "45") || !strings.Contains(warned[0], "40") {
				t.Errorf("disagreement warnings: %q", warned)
			}
			if len(res.Problems) != 1 {
				t.Errorf("problems: %+v", res.Problems)
			}

			// Unchanged ward: its own column, reported.
			if v := value(t, wardOf(t, p25, "Phường 5"), "criminal_cases"); !near(v.Previous, 50) || v.PreviousBasis != BasisReported {
				t.Errorf("unchanged cases: previous %v %s", deref(v.Previous), v.PreviousBasis)
			}

			// The district: last year's 150 cases, whole once every part is in.
			if v := value(t, p25.District, "criminal_cases"); !near(v.Previous, 150) || v.PreviousBasis != BasisRebased {
				t.Errorf("district cases: previous %v %s", deref(v.Previous), v.PreviousBasis)
			}
			if v := value(t, p25.District, "criminal_cases_change"); !near(v.Value, (20+9+6+30+40)/150.0*100-100) || v.ValueBasis != BasisRebased {
				t.Errorf("district change: %+v", v)
			}
			if v := value(t, p24.District, "criminal_cases"); v.PreviousBasis != BasisReported || v.ValueBasis != "" {
				t.Errorf("2024 district cases: %+v", v)
			}
		})
	}
}

// Without last year's form of one old unit, the merged unit has no rebased
// figure: its own column stays, reported.
func TestRebaseLacksAnOldForm(t *testing.T) {
	subs := mergerSubmissions("2024", "2025")[1:] // no Phường 1 in 2024
	subs[len(subs)-5] = newForm("Phường Bình Thới", "2025", 20, 25)
	res := Analyze(mergerTestConfig("2025", "2024"), subs, nil)
	p25 := periodOf(t, res, "2025")
	if v := value(t, wardOf(t, p25, "Phường Bình Thới"), "criminal_cases"); !near(v.Previous, 25) || v.PreviousBasis != BasisReported {
		t.Errorf("previous %v %s, want the form's own 25, reported", deref(v.Previous), v.PreviousBasis)
	}
	// Estimated at the district: the merged unit's part is its own figure.
	if v := value(t, p25.District, "criminal_cases"); !near(v.Previous, 25+18+12+40+50) {
		t.Errorf("district previous %v", deref(v.Previous))
	}
}

// Phường 1 is renamed Phường An Lạc from 2025-01, then An Lạc and Phường 2
// merge into Phường Bình Thới from 2025-07: the 2025 figures compare with
// Phường 1 and 2's of 2024.
func TestRebaseChainOfTwoChanges(t *testing.T) {
	c := withoutTerm(catalog.Builtin())
	c.Units = []catalog.Unit{{Name: "Phường 1", To: "2024"}, {Name: "Phường 2", To: "2025-06"}, {Name: "Phường An Lạc", From: "2025", To: "2025-06"},
		{Name: "Phường Bình Thới", From: "2025-07"}}
	c.Changes = []catalog.Change{
		{From: "2025-01", Old: "Phường 1", New: "Phường An Lạc", Share: 1},
		{From: "2025-07", Old: "Phường An Lạc", New: "Phường Bình Thới", Share: 1},
		{From: "2025-07", Old: "Phường 2", New: "Phường Bình Thới", Share: 1},
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	subs := []Submission{oldForm(1, "2024"), oldForm(2, "2024"), newForm("Phường Bình Thới", "2025", 15, -1)}
	res := Analyze(c, subs, nil)
	p25 := periodOf(t, res, "2025")
	if p25.Expected != 1 || !p25.Complete {
		t.Errorf("2025 expects %d, missing %v", p25.Expected, p25.Missing)
	}
	v := value(t, wardOf(t, p25, "Phường Bình Thới"), "criminal_cases_change")
	if !near(v.Value, -50) || v.ValueBasis != BasisRebased {
		t.Errorf("change %+v, want -50 rebased", v)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems: %+v", res.Problems)
	}
}

// Monthly forms around a change from 2025-07: June 2025 is still the old
// wards', July the new ones', compared with July 2024's old wards.
func TestRebaseMonthlyMidYear(t *testing.T) {
	var subs []Submission
	for i := 1; i <= 5; i++ {
		subs = append(subs, oldForm(i, "2024-06"), oldForm(i, "2024-07"), oldForm(i, "2025-06"))
	}
	for _, w := range []string{"Phường Bình Thới", "Phường Minh Phụng", "Phường Phú Thọ", "Phường Hòa Bình"} {
		subs = append(subs, newForm(w, "2025-07", 12, -1))
	}
	subs = append(subs, sameWard("2025-07"))
	res := Analyze(mergerTestConfig("2025-07", "2025-06"), subs, nil)
	jun, jul := periodOf(t, res, "2025-06"), periodOf(t, res, "2025-07")
	if jun.Expected != 5 || !jun.Complete || jun.Submitted[0] != "Phường 1" {
		t.Errorf("2025-06: %d expected, submitted %v", jun.Expected, jun.Submitted)
	}
	if v := value(t, wardOf(t, jun, "Phường 1"), "criminal_cases"); v.PreviousBasis != BasisReported || !near(v.Previous, 20) {
		t.Errorf("June, Phường 1: %+v", v)
	}
	if jul.Expected != 5 || !jul.Complete {
		t.Errorf("2025-07: %d expected, missing %v", jul.Expected, jul.Missing)
	}
	if v := value(t, wardOf(t, jul, "Phường Phú Thọ"), "criminal_cases"); !near(v.Previous, 12) || v.PreviousBasis != BasisEstimated {
		t.Errorf("July, Phú Thọ: previous %v %s", deref(v.Previous), v.PreviousBasis)
	}
}

// A unit's form for a period it does not report in is left out, with a
// warning.
func TestRebaseUnitNotExpected(t *testing.T) {
	subs := append(mergerSubmissions("2024", "2025"), oldForm(1, "2025"))
	res := Analyze(mergerTestConfig("2025", "2024"), subs, nil)
	p25 := periodOf(t, res, "2025")
	for _, w := range p25.Wards {
		if w.Name == "Phường 1" {
			t.Error("Phường 1 reported in 2025, after its merger")
		}
	}
	found := false
	for _, pr := range res.Problems {
		found = found || pr.Code == msg.NotExpected && pr.Ward == "Phường 1" && pr.File == "P1.xlsx"
	}
	if !found {
		t.Errorf("no warning for Phường 1's 2025 form: %+v", res.Problems)
	}
}

// Without dated units, nothing carries a basis.
func TestNoChangesNoBasis(t *testing.T) {
	res := Analyze(twoWardConfig(), []Submission{oldForm(1, "2024"), oldForm(1, "2025")}, nil)
	for _, p := range res.Periods {
		for _, v := range append(p.District, p.Wards[0].Values...) {
			if v.PreviousBasis != "" || v.ValueBasis != "" {
				t.Errorf("%s %s: basis %q %q", p.Period, v.Indicator, v.PreviousBasis, v.ValueBasis)
			}
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// The term's baseline year was reported by the old wards: a new ward's
// over-term change is measured from its territory's baseline.
func TestRebaseTermBaseline(t *testing.T) {
	c := mergerTestConfig("2025-07", "2025-06")
	c.Term = &catalog.Term{Name: "Nhiệm kỳ 2020 – 2025", Baseline: 2020, From: 2021, To: 2025}
	c.Targets = append(c.Targets, catalog.Target{Indicator: "criminal_cases", Kind: catalog.KindOverTerm, Op: "<=", Value: -10})
	var subs []Submission
	for i := 1; i <= 5; i++ {
		subs = append(subs, oldForm(i, "2020"))
	}
	subs = append(subs, mergerSubmissions("2024", "2025")...)
	res := Analyze(c, subs, nil)
	p25 := periodOf(t, res, "2025")
	// Bình Thới: 20 cases in 2025 against Phường 1 and 2's 10 + 20 in 2020.
	if v := value(t, wardOf(t, p25, "Phường Bình Thới"), "criminal_cases"); !near(v.SinceBaseline, 20.0/30*100-100) || v.Status != StatusMet {
		t.Errorf("Bình Thới since the baseline: %v %s", deref(v.SinceBaseline), v.Status)
	}
	// Minh Phụng: 9 against 0.6 x 30 = 18.
	if v := value(t, wardOf(t, p25, "Phường Minh Phụng"), "criminal_cases"); !near(v.SinceBaseline, -50) {
		t.Errorf("Minh Phụng since the baseline: %v", deref(v.SinceBaseline))
	}
	// The district's baseline is the old wards' sum, as before: 150.
	if v := value(t, p25.District, "criminal_cases"); !near(v.SinceBaseline, (20+9+6+30+40)/150.0*100-100) {
		t.Errorf("district since the baseline: %v", deref(v.SinceBaseline))
	}
	if _, ok := res.Rebased["2020"]["Phường Hòa Bình"]; !ok {
		t.Error("no rebased 2020 figures for Phường Hòa Bình")
	}
	for _, w := range periodOf(t, res, "2020").Wards {
		if strings.HasPrefix(w.Name, "Phường H") || strings.HasPrefix(w.Name, "Phường B") {
			t.Errorf("2020 lists %s among its wards", w.Name)
		}
	}
}

// Monthly forms of 2025 around a change from 2025-07: January to June from
// the old wards, July to December from the new ones. The year (and nine
// months) straddle the change and are reported on the new wards, added up
// from the old wards' months times their shares and the new wards' own; the
// year to date of August likewise.
func TestRebaseDerivedYearAcrossAChange(t *testing.T) {
	var subs []Submission
	for m := 1; m <= 12; m++ {
		id := notation.Period{Year: 2025, Kind: notation.Month, N: m}.ID()
		if m <= 6 {
			for i := 1; i <= 5; i++ {
				subs = append(subs, oldForm(i, id))
			}
			continue
		}
		for _, w := range []string{"Phường Bình Thới", "Phường Minh Phụng", "Phường Phú Thọ", "Phường Hòa Bình"} {
			s := newForm(w, id, 12, 15)
			s.Observations[4] = obs("trade_services_revenue", 300, 280)
			subs = append(subs, s)
		}
		subs = append(subs, sameWard(id))
	}
	res := Analyze(mergerTestConfig("2025-07", "2025-06"), subs, nil)
	q1 := periodOf(t, res, "2025-Q1")
	if q1.Expected != 5 || !q1.Complete || q1.Submitted[0] != "Phường 1" {
		t.Errorf("2025-Q1: %d expected, submitted %v", q1.Expected, q1.Submitted)
	}
	y := periodOf(t, res, "2025")
	if y.Expected != 5 || !y.Complete || !y.Derived {
		t.Fatalf("2025: %d expected, submitted %v, missing %v, derived %v", y.Expected, y.Submitted, y.Missing, y.Derived)
	}
	bt := wardOf(t, y, "Phường Bình Thới")
	// 6 x (10 + 20) from Phường 1 and 2, then 6 x 12 of its own.
	if v := value(t, bt, "criminal_cases"); !near(v.Value, 252) || v.ValueBasis != BasisRebased || !near(v.Previous, 6*60+6*15) {
		t.Errorf("Bình Thới 2025 cases: %v (%s), previous %v", deref(v.Value), v.ValueBasis, deref(v.Previous))
	}
	if v := value(t, bt, "criminal_cases_change"); !near(v.Value, 252.0/450*100-100) || v.ValueBasis != BasisRebased {
		t.Errorf("Bình Thới 2025 change: %v (%s)", deref(v.Value), v.ValueBasis)
	}
	if v := value(t, wardOf(t, y, "Phường Minh Phụng"), "criminal_cases"); !near(v.Value, 6*18+6*12) || v.ValueBasis != BasisEstimated {
		t.Errorf("Minh Phụng 2025 cases: %v (%s)", deref(v.Value), v.ValueBasis)
	}
	nine := periodOf(t, res, "2025-9M")
	if nine.Expected != 5 || !nine.Complete {
		t.Errorf("2025-9M: %d expected, missing %v", nine.Expected, nine.Missing)
	}
	aug := periodOf(t, res, "2025-08")
	if v := value(t, wardOf(t, aug, "Phường Bình Thới"), "criminal_cases"); !v.HasYtd || !near(v.Ytd, 6*30+2*12) {
		t.Errorf("Bình Thới year to date of August: %v", deref(v.Ytd))
	}
	// The district's year is the old wards' months and the new ones'.
	if v := value(t, y.District, "criminal_cases"); !near(v.Value, 6*150+6*(4*12+40)) {
		t.Errorf("district 2025 cases: %v", deref(v.Value))
	}
	// A yes/no is not split: Minh Phụng's and Phú Thọ's first half has none,
	// so their year has none, and the district's count says so.
	for _, p := range res.Problems {
		if p.Code != msg.PartialSum || p.Indicator != "detailed_planning_wards" {
			t.Errorf("problem: %+v", p)
		}
	}
}
