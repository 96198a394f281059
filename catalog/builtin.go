package catalog

import "fmt"

// The built-in catalog, targets and wards of District 11. Staff change them
// in the configuration workbook (chitieu config), not here.

var builtinIndicators = []Indicator{
	{ID: "households", Code: "01", Label: "Tổng số hộ dân", LabelEN: "Households", Unit: "hộ", Accumulate: AccumulateLast, Group: groupPoverty, Kind: KindCount,
		Aliases: []string{"Số hộ dân", "Tổng số hộ", "Số hộ"}},
	{ID: "poor_households", Code: "02", Label: "Số hộ nghèo", LabelEN: "Poor households", Unit: "hộ", Accumulate: AccumulateLast, Group: groupPoverty, Kind: KindCount, AtMost: "households",
		Aliases: []string{"Hộ nghèo", "Tổng số hộ nghèo"}},
	{ID: "hungry_households", Code: "03", Label: "Số hộ đói", LabelEN: "Hungry households", Unit: "hộ", Accumulate: AccumulateLast, Group: groupPoverty, Kind: KindCount, AtMost: "households",
		Aliases: []string{"Hộ đói", "Tổng số hộ đói"}},
	{ID: "trade_services_revenue", Code: "04", Label: "Doanh thu thương mại - dịch vụ", LabelEN: "Trade and services revenue", Unit: "triệu đồng", Accumulate: AccumulateSum, Group: groupEconomy, Kind: KindCount,
		Aliases: []string{"Doanh thu TM-DV", "Doanh thu TMDV", "Tổng doanh thu thương mại - dịch vụ", "Doanh thu thương mại dịch vụ"}},
	{ID: "criminal_cases", Code: "05", Label: "Số vụ phạm pháp hình sự", LabelEN: "Criminal cases", Unit: "vụ", Accumulate: AccumulateSum, Group: groupSecurity, Kind: KindCount,
		Aliases: []string{"Số vụ PPHS", "Phạm pháp hình sự", "Số vụ phạm pháp hình sự xảy ra"}},
	{ID: "criminal_cases_solved", Code: "06", Label: "Số vụ phạm pháp hình sự đã khám phá", LabelEN: "Criminal cases solved", Unit: "vụ", Accumulate: AccumulateSum, Group: groupSecurity, Kind: KindCount, AtMost: "criminal_cases",
		Aliases: []string{"Số vụ PPHS đã khám phá", "Số vụ đã khám phá", "Số vụ khám phá"}},
	{ID: "drug_cases", Code: "07", Label: "Số vụ về ma túy", LabelEN: "Drug cases", Unit: "vụ", Accumulate: AccumulateSum, Group: groupSecurity, Kind: KindCount,
		Aliases: []string{"Số vụ ma túy", "Số vụ phạm pháp về ma túy"}},
	{ID: "drug_users_registered", Code: "08", Label: "Số người nghiện ma túy có hồ sơ quản lý", LabelEN: "Registered drug users", Unit: "người", Accumulate: AccumulateLast, Group: groupSecurity, Kind: KindCount,
		Aliases: []string{"Số người nghiện có hồ sơ quản lý", "Số người nghiện ma túy", "Số đối tượng nghiện có hồ sơ"}},
	{ID: "detox_placements", Code: "09", Label: "Số người được đưa đi cai nghiện tập trung", LabelEN: "People sent to residential detox", Unit: "người", Accumulate: AccumulateSum, Group: groupSecurity, Kind: KindCount,
		Aliases: []string{"Số người đi cai nghiện tập trung", "Đưa đi cai nghiện tập trung", "Số đối tượng đưa đi cai nghiện"}},
	{ID: "detailed_plan_done", Code: "10", Label: "Hoàn thành quy hoạch chi tiết", LabelEN: "Detailed zoning plan done", Unit: "có/không", Accumulate: AccumulateLast, Group: groupUrban, Kind: KindFlag,
		Aliases: []string{"Quy hoạch chi tiết", "Đã hoàn thành quy hoạch chi tiết"}},

	{ID: "poor_household_rate", Label: "Tỷ lệ hộ nghèo", LabelEN: "Poor household rate", Unit: "%", Group: groupPoverty, Kind: KindRatio,
		Of: []string{"poor_households", "households"}, Aliases: []string{"Tỉ lệ hộ nghèo"}},
	{ID: "trade_services_growth", Label: "Tăng trưởng thương mại - dịch vụ", LabelEN: "Trade and services growth", Unit: "%", Group: groupEconomy, Kind: KindChange,
		Of: []string{"trade_services_revenue"}, Aliases: []string{"Tốc độ tăng trưởng thương mại - dịch vụ", "Tăng trưởng TM-DV"}},
	{ID: "criminal_cases_change", Label: "Tăng giảm số vụ phạm pháp hình sự", LabelEN: "Change in criminal cases", Unit: "%", Group: groupSecurity, Kind: KindChange,
		Of: []string{"criminal_cases"}, Aliases: []string{"Tỷ lệ giảm số vụ phạm pháp hình sự"}},
	{ID: "detection_rate", Label: "Tỷ lệ khám phá", LabelEN: "Detection rate", Unit: "%", Group: groupSecurity, Kind: KindRatio,
		Of: []string{"criminal_cases_solved", "criminal_cases"}, Aliases: []string{"Tỷ lệ khám phá án", "Tỉ lệ khám phá", "Tỷ lệ khám phá phạm pháp hình sự"}},
	{ID: "drug_cases_change", Label: "Tăng giảm số vụ về ma túy", LabelEN: "Change in drug cases", Unit: "%", Group: groupSecurity, Kind: KindChange,
		Of: []string{"drug_cases"}},
	{ID: "detox_rate", Label: "Tỷ lệ đưa đi cai nghiện", LabelEN: "Detox placement rate", Unit: "%", Group: groupSecurity, Kind: KindRatio,
		Of: []string{"detox_placements", "drug_users_registered"}, Aliases: []string{"Tỷ lệ cai nghiện tập trung"}},
	{ID: "detailed_planning_wards", Label: "Số phường hoàn thành quy hoạch chi tiết", LabelEN: "Wards with a detailed zoning plan", Unit: "phường", Group: groupUrban, Kind: KindCountTrue,
		Of: []string{"detailed_plan_done"}},
}

// The review's headings, in the seed's words.
const (
	groupEconomy  = "Kinh tế"
	groupPoverty  = "Xóa đói giảm nghèo"
	groupSecurity = "An ninh trật tự"
	groupUrban    = "Quy hoạch đô thị"
)

const congressVIII = "Nghị quyết Đại hội Đảng bộ Quận 11 lần thứ VIII: "

var builtinTargets = []Target{
	{Indicator: "trade_services_growth", Kind: KindEachPeriod, Op: ">=", Value: 12,
		Source: congressVIII + "mỗi năm nhịp độ phát triển thương mại - dịch vụ tăng từ 12% trở lên"},
	{Indicator: "poor_household_rate", Kind: KindByDeadline, Op: "<=", Value: 4, Stretch: float(3), Deadline: 2005,
		Source: congressVIII + "đến năm 2005 giảm số hộ nghèo xuống còn từ 3 - 4% số hộ dân trong Quận"},
	{Indicator: "hungry_households", Kind: KindByDeadline, Op: "<=", Value: 0, Deadline: 2005,
		Source: congressVIII + "đến năm 2005 không còn hộ đói"},
	{Indicator: "criminal_cases_change", Kind: KindEachPeriod, Op: "<=", Value: -20,
		Source: congressVIII + "phấn đấu mỗi năm giảm 20% số vụ phạm pháp hình sự"},
	{Indicator: "detection_rate", Kind: KindEachPeriod, Op: ">=", Value: 55,
		Source: congressVIII + "tỷ lệ khám phá đạt từ 55% trở lên"},
	{Indicator: "drug_cases", Kind: KindOverTerm, Op: "<=", Value: -10, Stretch: float(-15),
		Source: congressVIII + "trong nhiệm kỳ giảm từ 10 - 15% số vụ về ma túy"},
}

func float(v float64) *float64 { return &v }

// Builtin returns a fresh copy of the built-in configuration.
func Builtin() *Config {
	c := &Config{Source: "built-in", District: "Quận 11", Term: BuiltinTerm()}
	for _, ind := range builtinIndicators {
		ind.Of = append([]string(nil), ind.Of...)
		ind.Aliases = append([]string(nil), ind.Aliases...)
		c.Indicators = append(c.Indicators, ind)
	}
	for _, t := range builtinTargets {
		if t.Stretch != nil {
			t.Stretch = float(*t.Stretch)
		}
		c.Targets = append(c.Targets, t)
	}
	for n := 1; n <= 16; n++ {
		c.Units = append(c.Units, Unit{Name: fmt.Sprintf("Phường %d", n)})
	}
	return c
}
