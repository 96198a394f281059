package report

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The fixture: three wards (Phường 1..3 are the expected units), two
// half-years. In 2002-H1 Phường 3 did not send (provisional); in 2003-H1
// all three did. Phường 2 misses most targets in 2003-H1 (growth 11.96
// against >= 12); Phường 3 sent only its poor household rate (0.21), its
// poor household count could not be read (the one error passed in), and
// gave no revenue for last year. No ward reported drug figures.
//
// Figures derived by hand (2003-H1, district):
//
//	households            2000+3000+1000 = 6000, previous 2000+3000 = 5000
//	poor households       8+130 = 138 (Phường 3 lacking), previous 160
//	poor household rate   138/5000 = 2.76 % (met, <= 4), previous 160/5000 = 3.2
//	hungry households     0+1+0 = 1 (not met, <= 0), gap -1
//	revenue               1150+2239.2+500 = 3889.2, previous 3000
//	growth                (1150+2239.2)/(1000+2000) = 12.9733 % (met), previous 2002-H1's 11.9403
//	criminal cases        30+30+10 = 70, previous 40+30+14 = 84
//	change                70/84 - 1 = -16.667 % (not met, <= -20), gap -3.333
//	detection rate        (20+15+7)/70 = 60 % (met, >= 55), gap 5; previous (24+15)/(40+30) = 55.714
//	wards with plan done  1 (Phường 1 yes, Phường 2 no, Phường 3 none)
//
// 2002-H1, district: households 5000, poor 160 (3.2 %), revenue 3000 against
// 880+1800 = 2680 (growth 11.9403 %, not met), criminal cases 70 against
// 48+36 = 84 (-16.667 %), detection (24+15)/70 = 55.714 % (met).
//
// Ward figures, 2003-H1:
//
//	Phường 1: rate 8/2000 = 0.4 %, growth 15 %, change 30/40-1 = -25 %, detection 20/30 = 66.67 %
//	Phường 2: rate 130/3000 = 4.333 % (not met), hungry 1 (not met), growth 11.96 % (not met),
//	          change 0 % (not met), detection 15/30 = 50 % (not met)
//	Phường 3: rate 0.21 % (as sent), growth none, change 10/14-1 = -28.57 %, detection 7/10 = 70 %
//
// Its targets are all judged each period, without the term: the term review
// has its own tests (term_test.go), on figures that have a baseline year.
func fixture() *analysis.Result {
	cfg := catalog.Builtin()
	cfg.Units = cfg.Units[:3]
	cfg.Term = nil
	var targets []catalog.Target
	for _, t := range cfg.Targets {
		if t.TargetKind() != catalog.KindOverTerm {
			t.Kind, t.Deadline = catalog.KindEachPeriod, 0
			targets = append(targets, t)
		}
	}
	cfg.Targets = targets
	return analysis.Analyze(cfg, fixtureSubmissions(), fixtureProblems())
}

func fixtureProblems() []analysis.Problem {
	return []analysis.Problem{{
		Severity: analysis.SeverityError, Cell: analysis.Cell{File: "2003-H1/P03.xlsx", Sheet: "Báo cáo", Ref: "D9"},
		Ward: "Phường 3", Period: "2003-H1", Indicator: "poor_households", Text: "mười hai",
		Code: msg.NotNumber,
	}}
}

// obs is an observation read from the row of file: this period in column
// D, last year in column E; nil means the cell was empty.
type obs struct {
	id        string
	cur, prev *float64
}

func f(v float64) *float64 { return &v }

func submission(file, ward, period string, rows ...obs) analysis.Submission {
	s := analysis.Submission{File: file, Sheet: "Báo cáo", Ward: ward, Period: period}
	for i, r := range rows {
		o := analysis.Observation{Indicator: r.id}
		row := 8 + i
		if r.cur != nil {
			o.Current = analysis.Figure{Value: *r.cur, Known: true,
				Source: analysis.Cell{File: file, Sheet: "Báo cáo", Ref: cellRef("D", row)}}
		}
		if r.prev != nil {
			o.Previous = analysis.Figure{Value: *r.prev, Known: true,
				Source: analysis.Cell{File: file, Sheet: "Báo cáo", Ref: cellRef("E", row)}}
		}
		s.Observations = append(s.Observations, o)
	}
	return s
}

func cellRef(col string, row int) string {
	return col + strconv.Itoa(row)
}

func fixtureSubmissions() []analysis.Submission {
	return []analysis.Submission{
		submission("2002-H1/P01.xlsx", "Phường 1", "2002-H1",
			obs{"households", f(2000), nil},
			obs{"poor_households", f(10), nil},
			obs{"hungry_households", f(0), nil},
			obs{"trade_services_revenue", f(1000), f(880)},
			obs{"criminal_cases", f(40), f(48)},
			obs{"criminal_cases_solved", f(24), nil}),
		submission("2002-H1/P02.xlsx", "Phường 2", "2002-H1",
			obs{"households", f(3000), nil},
			obs{"poor_households", f(150), nil},
			obs{"hungry_households", f(0), nil},
			obs{"trade_services_revenue", f(2000), f(1800)},
			obs{"criminal_cases", f(30), f(36)},
			obs{"criminal_cases_solved", f(15), nil}),
		submission("2003-H1/P01.xlsx", "Phường 1", "2003-H1",
			obs{"households", f(2000), f(2000)},
			obs{"poor_households", f(8), f(10)},
			obs{"hungry_households", f(0), f(0)},
			obs{"trade_services_revenue", f(1150), f(1000)},
			obs{"criminal_cases", f(30), f(40)},
			obs{"criminal_cases_solved", f(20), f(24)},
			obs{"detailed_plan_done", f(1), nil}),
		submission("2003-H1/P02.xlsx", "Phường 2", "2003-H1",
			obs{"households", f(3000), f(3000)},
			obs{"poor_households", f(130), f(150)},
			obs{"hungry_households", f(1), f(0)},
			obs{"trade_services_revenue", f(2239.2), f(2000)},
			obs{"criminal_cases", f(30), f(30)},
			obs{"criminal_cases_solved", f(15), f(15)},
			obs{"detailed_plan_done", f(0), nil}),
		submission("2003-H1/P03.xlsx", "Phường 3", "2003-H1",
			obs{"households", f(1000), nil},
			obs{"poor_households", nil, nil},
			obs{"hungry_households", f(0), nil},
			obs{"trade_services_revenue", f(500), nil},
			obs{"criminal_cases", f(10), f(14)},
			obs{"criminal_cases_solved", f(7), nil},
			obs{"poor_household_rate", f(0.21), nil}),
	}
}

var fixtureNow = time.Date(2003, 9, 15, 8, 30, 0, 0, time.UTC)

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}
