package catalog

import (
	"testing"

	"golang.org/x/text/unicode/norm"

	"chitieu/notation"
)

func TestMatcherIndicator(t *testing.T) {
	m := NewMatcher(Builtin())
	tests := []struct {
		label, want string
	}{
		{"Số hộ nghèo", "poor_households"},
		{"SO HO NGHEO", "poor_households"},
		{"số hộ nghèo", "poor_households"},
		{norm.NFD.String("Số hộ nghèo"), "poor_households"},
		{"2. Số hộ nghèo (hộ)", "poor_households"},
		{"  b)   Số   hộ nghèo ", "poor_households"},
		{"II. Tổng số hộ dân", "households"},
		{"Số vụ phạm pháp hình sự", "criminal_cases"},
		{"Số vụ phạm pháp hình sự đã khám phá", "criminal_cases_solved"},
		{"SO VU PHAM PHAP HINH SU DA KHAM PHA", "criminal_cases_solved"},
		{"Số hộ nghèo đã thoát nghèo", ""},
		{"Số hộ thoát nghèo", ""},
		{"Doanh thu thương mại - dịch vụ (triệu đồng)", "trade_services_revenue"},
		{"Doanh thu TM-DV", "trade_services_revenue"},
		{"Số vụ PPHS", "criminal_cases"},
		{"Tỷ lệ hộ nghèo", "poor_household_rate"},
		{"Hoàn thành quy hoạch chi tiết", "detailed_plan_done"},
		{"NGƯỜI LẬP BIỂU", ""},
		{"CHỦ TỊCH", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := m.Indicator(tt.label)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Indicator(%q) = %q, %v; want %q", tt.label, got, ok, tt.want)
		}
	}
	if id, ok := m.IndicatorByCode("05"); !ok || id != "criminal_cases" {
		t.Errorf(`IndicatorByCode("05") = %q, %v`, id, ok)
	}
}

func TestMatcherUnit(t *testing.T) {
	cfg := Builtin()
	cfg.Units = append(cfg.Units, Unit{Name: "Phường Phú Thọ", Aliases: []string{"Phú Thọ cũ"}})
	m := NewMatcher(cfg)
	tests := []struct {
		text, want string
		found, ok  bool
	}{
		{"Phường 5", "Phường 5", true, true},
		{"P5", "Phường 5", true, true},
		{"P.05", "Phường 5", true, true},
		{"phuong 5", "Phường 5", true, true},
		{"PHƯỜNG 05", "Phường 5", true, true},
		{"P 5", "Phường 5", true, true},
		{"ỦY BAN NHÂN DÂN PHƯỜNG 12", "Phường 12", true, true},
		{"Phường 7, ngày 5 tháng 1 năm 2002", "Phường 7", true, true},
		{"BC_P14", "Phường 14", true, true},
		{"phuong-09", "Phường 9", true, true},
		{"UBND PHƯỜNG PHÚ THỌ", "Phường Phú Thọ", true, true},
		{"Phú Thọ cũ", "Phường Phú Thọ", true, true},
		{"PHƯỜNG 17", "Phường 17", true, false},
		{"ỦY BAN NHÂN DÂN QUẬN 11", "", false, false},
		{"Báo cáo", "", false, false},
		{"Sheet1", "", false, false},
	}
	for _, tt := range tests {
		got, found, ok := m.Unit(tt.text)
		if got != tt.want || found != tt.found || ok != tt.ok {
			t.Errorf("Unit(%q) = %q, %v, %v; want %q, %v, %v", tt.text, got, found, ok, tt.want, tt.found, tt.ok)
		}
	}
}

// FuzzTextMatchers: titles, labels and ward names of any text never panic,
// and a period found has an id that parses back to itself.
func FuzzTextMatchers(f *testing.F) {
	for _, s := range []string{"BÁO CÁO 6 THÁNG ĐẦU NĂM 2003", "QUÝ III/2003", "PHƯỜNG 05", "2. Số hộ nghèo (hộ)", "tháng 13/2003", "P.0000000000012"} {
		f.Add(s)
	}
	m := NewMatcher(Builtin())
	f.Fuzz(func(t *testing.T, s string) {
		m.Indicator(s)
		m.Unit(s)
		if p, ok := notation.FindPeriod(s); ok {
			back, ok := notation.ParsePeriodID(p.ID())
			if !ok || back != p {
				t.Fatalf("%q gives period %+v whose id %q does not parse back", s, p, p.ID())
			}
		}
	})
}
