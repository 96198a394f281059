package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/report"
)

// TestReportMergerSample reads samples-merger end to end: 2024 from the 16
// old wards, 2025 from the 5 new ones, compared on the new boundaries. The
// one problem is the one the sample is built to show: Phường Hòa Bình's own
// same-period-last-year figure leaves out Phường 9.
func TestReportMergerSample(t *testing.T) {
	r := runCLI(t, nil, "--format", "json", "--no-workbook", "samples-merger")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden(t, "samples-merger.json.golden", r.stdout)
	var doc struct {
		Periods []struct {
			Period    string
			Expected  int
			Submitted []string
			Complete  bool
			District  map[string]map[string]any
			Wards     map[string]struct{ Indicators map[string]map[string]any }
		}
		Problems []struct{ Ward, Indicator, Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Periods) != 2 || doc.Periods[0].Expected != 16 || !doc.Periods[0].Complete || doc.Periods[1].Expected != 5 || !doc.Periods[1].Complete {
		t.Fatalf("periods: %+v", doc.Periods)
	}
	if len(doc.Problems) != 1 || doc.Problems[0].Ward != "Phường Hòa Bình" || doc.Problems[0].Indicator != "criminal_cases" {
		t.Errorf("problems: %+v", doc.Problems)
	}
	p25 := doc.Periods[1]
	// The district's last year is the old wards' 2024, whatever the
	// boundaries: 196 cases.
	if c := p25.District["criminal_cases"]; c["previous"] != 196.0 || c["previous_basis"] != "rebased" {
		t.Errorf("district cases: %v", c)
	}
	bt := p25.Wards["Phường Bình Thới"].Indicators["criminal_cases"]
	if bt["previous_basis"] != "estimated" || !strings.Contains(bt["previous_source"].(string), "P08.xlsx!Báo cáo!E10 ×0.55") {
		t.Errorf("Bình Thới cases: %v", bt)
	}
	if lbt := p25.Wards["Phường Lãnh Binh Thăng"].Indicators["criminal_cases"]; lbt["previous_basis"] != "rebased" {
		t.Errorf("a renamed ward's cases: %v", lbt)
	}

	// The summary workbook's Nguồn sheet lists every old cell with its share.
	out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	if r := runCLI(t, nil, "--out", out, "samples-merger"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	dump, err := report.DumpWorkbook(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dump, "E10 ×1 + samples-merger/2024/P03.xlsx!Báo cáo!E10 ×1 + samples-merger/2024/P08.xlsx!Báo cáo!E10 ×0.55") {
		t.Error("the Nguồn sheet does not list Bình Thới's old cells with their shares")
	}

	table := runCLI(t, nil, "--no-workbook", "samples-merger")
	if table.code != 0 {
		t.Fatalf("exit %d: %s", table.code, table.stderr)
	}
	golden(t, "samples-merger-table.golden", table.stdout)
}

// TestTemplateUnitsOfThePeriod: template --all writes the forms of the
// units valid in the period asked for.
func TestTemplateUnitsOfThePeriod(t *testing.T) {
	cfg := filepath.Join("samples-merger", "cau-hinh.xlsx")
	for period, want := range map[string]int{"2024": 16, "2025-Q2": 16, "2025": 5, "2025-07": 5} {
		dir := filepath.Join(t.TempDir(), "mau")
		if r := runCLI(t, nil, "template", "--config", cfg, "--all", "--period", period, "--out", dir); r.code != 0 {
			t.Fatalf("%s: exit %d: %s", period, r.code, r.stderr)
		}
		files, _ := os.ReadDir(dir)
		if len(files) != want {
			t.Errorf("%s: %d forms, want %d", period, len(files), want)
		}
	}
	r := runCLI(t, nil, "template", "--config", cfg, "--ward", "Phường 1", "--period", "2025", "--out", filepath.Join(t.TempDir(), "x.xlsx"))
	if r.code != 1 || !strings.Contains(r.stderr, "not a reporting unit in 2025") {
		t.Errorf("a merged ward's form for 2025: exit %d: %s", r.code, r.stderr)
	}
}
