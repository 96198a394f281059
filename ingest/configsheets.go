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
)

// The columns of each configuration sheet, in the order they are written.
var (
	IndicatorColumns = []string{"Mã chỉ tiêu", "Mã số", "Tên chỉ tiêu", "Tên tiếng Anh", "Đơn vị tính", "Loại", "Tính từ", "Tên khác"}
	TargetColumns    = []string{"Mã chỉ tiêu", "So sánh", "Giá trị", "Nguồn"}
	UnitColumns      = []string{"Tên", "Tên khác"}
	DistrictColumns  = []string{"Tên quận"}
)
