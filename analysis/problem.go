package analysis

import (
	"fmt"
	"strings"
)

// Severity of a problem: an error loses data, a warning only needs a look.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is something found in the inputs that staff should know about,
// placed as precisely as possible. Message texts live in the messages table,
// in both languages.
type Problem struct {
	Severity  Severity
	File      string // path as found
	Sheet     string
	Cell      string // A1 reference
	Ward      string
	Period    string
	Indicator string
	// IndicatorName is the indicator's label, for messages; Analyze sets it.
	IndicatorName Words
	Text          string // the text found in the cell, quoted in the message
	Code          MessageCode
	Args          []any
}

// Message is the problem's explanation in lang ("vi" or "en").
func (p Problem) Message(lang string) string {
	return Translate(lang, p.Code, p.Args...)
}

// Position is "file:sheet!cell" as far as it is known.
func (p Problem) Position() string {
	pos := p.File
	if p.Sheet != "" {
		pos += ":" + p.Sheet
		if p.Cell != "" {
			pos += "!" + p.Cell
		}
	}
	return pos
}

// Format renders the problem compiler-style:
// P05.xlsx:Báo cáo!D12: "12,5 %": message. A problem with no file (a
// district figure) starts with its period, ward and indicator instead.
func (p Problem) Format(lang string) string {
	var parts []string
	if pos := p.Position(); pos != "" {
		parts = append(parts, pos)
	} else {
		indicator := p.Indicator
		if p.IndicatorName != (Words{}) {
			indicator = p.IndicatorName.In(lang)
		}
		var where []string
		for _, x := range []string{p.Period, p.Ward, indicator} {
			if x != "" {
				where = append(where, x)
			}
		}
		if len(where) > 0 {
			parts = append(parts, strings.Join(where, ", "))
		}
	}
	if p.Text != "" {
		parts = append(parts, fmt.Sprintf("%q", p.Text))
	}
	return strings.Join(append(parts, p.Message(lang)), ": ")
}

// MessageCode names a message of the messages table.
type MessageCode string

const (
	MsgCannotOpen        MessageCode = "cannot_open"
	MsgTruncated         MessageCode = "truncated"
	MsgNotWorkbook       MessageCode = "not_workbook"
	MsgWrongPassword     MessageCode = "wrong_password"
	MsgEncrypted         MessageCode = "encrypted"
	MsgUnsupportedFormat MessageCode = "unsupported_format"
	MsgNoHeader          MessageCode = "no_header"
	MsgNoWard            MessageCode = "no_ward"
	MsgUnknownWard       MessageCode = "unknown_ward"
	MsgNoPeriod          MessageCode = "no_period"
	MsgNotNumber         MessageCode = "not_number"
	MsgApprox            MessageCode = "approx"
	MsgUnknownLabel      MessageCode = "unknown_label"
	MsgDuplicate         MessageCode = "duplicate"
	MsgDuplicateRow      MessageCode = "duplicate_row"
	MsgErrorCell         MessageCode = "error_cell"
	MsgFormula           MessageCode = "formula"
	MsgZeroDenominator   MessageCode = "zero_denominator"
	MsgRateOnly          MessageCode = "rate_only"
	MsgRateMismatch      MessageCode = "rate_mismatch"
	MsgPartialSum        MessageCode = "partial_sum"
	MsgUnitSuffix        MessageCode = "unit_suffix"
	MsgNotFlag           MessageCode = "not_flag"
	MsgUnexpectedPercent MessageCode = "unexpected_percent"
	MsgUnknownUnit       MessageCode = "unknown_unit"
	MsgMixedNotation     MessageCode = "mixed_notation"
	MsgAmbiguousNumber   MessageCode = "ambiguous_number"
	MsgHiddenSheet       MessageCode = "hidden_sheet"
	MsgExceeds           MessageCode = "exceeds"
	MsgBigChange         MessageCode = "big_change"
	MsgOutlier           MessageCode = "outlier"
	MsgRevised           MessageCode = "revised"
	MsgNegative          MessageCode = "negative"
	MsgFraction          MessageCode = "fraction"
	MsgWardDisagrees     MessageCode = "ward_disagrees"
	MsgNoIndicators      MessageCode = "no_indicators"
	MsgLegacyText        MessageCode = "legacy_text"
	MsgLegacyGuessed     MessageCode = "legacy_guessed"
	MsgEncryptedXLS      MessageCode = "encrypted_xls"

	MsgNoBaseline     MessageCode = "no_baseline"
	MsgCumulativeGap  MessageCode = "cumulative_gap"
	MsgDerivedDiffers MessageCode = "derived_differs"
	MsgPlanZero       MessageCode = "plan_zero"
	MsgPlanIsValue    MessageCode = "plan_is_value"
	MsgPlanDiffers    MessageCode = "plan_differs"
)

// messages holds every problem text, Vietnamese first, as fmt formats.
var messages = map[MessageCode][2]string{
	MsgCannotOpen: {"không mở được tệp (%v); hãy mở bằng Excel, lưu lại dạng .xlsx rồi chạy lại",
		"cannot open the file (%v); open it in Excel, save it as .xlsx and run again"},
	MsgTruncated: {"tệp bị cắt cụt hoặc hỏng; xin phường gửi lại",
		"the file is truncated or damaged; ask the ward to send it again"},
	MsgNotWorkbook: {"không phải bảng tính Excel (tệp rỗng hoặc nội dung khác, dù có đuôi .xlsx hay .xls); xin phường gửi lại",
		"not an Excel workbook (empty, or something else named .xlsx or .xls); ask the ward to send it again"},
	MsgWrongPassword: {"mật khẩu (--password) không mở được tệp này",
		"the password given with --password does not open this file"},
	MsgEncrypted: {"tệp được đặt mật khẩu; chạy lại với --password",
		"the file is password-protected; run again with --password"},
	MsgUnsupportedFormat: {"chưa đọc được định dạng %s; hãy mở bằng Excel và lưu lại dạng .xlsx",
		"the %s format is not read yet; open it in Excel and save it as .xlsx"},
	MsgNoHeader: {"không tìm thấy dòng tiêu đề bảng (cột \"Chỉ tiêu\" và \"Kỳ báo cáo\") trong trang nào",
		"no sheet has a table header (columns \"Chỉ tiêu\" and \"Kỳ báo cáo\")"},
	MsgNoWard: {"không xác định được phường (tiêu đề, tên trang và tên tệp đều không ghi); hãy ghi tên phường ở dòng tiêu đề",
		"cannot tell which ward sent this (neither the title, the sheet name nor the file name says); put the ward in the title"},
	MsgUnknownWard: {"%s không có trong danh sách đơn vị báo cáo; thêm vào bảng cấu hình nếu đúng",
		"%s is not in the list of reporting units; add it to the configuration workbook if it is right"},
	MsgNoPeriod: {"không xác định được kỳ báo cáo (tiêu đề và tên thư mục đều không ghi); ghi kỳ vào tiêu đề hoặc dùng --period",
		"cannot tell the reporting period (neither the title nor the folder name says); put it in the title or use --period"},
	MsgNotNumber: {"không đọc được số; ô này được coi là không có số liệu",
		"not a number; the cell is treated as no data"},
	MsgApprox: {"số ước lượng, dùng %s",
		"approximate number, %s used"},
	MsgUnknownLabel: {"dòng có số nhưng không nhận ra chỉ tiêu; thêm tên này vào bảng cấu hình nếu là một chỉ tiêu",
		"a row with a number whose indicator is not recognised; add this label to the configuration workbook if it is one"},
	MsgDuplicate: {"thay cho số liệu của %s (%d chỉ tiêu); đặt tên tệp sửa là \"... sửa lần 2\" để chỉ rõ bản nào mới hơn",
		"replaces the figures of %s (%d indicators); name corrected files \"... sửa lần 2\" to say which is newer"},
	MsgDuplicateRow: {"chỉ tiêu này đã có ở dòng %s của trang; dòng này bị bỏ qua, hãy xóa dòng thừa",
		"this indicator is already on row %s of the sheet; this row is ignored, delete the extra one"},
	MsgErrorCell: {"ô báo lỗi công thức; coi là không có số liệu",
		"the cell holds a formula error; treated as no data"},
	MsgFormula: {"không tính được công thức %s (%v); coi là không có số liệu",
		"cannot compute the formula %s (%v); treated as no data"},
	MsgZeroDenominator: {"mẫu số %s bằng 0; không tính được tỷ lệ",
		"the denominator %s is zero; the rate cannot be computed"},
	MsgRateOnly: {"chỉ có tỷ lệ, không có số liệu gốc; dùng cho phường nhưng không tính vào số của quận",
		"only the rate was sent, not its counts; used for the ward but not weighted into the district figure"},
	MsgRateMismatch: {"tỷ lệ ghi %s nhưng tính từ số liệu gốc được %s",
		"the rate given is %s but the counts give %s"},
	MsgPartialSum: {"số của quận chỉ tính trên các phường có số liệu; thiếu: %s",
		"the district figure covers only the wards that sent this; missing: %s"},
	MsgUnitSuffix: {"đơn vị \"%s\" khác đơn vị của chỉ tiêu (%s); kiểm tra lại",
		"the unit \"%s\" differs from the indicator's unit (%s); check it"},
	MsgNotFlag: {"chỉ tiêu có/không cần ghi 1 hoặc 0 (hoặc Có/Không)",
		"a yes/no indicator needs 1 or 0 (or Có/Không)"},
	MsgUnexpectedPercent: {"ô ghi tỷ lệ phần trăm nhưng chỉ tiêu tính bằng %s; coi là không có số liệu",
		"the cell holds a percentage but the indicator is counted in %s; treated as no data"},
	MsgUnknownUnit: {"không đổi được đơn vị \"%s\" sang %s; coi là không có số liệu",
		"the unit \"%s\" cannot be converted to %s; treated as no data"},
	MsgMixedNotation: {"số viết lẫn kiểu Việt (1.234,5) và kiểu Anh (1,234.5); số như 1.234 được đọc theo cách viết của cột (hoặc của dòng), nơi không biết được thì coi là không có số liệu",
		"numbers are written both the Vietnamese way (1.234,5) and the English way (1,234.5); a number such as 1.234 is read the way its column (or its row) writes numbers, and where that cannot be told it is treated as no data"},
	MsgAmbiguousNumber: {"đọc được hai cách: %s theo kiểu Việt (1.234,5) hoặc %s theo kiểu Anh (1,234.5), và trang này viết số theo cả hai kiểu nên không biết là số nào; coi là không có số liệu, hãy nhập số không có dấu ngăn hàng nghìn",
		"reads two ways: %s the Vietnamese way (1.234,5) or %s the English way (1,234.5), and this sheet writes numbers both ways, so which is meant cannot be told; treated as no data, type the number without a thousands separator"},
	MsgHiddenSheet: {"chỉ có trang ẩn này chứa bảng báo cáo; đã đọc trang này",
		"only this hidden sheet holds a report table; it was read"},
	MsgExceeds: {"lớn hơn %s (%s), điều không thể có; số này không được dùng, cả trong số của quận; kiểm tra lại số đã nhập",
		"more than %s (%s), which cannot be; this figure is not used, nor in the district's; check what was typed"},
	MsgBigChange: {"thay đổi hơn một nửa so với cùng kỳ (%s), hơn mức dao động thường có; đề nghị xác nhận",
		"changes by more than half against last year (%s), more than counts vary by chance; please confirm"},
	MsgOutlier: {"khác xa số liệu của phường qua các kỳ (trung vị %s của %d kỳ), hơn mức dao động thường có; đề nghị xác nhận",
		"far from the ward's figures over its periods (median %s of %d periods), more than they usually vary; please confirm"},
	MsgRevised: {"số cùng kỳ khác số kỳ trước đã báo (%s tại %s); một trong hai đã được sửa",
		"last year's figure differs from what that period reported (%s at %s); one of them was revised"},
	MsgNegative: {"số đếm không thể âm; coi là không có số liệu",
		"a count cannot be negative; treated as no data"},
	MsgFraction: {"đọc được %s nhưng số tính bằng %s phải là số nguyên; coi là không có số liệu, kiểm tra lại số đã nhập",
		"reads as %s, but a figure in %s is a whole number; treated as no data, check what was typed"},
	MsgWardDisagrees: {"tiêu đề ghi %s nhưng %s ghi %s; dùng theo tiêu đề",
		"the title says %s but the %s says %s; the title is used"},
	MsgLegacyText: {"đã chuyển %[3]d ô gõ bằng mã %[1]s (phông %[2]s) sang Unicode: %[4]s; ô đầu thành \"%[5]s\"",
		"converted %[3]d cells typed in %[1]s (font %[2]s) to Unicode: %[4]s; the first reads \"%[5]s\""},
	MsgLegacyGuessed: {"phông chữ không cho biết nhưng chữ có vẻ gõ bằng mã %[1]s; đã chuyển %[3]d ô sang Unicode: %[4]s; ô đầu thành \"%[5]s\", hãy kiểm tra lại",
		"the font does not say, but the text looks typed in %[1]s; converted %[3]d cells to Unicode: %[4]s; the first reads \"%[5]s\", please check"},
	MsgEncryptedXLS: {"tệp .xls được đặt mật khẩu, chitieu chưa mở được loại này; hãy mở bằng Excel, bỏ mật khẩu hoặc lưu lại dạng .xlsx",
		"the .xls file is password-protected, which chitieu cannot open; open it in Excel and remove the password or save it as .xlsx"},
	MsgNoIndicators: {"trang báo cáo không có chỉ tiêu nào nhận ra được",
		"the report sheet holds no recognisable indicator"},

	MsgNoBaseline: {"không có số liệu năm gốc %d nên không đánh giá được chỉ tiêu nhiệm kỳ; cần báo cáo năm %d (hoặc báo cáo năm %d có cột cùng kỳ)",
		"no figure for the baseline year %d, so the term target cannot be judged; the forms for %d are needed (or those for %d with their same-period-last-year column)"},
	MsgCumulativeGap: {"không cộng dồn được từ đầu nhiệm kỳ: thiếu số liệu từ tháng %d/%d",
		"cannot add up from the start of the term: no figures from month %d/%d"},
	MsgPlanZero: {"kế hoạch bằng 0 hoặc âm; không tính được tỷ lệ so kế hoạch",
		"a plan of zero or less; no share of the plan can be computed"},
	MsgPlanIsValue: {"cột kế hoạch ghi đúng bằng số thực hiện ở mọi dòng; có lẽ đã điền nhầm cột, đề nghị kiểm tra",
		"the plan column repeats this period's figures on every row; probably filled in the wrong column, please check"},
	MsgPlanDiffers: {"kế hoạch trên báo cáo khác kế hoạch trong bảng cấu hình (%s); dùng số của bảng cấu hình",
		"the form's plan differs from the configuration's (%s); the configuration's is used"},
	MsgDerivedDiffers: {"khác với số cộng từ các kỳ ngắn hơn (%s, từ %s); dùng số của báo cáo này, đề nghị kiểm tra lại",
		"differs from what the shorter periods add up to (%s, from %s); this form's figure is used, please check"},
}

// Words is a message argument in both languages, Vietnamese first.
type Words [2]string

// In is the words in lang ("en", else Vietnamese).
func (w Words) In(lang string) string {
	if lang == "en" {
		return w[1]
	}
	return w[0]
}

// Translate renders message code in lang with args; Words arguments are
// given in lang too.
func Translate(lang string, code MessageCode, args ...any) string {
	m, ok := messages[code]
	if !ok {
		return string(code)
	}
	i := 0
	if lang == "en" {
		i = 1
	}
	args = append([]any(nil), args...)
	for j, a := range args {
		if w, ok := a.(Words); ok {
			args[j] = w.In(lang)
		}
	}
	return fmt.Sprintf(m[i], args...)
}
