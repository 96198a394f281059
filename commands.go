// The commands: report and check, config, template, watch, version.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/ingest"
	"chitieu/legacy"
	"chitieu/mark"
	"chitieu/msg"
	"chitieu/notation"
	"chitieu/report"
	"chitieu/watch"
	"chitieu/workbook"
)

// loadConfig finds the configuration (ingest.LoadConfig): --config, else
// cau-hinh.xlsx in the first input folder, else beside the program, else
// the built-in one.
func loadConfig(o options, sys System) (*catalog.Config, error) {
	programDir := ""
	if sys.Executable != "" {
		programDir = filepath.Dir(sys.Executable)
	}
	return ingest.LoadConfig(o.configPath, o.paths, programDir)
}

const (
	configFileName  = ingest.ConfigFileName
	summaryFileName = "tong-hop.xlsx"
)

func runReport(o options, sys System) error {
	cfg, err := loadConfig(o, sys)
	if err != nil {
		return badInput(msg.Text(o.lang, msg.CLIConfigBad, err))
	}
	sel, err := selection(o, cfg)
	if err != nil {
		return usageError{err.Error()}
	}
	bar := progress(sys)
	defer bar.Finish()
	read, err := readInputs(o, sys, cfg, bar)
	if err != nil {
		return err
	}
	res := analysis.Analyze(cfg, read.Submissions, read.Problems)
	// What the forms said is in res now; letting it go keeps a city's
	// five years of forms (50 MiB of observations) out of the peak.
	read.Submissions, read.Problems = nil, nil
	ro := report.Options{Lang: o.lang, Color: colorOn(o.color, sys), Width: width(sys), Now: sys.Now(), Inputs: o.paths, By: o.by}
	noteSkipped(sys.Stderr, read, o.lang)
	switch {
	case read.Opened == 0:
		return nothingReadable(o, sys, res, ro)
	case o.command == "check":
		if err := writeProblems(o, sys, res.Problems, ro); err != nil {
			return err
		}
		for _, p := range res.Problems {
			if p.Severity == analysis.SeverityError {
				return failed("") // the problems say it
			}
		}
		return nil
	}
	shown := res
	if o.format != "json" {
		shown = analysis.Narrow(res, sel) // JSON is always complete
	}
	if sel.Period != "" && len(shown.Periods) == 0 && len(res.Periods) > 0 {
		var have []string
		for _, p := range res.Periods {
			have = append(have, p.Period)
		}
		return badInput(msg.Text(o.lang, msg.CLINoSuchPeriod, sel.Period, strings.Join(have, ", ")))
	}
	return writeReport(o, sys, res, shown, ro)
}

// readInputs reads the workbooks of o.paths, showing progress on bar.
func readInputs(o options, sys System, cfg *catalog.Config, bar *progressBar) (*ingest.Result, error) {
	opts := ingest.Options{
		Config: cfg, Period: o.period, Password: o.password, Progress: bar.Set,
		IsOwn:   func(m string) bool { return m == mark.Summary || m == mark.Master || m == mark.Config },
		Exclude: []string{cfg.Source},
	}
	if sys.Getenv("CHITIEU_READER") == "excelize" { // the old read path, for measuring and as an escape hatch
		opts.Engine = ingest.EngineExcelize
	}
	if sys.Getenv("CHITIEU_DEBUG") != "" { // which workbooks the lean reader hands to excelize, and why
		opts.Debug = sys.Stderr
	}
	read, err := ingest.Read(o.paths, opts)
	var missing *fs.PathError
	if errors.As(err, &missing) {
		return nil, badInput(msg.Text(o.lang, msg.CLICannotOpen, missing.Path, missing.Err))
	} else if err != nil {
		return nil, badInput(fmt.Sprintf("chitieu: %v\n", err))
	}
	return read, nil
}

// nothingReadable ends report and check when no workbook could be read:
// check prints the reasons on stdout as usual (after saying so on
// stderr); report on stderr, since it has no report to print.
func nothingReadable(o options, sys System, res *analysis.Result, ro report.Options) error {
	nothing := msg.Text(o.lang, msg.CLINothingReadable) + "\n"
	if o.command != "check" {
		for _, p := range res.Problems {
			nothing += "  " + p.Format(o.lang) + "\n"
		}
		return badInput(nothing)
	}
	fmt.Fprint(sys.Stderr, nothing)
	if len(res.Problems) > 0 || o.format == "json" {
		writeProblems(o, sys, res.Problems, ro)
	}
	return badInput("")
}

// writeReport prints shown in o.format and writes the summary workbook of
// res (unless --no-workbook).
// tablesInMemory is how much of the tables waits in memory for the summary
// workbook; the rest waits in a temporary file (see spill).
const tablesInMemory = 8 << 20

func writeReport(o options, sys System, res, shown *analysis.Result, ro report.Options) error {
	write := map[string]func(io.Writer, *analysis.Result, report.Options) error{
		"table": report.WriteTable, "json": report.WriteJSON, "csv": report.WriteCSV, "markdown": report.WriteMarkdown,
		"text": report.WriteText,
	}[o.format]
	if o.noWorkbook {
		return write(sys.Stdout, shown, ro)
	}
	// The workbook is written while the tables are made: both only read
	// res. The tables go out once the workbook is complete: a reader of
	// stdout that goes away (| head) ends chitieu with SIGPIPE, which must
	// not leave a half-written temporary file beside the summary. What the
	// workbook step has to say comes after the tables, as before.
	type outcome struct {
		note string
		err  error
	}
	saved := make(chan outcome, 1)
	go func() {
		note, err := writeSummary(o, sys, res, ro)
		saved <- outcome{note, err}
	}()
	tables := &spill{limit: tablesInMemory}
	defer tables.Close()
	err := write(tables, shown, ro)
	summary := <-saved
	if err == nil {
		_, err = tables.WriteTo(sys.Stdout)
	}
	switch {
	case err != nil:
		note := summary.note
		var ee *exitError
		if errors.As(summary.err, &ee) {
			note = ee.text
		}
		return failed(fmt.Sprintf("chitieu: %v\n", err) + note)
	case summary.err != nil:
		return summary.err
	}
	fmt.Fprint(sys.Stderr, summary.note)
	return nil
}

// writeSummary writes the summary workbook, or its sheets into the
// workbook of --into, and returns the line that says what was done, or an
// error that says what went wrong.
func writeSummary(o options, sys System, res *analysis.Result, ro report.Options) (note string, err error) {
	if o.into != "" {
		backup, err := report.WriteInto(o.into, res, ro, o.password)
		if err != nil {
			return "", failed(writeError(o.lang, o.into, err) + "\n")
		}
		return msg.Text(o.lang, msg.CLIIntoWritten, o.into, backup), nil
	}
	out := o.out
	if out == "" {
		out = summaryFileName
		if info, err := os.Stat(o.paths[0]); err == nil && info.IsDir() && sys.OwnConsole {
			out = filepath.Join(o.paths[0], summaryFileName) // beside the reports dropped on the .exe
		}
	}
	if !mark.Replaceable(out, mark.Summary) {
		return "", failed(msg.Text(o.lang, msg.CLINotOurs, out))
	}
	if err := report.WriteSummary(out, res, ro); err != nil {
		return "", failed(writeError(o.lang, out, err) + "\n")
	}
	return msg.Text(o.lang, msg.CLISummaryWritten) + out + "\n", nil
}

func writeProblems(o options, sys System, problems []analysis.Problem, ro report.Options) error {
	if o.format == "json" {
		return report.WriteProblemsJSON(sys.Stdout, problems, ro)
	}
	return report.WriteProblems(sys.Stdout, problems, ro)
}

func noteSkipped(w io.Writer, read *ingest.Result, lang string) {
	if n := len(read.Skipped); n > 0 {
		fmt.Fprint(w, msg.Text(lang, msg.CLISkippedFiles, n, strings.Join(read.Skipped, ", ")))
	}
	if n := len(read.Own); n > 0 {
		fmt.Fprint(w, msg.Text(lang, msg.CLISkippedOwn, n, strings.Join(read.Own, ", ")))
	}
}

func runConfig(o options, sys System) error {
	cfg, err := givenConfig(o)
	if err != nil {
		return err
	}
	out := o.out
	if out == "" {
		out = configFileName
	}
	if _, err := os.Stat(out); err == nil && !o.force {
		return failed(msg.Text(o.lang, msg.CLIConfigExists, out))
	}
	if !mark.Replaceable(out, mark.Config) {
		return failed(msg.Text(o.lang, msg.CLINotOurs, out))
	}
	f, err := workbook.Config(cfg)
	if err == nil {
		err = report.Save(f, out)
	}
	return saved(o, sys, err, out, msg.CLIConfigWritten)
}

// runWatch prints the report, then again whenever a workbook in the folder
// changes, until Ctrl-C.
func runWatch(o options, sys System) error {
	if info, err := os.Stat(o.paths[0]); err != nil || !info.IsDir() {
		return badInput(msg.Text(o.lang, msg.CLINotFolder, o.paths[0]))
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
			if code := exitCode(runReport(each, sys), each, sys); code != exitOK {
				return fmt.Errorf("exit %d", code)
			}
			return nil
		},
	})
	if err != nil {
		return badInput(fmt.Sprintf("chitieu: %v\n", err))
	}
	return nil
}

// runTemplate writes the blank ward form for one ward, or for every
// configured ward into a folder. Existing files are never overwritten.
func runTemplate(o options, sys System) error {
	cfg, err := givenConfig(o)
	if err != nil {
		return err
	}
	period, _ := notation.ParsePeriodID(o.period)
	targets := map[string]string{o.ward: o.out} // ward -> file
	order := []string{o.ward}
	if o.all {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return failed(msg.Text(o.lang, msg.CLICannotMakeFolder, o.out, err))
		}
		targets, order = map[string]string{}, nil
		for _, u := range cfg.UnitsIn(period.ID()) { // the units valid in the period
			targets[u.Name] = filepath.Join(o.out, report.SafeFileName(u.Name+" "+period.ID())+".xlsx")
			order = append(order, u.Name)
		}
	}
	for _, ward := range order {
		out := targets[ward]
		if _, err := os.Stat(out); err == nil {
			return failed(msg.Text(o.lang, msg.CLIExists, out))
		}
		f, err := workbook.Template(cfg, ward, period)
		if err == nil {
			err = report.Save(f, out)
		}
		if err := saved(o, sys, err, out, msg.CLIFormWritten); err != nil {
			return err
		}
	}
	return nil
}

// runConvert writes a copy of a workbook with its legacy-encoded text in
// Unicode. It never overwrites an existing file (the input included).
func runConvert(o options, sys System) error {
	in, out := o.paths[0], o.paths[1]
	if info, err := os.Stat(in); err != nil {
		return badInput(msg.Text(o.lang, msg.CLINoFile, in))
	} else if info.IsDir() {
		return badInput(msg.Text(o.lang, msg.CLIConvertFolder, in))
	}
	if _, err := os.Stat(out); err == nil {
		return failed(msg.Text(o.lang, msg.CLIExists, out))
	}
	f, conv, err := workbook.Convert(in, o.password)
	if err != nil {
		var oe *ingest.OpenError
		if errors.As(err, &oe) {
			return failed(fmt.Sprintf("chitieu: %s: %s\n", in, msg.Text(o.lang, oe.Code, oe.Args...)))
		}
		return failed(msg.Text(o.lang, msg.CLICannotConvert, in, err))
	}
	defer f.Close()
	if err := saved(o, sys, report.Save(f, out), out, msg.CLIConvertedWritten); err != nil {
		return err
	}
	fmt.Fprintln(sys.Stderr, conversionSummary(o.lang, conv))
	return nil
}

// conversionSummary says how many cells were converted from which
// encoding and which fonts were replaced.
func conversionSummary(lang string, c workbook.Conversion) string {
	var parts []string
	for _, enc := range []legacy.Encoding{legacy.TCVN3, legacy.VNI} {
		if n := c.Cells[enc]; n > 0 {
			parts = append(parts, msg.Text(lang, msg.CLIConvertedCells, n, enc))
		}
	}
	text := msg.Text(lang, msg.CLINoLegacyText)
	if len(parts) > 0 {
		text = msg.Text(lang, msg.CLIConvertedToUnicode) + strings.Join(parts, ", ")
	}
	if c.Guessed > 0 {
		text += msg.Text(lang, msg.CLIGuessedCells, c.Guessed)
	}
	var fonts []string
	for old, u := range c.Fonts {
		fonts = append(fonts, old+" → "+u)
	}
	sort.Strings(fonts)
	if len(fonts) > 0 {
		text += msg.Text(lang, msg.CLIFontsReplaced) + strings.Join(fonts, ", ")
	}
	return text + "."
}

// givenConfig is the configuration of --config, else the built-in one
// (config and template do not look for one beside the inputs: they have
// none). A bad workbook is reported.
func givenConfig(o options) (*catalog.Config, error) {
	cfg, err := ingest.LoadConfig(o.configPath, nil, "")
	if err != nil {
		return nil, failed(msg.Text(o.lang, msg.CLIConfigBad, err))
	}
	return cfg, nil
}

// saved says on stderr that the workbook out was written (the text of
// done, then out), or returns what went wrong (err, from making or saving
// it).
func saved(o options, sys System, err error, out string, done msg.Code) error {
	if err != nil {
		return failed(writeError(o.lang, out, err) + "\n")
	}
	fmt.Fprintln(sys.Stderr, msg.Text(o.lang, done)+out)
	return nil
}

// writeError says why path could not be written, in lang: above all, that
// Excel has it open, which staff can fix.
func writeError(lang, path string, err error) string {
	switch {
	case errors.Is(err, report.ErrOpenElsewhere):
		return msg.Text(lang, msg.CLIOpenElsewhere, path)
	case errors.Is(err, report.ErrNotWorkbook):
		return msg.Text(lang, msg.CLINotWritable, path)
	}
	return msg.Text(lang, msg.CLICannotWrite, path, err)
}

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func runVersion(sys System) error {
	excelizeVersion := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/xuri/excelize/v2" {
				excelizeVersion = d.Version
			}
		}
	}
	fmt.Fprintf(sys.Stdout, "chitieu %s (%s, excelize %s)\n", version, runtime.Version(), excelizeVersion)
	return nil
}
