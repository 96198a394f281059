// Package msg is the message catalogue: every text chitieu shows a user in
// either language, Vietnamese or English, keyed by code. Problems
// (problems.go), the report's tables, sheets and sentences (report.go), the
// command line's help and messages (cli.go), watch (watch.go) and the
// configuration's refusals (config.go) each keep their texts in one table
// here; Text renders one in a language. The workbooks people fill in (the
// blank form and the configuration workbook, package workbook) are in
// Vietnamese only, and keep their words where they are laid out.
//
// Texts are fmt formats. An argument that is Localized (Words, a name in
// both languages; Error) or a Code is rendered in the language of the text
// it goes into.
package msg

import "fmt"

// Code names a text of the catalogue. Problem codes also appear in the
// JSON output, so they never change.
type Code string

// Localized is a value that says itself in a language ("vi" or "en"); as an
// argument of a text, it is rendered in the text's language.
type Localized interface {
	In(lang string) string
}

// Words is a text in both languages, Vietnamese first.
type Words [2]string

// In is the words in lang ("en", else Vietnamese).
func (w Words) In(lang string) string {
	if lang == "en" {
		return w[1]
	}
	return w[0]
}

// catalogue is every table of this package in one, filled by init.
var catalogue = map[Code]Words{}

func init() {
	for _, table := range []map[Code]Words{problemTexts, reportTexts, sentenceTexts, cliTexts, watchTexts, configTexts} {
		for code, w := range table {
			if _, dup := catalogue[code]; dup {
				panic("msg: code " + string(code) + " is in two tables")
			}
			catalogue[code] = w
		}
	}
}

// Lookup is the text of code in lang, formatted with args when there are
// any, and whether the catalogue has the code.
func Lookup(lang string, code Code, args ...any) (string, bool) {
	w, ok := catalogue[code]
	if !ok {
		return string(code), false
	}
	if len(args) == 0 {
		return w.In(lang), true
	}
	args = append([]any(nil), args...)
	for i, a := range args {
		switch a := a.(type) {
		case Code:
			args[i] = Text(lang, a)
		case Localized:
			args[i] = a.In(lang)
		}
	}
	return fmt.Sprintf(w.In(lang), args...), true
}

// Text is the text of code in lang, formatted with args; a code the
// catalogue lacks is shown as itself.
func Text(lang string, code Code, args ...any) string {
	s, _ := Lookup(lang, code, args...)
	return s
}

// Error is an error whose text is in the catalogue. Error gives the text in
// English, for logs and tests; In gives it in the user's language, and so
// does Text when the error is an argument. Unwrap gives the first error
// among the arguments, so that errors.As sees through Placed.
type Error struct {
	Code Code
	Args []any
}

// NewError is the error of code with args.
func NewError(code Code, args ...any) *Error { return &Error{code, args} }

func (e *Error) Error() string { return Text("en", e.Code, e.Args...) }

// In is the error's text in lang.
func (e *Error) In(lang string) string { return Text(lang, e.Code, e.Args...) }

func (e *Error) Unwrap() error {
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
}
