package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"chitieu/analysis"
	"chitieu/ingest"
	"chitieu/report"
	"chitieu/watch"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"
	"github.com/xuri/excelize/v2"
)

// Exit codes of the contract.
const (
	exitOK       = 0
	exitProblems = 1 // check found an error, or the command could not do its job
	exitUsage    = 2 // usage error, a missing path, or nothing readable
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
}

// usageError is a command-line mistake: exit 2 with the usage text.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

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
	if errors.Is(err, pflag.ErrHelp) {
		fmt.Fprint(sys.Stdout, usage(o.command, fs))
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(sys.Stderr, "chitieu: %v\n\n%s", err, usage(o.command, fs))
		return exitUsage
	}
	switch o.command {
	case "help":
		fmt.Fprint(sys.Stdout, usage("report", flagSet("report", &options{})))
		return exitOK
	case "version":
		return runVersion(sys)
	case "config":
		return runConfig(o, sys)
	case "template":
		return runTemplate(o, sys)
	case "watch":
		return runWatch(o, sys)
	case "report", "check":
		return runReport(o, sys)
	}
	fmt.Fprintf(sys.Stderr, "chitieu: lệnh %q chưa có trong phiên bản này / not available in this version yet\n", o.command)
	return exitUsage
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
	if has("report", "check") {
		fs.StringVar(&o.configPath, "config", "", "configuration workbook (else cau-hinh.xlsx in the first input folder, else beside the program, else built in)")
		fs.StringVar(&o.period, "period", "", "assign period `P` (2003, 2003-H1, 2003-Q3, 2003-9M, 2003-05) to every input")
		fs.StringVar(&o.password, "password", "", "password of encrypted workbooks")
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
	fs.StringVar(&o.lang, "lang", "vi", "language of tables, sheets and messages: vi or en")
	if has("report", "check") {
		fs.StringVar(&o.color, "color", "auto", "colour in tables: auto, always or never")
		fs.StringVar(&o.format, "format", "table", "output on stdout: table, json, csv or markdown (check: table or json)")
	}
	if has("report", "config", "template") {
		fs.StringVarP(&o.out, "out", "o", "", "workbook to write (report: tong-hop.xlsx; config: cau-hinh.xlsx; template --all: a folder)")
	}
	if has("report") {
		fs.BoolVar(&o.noWorkbook, "no-workbook", false, "do not write the summary workbook")
		fs.StringArrayVar(&o.indicators, "indicator", nil, "show this indicator (`ID` or label; repeatable)")
		fs.StringArrayVar(&o.wards, "ward", nil, "show this ward (`NAME`, any spelling: P5, Phường 05; repeatable)")
		fs.BoolVar(&o.onlyNotMet, "only-not-met", false, "show only indicators and wards that miss a target")
		fs.StringVar(&o.sortBy, "sort", "", "rank wards by this indicator (`ID`), best first")
		fs.StringVar(&o.showPeriod, "show-period", "", "show one period (`P`, such as 2003-H1)")
	}
	if has("config") {
		fs.BoolVar(&o.force, "force", false, "overwrite an existing configuration workbook")
	}
	return fs
}

func (o *options) validate() error {
	if o.lang != "vi" && o.lang != "en" {
		return usageError{fmt.Sprintf("--lang %q: use vi or en", o.lang)}
	}
	if o.color != "" && !slices.Contains([]string{"auto", "always", "never"}, o.color) {
		return usageError{fmt.Sprintf("--color %q: use auto, always or never", o.color)}
	}
	formats := []string{"table", "json", "csv", "markdown"}
	if o.command == "check" {
		formats = []string{"table", "json"}
	}
	if o.format != "" && !slices.Contains(formats, o.format) {
		return usageError{fmt.Sprintf("--format %q: use one of %s", o.format, strings.Join(formats, ", "))}
	}
	if o.showPeriod != "" {
		if _, ok := analysis.ParsePeriodID(o.showPeriod); !ok {
			return usageError{fmt.Sprintf("--show-period %q: use an id such as 2003, 2003-H1, 2003-Q3, 2003-9M or 2003-05", o.showPeriod)}
		}
	}
	if o.period != "" {
		if _, ok := analysis.ParsePeriodID(o.period); !ok {
			return usageError{fmt.Sprintf("--period %q: use an id such as 2003, 2003-H1, 2003-Q3, 2003-9M or 2003-05", o.period)}
		}
	}
	switch o.command {
	case "report", "check":
		if len(o.paths) == 0 {
			return usageError{"no input: give the workbooks or folders to read"}
		}
	case "watch":
		if len(o.paths) != 1 {
			return usageError{"watch takes one folder"}
		}
	case "template":
		switch {
		case o.period == "":
			return usageError{"template needs --period"}
		case o.out == "":
			return usageError{"template needs --out"}
		case o.ward == "" && !o.all:
			return usageError{"template needs --ward NAME, or --all"}
		case o.ward != "" && o.all:
			return usageError{"give --ward or --all, not both"}
		}
		fallthrough
	case "config", "version", "help":
		if len(o.paths) > 0 && o.command != "help" {
			return usageError{fmt.Sprintf("%s takes no arguments, got %q", o.command, o.paths[0])}
		}
	}
	return nil
}

// helpTexts is what --help says of each command, before its flags.
var helpTexts = map[string]string{
	"report": `Usage: chitieu [report] [flags] PATH...

Read the wards' workbooks (files or folders), compare the district's figures
with the Congress targets, print the report and write the summary workbook.
Other commands: check, config, template, watch, version (chitieu COMMAND --help).

Examples:
  chitieu samples
  chitieu --format json --no-workbook samples/2002
  chitieu --only-not-met --show-period 2003-H1 --sort detection_rate samples
  chitieu --lang en --out bao-cao.xlsx D:\BaoCao\2003-H1
`,
	"check": `Usage: chitieu check [flags] PATH...

Read and analyse as report does; print only the problems, grouped by file,
with counts per severity and per ward; write nothing.

Examples:
  chitieu check D:\BaoCao\2003-H1
  chitieu check --format json samples
`,
	"config": `Usage: chitieu config [--out cau-hinh.xlsx] [--force]

Write the configuration workbook (indicators, aliases, targets, wards) for
staff to edit in Excel. Saved as cau-hinh.xlsx in the reports' folder, it is
used without a flag.

Examples:
  chitieu config --out D:\BaoCao\cau-hinh.xlsx
  chitieu config --config cu.xlsx --out cau-hinh.xlsx --force
`,
	"template": `Usage: chitieu template --ward NAME --period P --out FILE
       chitieu template --all --period P --out FOLDER

Write the blank ward form, ready to fill in and send back.

Examples:
  chitieu template --ward "Phường 5" --period 2003-H1 --out mau.xlsx
  chitieu template --all --period 2003-Q3 --out mau-quy-3
`,
	"watch": `Usage: chitieu watch [flags] FOLDER

Print the report, then again (and rewrite the summary workbook) whenever a
workbook in FOLDER is added, replaced or removed. Ctrl-C stops.

Examples:
  chitieu watch D:\BaoCao\2003-H1
`,
	"version": "Usage: chitieu version\n\nPrint chitieu's version, and Go's and excelize's.\n",
}

func usage(command string, fs *pflag.FlagSet) string {
	var b strings.Builder
	text, ok := helpTexts[command]
	if !ok {
		text = helpTexts["report"]
	}
	b.WriteString(text)
	if fs != nil && fs.HasFlags() {
		b.WriteString("\nFlags:\n")
		b.WriteString(fs.FlagUsages())
	}
	b.WriteString(`
Exit codes: 0 done (a report with problems is still done); 1 check found an
error, or the output could not be written; 2 usage error, a missing path, or
nothing readable.
Environment: NO_COLOR turns colour off; COLUMNS sets the table width when
the output is not a terminal.
`)
	return b.String()
}

// loadConfig finds the configuration: --config, else cau-hinh.xlsx in the
// first input folder, else beside the program, else the built-in one.
func loadConfig(o options, sys System) (*analysis.Config, error) {
	if o.configPath != "" {
		return ingest.ReadConfig(o.configPath)
	}
	var candidates []string
	if len(o.paths) > 0 {
		dir := o.paths[0]
		if info, err := os.Stat(dir); err == nil && !info.IsDir() {
			dir = filepath.Dir(dir)
		}
		candidates = append(candidates, filepath.Join(dir, configFileName))
	}
	if sys.Executable != "" {
		candidates = append(candidates, filepath.Join(filepath.Dir(sys.Executable), configFileName))
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return ingest.ReadConfig(c)
		}
	}
	return analysis.Builtin(), nil
}

const (
	configFileName  = "cau-hinh.xlsx"
	summaryFileName = "tong-hop.xlsx"
)

func runReport(o options, sys System) int {
	cfg, err := loadConfig(o, sys)
	if err != nil {
		fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: bảng cấu hình: %v\n", "chitieu: configuration workbook: %v\n"), err)
		return exitProblems
	}
	sel, err := selection(o, cfg)
	if err != nil {
		fmt.Fprintf(sys.Stderr, "chitieu: %v\n\n%s", err, usage(o.command, flagSet(o.command, &options{})))
		return exitUsage
	}
	bar := progress(sys)
	defer bar.Finish()
	read, err := ingest.Read(o.paths, ingest.Options{
		Config: cfg, Period: o.period, Password: o.password, Progress: bar.Set,
		IsOwn:   func(f *excelize.File) bool { return report.IsSummary(f) || ingest.IsConfig(f) },
		Exclude: []string{cfg.Source},
	})
	var missing *fs.PathError
	if errors.As(err, &missing) {
		fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: không mở được %s: %v\n", "chitieu: cannot open %s: %v\n"), missing.Path, missing.Err)
		return exitUsage
	} else if err != nil {
		fmt.Fprintf(sys.Stderr, "chitieu: %v\n", err)
		return exitUsage
	}
	res := analysis.Analyze(cfg, read.Submissions, read.Problems)
	ro := report.Options{Lang: o.lang, Color: colorOn(o.color, sys), Width: width(sys), Now: sys.Now(), Inputs: o.paths}
	noteSkipped(sys.Stderr, read, o.lang)
	if read.Opened == 0 {
		// check prints the reasons on stdout as usual; report on stderr,
		// since it has no report to print.
		fmt.Fprintln(sys.Stderr, msg(o.lang, "chitieu: không đọc được bảng tính nào", "chitieu: nothing readable"))
		if o.command == "check" && (len(res.Problems) > 0 || o.format == "json") {
			writeProblems(o, sys, res.Problems, ro)
		} else if o.command != "check" {
			for _, p := range res.Problems {
				fmt.Fprintln(sys.Stderr, "  "+p.Format(o.lang))
			}
		}
		return exitUsage
	}
	if o.command == "check" {
		if err := writeProblems(o, sys, res.Problems, ro); err != nil {
			fmt.Fprintf(sys.Stderr, "chitieu: %v\n", err)
			return exitProblems
		}
		for _, p := range res.Problems {
			if p.Severity == analysis.SeverityError {
				return exitProblems
			}
		}
		return exitOK
	}

	write := map[string]func(io.Writer, *analysis.Result, report.Options) error{
		"table": report.WriteTable, "json": report.WriteJSON, "csv": report.WriteCSV, "markdown": report.WriteMarkdown,
	}[o.format]
	shown := res
	if o.format != "json" {
		shown = analysis.Narrow(res, sel) // JSON is always complete
	}
	if err := write(sys.Stdout, shown, ro); err != nil {
		fmt.Fprintf(sys.Stderr, "chitieu: %v\n", err)
		return exitProblems
	}
	if o.noWorkbook {
		return exitOK
	}
	out := o.out
	if out == "" {
		out = summaryFileName
		if info, err := os.Stat(o.paths[0]); err == nil && info.IsDir() && sys.OwnConsole {
			out = filepath.Join(o.paths[0], summaryFileName) // beside the reports dropped on the .exe
		}
	}
	if !safeToReplace(out, report.IsSummary) {
		fmt.Fprintf(sys.Stderr, msg(o.lang, notOursVI, notOursEN), out)
		return exitProblems
	}
	if err := report.WriteSummary(out, res, ro); err != nil {
		fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: không ghi được %s: %v\n", "chitieu: cannot write %s: %v\n"), out, err)
		return exitProblems
	}
	fmt.Fprintln(sys.Stderr, msg(o.lang, "Đã ghi bảng tổng hợp: ", "Summary written: ")+out)
	return exitOK
}

func writeProblems(o options, sys System, problems []analysis.Problem, ro report.Options) error {
	if o.format == "json" {
		return report.WriteProblemsJSON(sys.Stdout, problems, ro)
	}
	return report.WriteProblems(sys.Stdout, problems, ro)
}

// safeToReplace reports whether path may be written: it does not exist, or
// it is a workbook chitieu made for the same purpose. A ward's report or
// the district's own workbook is never overwritten.
func safeToReplace(path string, ours func(*excelize.File) bool) bool {
	if _, err := os.Stat(path); err != nil {
		return true
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return ours(f)
}

const (
	notOursVI = "chitieu: %s đã có và không phải bảng do chitieu tạo; không ghi đè (chọn tên khác với --out)\n"
	notOursEN = "chitieu: %s exists and is not a workbook chitieu wrote; not overwriting it (choose another name with --out)\n"
)

func noteSkipped(w io.Writer, read *ingest.Result, lang string) {
	if n := len(read.Skipped); n > 0 {
		fmt.Fprintf(w, msg(lang, "Bỏ qua %d tệp không phải bảng tính: %s\n", "Skipped %d file(s) that are not spreadsheets: %s\n"),
			n, strings.Join(read.Skipped, ", "))
	}
	if n := len(read.Own); n > 0 {
		fmt.Fprintf(w, msg(lang, "Bỏ qua %d bảng do chitieu tạo: %s\n", "Skipped %d workbook(s) chitieu wrote: %s\n"),
			n, strings.Join(read.Own, ", "))
	}
}

func runConfig(o options, sys System) int {
	cfg := analysis.Builtin()
	if o.configPath != "" {
		var err error
		if cfg, err = ingest.ReadConfig(o.configPath); err != nil {
			fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: bảng cấu hình: %v\n", "chitieu: configuration workbook: %v\n"), err)
			return exitProblems
		}
	}
	out := o.out
	if out == "" {
		out = configFileName
	}
	if _, err := os.Stat(out); err == nil && !o.force {
		fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: %s đã có; không ghi đè để khỏi mất phần đã sửa (thêm --force nếu muốn ghi đè)\n",
			"chitieu: %s exists; not overwriting it, so that no edits are lost (add --force to overwrite)\n"), out)
		return exitProblems
	}
	if !safeToReplace(out, ingest.IsConfig) {
		fmt.Fprintf(sys.Stderr, msg(o.lang, notOursVI, notOursEN), out)
		return exitProblems
	}
	f, err := ingest.ConfigWorkbook(cfg)
	if err == nil {
		err = report.Save(f, out)
	}
	if err != nil {
		fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: không ghi được %s: %v\n", "chitieu: cannot write %s: %v\n"), out, err)
		return exitProblems
	}
	fmt.Fprintln(sys.Stderr, msg(o.lang, "Đã ghi bảng cấu hình: ", "Configuration written: ")+out)
	return exitOK
}

// runWatch prints the report, then again whenever a workbook in the folder
// changes, until Ctrl-C.
func runWatch(o options, sys System) int {
	if info, err := os.Stat(o.paths[0]); err != nil || !info.IsDir() {
		fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: %s không phải thư mục\n", "chitieu: %s is not a folder\n"), o.paths[0])
		return exitUsage
	}
	out := o.out
	if out == "" {
		out = summaryFileName
	}
	summary, _ := filepath.Abs(out)
	ctx := sys.Context
	if ctx == nil {
		ctx = context.Background()
	}
	each := o
	each.command, each.out = "report", out
	err := watch.Run(ctx, watch.Options{
		Folder: o.paths[0], Lang: o.lang, Log: sys.Stderr,
		Ignore: func(path string) bool { return path == summary },
		Refresh: func() error {
			if code := runReport(each, sys); code != exitOK {
				return fmt.Errorf("exit %d", code)
			}
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(sys.Stderr, "chitieu: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// runTemplate writes the blank ward form for one ward, or for every
// configured ward into a folder. Existing files are never overwritten.
func runTemplate(o options, sys System) int {
	cfg := analysis.Builtin()
	if o.configPath != "" {
		var err error
		if cfg, err = ingest.ReadConfig(o.configPath); err != nil {
			fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: bảng cấu hình: %v\n", "chitieu: configuration workbook: %v\n"), err)
			return exitProblems
		}
	}
	period, _ := analysis.ParsePeriodID(o.period)
	targets := map[string]string{o.ward: o.out} // ward -> file
	order := []string{o.ward}
	if o.all {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: không tạo được thư mục %s: %v\n", "chitieu: cannot make the folder %s: %v\n"), o.out, err)
			return exitProblems
		}
		targets, order = map[string]string{}, nil
		for _, u := range cfg.Units {
			targets[u.Name] = filepath.Join(o.out, safeFileName(u.Name+" "+period.ID())+".xlsx")
			order = append(order, u.Name)
		}
	}
	for _, ward := range order {
		out := targets[ward]
		if _, err := os.Stat(out); err == nil {
			fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: %s đã có; không ghi đè\n", "chitieu: %s exists; not overwriting it\n"), out)
			return exitProblems
		}
		f, err := ingest.TemplateWorkbook(cfg, ward, period)
		if err == nil {
			err = report.Save(f, out)
		}
		if err != nil {
			fmt.Fprintf(sys.Stderr, msg(o.lang, "chitieu: không ghi được %s: %v\n", "chitieu: cannot write %s: %v\n"), out, err)
			return exitProblems
		}
		fmt.Fprintln(sys.Stderr, msg(o.lang, "Đã ghi biểu mẫu: ", "Form written: ")+out)
	}
	return exitOK
}

// safeFileName replaces what Windows does not allow in a file name.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '-'
		}
		return r
	}, name)
}

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func runVersion(sys System) int {
	excelizeVersion := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/xuri/excelize/v2" {
				excelizeVersion = d.Version
			}
		}
	}
	fmt.Fprintf(sys.Stdout, "chitieu %s (%s, excelize %s)\n", version, runtime.Version(), excelizeVersion)
	return exitOK
}

func colorOn(mode string, sys System) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return sys.StdoutTTY && sys.Getenv("NO_COLOR") == ""
}

// width is what tables wrap to: the terminal's width when stdout is one,
// else COLUMNS, else 100.
func width(sys System) int {
	if sys.StdoutTTY && sys.TermWidth >= 40 {
		return sys.TermWidth
	}
	var n int
	if _, err := fmt.Sscan(sys.Getenv("COLUMNS"), &n); err == nil && n >= 40 {
		return n
	}
	return 100
}

// selection turns the display flags into an analysis.Selection, resolving
// indicator labels and ward spellings against the configuration.
func selection(o options, cfg *analysis.Config) (analysis.Selection, error) {
	m := analysis.NewMatcher(cfg)
	indicator := func(flag, text string) (string, error) {
		if _, ok := cfg.Indicator(text); ok {
			return text, nil
		}
		if id, ok := m.Indicator(text); ok {
			return id, nil
		}
		return "", usageError{fmt.Sprintf("%s %q: no such indicator (see chitieu config)", flag, text)}
	}
	sel := analysis.Selection{OnlyNotMet: o.onlyNotMet, Period: o.showPeriod}
	for _, text := range o.indicators {
		id, err := indicator("--indicator", text)
		if err != nil {
			return sel, err
		}
		sel.Indicators = append(sel.Indicators, id)
	}
	if o.sortBy != "" {
		id, err := indicator("--sort", o.sortBy)
		if err != nil {
			return sel, err
		}
		sel.SortBy = id
	}
	for _, text := range o.wards {
		name, _, ok := m.Unit(text)
		if !ok {
			return sel, usageError{fmt.Sprintf("--ward %q: not a configured ward", text)}
		}
		sel.Wards = append(sel.Wards, name)
	}
	return sel, nil
}

// progressBar shows how many files have been read, on stderr, only when
// stderr is a terminal and there are enough files to wait for.
type progressBar struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func progress(sys System) *progressBar {
	if !sys.StderrTTY {
		return &progressBar{}
	}
	return &progressBar{w: sys.Stderr}
}

// Set is ingest's progress callback.
func (p *progressBar) Set(done, total int) {
	if p.w == nil || total < progressFloor {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription("chitieu"),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	p.bar.Set(done)
}

// Finish clears the bar.
func (p *progressBar) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// progressFloor is the number of files below which no bar is shown.
const progressFloor = 50

func msg(lang, vi, en string) string {
	if lang == "en" {
		return en
	}
	return vi
}
