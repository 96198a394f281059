package msg

// Placed is err with its place in front: "cau-hinh.xlsx:Mục tiêu!E3: ...".
func Placed(place string, err error) *Error { return &Error{configPlaced, []any{place, err}} }

// The configuration workbook's refusals: a value that makes no sense, named
// by its cell when the reader knows it (Placed).
const (
	configPlaced Code = "config.placed"

	// Cells that cannot be read.
	ConfigNoSheet         Code = "config.no_sheet"
	ConfigUnreadableSheet Code = "config.unreadable_sheet"
	ConfigAccumulateCell  Code = "config.accumulate_cell"
	ConfigNotYear         Code = "config.not_year"
	ConfigTargetValue     Code = "config.target_value"
	ConfigNoIndicator     Code = "config.no_indicator"
	ConfigTargetKindCell  Code = "config.target_kind_cell"
	ConfigStretchValue    Code = "config.stretch_value"
	ConfigDeadlineYear    Code = "config.deadline_year"
	ConfigUnitNoName      Code = "config.unit_no_name"
	ConfigPeriodID        Code = "config.period_id"
	ConfigChangeDate      Code = "config.change_date"
	ConfigShareNumber     Code = "config.share_number"
	ConfigPlanYear        Code = "config.plan_year"
	ConfigPlanNumber      Code = "config.plan_number"

	// The catalog.
	ConfigIndicatorNoID    Code = "config.indicator_no_id"
	ConfigIndicatorTwice   Code = "config.indicator_twice"
	ConfigRatioInputs      Code = "config.ratio_inputs"
	ConfigOneInput         Code = "config.one_input"
	ConfigIndicatorKind    Code = "config.indicator_kind"
	ConfigAccumulate       Code = "config.accumulate"
	ConfigAtMost           Code = "config.at_most"
	ConfigInputNotReported Code = "config.input_not_reported"
	ConfigNoUnits          Code = "config.no_units"
	ConfigWardNameTwice    Code = "config.ward_name_twice"

	// Targets, the term and plans.
	ConfigTargetIndicator Code = "config.target_indicator"
	ConfigTargetOp        Code = "config.target_op"
	ConfigTargetKind      Code = "config.target_kind"
	ConfigTargetStretch   Code = "config.target_stretch"
	ConfigAbove           Code = "config.above"
	ConfigBelow           Code = "config.below"
	ConfigTargetNeedsTerm Code = "config.target_needs_term"
	ConfigDeadlineKind    Code = "config.deadline_kind"
	ConfigDeadlineOutside Code = "config.deadline_outside"
	ConfigTermStart       Code = "config.term_start"
	ConfigTermEnd         Code = "config.term_end"
	ConfigPlanIndicator   Code = "config.plan_indicator"
	ConfigPlanOp          Code = "config.plan_op"
	ConfigPlanValue       Code = "config.plan_value"
	ConfigPlanUnit        Code = "config.plan_unit"

	// Units and boundary changes.
	ConfigUnitPeriod      Code = "config.unit_period"
	ConfigUnitUntil       Code = "config.unit_until"
	ConfigChangePeriod    Code = "config.change_period"
	ConfigChangeShare     Code = "config.change_share"
	ConfigChangeNoUnit    Code = "config.change_no_unit"
	ConfigChangeUnknown   Code = "config.change_unknown"
	ConfigChangeSharesSum Code = "config.change_shares_sum"
	ConfigUnitAfterChange Code = "config.unit_after_change"
	ConfigUnitNotValid    Code = "config.unit_not_valid"
)

const periodIDs = "(2025, 2025-H2, 2025-Q3, 2025-07)"

var configTexts = map[Code]Words{
	configPlaced: {"%s: %v", "%s: %v"},

	ConfigNoSheet:         {"%s: không có trang %q", "%s: no sheet %q"},
	ConfigUnreadableSheet: {"%s:%s: không đọc được trang này: %v", "%s:%s: cannot read the sheet: %v"},
	ConfigAccumulateCell: {"%q: cách cộng theo thời gian phải là %q (số phát sinh: doanh thu, số vụ) hoặc %q (số hiện có: số hộ, có/không)",
		"%q: adds up over time as %q (flows: revenue, cases) or %q (stocks: households, yes/no)"},
	ConfigNotYear:     {"%q: %s không phải là năm", "%q: %s is not a year"},
	ConfigTargetValue: {"%q: giá trị mục tiêu không phải là số", "%q: the target value is not a number"},
	ConfigNoIndicator: {"%q: không có chỉ tiêu này ở trang %q", "%q: no such indicator on sheet %q"},
	ConfigTargetKindCell: {"%q: không có loại mục tiêu này; ghi một trong: hằng năm, đến năm, cả nhiệm kỳ, bình quân, cộng dồn",
		"%q: unknown kind of target; write one of: hằng năm, đến năm, cả nhiệm kỳ, bình quân, cộng dồn"},
	ConfigStretchValue: {"%q: Giá trị vượt (đầu tốt hơn của khoảng) không phải là số", "%q: the better end of the range is not a number"},
	ConfigDeadlineYear: {"%q: hạn không phải là năm", "%q: the deadline is not a year"},
	ConfigUnitNoName:   {"đơn vị không có tên", "a unit has no name"},
	ConfigPeriodID:     {"%q: không phải mã kỳ " + periodIDs, "%q: not a period id " + periodIDs},
	ConfigChangeDate: {"%q: ngày hiệu lực của thay đổi không phải mã kỳ " + periodIDs,
		"%q: the date of the change is not a period id " + periodIDs},
	ConfigShareNumber: {"%q: tỷ lệ không phải là số", "%q: the share is not a number"},
	ConfigPlanYear:    {"%q: năm của kế hoạch không phải là năm", "%q: the plan's year is not a year"},
	ConfigPlanNumber:  {"%q: kế hoạch không phải là số", "%q: the plan is not a number"},

	ConfigIndicatorNoID:  {"có chỉ tiêu không có mã", "an indicator has no id"},
	ConfigIndicatorTwice: {"chỉ tiêu %s được ghi hai lần", "indicator %s is listed twice"},
	ConfigRatioInputs:    {"chỉ tiêu %s: tỷ lệ cần hai chỉ tiêu đầu vào, đang có %d", "indicator %s: a ratio needs two inputs, has %d"},
	ConfigOneInput:       {"chỉ tiêu %s: cần một chỉ tiêu đầu vào, đang có %d", "indicator %s: needs one input, has %d"},
	ConfigIndicatorKind:  {"chỉ tiêu %s: loại %q không hợp lệ", "indicator %s: unknown kind %q"},
	ConfigAccumulate: {"chỉ tiêu %s: cách cộng theo thời gian %q không phải %q hay %q",
		"indicator %s: adds up over time as %q, neither %q nor %q"},
	ConfigAtMost: {"chỉ tiêu %s: cột Không vượt quá ghi %q, nhưng cả hai phải là chỉ tiêu số đếm có trong danh mục",
		"indicator %s: cannot exceed %q; both must be counts in the catalog"},
	ConfigInputNotReported: {"chỉ tiêu %s: đầu vào %q không phải chỉ tiêu phường báo cáo",
		"indicator %s: input %q is not a submitted indicator"},
	ConfigNoUnits:       {"chưa có đơn vị báo cáo nào", "no reporting units are listed"},
	ConfigWardNameTwice: {"tên phường %q được dùng cho cả %s và %s", "the ward name %q is given to both %s and %s"},

	ConfigTargetIndicator: {"mục tiêu ghi cho chỉ tiêu %q, không có ở trang Chỉ tiêu", "target for unknown indicator %q"},
	ConfigTargetOp:        {"mục tiêu của %s: so sánh %q không phải >= hay <=", "target for %s: comparison %q is neither >= nor <="},
	ConfigTargetKind:      {"mục tiêu của %s: loại %q không hợp lệ", "target for %s: unknown kind %q"},
	ConfigTargetStretch: {"mục tiêu của %s: Giá trị vượt (%s), đầu tốt hơn của khoảng, phải %s giá trị mục tiêu %s khi so sánh %s",
		"target for %s: the better end of the range (%s) must be %s the target value %s for %s"},
	ConfigAbove: {"lớn hơn", "above"},
	ConfigBelow: {"nhỏ hơn", "below"},
	ConfigTargetNeedsTerm: {"mục tiêu của %s: mục tiêu loại %q cần có nhiệm kỳ (trang Nhiệm kỳ)",
		"target for %s: a %q target needs a term (sheet Nhiệm kỳ)"},
	ConfigDeadlineKind: {"mục tiêu của %s: hạn (%d) không có nghĩa với mục tiêu loại %q; chỉ mục tiêu loại %q mới có hạn",
		"target for %s: a deadline (%d) means nothing for a %q target; only %q targets have one"},
	ConfigDeadlineOutside: {"mục tiêu của %s: hạn %d nằm ngoài nhiệm kỳ %d–%d", "target for %s: the deadline %d is outside the term %d–%d"},
	ConfigTermStart:       {"năm đầu nhiệm kỳ (%d) phải sau năm gốc (%d)", "the term starts in %d, not after its baseline year %d"},
	ConfigTermEnd:         {"nhiệm kỳ kết thúc năm %d, trước năm bắt đầu (%d)", "the term ends in %d, before it starts (%d)"},
	ConfigPlanIndicator:   {"kế hoạch ghi cho chỉ tiêu %q, không có ở trang Chỉ tiêu", "plan for unknown indicator %q"},
	ConfigPlanOp:          {"kế hoạch của %s: so sánh %q không phải >= hay <=", "plan for %s: comparison %q is neither >= nor <="},
	ConfigPlanValue:       {"kế hoạch của %s phải lớn hơn 0 (đang ghi %s)", "plan for %s: must be above 0 (it is %s)"},
	ConfigPlanUnit: {"kế hoạch của %s: %q không phải đơn vị báo cáo, cũng không phải toàn quận (%s)",
		"plan for %s: %q is neither a reporting unit nor the district (%s)"},

	ConfigUnitPeriod:   {"%s: %q không phải mã kỳ " + periodIDs, "%s: %q is not a period id " + periodIDs},
	ConfigUnitUntil:    {"%s: Đến kỳ (%s) trước Từ kỳ (%s)", "%s: valid until %s, before it starts (%s)"},
	ConfigChangePeriod: {"%q không phải mã kỳ " + periodIDs, "%q is not a period id " + periodIDs},
	ConfigChangeShare:  {"tỷ lệ %s phải lớn hơn 0 và không quá 1", "share %s is not above 0 and at most 1"},
	ConfigChangeNoUnit: {"chưa ghi tên đơn vị", "no unit is named"},
	ConfigChangeUnknown: {"%s không có trong danh sách đơn vị (trang Đơn vị báo cáo)",
		"%s is not in the list of units (sheet Đơn vị báo cáo)"},
	ConfigChangeSharesSum: {"các tỷ lệ chia %s từ kỳ %s cộng lại được %s, không phải 1", "the shares of %s from %s add up to %s, not 1"},
	ConfigUnitAfterChange: {"%s vẫn là đơn vị báo cáo sau khi thay đổi từ kỳ %s (trang Thay đổi địa giới); ghi kỳ cuối cùng trước thay đổi vào cột Đến kỳ",
		"%s is still a reporting unit after it changed from %s (sheet Thay đổi địa giới); write the last period before the change in Đến kỳ"},
	ConfigUnitNotValid: {"%s không phải đơn vị báo cáo khi thay đổi từ kỳ %s có hiệu lực",
		"%s is not a reporting unit when the change from %s takes effect"},
}
