package report

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/notation"
)

// Options say how results are shown.
type Options struct {
	Lang   string    // "vi" (default) or "en": every user-visible text in that language
	Color  bool      // ANSI colour in tables (green met, red not met, grey no data)
	Width  int       // wrap width of table output; 0 means 100
	Now    time.Time // the "date made" of the summary workbook
	Inputs []string  // the input paths, shown in the summary's title block
	By     string    // the periods the district table shows: "month", "quarter", "half", "year"; "" chooses

	summaryDir    string   // folder of the summary being written, for its links
	chartsBlocked bool     // the master's chart parts would be overwritten: draw no chart (see WriteInto)
	cleared       []string // summary sheets of a master cleared in place: not streamed (see fillSummary)
	splice        bool     // leave the streamed sheets for sheets.WriteSpliced (see fillSummary)
}

func (o Options) en() bool { return o.Lang == "en" }

func (o Options) width() int {
	if o.Width <= 0 {
		return 100
	}
	return o.Width
}

// lang is the language code for analysis.Problem.Message.
func (o Options) lang() string {
	if o.en() {
		return "en"
	}
	return "vi"
}

// t is the text code in the language of o, formatted with args.
func (o Options) t(code string, args ...any) string {
	return msg.Text(o.lang(), msg.Code(code), args...)
}

// valueStatus is a value's status in words; a target judged over the term
// only (an average, a sum) says so rather than "no target".
func (o Options) valueStatus(v analysis.Value) string {
	if v.Status == analysis.StatusNoTarget && v.Target != nil {
		return o.t("termOnly")
	}
	return o.status(v.Status)
}

func (o Options) status(s analysis.Status) string {
	w, ok := msg.Lookup(o.lang(), msg.Code("status_"+string(s)))
	if !ok {
		return string(s)
	}
	return w
}

// unit is the catalog's Vietnamese unit in the language of o.
func (o Options) unit(u string) string {
	if w, ok := msg.Lookup(o.lang(), msg.Code("unit:"+u)); ok {
		return w
	}
	return u
}

func (o Options) label(ind catalog.Indicator) string {
	if o.en() && ind.LabelEN != "" {
		return ind.LabelEN
	}
	if ind.Label != "" {
		return ind.Label
	}
	return ind.ID
}

func (o Options) severity(s analysis.Severity) string { return o.t("severity_" + string(s)) }

// counts is "1 lỗi, 2 cảnh báo" / "1 error, 2 warnings", or the no-problem
// sentence.
func (o Options) counts(problems []analysis.Problem) string {
	if len(problems) == 0 {
		return o.t("noProblems")
	}
	errs := 0
	for _, p := range problems {
		if p.Severity == analysis.SeverityError {
			errs++
		}
	}
	warns := len(problems) - errs
	return o.t(plural("errors", errs), errs) + ", " + o.t(plural("warnings", warns), warns)
}

// plural is the code of a count's text: code, or code+"1" for one.
func plural(code string, n int) string {
	if n == 1 {
		return code + "1"
	}
	return code
}

// configName is the configuration in force as shown to users.
func (o Options) configName(r *analysis.Result) string {
	if r.Config == nil {
		return "—"
	}
	if r.Config.Source == "" || r.Config.Source == "built-in" {
		return o.t("builtin")
	}
	return r.Config.Source
}

// periodHeader is the period id, marked provisional when wards are missing.
func (o Options) periodHeader(p *analysis.PeriodResult) string {
	if p.Complete {
		return p.Period
	}
	return o.t("provisional", p.Period)
}

// wardCounts is "Theo phường: Phường 5: 1 lỗi, 0 cảnh báo; ..." for the
// problems that name a ward, in order of first appearance.
func (o Options) wardCounts(problems []analysis.Problem) string {
	var wards []string
	byWard := map[string][]analysis.Problem{}
	for _, p := range problems {
		if p.Ward == "" {
			continue
		}
		if _, seen := byWard[p.Ward]; !seen {
			wards = append(wards, p.Ward)
		}
		byWard[p.Ward] = append(byWard[p.Ward], p)
	}
	if len(wards) == 0 {
		return ""
	}
	parts := make([]string, len(wards))
	for i, w := range wards {
		parts[i] = w + ": " + o.counts(byWard[w])
	}
	return o.t("byWard") + ": " + strings.Join(parts, "; ")
}

// levels name the unit that the wards make up, by the first words of its
// configured name: a district (Quận 11), a city after the 2025 reform, a
// rural district, a town or a province. Anything else is a district.
var levels = []struct{ prefix, code string }{
	{"quan", "level_district"}, {"huyen", "level_rural_district"},
	{"thanh pho", "level_city"}, {"tp", "level_city"},
	{"thi xa", "level_town"}, {"tinh", "level_province"},
}

// level is the word for the whole the wards add up to, lower case in
// Vietnamese ("quận", for "Toàn quận"), capitalised in English.
func (o Options) level(r *analysis.Result) string {
	name := ""
	if r.Config != nil {
		name = notation.Fold(r.Config.District)
	}
	for _, l := range levels {
		if name == l.prefix || strings.HasPrefix(name, l.prefix+" ") {
			return o.t(l.code)
		}
	}
	return o.t("level_district")
}

// districtHeading is "Quận — các chỉ tiêu …" for the district table.
func (o Options) districtHeading(r *analysis.Result) string {
	l := o.level(r)
	first, size := utf8.DecodeRuneInString(l)
	return o.t("district", string(unicode.ToUpper(first))+l[size:])
}
