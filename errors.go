// How commands end: every command returns an error, and exitCode is the one
// place that turns it into an exit code of the contract and says it on
// stderr.

package main

import (
	"errors"
	"fmt"

	"github.com/spf13/pflag"
)

// Exit codes of the contract.
const (
	exitOK       = 0
	exitProblems = 1 // check found an error, or the command could not do its job
	exitUsage    = 2 // usage error, a missing path, or nothing readable
)

// usageError is a command-line mistake: exit 2 with the usage text.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError ends a command with code after text (stderr's last words, ""
// when what went wrong was already said, as by check's problem list).
type exitError struct {
	code int
	text string
}

func (e *exitError) Error() string { return fmt.Sprintf("exit %d: %s", e.code, e.text) }

// failed is a command that could not do its job (exit 1); text is said on
// stderr as it is.
func failed(text string) error { return &exitError{exitProblems, text} }

// badInput is a missing path or nothing readable (exit 2).
func badInput(text string) error { return &exitError{exitUsage, text} }

// exitCode says err on stderr and returns its exit code: nil is success,
// a usageError is followed by the usage text of o's command, an exitError
// has its own text, anything else is a failure ("chitieu: err").
func exitCode(err error, o options, sys System) int {
	var ue usageError
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(sys.Stderr, "chitieu: %v\n\n%s", err, usage(o.command, flagSet(o.command, &options{}, o.lang), o.lang))
		return exitUsage
	case errors.As(err, &ee):
		fmt.Fprint(sys.Stderr, ee.text)
		return ee.code
	case errors.Is(err, pflag.ErrHelp):
		return exitOK
	}
	fmt.Fprintf(sys.Stderr, "chitieu: %v\n", err)
	return exitProblems
}
