// Package msg is the message catalogue: every text chitieu shows a user, in
// Vietnamese and in English, keyed by code. Problems (problems.go), the
// report's tables, sheets and sentences (report.go), the command line's
// help and messages (cli.go) and watch (watch.go) each keep their texts in
// one table here; Text renders one in a language.
//
// Texts are fmt formats. A Words argument (a name in both languages) and a
// Code argument are rendered in the language of the text they go into.
package msg

import "fmt"

// Code names a text of the catalogue. Problem codes also appear in the
// JSON output, so they never change.
type Code string

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
	for _, table := range []map[Code]Words{problemTexts, reportTexts, sentenceTexts, cliTexts, watchTexts} {
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
		case Words:
			args[i] = a.In(lang)
		case Code:
			args[i] = Text(lang, a)
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
