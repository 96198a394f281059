// Command chitieu reads the indicator workbooks that wards send in, compares
// the district's figures with the Congress targets, prints tables for the
// meeting and writes a summary workbook. See README.md.
//
// main only gathers the process's streams and environment; Main (cli.go)
// parses the command line and runs the command, so tests drive it directly.
package main

import (
	"os"
	"time"
)

func main() {
	exe, _ := os.Executable()
	info, err := os.Stdout.Stat()
	tty := err == nil && info.Mode()&os.ModeCharDevice != 0
	os.Exit(Main(os.Args[1:], System{
		Stdout: os.Stdout, Stderr: os.Stderr, StdoutTTY: tty,
		Getenv: os.Getenv, Now: time.Now, Executable: exe,
	}))
}
