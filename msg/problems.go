package msg

// The problems' codes, as the JSON output gives them.
const (
	CannotOpen        Code = "cannot_open"
	Truncated         Code = "truncated"
	NotWorkbook       Code = "not_workbook"
	WrongPassword     Code = "wrong_password"
	Encrypted         Code = "encrypted"
	UnsupportedFormat Code = "unsupported_format"
	NoHeader          Code = "no_header"
	NoWard            Code = "no_ward"
	UnknownWard       Code = "unknown_ward"
	NoPeriod          Code = "no_period"
	NotNumber         Code = "not_number"
	Approx            Code = "approx"
	UnknownLabel      Code = "unknown_label"
	Duplicate         Code = "duplicate"
	DuplicateRow      Code = "duplicate_row"
	ErrorCell         Code = "error_cell"
	Formula           Code = "formula"
	ZeroDenominator   Code = "zero_denominator"
	RateOnly          Code = "rate_only"
	RateMismatch      Code = "rate_mismatch"
	PartialSum        Code = "partial_sum"
	UnitSuffix        Code = "unit_suffix"
	NotFlag           Code = "not_flag"
	UnexpectedPercent Code = "unexpected_percent"
	UnknownUnit       Code = "unknown_unit"
	MixedNotation     Code = "mixed_notation"
	AmbiguousNumber   Code = "ambiguous_number"
	HiddenSheet       Code = "hidden_sheet"
	Exceeds           Code = "exceeds"
	BigChange         Code = "big_change"
	Outlier           Code = "outlier"
	Revised           Code = "revised"
	Negative          Code = "negative"
	Fraction          Code = "fraction"
	WardDisagrees     Code = "ward_disagrees"
	NoIndicators      Code = "no_indicators"
	LegacyText        Code = "legacy_text"
	LegacyGuessed     Code = "legacy_guessed"
	EncryptedXLS      Code = "encrypted_xls"

	NoBaseline     Code = "no_baseline"
	CumulativeGap  Code = "cumulative_gap"
	DerivedDiffers Code = "derived_differs"
	PlanZero       Code = "plan_zero"
	YearToDateGap  Code = "ytd_gap"
	PlanIsValue    Code = "plan_is_value"
	PlanDiffers    Code = "plan_differs"

	NotExpected     Code = "not_expected"
	RebaseDisagrees Code = "rebase_disagrees"
)

// Words that problems' texts take as arguments.
const (
	SheetName Code = "sheet_name"
	FileName  Code = "file_name"
)

// problemTexts are the problems' messages, as fmt formats.
var problemTexts = map[Code]Words{
	SheetName: {"tên trang", "sheet name"},
	FileName:  {"tên tệp", "file name"},

	CannotOpen: {"không mở được tệp (%v); hãy mở bằng Excel, lưu lại dạng .xlsx rồi chạy lại",
		"cannot open the file (%v); open it in Excel, save it as .xlsx and run again"},
	Truncated: {"tệp bị cắt cụt hoặc hỏng; xin phường gửi lại",
		"the file is truncated or damaged; ask the ward to send it again"},
	NotWorkbook: {"không phải bảng tính Excel (tệp rỗng hoặc nội dung khác, dù có đuôi .xlsx hay .xls); xin phường gửi lại",
		"not an Excel workbook (empty, or something else named .xlsx or .xls); ask the ward to send it again"},
	WrongPassword: {"mật khẩu (--password) không mở được tệp này",
		"the password given with --password does not open this file"},
	Encrypted: {"tệp được đặt mật khẩu; chạy lại với --password",
		"the file is password-protected; run again with --password"},
	UnsupportedFormat: {"chưa đọc được định dạng %s; hãy mở bằng Excel và lưu lại dạng .xlsx",
		"the %s format is not read yet; open it in Excel and save it as .xlsx"},
	NoHeader: {"không tìm thấy dòng tiêu đề bảng (cột \"Chỉ tiêu\" và \"Kỳ báo cáo\") trong trang nào",
		"no sheet has a table header (columns \"Chỉ tiêu\" and \"Kỳ báo cáo\")"},
	NoWard: {"không xác định được phường (tiêu đề, tên trang và tên tệp đều không ghi); hãy ghi tên phường ở dòng tiêu đề",
		"cannot tell which ward sent this (neither the title, the sheet name nor the file name says); put the ward in the title"},
	UnknownWard: {"%s không có trong danh sách đơn vị báo cáo; thêm vào bảng cấu hình nếu đúng",
		"%s is not in the list of reporting units; add it to the configuration workbook if it is right"},
	NoPeriod: {"không xác định được kỳ báo cáo (tiêu đề và tên thư mục đều không ghi); ghi kỳ vào tiêu đề hoặc dùng --period",
		"cannot tell the reporting period (neither the title nor the folder name says); put it in the title or use --period"},
	NotNumber: {"không đọc được số; ô này được coi là không có số liệu",
		"not a number; the cell is treated as no data"},
	Approx: {"số ước lượng, dùng %s",
		"approximate number, %s used"},
	UnknownLabel: {"dòng có số nhưng không nhận ra chỉ tiêu; thêm tên này vào bảng cấu hình nếu là một chỉ tiêu",
		"a row with a number whose indicator is not recognised; add this label to the configuration workbook if it is one"},
	Duplicate: {"thay cho số liệu của %s (%d chỉ tiêu); đặt tên tệp sửa là \"... sửa lần 2\" để chỉ rõ bản nào mới hơn",
		"replaces the figures of %s (%d indicators); name corrected files \"... sửa lần 2\" to say which is newer"},
	DuplicateRow: {"chỉ tiêu này đã có ở dòng %s của trang; dòng này bị bỏ qua, hãy xóa dòng thừa",
		"this indicator is already on row %s of the sheet; this row is ignored, delete the extra one"},
	ErrorCell: {"ô báo lỗi công thức; coi là không có số liệu",
		"the cell holds a formula error; treated as no data"},
	Formula: {"không tính được công thức %s (%v); coi là không có số liệu",
		"cannot compute the formula %s (%v); treated as no data"},
	ZeroDenominator: {"mẫu số %s bằng 0; không tính được tỷ lệ",
		"the denominator %s is zero; the rate cannot be computed"},
	RateOnly: {"chỉ có tỷ lệ, không có số liệu gốc; dùng cho phường nhưng không tính vào số của quận",
		"only the rate was sent, not its counts; used for the ward but not weighted into the district figure"},
	RateMismatch: {"tỷ lệ ghi %s nhưng tính từ số liệu gốc được %s",
		"the rate given is %s but the counts give %s"},
	PartialSum: {"số của quận chỉ tính trên các phường có số liệu; thiếu: %s",
		"the district figure covers only the wards that sent this; missing: %s"},
	UnitSuffix: {"đơn vị \"%s\" khác đơn vị của chỉ tiêu (%s); kiểm tra lại",
		"the unit \"%s\" differs from the indicator's unit (%s); check it"},
	NotFlag: {"chỉ tiêu có/không cần ghi 1 hoặc 0 (hoặc Có/Không)",
		"a yes/no indicator needs 1 or 0 (or Có/Không)"},
	UnexpectedPercent: {"ô ghi tỷ lệ phần trăm nhưng chỉ tiêu tính bằng %s; coi là không có số liệu",
		"the cell holds a percentage but the indicator is counted in %s; treated as no data"},
	UnknownUnit: {"không đổi được đơn vị \"%s\" sang %s; coi là không có số liệu",
		"the unit \"%s\" cannot be converted to %s; treated as no data"},
	MixedNotation: {"số viết lẫn kiểu Việt (1.234,5) và kiểu Anh (1,234.5); số như 1.234 được đọc theo cách viết của cột (hoặc của dòng), nơi không biết được thì coi là không có số liệu",
		"numbers are written both the Vietnamese way (1.234,5) and the English way (1,234.5); a number such as 1.234 is read the way its column (or its row) writes numbers, and where that cannot be told it is treated as no data"},
	AmbiguousNumber: {"đọc được hai cách: %s theo kiểu Việt (1.234,5) hoặc %s theo kiểu Anh (1,234.5), và trang này viết số theo cả hai kiểu nên không biết là số nào; coi là không có số liệu, hãy nhập số không có dấu ngăn hàng nghìn",
		"reads two ways: %s the Vietnamese way (1.234,5) or %s the English way (1,234.5), and this sheet writes numbers both ways, so which is meant cannot be told; treated as no data, type the number without a thousands separator"},
	HiddenSheet: {"chỉ có trang ẩn này chứa bảng báo cáo; đã đọc trang này",
		"only this hidden sheet holds a report table; it was read"},
	Exceeds: {"lớn hơn %s (%s), điều không thể có; số này không được dùng, cả trong số của quận; kiểm tra lại số đã nhập",
		"more than %s (%s), which cannot be; this figure is not used, nor in the district's; check what was typed"},
	BigChange: {"thay đổi hơn một nửa so với cùng kỳ (%s), hơn mức dao động thường có; đề nghị xác nhận",
		"changes by more than half against last year (%s), more than counts vary by chance; please confirm"},
	Outlier: {"khác xa số liệu của phường qua các kỳ (trung vị %s của %d kỳ), hơn mức dao động thường có; đề nghị xác nhận",
		"far from the ward's figures over its periods (median %s of %d periods), more than they usually vary; please confirm"},
	Revised: {"số cùng kỳ khác số kỳ trước đã báo (%s tại %s); một trong hai đã được sửa",
		"last year's figure differs from what that period reported (%s at %s); one of them was revised"},
	Negative: {"số đếm không thể âm; coi là không có số liệu",
		"a count cannot be negative; treated as no data"},
	Fraction: {"đọc được %s nhưng số tính bằng %s phải là số nguyên; coi là không có số liệu, kiểm tra lại số đã nhập",
		"reads as %s, but a figure in %s is a whole number; treated as no data, check what was typed"},
	WardDisagrees: {"tiêu đề ghi %s nhưng %s ghi %s; dùng theo tiêu đề",
		"the title says %s but the %s says %s; the title is used"},
	LegacyText: {"đã chuyển %[3]d ô gõ bằng mã %[1]s (phông %[2]s) sang Unicode: %[4]s; ô đầu thành \"%[5]s\"",
		"converted %[3]d cells typed in %[1]s (font %[2]s) to Unicode: %[4]s; the first reads \"%[5]s\""},
	LegacyGuessed: {"phông chữ không cho biết nhưng chữ có vẻ gõ bằng mã %[1]s; đã chuyển %[3]d ô sang Unicode: %[4]s; ô đầu thành \"%[5]s\", hãy kiểm tra lại",
		"the font does not say, but the text looks typed in %[1]s; converted %[3]d cells to Unicode: %[4]s; the first reads \"%[5]s\", please check"},
	EncryptedXLS: {"tệp .xls được đặt mật khẩu, chitieu chưa mở được loại này; hãy mở bằng Excel, bỏ mật khẩu hoặc lưu lại dạng .xlsx",
		"the .xls file is password-protected, which chitieu cannot open; open it in Excel and remove the password or save it as .xlsx"},
	NoIndicators: {"trang báo cáo không có chỉ tiêu nào nhận ra được",
		"the report sheet holds no recognisable indicator"},

	NoBaseline: {"không có số liệu năm gốc %d nên không đánh giá được chỉ tiêu nhiệm kỳ; cần báo cáo năm %d (hoặc báo cáo năm %d có cột cùng kỳ)",
		"no figure for the baseline year %d, so the term target cannot be judged; the forms for %d are needed (or those for %d with their same-period-last-year column)"},
	CumulativeGap: {"không cộng dồn được từ đầu nhiệm kỳ: thiếu số liệu từ tháng %d/%d",
		"cannot add up from the start of the term: no figures from month %d/%d"},
	YearToDateGap: {"thiếu báo cáo kỳ này: từ kỳ này đến cuối năm, lũy kế từ đầu năm (doanh thu, số vụ...) của phường không có và của quận không gồm phường này (tạm tính)",
		"this form is missing: from this period to the end of the year the ward's year to date of flows (revenue, cases...) cannot be had and the district's leaves it out (provisional)"},
	PlanZero: {"kế hoạch bằng 0 hoặc âm; không tính được tỷ lệ so kế hoạch",
		"a plan of zero or less; no share of the plan can be computed"},
	PlanIsValue: {"cột kế hoạch ghi đúng bằng số thực hiện ở mọi dòng; có lẽ đã điền nhầm cột, đề nghị kiểm tra",
		"the plan column repeats this period's figures on every row; probably filled in the wrong column, please check"},
	PlanDiffers: {"kế hoạch trên báo cáo khác kế hoạch trong bảng cấu hình (%s); dùng số của bảng cấu hình",
		"the form's plan differs from the configuration's (%s); the configuration's is used"},
	DerivedDiffers: {"khác với số cộng từ các kỳ ngắn hơn (%s, từ %s); dùng số của báo cáo này, đề nghị kiểm tra lại",
		"differs from what the shorter periods add up to (%s, from %s); this form's figure is used, please check"},
	NotExpected: {"%s không phải đơn vị báo cáo của kỳ %s (xem trang Đơn vị báo cáo và Thay đổi địa giới của bảng cấu hình); số liệu của tệp này không được tính",
		"%s is not a reporting unit in %s (see the sheets Đơn vị báo cáo and Thay đổi địa giới of the configuration); this file's figures are left out"},
	RebaseDisagrees: {"số cùng kỳ ghi %s nhưng cộng từ báo cáo của các đơn vị cũ (%s) được %s; dùng số cộng từ đơn vị cũ",
		"the same period last year says %s, but the old units' forms (%s) add up to %s; the latter is used"},
}
