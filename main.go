// Command chitieu reads the indicator workbooks that wards send in, compares
// the district's figures with the Congress targets, prints tables for the
// meeting and writes a summary workbook. See README.md.
//
// main only gathers the process's streams and environment; Main (cli.go)
// parses the command line and runs the command, so tests drive it directly.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"golang.org/x/term"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Reading allocates much short-lived memory per file: collecting at
		// three times the live heap rather than twice took 10% off
		// reading 2,000 forms (peak RSS 45 to 50 MiB; the 200,000-row
		// sheet stays at 66 MiB).
		debug.SetGCPercent(200)
	}
	exe, _ := os.Executable()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	width, _, _ := term.GetSize(int(os.Stdout.Fd()))
	code := Main(os.Args[1:], System{
		Stdout: os.Stdout, Stderr: os.Stderr,
		StdoutTTY: term.IsTerminal(int(os.Stdout.Fd())), StderrTTY: term.IsTerminal(int(os.Stderr.Fd())), TermWidth: width,
		Getenv: os.Getenv, Now: time.Now, Executable: exe,
		Stdin: os.Stdin, OwnConsole: ownConsole(), Context: ctx,
	})
	stop() // a second Ctrl-C now ends the program at once
	os.Exit(code)
}
