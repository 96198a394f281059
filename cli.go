package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"chitieu/notation"

	"github.com/spf13/pflag"
)

// System is what a command may touch of the outside world.
type System struct {
	Stdout, Stderr io.Writer
	StdoutTTY      bool
	StderrTTY      bool // progress bars only on a terminal
	TermWidth      int  // columns of the terminal stdout is, 0 if none
	Getenv         func(string) string
	Now            func() time.Time
	Executable     string // path of the running program, to find cau-hinh.xlsx beside it
	// OwnConsole is set when Windows made a console window for chitieu
	// alone (a folder dropped on chitieu.exe): the summary then goes into
	// that folder, and the window waits for Enter before it closes.
	OwnConsole bool
	Stdin      io.Reader
	// Context is cancelled on Ctrl-C; watch stops then. Nil means never.
	Context context.Context
}

// options are the parsed command line.
type options struct {
	command    string
	paths      []string
	configPath string
	lang       string
	period     string
	password   string
	color      string
	format     string
	out        string
	noWorkbook bool
	into       string
	force      bool

	// template: one ward, or all of them into a folder.
	ward string
	all  bool

	// Display filters: the table, markdown and CSV only.
	indicators []string
	wards      []string
	onlyNotMet bool
	sortBy     string
	showPeriod string
	by         string // the periods the district table shows: month, quarter, half or year
}

// commands are the command names; the first argument that is not a flag
// and not one of these is a path, and the command is report.
var commands = []string{"report", "check", "config", "template", "watch", "convert", "version", "help"}

// Main runs chitieu with args (without the program name) and returns the
// exit code.
func Main(args []string, sys System) int {
	code := run(args, sys)
	if sys.OwnConsole && sys.Stdin != nil {
		fmt.Fprint(sys.Stderr, "\nNhấn Enter để đóng cửa sổ / Press Enter to close this window ")
		bufio.NewReader(sys.Stdin).ReadString('\n')
	}
	return code
}

func run(args []string, sys System) int {
	o, fs, err := parse(args)
	lang := helpLang(args)
	if errors.Is(err, pflag.ErrHelp) {
		fmt.Fprint(sys.Stdout, usage(o.command, fs, lang))
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(sys.Stderr, "chitieu: %v\n\n%s", err, usage(o.command, fs, lang))
		return exitUsage
	}
	return exitCode(runCommand(o, sys, lang), o, sys)
}

// runCommand runs the command of o.
func runCommand(o options, sys System, lang string) error {
	switch o.command {
	case "help":
		fmt.Fprint(sys.Stdout, usage("report", flagSet("report", &options{}), lang))
		return nil
	case "version":
		return runVersion(sys)
	case "config":
		return runConfig(o, sys)
	case "template":
		return runTemplate(o, sys)
	case "watch":
		return runWatch(o, sys)
	case "convert":
		return runConvert(o, sys)
	case "report", "check":
		return runReport(o, sys)
	}
	return badInput(fmt.Sprintf("chitieu: lệnh %q chưa có trong phiên bản này / not available in this version yet\n", o.command))
}

// parse splits off the command, then parses its flags.
func parse(args []string) (options, *pflag.FlagSet, error) {
	o := options{command: "report"}
	// Find the first argument that is not a flag or a flag's value.
	all := flagSet("", &options{})
	all.SetInterspersed(false)
	all.SetOutput(io.Discard)
	rest := args
	if err := all.Parse(args); err == nil && len(all.Args()) > 0 {
		at := len(args) - len(all.Args())
		if slices.Contains(commands, args[at]) && (at == 0 || args[at-1] != "--") {
			o.command = args[at]
			rest = append(append([]string(nil), args[:at]...), args[at+1:]...)
		}
	}
	fs := flagSet(o.command, &o)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(rest); err != nil {
		return o, fs, err
	}
	o.paths = fs.Args()
	return o, fs, o.validate()
}

// flagSet registers the flags of command ("" for every flag).
func flagSet(command string, o *options) *pflag.FlagSet {
	fs := pflag.NewFlagSet("chitieu "+command, pflag.ContinueOnError)
	fs.SortFlags = false
	if command == "watch" {
		command = "report" // watch takes report's flags
	}
	has := func(cmds ...string) bool { return command == "" || slices.Contains(cmds, command) }
	if command == "convert" {
		fs.StringVar(&o.password, "password", "", "password `PW` of an encrypted workbook")
	}
	if has("report", "check") {
		fs.StringVar(&o.configPath, "config", "", "configuration workbook `FILE` (else cau-hinh.xlsx in the first input folder, else beside the program, else built in)")
		fs.StringVar(&o.period, "period", "", "assign period `P` (2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05) to every input")
		fs.StringVar(&o.password, "password", "", "password `PW` of encrypted workbooks")
	}
	if has("template") {
		fs.BoolVar(&o.all, "all", false, "one form per configured ward, into the folder --out")
	}
	if command == "template" { // the union set has report's --ward and --period
		fs.StringVar(&o.ward, "ward", "", "the ward the form is for (`NAME`)")
		fs.StringVar(&o.period, "period", "", "the period the form is for (`P`: 2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05)")
		fs.StringVar(&o.configPath, "config", "", "configuration workbook (indicators and wards)")
	}
	if has("config") && command != "" {
		fs.StringVar(&o.configPath, "config", "", "start from this configuration workbook instead of the built-in one")
	}
	fs.StringVar(&o.lang, "lang", "vi", "language `vi|en` of tables, sheets and messages")
	if has("report", "check") {
		fs.StringVar(&o.color, "color", "auto", "colour in tables: `auto|always|never`")
		fs.StringVar(&o.format, "format", "table", "output on stdout: `table|json|csv|markdown|text` (text: the term review's sentences; check: table or json)")
	}
	if has("report", "config", "template") {
		fs.StringVarP(&o.out, "out", "o", "", "workbook `FILE` to write (report: tong-hop.xlsx; config: cau-hinh.xlsx; template --all: a folder)")
	}
	if has("report") {
		fs.BoolVar(&o.noWorkbook, "no-workbook", false, "do not write the summary workbook")
		fs.StringVar(&o.into, "into", "", "write the summary sheets into this existing workbook `FILE` (the district's own), keeping FILE.bak")
		fs.StringArrayVar(&o.indicators, "indicator", nil, "show this indicator (`ID` or label; repeatable)")
		fs.StringArrayVar(&o.wards, "ward", nil, "show this ward (`NAME`, any spelling: P5, Phường 05; repeatable)")
		fs.BoolVar(&o.onlyNotMet, "only-not-met", false, "show only indicators and wards that miss a target")
		fs.StringVar(&o.sortBy, "sort", "", "rank wards by this indicator (`ID`), best first")
		fs.StringVar(&o.showPeriod, "show-period", "", "show one period (`P`, such as 2003-H1)")
		fs.StringVar(&o.by, "by", "", "periods in the district table: `month|quarter|half|year` (default: every period, or the years and the latest period when there are more than six)")
	}
	if has("config") {
		fs.BoolVar(&o.force, "force", false, "overwrite an existing configuration workbook")
	}
	return fs
}

const (
	periodHintVI = "%s %q: dùng mã kỳ như 2003, 2003-H1, 2003-Q3, 2003-9M hoặc 2003-05"
	periodHintEN = "%s %q: use an id such as 2003, 2003-H1, 2003-Q3, 2003-9M or 2003-05"
)

func (o *options) validate() error {
	if o.lang != "vi" && o.lang != "en" {
		return usageError{fmt.Sprintf(say(o.lang, "--lang %q: dùng vi hoặc en", "--lang %q: use vi or en"), o.lang)}
	}
	if o.color != "" && !slices.Contains([]string{"auto", "always", "never"}, o.color) {
		return usageError{fmt.Sprintf(say(o.lang, "--color %q: dùng auto, always hoặc never", "--color %q: use auto, always or never"), o.color)}
	}
	formats := []string{"table", "json", "csv", "markdown", "text"}
	if o.command == "check" {
		formats = []string{"table", "json"}
	}
	if o.format != "" && !slices.Contains(formats, o.format) {
		return usageError{fmt.Sprintf(say(o.lang, "--format %q: dùng một trong %s", "--format %q: use one of %s"), o.format, strings.Join(formats, ", "))}
	}
	if o.by != "" && !slices.Contains([]string{"month", "quarter", "half", "year"}, o.by) {
		return usageError{fmt.Sprintf(say(o.lang, "--by %q: dùng month, quarter, half hoặc year", "--by %q: use month, quarter, half or year"), o.by)}
	}
	if o.showPeriod != "" {
		if _, ok := notation.ParsePeriodID(o.showPeriod); !ok {
			return usageError{fmt.Sprintf(say(o.lang, periodHintVI, periodHintEN), "--show-period", o.showPeriod)}
		}
	}
	if o.period != "" {
		if _, ok := notation.ParsePeriodID(o.period); !ok {
			return usageError{fmt.Sprintf(say(o.lang, periodHintVI, periodHintEN), "--period", o.period)}
		}
	}
	if o.into != "" && (o.out != "" || o.noWorkbook) {
		return usageError{say(o.lang, "--into không dùng cùng --out hay --no-workbook", "--into goes with neither --out nor --no-workbook")}
	}
	switch o.command {
	case "report", "check":
		if len(o.paths) == 0 {
			return usageError{say(o.lang, "chưa có đầu vào: cho biết các tệp hoặc thư mục báo cáo cần đọc", "no input: give the workbooks or folders to read")}
		}
	case "watch":
		if len(o.paths) != 1 {
			return usageError{say(o.lang, "watch cần đúng một thư mục", "watch takes one folder")}
		}
	case "convert":
		if len(o.paths) != 2 {
			return usageError{say(o.lang, "convert cần tệp vào và tệp ra: chitieu convert CU.xls MOI.xlsx", "convert takes an input and an output: chitieu convert OLD.xls NEW.xlsx")}
		}
		if !strings.EqualFold(filepath.Ext(o.paths[1]), ".xlsx") {
			return usageError{fmt.Sprintf(say(o.lang, "tệp ra %q phải có đuôi .xlsx", "the output %q must end in .xlsx"), o.paths[1])}
		}
	case "template":
		switch {
		case o.period == "":
			return usageError{say(o.lang, "template cần --period", "template needs --period")}
		case o.out == "":
			return usageError{say(o.lang, "template cần --out", "template needs --out")}
		case o.ward == "" && !o.all:
			return usageError{say(o.lang, "template cần --ward TÊN, hoặc --all", "template needs --ward NAME, or --all")}
		case o.ward != "" && o.all:
			return usageError{say(o.lang, "dùng --ward hoặc --all, không dùng cả hai", "give --ward or --all, not both")}
		}
		fallthrough
	case "config", "version", "help":
		if len(o.paths) > 0 && o.command != "help" {
			return usageError{fmt.Sprintf(say(o.lang, "%s không nhận đối số, mà có %q", "%s takes no arguments, got %q"), o.command, o.paths[0])}
		}
	}
	return nil
}

// helpLang is the language of the usage text: --lang, even when --help or
// a mistake stopped the parsing before it.
func helpLang(args []string) string {
	for i, a := range args {
		if a == "--lang=en" || a == "--lang" && i+1 < len(args) && args[i+1] == "en" {
			return "en"
		}
	}
	return "vi"
}

// helpTexts is what --help says of each command, before its flags:
// Vietnamese, then English.
var helpTexts = map[string][2]string{
	"report": {`Cách dùng: chitieu [report] [cờ] ĐƯỜNG-DẪN...

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
	"check": {`Cách dùng: chitieu check [cờ] ĐƯỜNG-DẪN...

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
	"config": {`Cách dùng: chitieu config [--out cau-hinh.xlsx] [--force]

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
	"template": {`Cách dùng: chitieu template --ward TÊN --period KỲ --out TỆP
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
	"watch": {`Cách dùng: chitieu watch [cờ] THƯ-MỤC

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
	"convert": {`Cách dùng: chitieu convert [cờ] TỆP-CŨ TỆP-MỚI.xlsx

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
	"version": {"Cách dùng: chitieu version\n\nIn phiên bản của chitieu, của Go và của excelize.\n",
		"Usage: chitieu version\n\nPrint chitieu's version, and Go's and excelize's.\n"},
}

// flagHelpVI is the Vietnamese help of each flag (the English one is given
// where the flag is defined).
var flagHelpVI = map[string]string{
	"config":       "bảng cấu hình `FILE` (mặc định: cau-hinh.xlsx trong thư mục báo cáo, rồi bên cạnh chương trình, rồi cấu hình có sẵn)",
	"period":       "kỳ báo cáo `P` (2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05)",
	"password":     "mật khẩu `PW` của các tệp có mật khẩu",
	"all":          "mỗi phường một biểu, vào thư mục --out",
	"ward":         "phường `NAME` (viết kiểu nào cũng được: P5, Phường 05)",
	"lang":         "ngôn ngữ `vi|en` của bảng, trang tính và thông báo",
	"color":        "màu trong bảng: `auto|always|never`",
	"format":       "kết quả in ra: `table|json|csv|markdown|text` (text: các câu đánh giá nhiệm kỳ; check: table hoặc json)",
	"out":          "tệp ghi ra `FILE` (report: tong-hop.xlsx; config: cau-hinh.xlsx; template --all: thư mục)",
	"no-workbook":  "không ghi bảng tổng hợp",
	"into":         "ghi các trang tổng hợp vào bảng tính `FILE` đã có (bảng của quận), giữ bản cũ FILE.bak",
	"indicator":    "chỉ hiện chỉ tiêu `ID` (mã hoặc tên; dùng nhiều lần được)",
	"only-not-met": "chỉ hiện chỉ tiêu và phường chưa đạt",
	"sort":         "xếp các phường theo chỉ tiêu `ID`, tốt nhất trước",
	"show-period":  "chỉ hiện kỳ `P` (như 2003-H1)",
	"by":           "các kỳ trong bảng của quận: `month|quarter|half|year` (mặc định: mọi kỳ, hoặc các năm và kỳ mới nhất khi có hơn sáu kỳ)",
	"force":        "ghi đè bảng cấu hình đã có",
	"help":         "cách dùng",
}

func usage(command string, fs *pflag.FlagSet, lang string) string {
	var b strings.Builder
	texts, ok := helpTexts[command]
	if !ok {
		texts = helpTexts["report"]
	}
	en := lang == "en"
	b.WriteString(texts[boolIndex(en)])
	if fs != nil && fs.HasFlags() {
		if !en {
			fs.VisitAll(func(f *pflag.Flag) {
				if vi, ok := flagHelpVI[f.Name]; ok {
					f.Usage = vi
				}
			})
		}
		b.WriteString(say(lang, "\nCờ:\n", "\nFlags:\n"))
		b.WriteString(fs.FlagUsages())
	}
	b.WriteString(say(lang, `
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
`))
	return b.String()
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}
