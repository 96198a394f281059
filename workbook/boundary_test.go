package workbook

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/catalog"
	"chitieu/ingest"
	"chitieu/notation"
)

// mergerConfig is the built-in configuration where, from 2025-07, Phường 1
// and 2 merge into Phường Bình Thới, Phường 3 splits between Phường Minh
// Phụng (0.6) and Phường Phú Thọ (0.4), and Phường 4 is renamed Phường Hòa
// Bình. Units sheet: rows 2-17 are Phường 1-16 (C Từ kỳ, D Đến kỳ), rows
// 18-21 the new wards; changes sheet (A Hiệu lực từ, B Đơn vị cũ, C Đơn vị
// mới, D Tỷ lệ, E Căn cứ): rows 2-3 the merge, 4-5 the split, 6 the rename.
func mergerConfig() *catalog.Config {
	c := catalog.Builtin()
	for i := 0; i < 4; i++ {
		c.Units[i].To = "2025-06"
	}
	for _, n := range []string{"Phường Bình Thới", "Phường Minh Phụng", "Phường Phú Thọ", "Phường Hòa Bình"} {
		c.Units = append(c.Units, catalog.Unit{Name: n, From: "2025-07"})
	}
	act := "Nghị quyết (minh họa)"
	c.Changes = []catalog.Change{
		{From: "2025-07", Old: "Phường 1", New: "Phường Bình Thới", Share: 1, Act: act},
		{From: "2025-07", Old: "Phường 2", New: "Phường Bình Thới", Share: 1, Act: act},
		{From: "2025-07", Old: "Phường 3", New: "Phường Minh Phụng", Share: 0.6, Act: act},
		{From: "2025-07", Old: "Phường 3", New: "Phường Phú Thọ", Share: 0.4, Act: act},
		{From: "2025-07", Old: "Phường 4", New: "Phường Hòa Bình", Share: 1, Act: act},
	}
	return c
}

func writeMergerConfig(t *testing.T, edits ...[3]string) string {
	t.Helper()
	return writeConfigOf(t, mergerConfig(), edits...)
}

func TestConfigChangesRoundTrip(t *testing.T) {
	cfg, err := ingest.ReadConfig(writeMergerConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	want := mergerConfig()
	if len(cfg.Changes) != len(want.Changes) {
		t.Fatalf("%d changes, want %d", len(cfg.Changes), len(want.Changes))
	}
	for i, ch := range cfg.Changes {
		if ch != want.Changes[i] {
			t.Errorf("change %d: %+v, want %+v", i, ch, want.Changes[i])
		}
	}
	for i, u := range cfg.Units {
		if u.From != want.Units[i].From || u.To != want.Units[i].To {
			t.Errorf("unit %s: %q-%q, want %q-%q", u.Name, u.From, u.To, want.Units[i].From, want.Units[i].To)
		}
	}
	if got := len(cfg.UnitsIn("2024")); got != 16 {
		t.Errorf("2024 expects %d units, want 16", got)
	}
	if got := len(cfg.UnitsIn("2025-Q3")); got != 16 {
		t.Errorf("2025-Q3 expects %d units, want 16 (12 old, 4 new)", got)
	}
	if got := cfg.UnitsIn("2025"); len(got) != 16 || got[0].Name != "Phường 5" {
		t.Errorf("2025 (straddling the change) expects %v, want the 12 old wards left and the 4 new ones", got)
	}
}

// The changes sheet read without diacritics in its name and headers, and
// with its columns in another order.
func TestConfigChangesAnyShape(t *testing.T) {
	f, err := Config(mergerConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetName(ingest.ConfigSheetChanges, "thay doi dia gioi"); err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]string{"A1": "Ty le", "D1": "hieu luc tu", "A4": "0,6", "D4": "2025-07",
		"A2": "1", "D2": "2025-07", "A3": "1", "D3": "2025-07", "A5": "40%", "D5": "2025-07", "A6": "", "D6": "2025-07", "C1": "don vi moi", "B1": "DON VI CU"} {
		if err := f.SetCellStr("thay doi dia gioi", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "c.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	cfg, err := ingest.ReadConfig(path) // the sheet renamed: not writeConfigOf
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Changes) != 5 || cfg.Changes[2].Share != 0.6 || cfg.Changes[3].Share != 0.4 || cfg.Changes[4].Share != 1 {
		t.Errorf("changes %+v", cfg.Changes)
	}
}

func TestConfigChangeRefusals(t *testing.T) {
	const units, changes = "Đơn vị báo cáo", "Thay đổi địa giới"
	tests := []struct {
		name  string
		edits [][3]string
		cell  string
		want  string
	}{
		{"shares of a split not adding up to 1", [][3]string{{changes, "D5", "0.3"}}, changes + "!D5", "add up to 0.9"},
		{"share above 1", [][3]string{{changes, "D2", "1.5"}}, changes + "!D2", "not above 0 and at most 1"},
		{"share of 0", [][3]string{{changes, "D6", "0"}}, changes + "!D6", "not above 0 and at most 1"},
		{"share not a number", [][3]string{{changes, "D6", "một nửa"}}, changes + "!D6", "not a number"},
		{"old unit still valid", [][3]string{{units, "D2", ""}}, units + "!D2", "still a reporting unit"},
		{"old unit valid past the change", [][3]string{{units, "D5", "2025"}}, units + "!D5", "still a reporting unit"},
		{"new unit not in the list", [][3]string{{changes, "C6", "Phường Không Có"}}, changes + "!C6", "not in the list of units"},
		{"old unit not in the list", [][3]string{{changes, "B2", "Phường 99"}}, changes + "!B2", "not in the list of units"},
		{"new unit starting after the change", [][3]string{{units, "C21", "2026"}}, units + "!C21", "not a reporting unit when"},
		{"date of change not a period", [][3]string{{changes, "A3", "giữa năm"}}, changes + "!A3", "not a period id"},
		{"unit's first period not a period", [][3]string{{units, "C18", "sau sáp nhập"}}, units + "!C18", "not a period id"},
		{"unit ending before it starts", [][3]string{{units, "D18", "2024"}}, units + "!D18", "before it starts"},
		{"a unit is named without diacritics", [][3]string{{changes, "C6", "phuong hoa binh"}}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.ReadConfig(writeMergerConfig(t, tt.edits...))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.cell+":") || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want %q naming %s", err, tt.want, tt.cell)
			}
		})
	}
}

// A configuration for a whole city works as the district's: 168 wards,
// communes and a special zone, the Quận sheet holding the city's name as
// the summary's title.
func TestCityConfiguration(t *testing.T) {
	c := catalog.Builtin()
	c.District, c.Units = "Thành phố Hồ Chí Minh", nil
	for i := 1; i <= 113; i++ {
		c.Units = append(c.Units, catalog.Unit{Name: fmt.Sprintf("Phường Thử %d", i)})
	}
	for i := 1; i <= 54; i++ {
		c.Units = append(c.Units, catalog.Unit{Name: fmt.Sprintf("Xã Thử %d", i)})
	}
	c.Units = append(c.Units, catalog.Unit{Name: "Đặc khu Côn Đảo"})
	cfg, err := ingest.ReadConfig(writeConfigOf(t, c))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(cfg.UnitsIn("2025-Q3")); got != 168 || cfg.District != c.District {
		t.Fatalf("%d units in %q, want 168 in %q", got, cfg.District, c.District)
	}
	q3, _ := notation.ParsePeriodID("2025-Q3")
	for i, u := range cfg.Units {
		if i%12 != 0 && i != len(cfg.Units)-1 {
			continue // a sample of each kind of unit is enough
		}
		if _, err := Template(cfg, u.Name, q3); err != nil {
			t.Errorf("%s: %v", u.Name, err)
		}
	}
	m := catalog.NewMatcher(cfg)
	for text, want := range map[string]string{"ỦY BAN NHÂN DÂN XÃ THỬ 12": "Xã Thử 12", "PHƯỜNG THỬ 1": "Phường Thử 1", "dac khu con dao.xlsx": "Đặc khu Côn Đảo"} {
		if got, _, ok := m.Unit(text); !ok || got != want {
			t.Errorf("%q names %q, want %q", text, got, want)
		}
	}
}
