package ingest

// The configuration workbook's sheets and columns, as plain data: ReadConfig
// finds them by these names (in any order, case and accents folded), and
// package workbook writes them in this order. To add a column, add its name
// here, read it in ReadConfig and write it in workbook.Config.
const (
	ConfigSheetHelp       = "Hướng dẫn"
	ConfigSheetIndicators = "Chỉ tiêu"
	ConfigSheetTargets    = "Mục tiêu"
	ConfigSheetUnits      = "Đơn vị báo cáo"
	ConfigSheetDistrict   = "Quận"
	ConfigSheetTerm       = "Nhiệm kỳ"
	ConfigSheetPlans      = "Kế hoạch"
	ConfigSheetChanges    = "Thay đổi địa giới"
)

// The columns of each configuration sheet, in the order they are written.
var (
	IndicatorColumns = []string{"Mã chỉ tiêu", "Mã số", "Tên chỉ tiêu", "Tên tiếng Anh", "Đơn vị tính", "Loại", "Tính từ", "Tên khác",
		"Cộng theo thời gian", "Nhóm", "Không vượt quá"}
	TargetColumns   = []string{"Mã chỉ tiêu", "Loại", "So sánh", "Giá trị", "Giá trị vượt", "Hạn", "Nguồn"}
	TermColumns     = []string{"Tên", "Năm gốc", "Từ năm", "Đến năm"}
	PlanColumns     = []string{"Năm", "Đơn vị", "Mã chỉ tiêu", "Kế hoạch", "So sánh"}
	UnitColumns     = []string{"Tên", "Tên khác", "Từ kỳ", "Đến kỳ"}
	ChangeColumns   = []string{"Hiệu lực từ", "Đơn vị cũ", "Đơn vị mới", "Tỷ lệ", "Căn cứ"}
	DistrictColumns = []string{"Tên quận"}
)
