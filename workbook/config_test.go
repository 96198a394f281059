package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"chitieu/catalog"
	"chitieu/ingest"
	"chitieu/msg"
)

// writeConfig writes the built-in configuration, lets edit change cells
// (sheet, cell, value), and returns its path.
func writeConfig(t *testing.T, edits ...[3]string) string {
	t.Helper()
	return writeConfigOf(t, catalog.Builtin(), edits...)
}

// writeConfigOf is writeConfig for the configuration cfg.
func writeConfigOf(t *testing.T, cfg *catalog.Config, edits ...[3]string) string {
	t.Helper()
	f, err := Config(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		if err := f.SetCellStr(e[0], e[1], e[2]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "cau-hinh.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigTargetsRoundTrip(t *testing.T) {
	cfg, err := ingest.ReadConfig(writeConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	want := catalog.Builtin()
	if cfg.Term == nil || *cfg.Term != *want.Term {
		t.Errorf("term %+v, want %+v", cfg.Term, want.Term)
	}
	if len(cfg.Targets) != len(want.Targets) {
		t.Fatalf("%d targets, want %d", len(cfg.Targets), len(want.Targets))
	}
	for i, got := range cfg.Targets {
		w := want.Targets[i]
		if got.String() != w.String() || got.TargetKind() != w.TargetKind() || got.Deadline != w.Deadline || got.Source != w.Source {
			t.Errorf("target %d: %+v, want %+v", i, got, w)
		}
	}
	for i, ind := range cfg.Indicators {
		if ind.Accumulate != want.Indicators[i].Accumulate || ind.Group != want.Indicators[i].Group {
			t.Errorf("%s adds up as %q in %q, want %q in %q", ind.ID, ind.Accumulate, ind.Group, want.Indicators[i].Accumulate, want.Indicators[i].Group)
		}
	}
}

// The Mục tiêu sheet's columns: A Mã chỉ tiêu, B Loại, C So sánh, D Giá
// trị, E Giá trị vượt, F Hạn, G Nguồn; row 2 is trade_services_growth
// (hằng năm), row 3 poor_household_rate (đến năm 2005, <= 4, 3).
func TestConfigRefusals(t *testing.T) {
	tests := []struct {
		name  string
		edits [][3]string
		cell  string // the position the message must name
		want  string // in English
		vi    string // in Vietnamese, the language staff read it in
	}{
		{"unknown kind", [][3]string{{"Mục tiêu", "B2", "thỉnh thoảng"}}, "Mục tiêu!B2", "unknown kind", "không có loại mục tiêu này"},
		{"kind without diacritics is fine", [][3]string{{"Mục tiêu", "B2", "HANG NAM"}}, "", "", ""},
		{"range on the wrong side", [][3]string{{"Mục tiêu", "E3", "5"}}, "Mục tiêu!E3", "better end", "Giá trị vượt (5), đầu tốt hơn của khoảng, phải nhỏ hơn giá trị mục tiêu 4"},
		{"a decimal in the language's notation", [][3]string{{"Mục tiêu", "E3", "4.5"}}, "Mục tiêu!E3", "range (4.5) must be below", "Giá trị vượt (4,5)"},
		{"deadline outside the term", [][3]string{{"Mục tiêu", "F3", "2010"}}, "Mục tiêu!F3", "outside the term", "nằm ngoài nhiệm kỳ"},
		{"deadline on a yearly target", [][3]string{{"Mục tiêu", "F2", "2003"}}, "Mục tiêu!F2", "means nothing", "không có nghĩa với mục tiêu loại"},
		{"deadline not a year", [][3]string{{"Mục tiêu", "F3", "sắp tới"}}, "Mục tiêu!F3", "not a year", "hạn không phải là năm"},
		{"comparison", [][3]string{{"Mục tiêu", "C2", "="}}, "Mục tiêu!C2", "neither >= nor <=", "so sánh \"=\" không phải >= hay <="},
		{"term out of order", [][3]string{{"Nhiệm kỳ", "C2", "1999"}}, "Nhiệm kỳ!C2", "not after its baseline", "năm đầu nhiệm kỳ (1999) phải sau năm gốc (2000)"},
		{"term year not a year", [][3]string{{"Nhiệm kỳ", "D2", "năm sau"}}, "Nhiệm kỳ!D2", "not a year", "Đến năm không phải là năm"},
		{"adds up in an unknown way", [][3]string{{"Chỉ tiêu", "I2", "trung bình"}}, "Chỉ tiêu!I2", "adds up over time", "cách cộng theo thời gian phải là"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.ReadConfig(writeConfig(t, tt.edits...))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.cell+":") || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want %s naming %s", err, tt.want, tt.cell)
			case tt.want != "":
				if vi := msg.Text("vi", msg.CLIConfigBad, err); !strings.Contains(vi, tt.cell+":") || !strings.Contains(vi, tt.vi) {
					t.Errorf("in Vietnamese %q, want %q naming %s", vi, tt.vi, tt.cell)
				}
			}
		})
	}
}

// TestConfigOlderWorkbook: a configuration written before the catalog had
// "Cộng theo thời gian", "Nhóm" and "Không vượt quá" keeps the built-in
// catalog's values for them; one that has the columns keeps its own.
func TestConfigOlderWorkbook(t *testing.T) {
	f, err := Config(catalog.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // columns I, J, K
		if err := f.RemoveCol(ingest.ConfigSheetIndicators, "I"); err != nil {
			t.Fatal(err)
		}
	}
	old := filepath.Join(t.TempDir(), "cu.xlsx")
	if err := f.SaveAs(old); err != nil {
		t.Fatal(err)
	}
	cfg, err := ingest.ReadConfig(old)
	if err != nil {
		t.Fatal(err)
	}
	poor, _ := cfg.Indicator("poor_households")
	revenue, _ := cfg.Indicator("trade_services_revenue")
	if poor.AtMost != "households" || revenue.Accumulate != catalog.AccumulateSum || revenue.Group != "Kinh tế" {
		t.Errorf("an older workbook: poor households at most %q, revenue %q in %q", poor.AtMost, revenue.Accumulate, revenue.Group)
	}
	// Blank cells in the columns mean none.
	cfg, err = ingest.ReadConfig(writeConfig(t, [3]string{ingest.ConfigSheetIndicators, "K3", ""}))
	if err != nil {
		t.Fatal(err)
	}
	if poor, _ := cfg.Indicator("poor_households"); poor.AtMost != "" {
		t.Errorf("a blank Không vượt quá: %q", poor.AtMost)
	}
}
