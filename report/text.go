package report

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"chitieu/analysis"
	"chitieu/catalog"
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

// texts holds every word this package shows, Vietnamese first.
var texts = map[string][2]string{
	"config":          {"Cấu hình: %s", "Configuration: %s"},
	"builtin":         {"mặc định (built-in)", "built-in"},
	"district":        {"%s — các chỉ tiêu so với Nghị quyết Đại hội", "%s — indicators against the Congress targets"},
	"noData":          {"Không đọc được số liệu nào.", "No figures were read."},
	"indicator":       {"Chỉ tiêu", "Indicator"},
	"unit":            {"Đơn vị", "Unit"},
	"target":          {"Chỉ tiêu NQ", "Target"},
	"statusOf":        {"Đánh giá %s", "Status %s"},
	"gapOf":           {"Chênh lệch %s", "Gap %s"},
	"provisional":     {"%s (tạm tính)", "%s (provisional)"},
	"wards":           {"Các phường — %s", "Wards — %s"},
	"ward":            {"Phường", "Ward"},
	"period":          {"Kỳ báo cáo", "Period"},
	"wholeDist":       {"Toàn %s", "%s"},
	"legend":          {"* chưa đạt chỉ tiêu Nghị quyết; — không có số liệu", "* target not met; — no data"},
	"submissions":     {"Tình hình nộp báo cáo", "Submissions"},
	"submitted":       {"%s: %d/%d phường đã nộp; thiếu: %s", "%s: %d/%d wards submitted; missing: %s"},
	"complete":        {"%s: đủ %d/%d phường", "%s: all %d/%d wards submitted"},
	"problems":        {"Vấn đề", "Problems"},
	"noProblems":      {"Không có vấn đề nào.", "No problems."},
	"districtFigures": {"Số liệu toàn quận", "District figures"},
	"byWard":          {"Theo phường", "By ward"},

	// The summary workbook.
	"sheetSummary":  {"Tổng hợp", "Summary"},
	"sheetWards":    {"Theo phường", "By ward"},
	"sheetProblems": {"Vấn đề", "Problems"},
	"sheetSources":  {"Nguồn", "Sources"},
	"sheetCharts":   {"Biểu đồ", "Charts"},
	"docSubject":    {"Tổng hợp chỉ tiêu so với Nghị quyết Đại hội", "Indicators against the Congress targets"},
	"pageOf":        {"Trang &P/&N", "Page &P/&N"},
	"chartByWard":   {"%s theo phường — %s", "%s by ward — %s"},
	"chartByPeriod": {"%s toàn quận theo kỳ báo cáo", "%s of the district by period"},
	"noCharts":      {"Không có biểu đồ: thiếu chỉ tiêu hoặc số liệu để vẽ.", "No chart: the targets or the figures to draw are missing."},
	"chartsBlocked": {"Chưa vẽ biểu đồ: các phần biểu đồ trong tệp này được đánh số không liên tục. Mở tệp trong Excel, lưu lại, rồi chạy lại.",
		"Charts not drawn: the chart parts of this workbook are numbered with gaps. Open it in Excel, save it, then run again."},
	"summaryTitle": {"TỔNG HỢP CÁC CHỈ TIÊU SO VỚI NGHỊ QUYẾT ĐẠI HỘI", "INDICATORS AGAINST THE CONGRESS TARGETS"},
	"docTitle":     {"Tổng hợp chỉ tiêu %s", "%s: indicator summary"},
	"periods":      {"Kỳ báo cáo: %s", "Periods: %s"},
	"made":         {"Ngày lập: %s", "Date made: %s"},
	"inputs":       {"Nguồn số liệu: %s", "Inputs: %s"},
	"id":           {"Mã chỉ tiêu", "Indicator id"},
	"value":        {"Giá trị", "Value"},
	"severity":     {"Mức độ", "Severity"},
	"file":         {"Tệp", "File"},
	"sheet":        {"Trang", "Sheet"},
	"cell":         {"Ô", "Cell"},
	"text":         {"Nội dung ô", "Text"},
	"message":      {"Mô tả", "Message"},
	"previous":     {"Cùng kỳ năm trước", "Same period last year"},
	"prevFile":     {"Tệp (cùng kỳ)", "File (last year)"},
	"prevSheet":    {"Trang (cùng kỳ)", "Sheet (last year)"},
	"prevCell":     {"Ô (cùng kỳ)", "Cell (last year)"},

	// The term review.
	"sheetTerm":              {"Nhiệm kỳ", "Term"},
	"termHeading":            {"Nhiệm kỳ — %s", "Term — %s"},
	"termTitle":              {"%s: đánh giá đến hết %s", "%s: review to the end of %s"},
	"noTerm":                 {"Không có kỳ báo cáo nào thuộc nhiệm kỳ.", "No period falls in the term."},
	"termTarget":             {"Chỉ tiêu NQ", "Target"},
	"baselineYear":           {"Năm gốc %d", "Baseline %d"},
	"toDate":                 {"Đến nay", "To date"},
	"verdict":                {"Đánh giá", "Verdict"},
	"neededPerYear":          {"Cần mỗi năm", "Needed per year"},
	"cumulativeHeading":      {"Cộng dồn từ đầu nhiệm kỳ đến hết %s", "Summed from the start of the term to the end of %s"},
	"kind_each_period":       {"hằng năm", "each year"},
	"kind_by_deadline":       {"đến năm %d", "by %d"},
	"kind_over_term":         {"cả nhiệm kỳ", "over the term"},
	"kind_average":           {"bình quân", "on average"},
	"kind_cumulative":        {"cộng dồn", "in total"},
	"verdict_achieved":       {"đạt", "achieved"},
	"verdict_exceeded":       {"vượt chỉ tiêu", "exceeded"},
	"verdict_achieved_early": {"đạt trước hạn", "achieved ahead of the deadline"},
	"verdict_exceeded_early": {"vượt chỉ tiêu, đạt trước hạn", "exceeded ahead of the deadline"},
	"verdict_on_track":       {"đúng tiến độ", "on track"},
	"verdict_at_risk":        {"khó đạt", "at risk"},
	"verdict_not_met":        {"không đạt", "not met"},
	"verdict_no_data":        {"chưa đủ số liệu", "no data"},
	"yearSpan":               {"các năm %s - %s", "%s–%s"},
	"periodY":                {"năm %d", "%d"},
	"periodH1":               {"6 tháng đầu năm %d", "the first half of %d"},
	"periodH2":               {"6 tháng cuối năm %d", "the second half of %d"},
	"periodQ":                {"quý %[1]s năm %[2]d", "Q%[3]d %[2]d"},
	"period9M":               {"9 tháng đầu năm %d", "the first nine months of %d"},
	"periodM":                {"tháng %[1]d năm %[2]d", "%[3]s %[2]d"},
	"periodMonths":           {"%d tháng đầu năm %d", "the first %d months of %d"},
	"ytdOf":                  {"%s (lũy kế)", "%s (year to date)"},
	"derivedPeriod":          {"%s (cộng từ %s)", "%s (added up from %s)"},
	"vsPrevious":             {"So cùng kỳ (%)", "Against last year (%)"},
	"ytd":                    {"Lũy kế từ đầu năm", "Year to date"},
	"plan":                   {"Kế hoạch năm", "Year's plan"},
	"planShare":              {"% so kế hoạch", "% of plan"},
	"planShareOf":            {"%s (%% kế hoạch)", "%s (%% of plan)"},
	"cumulativeLacking":      {"Không cộng dồn được (thiếu số liệu từ %[2]s): %[1]s", "Not summed (no figures from %[2]s): %[1]s"},
	"partialLegend":          {"† số của quận thiếu số liệu của một số phường (xem Vấn đề)", "† the district figure lacks some wards' figures (see Problems)"},
	"termOnly":               {"Đánh giá theo nhiệm kỳ", "judged over the term"},
	"ytdMissing":             {"; lũy kế từ đầu năm tạm tính, thiếu: %s", "; year to date provisional, lacking: %s"},
	"wardsYtd":               {"Các phường — lũy kế từ đầu năm đến hết %s", "Wards — year to date to the end of %s"},
}

// t is the text key in the language of o, formatted with args.
func (o Options) t(key string, args ...any) string {
	s := texts[key][0]
	if o.en() {
		s = texts[key][1]
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

var statusWords = map[analysis.Status][2]string{
	analysis.StatusMet:      {"Đạt", "met"},
	analysis.StatusNotMet:   {"Chưa đạt", "not met"},
	analysis.StatusNoTarget: {"Không có chỉ tiêu", "no target"},
	analysis.StatusNoData:   {"Thiếu số liệu", "no data"},
	analysis.StatusAhead:    {"Đạt trước hạn", "ahead"},
	analysis.StatusOnTrack:  {"Đúng tiến độ", "on track"},
	analysis.StatusBehind:   {"Chậm so với lộ trình", "behind"},
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
	w, ok := statusWords[s]
	if !ok {
		return string(s)
	}
	if o.en() {
		return w[1]
	}
	return w[0]
}

// unitsEN translates the catalog's Vietnamese units.
var unitsEN = map[string]string{
	"hộ":         "households",
	"vụ":         "cases",
	"người":      "people",
	"triệu đồng": "million VND",
	"phường":     "wards",
	"có/không":   "yes/no",
	"%":          "%",
}

func (o Options) unit(u string) string {
	if en, ok := unitsEN[u]; ok && o.en() {
		return en
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

func (o Options) severity(s analysis.Severity) string {
	switch {
	case s == analysis.SeverityError && o.en():
		return "error"
	case s == analysis.SeverityError:
		return "lỗi"
	case o.en():
		return "warning"
	}
	return "cảnh báo"
}

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
	if !o.en() {
		return fmt.Sprintf("%d lỗi, %d cảnh báo", errs, warns)
	}
	plural := func(n int, word string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, word)
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	return plural(errs, "error") + ", " + plural(warns, "warning")
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
var levels = []struct{ prefix, vi, en string }{
	{"quan", "quận", "District"}, {"huyen", "huyện", "District"},
	{"thanh pho", "thành phố", "City"}, {"tp", "thành phố", "City"},
	{"thi xa", "thị xã", "Town"}, {"tinh", "tỉnh", "Province"},
}

// level is the word for the whole the wards add up to, lower case in
// Vietnamese ("quận", for "Toàn quận"), capitalised in English.
func (o Options) level(r *analysis.Result) string {
	name := ""
	if r.Config != nil {
		name = notation.Fold(r.Config.District)
	}
	vi, en := "quận", "District"
	for _, l := range levels {
		if name == l.prefix || strings.HasPrefix(name, l.prefix+" ") {
			vi, en = l.vi, l.en
			break
		}
	}
	if o.en() {
		return en
	}
	return vi
}

// districtHeading is "Quận — các chỉ tiêu …" for the district table.
func (o Options) districtHeading(r *analysis.Result) string {
	l := o.level(r)
	first, size := utf8.DecodeRuneInString(l)
	return o.t("district", string(unicode.ToUpper(first))+l[size:])
}
