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

// softMemoryLimit is the heap size from which the collector runs more
// often; GOMEMLIMIT overrides it.
const softMemoryLimit = 350 << 20

func main() {
	if os.Getenv("GOGC") == "" {
		// Reading allocates much short-lived memory per file: collecting at
		// three times the live heap rather than twice took 10% off
		// reading 2,000 forms (peak RSS 45 to 50 MiB; the 200,000-row
		// sheet stays at 66 MiB).
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft ceiling: the collector works harder as the heap nears it,
		// rather than letting it grow to three times what is live. A city's
		// five years of monthly forms (10,080) peaked at 779 MiB without it,
		// 474 MiB with it; small inputs never reach it and keep GOGC's speed.
		debug.SetMemoryLimit(softMemoryLimit)
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
