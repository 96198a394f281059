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

	"chitieu/msg"
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
		fmt.Fprintf(sys.Stderr, "\n%s / %s ", msg.Text("vi", msg.CLIPressEnter), msg.Text("en", msg.CLIPressEnter))
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
		fmt.Fprint(sys.Stdout, usage("report", flagSet("report", &options{}, lang), lang))
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
	return badInput(msg.Text(lang, msg.CLIUnknownCommand, o.command))
}

// parse splits off the command, then parses its flags.
func parse(args []string) (options, *pflag.FlagSet, error) {
	o := options{command: "report"}
	// Find the first argument that is not a flag or a flag's value.
	all := flagSet("", &options{}, "en")
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
	fs := flagSet(o.command, &o, helpLang(args)) // run shows its help on a mistake
	fs.SetOutput(io.Discard)
	if err := fs.Parse(rest); err != nil {
		return o, fs, err
	}
	o.paths = fs.Args()
	return o, fs, o.validate()
}

// flagSet registers the flags of command ("" for every flag), with their
// help in lang.
func flagSet(command string, o *options, lang string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("chitieu "+command, pflag.ContinueOnError)
	fs.SortFlags = false
	if command == "watch" {
		command = "report" // watch takes report's flags
	}
	has := func(cmds ...string) bool { return command == "" || slices.Contains(cmds, command) }
	help := func(code msg.Code) string { return msg.Text(lang, code) }
	if command == "convert" {
		fs.StringVar(&o.password, "password", "", help(msg.CLIFlagPasswordConvert))
	}
	if has("report", "check") {
		fs.StringVar(&o.configPath, "config", "", help(msg.CLIFlagConfig))
		fs.StringVar(&o.period, "period", "", help(msg.CLIFlagPeriod))
		fs.StringVar(&o.password, "password", "", help(msg.CLIFlagPassword))
	}
	if has("template") {
		fs.BoolVar(&o.all, "all", false, help(msg.CLIFlagAll))
	}
	if command == "template" { // the union set has report's --ward and --period
		fs.StringVar(&o.ward, "ward", "", help(msg.CLIFlagWardTemplate))
		fs.StringVar(&o.period, "period", "", help(msg.CLIFlagPeriodTemplate))
		fs.StringVar(&o.configPath, "config", "", help(msg.CLIFlagConfigTemplate))
	}
	if has("config") && command != "" {
		fs.StringVar(&o.configPath, "config", "", help(msg.CLIFlagConfigConfig))
	}
	fs.StringVar(&o.lang, "lang", "vi", help(msg.CLIFlagLang))
	if has("report", "check") {
		fs.StringVar(&o.color, "color", "auto", help(msg.CLIFlagColor))
		fs.StringVar(&o.format, "format", "table", help(msg.CLIFlagFormat))
	}
	if has("report", "config", "template") {
		fs.StringVarP(&o.out, "out", "o", "", help(msg.CLIFlagOut))
	}
	if has("report") {
		fs.BoolVar(&o.noWorkbook, "no-workbook", false, help(msg.CLIFlagNoWorkbook))
		fs.StringVar(&o.into, "into", "", help(msg.CLIFlagInto))
		fs.StringArrayVar(&o.indicators, "indicator", nil, help(msg.CLIFlagIndicator))
		fs.StringArrayVar(&o.wards, "ward", nil, help(msg.CLIFlagWard))
		fs.BoolVar(&o.onlyNotMet, "only-not-met", false, help(msg.CLIFlagOnlyNotMet))
		fs.StringVar(&o.sortBy, "sort", "", help(msg.CLIFlagSort))
		fs.StringVar(&o.showPeriod, "show-period", "", help(msg.CLIFlagShowPeriod))
		fs.StringVar(&o.by, "by", "", help(msg.CLIFlagBy))
	}
	if has("config") {
		fs.BoolVar(&o.force, "force", false, help(msg.CLIFlagForce))
	}
	return fs
}

func (o *options) validate() error {
	if o.lang != "vi" && o.lang != "en" {
		return usageError{msg.Text(o.lang, msg.CLILangBad, o.lang)}
	}
	if o.color != "" && !slices.Contains([]string{"auto", "always", "never"}, o.color) {
		return usageError{msg.Text(o.lang, msg.CLIColorBad, o.color)}
	}
	formats := []string{"table", "json", "csv", "markdown", "text"}
	if o.command == "check" {
		formats = []string{"table", "json"}
	}
	if o.format != "" && !slices.Contains(formats, o.format) {
		return usageError{msg.Text(o.lang, msg.CLIFormatBad, o.format, strings.Join(formats, ", "))}
	}
	if o.by != "" && !slices.Contains([]string{"month", "quarter", "half", "year"}, o.by) {
		return usageError{msg.Text(o.lang, msg.CLIByBad, o.by)}
	}
	if o.showPeriod != "" {
		if _, ok := notation.ParsePeriodID(o.showPeriod); !ok {
			return usageError{msg.Text(o.lang, msg.CLIPeriodBad, "--show-period", o.showPeriod)}
		}
	}
	if o.period != "" {
		if _, ok := notation.ParsePeriodID(o.period); !ok {
			return usageError{msg.Text(o.lang, msg.CLIPeriodBad, "--period", o.period)}
		}
	}
	if o.into != "" && (o.out != "" || o.noWorkbook) {
		return usageError{msg.Text(o.lang, msg.CLIIntoAlone)}
	}
	switch o.command {
	case "report", "check":
		if len(o.paths) == 0 {
			return usageError{msg.Text(o.lang, msg.CLINoInput)}
		}
	case "watch":
		if len(o.paths) != 1 {
			return usageError{msg.Text(o.lang, msg.CLIWatchOneFolder)}
		}
	case "convert":
		if len(o.paths) != 2 {
			return usageError{msg.Text(o.lang, msg.CLIConvertTwoPaths)}
		}
		if !strings.EqualFold(filepath.Ext(o.paths[1]), ".xlsx") {
			return usageError{msg.Text(o.lang, msg.CLIConvertToXLSX, o.paths[1])}
		}
	case "template":
		switch {
		case o.period == "":
			return usageError{msg.Text(o.lang, msg.CLITemplateNeedsPeriod)}
		case o.out == "":
			return usageError{msg.Text(o.lang, msg.CLITemplateNeedsOut)}
		case o.ward == "" && !o.all:
			return usageError{msg.Text(o.lang, msg.CLITemplateNeedsWard)}
		case o.ward != "" && o.all:
			return usageError{msg.Text(o.lang, msg.CLIWardOrAll)}
		}
		fallthrough
	case "config", "version", "help":
		if len(o.paths) > 0 && o.command != "help" {
			return usageError{msg.Text(o.lang, msg.CLINoArguments, o.command, o.paths[0])}
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

// helpTexts is what --help says of each command, before its flags.
var helpTexts = map[string]msg.Code{
	"report":   msg.CLIHelpReport,
	"check":    msg.CLIHelpCheck,
	"config":   msg.CLIHelpConfig,
	"template": msg.CLIHelpTemplate,
	"watch":    msg.CLIHelpWatch,
	"convert":  msg.CLIHelpConvert,
	"version":  msg.CLIHelpVersion,
}

// usage is the help of command, with the flags of fs (made by flagSet in
// lang).
func usage(command string, fs *pflag.FlagSet, lang string) string {
	var b strings.Builder
	help, ok := helpTexts[command]
	if !ok {
		help = msg.CLIHelpReport
	}
	b.WriteString(msg.Text(lang, help))
	if fs != nil && fs.HasFlags() {
		b.WriteString(msg.Text(lang, msg.CLIFlags))
		b.WriteString(fs.FlagUsages())
	}
	b.WriteString(msg.Text(lang, msg.CLIExitCodes))
	return b.String()
}
