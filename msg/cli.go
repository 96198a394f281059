package msg

// The command line's codes: help, flags and messages.
const (
	CLIHelpReport   Code = "cli.help.report"
	CLIHelpCheck    Code = "cli.help.check"
	CLIHelpConfig   Code = "cli.help.config"
	CLIHelpTemplate Code = "cli.help.template"
	CLIHelpWatch    Code = "cli.help.watch"
	CLIHelpConvert  Code = "cli.help.convert"
	CLIHelpVersion  Code = "cli.help.version"
	CLIFlags        Code = "cli.flags"
	CLIExitCodes    Code = "cli.exit_codes"

	// A flag's help; a flag that means something else to another command
	// has a code of its own there.
	CLIFlagConfig          Code = "cli.flag.config"
	CLIFlagConfigTemplate  Code = "cli.flag.config.template"
	CLIFlagConfigConfig    Code = "cli.flag.config.config"
	CLIFlagPeriod          Code = "cli.flag.period"
	CLIFlagPeriodTemplate  Code = "cli.flag.period.template"
	CLIFlagPassword        Code = "cli.flag.password"
	CLIFlagPasswordConvert Code = "cli.flag.password.convert"
	CLIFlagAll             Code = "cli.flag.all"
	CLIFlagWard            Code = "cli.flag.ward"
	CLIFlagWardTemplate    Code = "cli.flag.ward.template"
	CLIFlagLang            Code = "cli.flag.lang"
	CLIFlagColor           Code = "cli.flag.color"
	CLIFlagFormat          Code = "cli.flag.format"
	CLIFlagOut             Code = "cli.flag.out"
	CLIFlagNoWorkbook      Code = "cli.flag.no_workbook"
	CLIFlagInto            Code = "cli.flag.into"
	CLIFlagIndicator       Code = "cli.flag.indicator"
	CLIFlagOnlyNotMet      Code = "cli.flag.only_not_met"
	CLIFlagSort            Code = "cli.flag.sort"
	CLIFlagShowPeriod      Code = "cli.flag.show_period"
	CLIFlagBy              Code = "cli.flag.by"
	CLIFlagForce           Code = "cli.flag.force"

	// Mistakes on the command line.
	CLILangBad             Code = "cli.lang_bad"
	CLIColorBad            Code = "cli.color_bad"
	CLIFormatBad           Code = "cli.format_bad"
	CLIByBad               Code = "cli.by_bad"
	CLIPeriodBad           Code = "cli.period_bad"
	CLIIntoAlone           Code = "cli.into_alone"
	CLINoInput             Code = "cli.no_input"
	CLIWatchOneFolder      Code = "cli.watch_one_folder"
	CLIUnknownCommand      Code = "cli.unknown_command"
	CLIConvertTwoPaths     Code = "cli.convert_two_paths"
	CLIConvertToXLSX       Code = "cli.convert_to_xlsx"
	CLITemplateNeedsPeriod Code = "cli.template_needs_period"
	CLITemplateNeedsOut    Code = "cli.template_needs_out"
	CLITemplateNeedsWard   Code = "cli.template_needs_ward"
	CLIWardOrAll           Code = "cli.ward_or_all"
	CLINoArguments         Code = "cli.no_arguments"
	CLINoSuchIndicator     Code = "cli.no_such_indicator"
	CLINoSuchWard          Code = "cli.no_such_ward"

	// What the commands say.
	CLIPressEnter         Code = "cli.press_enter"
	CLIConfigBad          Code = "cli.config_bad"
	CLINoSuchPeriod       Code = "cli.no_such_period"
	CLICannotOpen         Code = "cli.cannot_open"
	CLINothingReadable    Code = "cli.nothing_readable"
	CLISkippedFiles       Code = "cli.skipped_files"
	CLISkippedOwn         Code = "cli.skipped_own"
	CLINotOurs            Code = "cli.not_ours"
	CLIExists             Code = "cli.exists"
	CLIConfigExists       Code = "cli.config_exists"
	CLINotFolder          Code = "cli.not_folder"
	CLICannotMakeFolder   Code = "cli.cannot_make_folder"
	CLINoFile             Code = "cli.no_file"
	CLIConvertFolder      Code = "cli.convert_folder"
	CLICannotConvert      Code = "cli.cannot_convert"
	CLIOpenElsewhere      Code = "cli.open_elsewhere"
	CLINotWritable        Code = "cli.not_writable"
	CLICannotWrite        Code = "cli.cannot_write"
	CLISummaryWritten     Code = "cli.summary_written"
	CLIIntoWritten        Code = "cli.into_written"
	CLIConfigWritten      Code = "cli.config_written"
	CLIFormWritten        Code = "cli.form_written"
	CLIConvertedWritten   Code = "cli.converted_written"
	CLIConvertedCells     Code = "cli.converted_cells"
	CLINoLegacyText       Code = "cli.no_legacy_text"
	CLIConvertedToUnicode Code = "cli.converted_to_unicode"
	CLIGuessedCells       Code = "cli.guessed_cells"
	CLIFontsReplaced      Code = "cli.fonts_replaced"
)

// cliTexts are the command line's help and messages. The help of a
// command (CLIHelp...) is followed by CLIFlags and the flags' help, then
// CLIExitCodes. The ...Written texts are followed by the file's name.
var cliTexts = map[Code]Words{
	CLIHelpReport: {`Cách dùng: chitieu [report] [cờ] ĐƯỜNG-DẪN...

Đọc báo cáo của các phường (tệp hoặc thư mục), so số liệu của quận với chỉ
tiêu Nghị quyết Đại hội, in bảng báo cáo và ghi bảng tổng hợp.
Các lệnh khác: check, config, template, watch, convert, version (chitieu LỆNH --help).

Ví dụ:
  chitieu samples
  chitieu --format json --no-workbook samples/2002
  chitieu --only-not-met --show-period 2003-H1 --sort detection_rate samples
  chitieu --lang en --out bao-cao.xlsx D:\BaoCao\2003-H1
`, `Usage: chitieu [report] [flags] PATH...

Read the wards' workbooks (files or folders), compare the district's figures
with the Congress targets, print the report and write the summary workbook.
Other commands: check, config, template, watch, convert, version (chitieu COMMAND --help).

Examples:
  chitieu samples
  chitieu --format json --no-workbook samples/2002
  chitieu --only-not-met --show-period 2003-H1 --sort detection_rate samples
  chitieu --lang en --out bao-cao.xlsx D:\BaoCao\2003-H1
`},
	CLIHelpCheck: {`Cách dùng: chitieu check [cờ] ĐƯỜNG-DẪN...

Đọc và phân tích như lệnh report, chỉ in các vấn đề (theo từng tệp, kèm số
lỗi và cảnh báo của mỗi phường); không ghi tệp nào.

Ví dụ:
  chitieu check D:\BaoCao\2003-H1
  chitieu check --format json samples
`, `Usage: chitieu check [flags] PATH...

Read and analyse as report does; print only the problems, grouped by file,
with counts per severity and per ward; write nothing.

Examples:
  chitieu check D:\BaoCao\2003-H1
  chitieu check --format json samples
`},
	CLIHelpConfig: {`Cách dùng: chitieu config [--out cau-hinh.xlsx] [--force]

Ghi bảng cấu hình (chỉ tiêu, tên khác, chỉ tiêu Nghị quyết, danh sách phường)
để sửa trong Excel. Lưu với tên cau-hinh.xlsx trong thư mục báo cáo thì được
dùng mà không cần cờ.

Ví dụ:
  chitieu config --out D:\BaoCao\cau-hinh.xlsx
  chitieu config --config cu.xlsx --out cau-hinh.xlsx --force
`, `Usage: chitieu config [--out cau-hinh.xlsx] [--force]

Write the configuration workbook (indicators, aliases, targets, wards) for
staff to edit in Excel. Saved as cau-hinh.xlsx in the reports' folder, it is
used without a flag.

Examples:
  chitieu config --out D:\BaoCao\cau-hinh.xlsx
  chitieu config --config cu.xlsx --out cau-hinh.xlsx --force
`},
	CLIHelpTemplate: {`Cách dùng: chitieu template --ward TÊN --period KỲ --out TỆP
           chitieu template --all --period KỲ --out THƯ-MỤC

Ghi biểu mẫu trống cho phường điền và gửi lại.

Ví dụ:
  chitieu template --ward "Phường 5" --period 2003-H1 --out mau.xlsx
  chitieu template --all --period 2003-Q3 --out mau-quy-3
`, `Usage: chitieu template --ward NAME --period P --out FILE
       chitieu template --all --period P --out FOLDER

Write the blank ward form, ready to fill in and send back.

Examples:
  chitieu template --ward "Phường 5" --period 2003-H1 --out mau.xlsx
  chitieu template --all --period 2003-Q3 --out mau-quy-3
`},
	CLIHelpWatch: {`Cách dùng: chitieu watch [cờ] THƯ-MỤC

In báo cáo, rồi in lại (và ghi lại bảng tổng hợp) mỗi khi có báo cáo được
thêm, thay hoặc xóa trong THƯ-MỤC. Nhấn Ctrl-C để dừng.

Ví dụ:
  chitieu watch D:\BaoCao\2003-H1
`, `Usage: chitieu watch [flags] FOLDER

Print the report, then again (and rewrite the summary workbook) whenever a
workbook in FOLDER is added, replaced or removed. Ctrl-C stops.

Examples:
  chitieu watch D:\BaoCao\2003-H1
`},
	CLIHelpConvert: {`Cách dùng: chitieu convert [cờ] TỆP-CŨ TỆP-MỚI.xlsx

Ghi một bản sao của bảng tính (.xlsx hoặc .xls) trong đó chữ gõ bằng mã cũ
TCVN3 (ABC, phông .VnTime) hoặc VNI (phông VNI-Times) đã chuyển sang Unicode
và phông chữ đổi sang phông Unicode. Tệp cũ không bị sửa. Tệp .xls được ghi
lại thành .xlsx với số liệu, định dạng số, phông chữ và ô gộp (công thức chỉ
giữ kết quả).

Ví dụ:
  chitieu convert bieu-cu.xls bieu-moi.xlsx
`, `Usage: chitieu convert [flags] OLD NEW.xlsx

Write a copy of a workbook (.xlsx or .xls) in which text typed in the legacy
TCVN3 (ABC, .VnTime fonts) or VNI (VNI-Times fonts) encodings is Unicode and
the fonts are Unicode ones. The old file is not changed. An .xls is written
as .xlsx with its values, number formats, fonts and merged cells (formulas
keep only their results).

Examples:
  chitieu convert bieu-cu.xls bieu-moi.xlsx
`},
	CLIHelpVersion: {"Cách dùng: chitieu version\n\nIn phiên bản của chitieu, của Go và của excelize.\n",
		"Usage: chitieu version\n\nPrint chitieu's version, and Go's and excelize's.\n"},
	CLIFlags: {"\nCờ:\n", "\nFlags:\n"},
	CLIExitCodes: {`
Mã thoát: 0 xong (báo cáo có vấn đề vẫn là xong); 1 check thấy lỗi, hoặc không
ghi được kết quả; 2 dùng sai lệnh, đường dẫn không có, hoặc không đọc được gì.
Biến môi trường: NO_COLOR tắt màu; COLUMNS đặt độ rộng bảng khi kết quả không
ra màn hình.
`, `
Exit codes: 0 done (a report with problems is still done); 1 check found an
error, or the output could not be written; 2 usage error, a missing path, or
nothing readable.
Environment: NO_COLOR turns colour off; COLUMNS sets the table width when
the output is not a terminal.
`},

	CLIFlagConfig: {"bảng cấu hình `FILE` (mặc định: cau-hinh.xlsx trong thư mục báo cáo, rồi bên cạnh chương trình, rồi cấu hình có sẵn)",
		"configuration workbook `FILE` (else cau-hinh.xlsx in the first input folder, else beside the program, else built in)"},
	CLIFlagConfigTemplate: {"bảng cấu hình `FILE` (các chỉ tiêu và phường)",
		"configuration workbook (indicators and wards)"},
	CLIFlagConfigConfig: {"bắt đầu từ bảng cấu hình `FILE` này thay cho cấu hình có sẵn",
		"start from this configuration workbook instead of the built-in one"},
	CLIFlagPeriod: {"gán kỳ báo cáo `P` (2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05) cho mọi tệp đầu vào",
		"assign period `P` (2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05) to every input"},
	CLIFlagPeriodTemplate: {"kỳ báo cáo của biểu mẫu (`P`: 2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05)",
		"the period the form is for (`P`: 2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05)"},
	CLIFlagPassword:        {"mật khẩu `PW` của các tệp có mật khẩu", "password `PW` of encrypted workbooks"},
	CLIFlagPasswordConvert: {"mật khẩu `PW` của tệp có mật khẩu", "password `PW` of an encrypted workbook"},
	CLIFlagAll:             {"mỗi phường một biểu, vào thư mục --out", "one form per configured ward, into the folder --out"},
	CLIFlagWard: {"chỉ hiện phường `NAME` (viết kiểu nào cũng được: P5, Phường 05; dùng nhiều lần được)",
		"show this ward (`NAME`, any spelling: P5, Phường 05; repeatable)"},
	CLIFlagWardTemplate: {"phường của biểu mẫu (`NAME`, viết kiểu nào cũng được: P5, Phường 05)", "the ward the form is for (`NAME`)"},
	CLIFlagLang:         {"ngôn ngữ `vi|en` của bảng, trang tính và thông báo", "language `vi|en` of tables, sheets and messages"},
	CLIFlagColor:        {"màu trong bảng: `auto|always|never`", "colour in tables: `auto|always|never`"},
	CLIFlagFormat: {"kết quả in ra: `table|json|csv|markdown|text` (text: các câu đánh giá nhiệm kỳ; check: table hoặc json)",
		"output on stdout: `table|json|csv|markdown|text` (text: the term review's sentences; check: table or json)"},
	CLIFlagOut: {"tệp ghi ra `FILE` (report: tong-hop.xlsx; config: cau-hinh.xlsx; template --all: thư mục)",
		"workbook `FILE` to write (report: tong-hop.xlsx; config: cau-hinh.xlsx; template --all: a folder)"},
	CLIFlagNoWorkbook: {"không ghi bảng tổng hợp", "do not write the summary workbook"},
	CLIFlagInto: {"ghi các trang tổng hợp vào bảng tính `FILE` đã có (bảng của quận), giữ bản cũ FILE.bak",
		"write the summary sheets into this existing workbook `FILE` (the district's own), keeping FILE.bak"},
	CLIFlagIndicator:  {"chỉ hiện chỉ tiêu `ID` (mã hoặc tên; dùng nhiều lần được)", "show this indicator (`ID` or label; repeatable)"},
	CLIFlagOnlyNotMet: {"chỉ hiện chỉ tiêu và phường chưa đạt", "show only indicators and wards that miss a target"},
	CLIFlagSort:       {"xếp các phường theo chỉ tiêu `ID`, tốt nhất trước", "rank wards by this indicator (`ID`), best first"},
	CLIFlagShowPeriod: {"chỉ hiện kỳ `P` (như 2003-H1)", "show one period (`P`, such as 2003-H1)"},
	CLIFlagBy: {"các kỳ trong bảng của quận: `month|quarter|half|year` (mặc định: mọi kỳ, hoặc các năm và kỳ mới nhất khi có hơn sáu kỳ)",
		"periods in the district table: `month|quarter|half|year` (default: every period, or the years and the latest period when there are more than six)"},
	CLIFlagForce: {"ghi đè bảng cấu hình đã có", "overwrite an existing configuration workbook"},

	CLILangBad:   {"--lang %q: dùng vi hoặc en", "--lang %q: use vi or en"},
	CLIColorBad:  {"--color %q: dùng auto, always hoặc never", "--color %q: use auto, always or never"},
	CLIFormatBad: {"--format %q: dùng một trong %s", "--format %q: use one of %s"},
	CLIByBad:     {"--by %q: dùng month, quarter, half hoặc year", "--by %q: use month, quarter, half or year"},
	CLIPeriodBad: {"%s %q: dùng mã kỳ như 2003, 2003-H1, 2003-Q3, 2003-9M hoặc 2003-05",
		"%s %q: use an id such as 2003, 2003-H1, 2003-Q3, 2003-9M or 2003-05"},
	CLIIntoAlone: {"--into không dùng cùng --out hay --no-workbook", "--into goes with neither --out nor --no-workbook"},
	CLINoInput: {"chưa có đầu vào: cho biết các tệp hoặc thư mục báo cáo cần đọc",
		"no input: give the workbooks or folders to read"},
	CLIWatchOneFolder: {"watch cần đúng một thư mục", "watch takes one folder"},
	CLIUnknownCommand: {"chitieu: lệnh %q chưa có trong phiên bản này\n", "chitieu: the command %q is not in this version\n"},
	CLIConvertTwoPaths: {"convert cần tệp vào và tệp ra: chitieu convert CU.xls MOI.xlsx",
		"convert takes an input and an output: chitieu convert OLD.xls NEW.xlsx"},
	CLIConvertToXLSX:       {"tệp ra %q phải có đuôi .xlsx", "the output %q must end in .xlsx"},
	CLITemplateNeedsPeriod: {"template cần --period", "template needs --period"},
	CLITemplateNeedsOut:    {"template cần --out", "template needs --out"},
	CLITemplateNeedsWard:   {"template cần --ward TÊN, hoặc --all", "template needs --ward NAME, or --all"},
	CLIWardOrAll:           {"dùng --ward hoặc --all, không dùng cả hai", "give --ward or --all, not both"},
	CLINoArguments:         {"%s không nhận đối số, mà có %q", "%s takes no arguments, got %q"},
	CLINoSuchIndicator:     {"%s %q: không có chỉ tiêu này (xem chitieu config)", "%s %q: no such indicator (see chitieu config)"},
	CLINoSuchWard:          {"--ward %q: không có trong danh sách phường", "--ward %q: not a configured ward"},

	// Shown in both languages at once, Vietnamese first: the window opened
	// for a folder dropped on chitieu.exe has no --lang.
	CLIPressEnter: {"Nhấn Enter để đóng cửa sổ", "Press Enter to close this window"},
	CLIConfigBad:  {"chitieu: bảng cấu hình: %v\n", "chitieu: configuration workbook: %v\n"},
	CLINoSuchPeriod: {"chitieu: --show-period %s: không có kỳ này trong số liệu đã đọc; có: %s\n",
		"chitieu: --show-period %s: no such period in the figures read; there are: %s\n"},
	CLICannotOpen:      {"chitieu: không mở được %s: %v\n", "chitieu: cannot open %s: %v\n"},
	CLINothingReadable: {"chitieu: không đọc được bảng tính nào", "chitieu: nothing readable"},
	CLISkippedFiles:    {"Bỏ qua %d tệp không phải bảng tính: %s\n", "Skipped %d file(s) that are not spreadsheets: %s\n"},
	CLISkippedOwn:      {"Bỏ qua %d bảng do chitieu tạo: %s\n", "Skipped %d workbook(s) chitieu wrote: %s\n"},
	CLINotOurs: {"chitieu: %s đã có và không phải bảng do chitieu tạo; không ghi đè (chọn tên khác với --out)\n",
		"chitieu: %s exists and is not a workbook chitieu wrote; not overwriting it (choose another name with --out)\n"},
	CLIExists: {"chitieu: %s đã có; không ghi đè\n", "chitieu: %s exists; not overwriting it\n"},
	CLIConfigExists: {"chitieu: %s đã có; không ghi đè để khỏi mất phần đã sửa (thêm --force nếu muốn ghi đè)\n",
		"chitieu: %s exists; not overwriting it, so that no edits are lost (add --force to overwrite)\n"},
	CLINotFolder:        {"chitieu: %s không phải thư mục\n", "chitieu: %s is not a folder\n"},
	CLICannotMakeFolder: {"chitieu: không tạo được thư mục %s: %v\n", "chitieu: cannot make the folder %s: %v\n"},
	CLINoFile:           {"chitieu: không có tệp %s\n", "chitieu: %s does not exist\n"},
	CLIConvertFolder:    {"chitieu: %s là thư mục; convert chuyển từng tệp một\n", "chitieu: %s is a folder; convert takes one workbook\n"},
	CLICannotConvert:    {"chitieu: không chuyển được %s: %v\n", "chitieu: cannot convert %s: %v\n"},
	CLIOpenElsewhere: {"chitieu: %s đang mở trong Excel hoặc LibreOffice; hãy đóng tệp rồi chạy lại (chưa thay đổi gì)",
		"chitieu: %s is open in Excel or LibreOffice; close it, then run again (nothing was changed)"},
	CLINotWritable: {"chitieu: %s không phải bảng tính mở được (hỏng, hoặc có mật khẩu: dùng --password); không ghi đè",
		"chitieu: %s is not a workbook that opens (damaged, or password-protected: use --password); not overwritten"},
	CLICannotWrite:      {"chitieu: không ghi được %s: %v", "chitieu: cannot write %s: %v"},
	CLISummaryWritten:   {"Đã ghi bảng tổng hợp: ", "Summary written: "},
	CLIIntoWritten:      {"Đã ghi các trang tổng hợp vào %s (bản cũ: %s)\n", "Summary sheets written into %s (previous version: %s)\n"},
	CLIConfigWritten:    {"Đã ghi bảng cấu hình: ", "Configuration written: "},
	CLIFormWritten:      {"Đã ghi biểu mẫu: ", "Form written: "},
	CLIConvertedWritten: {"Đã ghi bản chuyển mã: ", "Converted copy written: "},
	// convert's closing line: CLINoLegacyText, or CLIConvertedToUnicode and
	// CLIConvertedCells for each encoding; then CLIGuessedCells and
	// CLIFontsReplaced when they apply.
	CLIConvertedCells:     {"%d ô từ %s", "%d cells from %s"},
	CLINoLegacyText:       {"Không có chữ nào gõ bằng mã cũ", "No text was in a legacy encoding"},
	CLIConvertedToUnicode: {"Đã chuyển sang Unicode: ", "Converted to Unicode: "},
	CLIGuessedCells:       {" (%d ô đoán mã theo chữ, hãy kiểm tra)", " (%d cells by guessing from the text; please check)"},
	CLIFontsReplaced:      {". Phông: ", ". Fonts: "},
}
