package report

import (
	"fmt"
	"path/filepath"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
)

// bigResult is the analysis of a realistic large input: every configured
// ward (16) sending every submitted indicator, this period and last year,
// for periods monthly reports (125 is the 2,000 workbooks of
// scripts/gen2000), with problems problems, each in a file of its own.
func bigResult(periods, problems int) *analysis.Result {
	cfg := catalog.Builtin()
	var subs []analysis.Submission
	for p := range periods {
		period := fmt.Sprintf("%d-%02d", 1993+p/12, 1+p%12)
		for w, unit := range cfg.Units {
			file := fmt.Sprintf("many/%s/P%02d.xlsx", period, w+1)
			s := analysis.Submission{File: file, Sheet: "Báo cáo", Ward: unit.Name, Period: period}
			for i, ind := range cfg.Indicators {
				if !ind.Submitted() {
					continue
				}
				row := 8 + i
				s.Observations = append(s.Observations, analysis.Observation{Indicator: ind.ID,
					Current: analysis.Figure{Value: bigValue(ind, i, w, p), Known: true,
						Source: analysis.Cell{File: file, Sheet: "Báo cáo", Ref: cellRef("D", row)}},
					Previous: analysis.Figure{Value: bigValue(ind, i, w, p-12), Known: true,
						Source: analysis.Cell{File: file, Sheet: "Báo cáo", Ref: cellRef("E", row)}},
				})
			}
			subs = append(subs, s)
		}
	}
	var probs []analysis.Problem
	for i := range problems {
		severity := analysis.SeverityWarning
		if i%3 == 0 {
			severity = analysis.SeverityError
		}
		probs = append(probs, analysis.Problem{Severity: severity,
			Cell: analysis.Cell{File: fmt.Sprintf("many/x/P%02d-%d.xlsx", i%16+1, i), Sheet: "Báo cáo", Ref: cellRef("D", 8+i%10)},
			Ward: cfg.Units[i%16].Name, Period: "2003-05", Indicator: "poor_households", Text: "mười hai",
			Code: msg.NotNumber})
	}
	return analysis.Analyze(cfg, subs, probs)
}

// bigValue is what ward w reports for the i-th indicator in month p
// (counting from 1993-01): consistent, so that Analyze adds no problems of
// its own (the figures of last year match, parts are at most their whole).
func bigValue(ind catalog.Indicator, i, w, p int) float64 {
	if ind.Kind == catalog.KindFlag {
		return float64((w + p + 24) % 2)
	}
	v := float64((1000-50*i)*(w+1) + 3*p + 36)
	if ind.ID == "trade_services_revenue" {
		v += 0.5 // a decimal
	}
	return v
}

// BenchmarkWriteSummary writes the summary of 2,000 workbooks (16 wards x
// 125 months) with 500 problems: as WriteSummary does (the big sheets
// spliced into the package; "streamed" for continuity of the results), and
// with every sheet written cell by cell (direct), the way of a master's
// sheets cleared in place.
func BenchmarkWriteSummary(b *testing.B) {
	r := bigResult(125, 500)
	for _, c := range []struct {
		name    string
		cleared []string
	}{{"streamed", nil}, {"direct", sheetNames(Options{})}} {
		b.Run(c.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "tong-hop.xlsx")
			o := Options{Now: fixtureNow, Inputs: []string{"many"}, cleared: c.cleared}
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteSummary(path, r, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
