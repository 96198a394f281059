package analysis

import (
	"fmt"
	"strings"

	"chitieu/msg"
)

// Severity of a problem: an error loses data, a warning only needs a look.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is something found in the inputs that staff should know about,
// placed as precisely as possible. Code names its text in package msg, and
// Args fill it in; the words are chosen only when the problem is shown.
type Problem struct {
	Severity  Severity
	Cell      // where: the file as found, the sheet and the cell, as far as known
	Ward      string
	Period    string
	Indicator string
	// IndicatorName is the indicator's label, for messages; Analyze sets it.
	IndicatorName msg.Words
	Text          string // the text found in the cell, quoted in the message
	Code          msg.Code
	Args          []any
}

// Message is the problem's explanation in lang ("vi" or "en").
func (p Problem) Message(lang string) string {
	return msg.Text(lang, p.Code, p.Args...)
}

// String is the problem as Format writes it in English; without it, a
// Problem would print as its embedded Cell.
func (p Problem) String() string { return p.Format("en") }

// Format renders the problem compiler-style:
// P05.xlsx:Báo cáo!D12: "12,5 %": message. A problem with no file (a
// district figure) starts with its period, ward and indicator instead.
func (p Problem) Format(lang string) string {
	var parts []string
	if pos := p.Position(); pos != "" {
		parts = append(parts, pos)
	} else {
		indicator := p.Indicator
		if p.IndicatorName != (msg.Words{}) {
			indicator = p.IndicatorName.In(lang)
		}
		var where []string
		for _, x := range []string{p.Period, p.Ward, indicator} {
			if x != "" {
				where = append(where, x)
			}
		}
		if len(where) > 0 {
			parts = append(parts, strings.Join(where, ", "))
		}
	}
	if p.Text != "" {
		parts = append(parts, fmt.Sprintf("%q", p.Text))
	}
	return strings.Join(append(parts, p.Message(lang)), ": ")
}
