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
	"syscall"
	"time"

	"golang.org/x/term"
)

func main() {
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
