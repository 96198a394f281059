package report

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/mark"
	"chitieu/sheets"
)

// Fills of the summary workbook (Excel's "good", "bad", "neutral" colours).
const (
	fillMet     = "C6EFCE"
	fillNotMet  = "FFC7CE"
	fillNoData  = "D9D9D9"
	fillWarning = "FFEB9C"
	fillHeader  = "DDEBF7"
)

// creator is chitieu as the author of the workbooks it writes; what it
// wrote them as is their mark (package mark).
const creator = "chitieu"

// WriteSummary writes the summary workbook to path: the sheets Tổng hợp
// (district indicators against the targets), Theo phường (every ward's
// figures per period), Vấn đề (the problems), Nguồn (the cell each ward
// figure came from) and Biểu đồ (charts against the targets); English names
// with o.Lang "en". Every sheet prints on A4 landscape, one page wide. The
// workbook is written to a hidden temporary file in the same folder and
// renamed into place, so a failure never leaves a half-written file; it is
// refused with ErrOpenElsewhere while Excel or LibreOffice has path open.
// It is marked with the custom property chitieu=summary (see IsSummary).
func WriteSummary(path string, r *analysis.Result, o Options) error {
	if err := notOpenElsewhere(path); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	o.summaryDir = filepath.Dir(path)
	r = orEmpty(r)
	if err := newSheets(f, sheetNames(o)); err != nil {
		return err
	}
	o.splice = true
	spliced, err := fillSummary(f, r, o)
	if err != nil {
		return err
	}
	if err := summaryProps(f, r, o); err != nil {
		return err
	}
	return save(f, path, spliced)
}

// IsSummary reports whether f is a summary workbook that WriteSummary made.
func IsSummary(f *excelize.File) bool { return mark.Of(f) == mark.Summary }

// district is the district's name from the configuration.
func district(r *analysis.Result) string {
	if r.Config == nil {
		return ""
	}
	return r.Config.District
}

// Save writes f to path through a hidden temporary file in the same folder,
// renamed into place only once complete. It refuses with ErrOpenElsewhere
// when a lock file says that Excel or LibreOffice has path open, or when
// the rename is denied (Windows does so for a file held open).
func Save(f *excelize.File, path string) error { return save(f, path, nil) }

// save is Save with the rows of the spliced sheets put into the package
// as it is written (see sheets.WriteSpliced).
func save(f *excelize.File, path string, spliced []*sheets.Streamed) error {
	if err := notOpenElsewhere(path); err != nil {
		return err
	}
	write := func(w io.Writer) error { return f.Write(w) }
	if len(spliced) > 0 {
		write = func(w io.Writer) error { return sheets.WriteSpliced(w, f, spliced) }
	}
	// CreateTemp makes the file private; the summary is for the office.
	tmp, err := writeTemp(path, write, 0o644)
	if err != nil {
		return err
	}
	return renameOver(tmp, path)
}

// sheetKeys are the text keys of the summary's sheets, in their order.
var sheetKeys = []string{"sheetSummary", "sheetTerm", "sheetWards", "sheetProblems", "sheetSources", "sheetCharts"}

// sheetNames are the summary's sheets in the language of o.
func sheetNames(o Options) []string {
	names := make([]string, len(sheetKeys))
	for i, key := range sheetKeys {
		names[i] = o.t(key)
	}
	return names
}

// newSheets gives a new workbook the sheets names, in that order.
func newSheets(f *excelize.File, names []string) error {
	if err := f.SetSheetName(f.GetSheetName(0), names[0]); err != nil {
		return err
	}
	for _, name := range names[1:] {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	return nil
}

// fillSummary writes the summary into the sheets of sheetNames(o), which
// exist and are empty: the one code path of WriteSummary and WriteInto.
// Tổng hợp is the sheet shown when the file opens.
//
// The big sheets (Tổng hợp, Theo phường, Nguồn) are streamed when new, and
// Vấn đề too when spliced (its hyperlinks are kept by excelize); Biểu đồ
// (charts) and the sheets of a master that are cleared in place
// (o.cleared) are written cell by cell. With o.splice
// the streamed sheets are left empty and returned, for sheets.WriteSpliced.
func fillSummary(f *excelize.File, r *analysis.Result, o Options) ([]*sheets.Streamed, error) {
	names := sheetNames(o)
	st := &styles{f: f, ids: map[style]int{}}
	fills := []struct {
		fill    func(*sheet, *analysis.Result, Options)
		streams bool
	}{{summarySheet, true}, {termSheet, false}, {wardSheet, true}, {problemSheet, o.splice}, {sourceSheet, true}, {chartSheet, false}}
	var written []*sheet
	var spliced []*sheets.Streamed
	for i, fill := range fills {
		var out sheets.Cells = sheets.Direct{File: f, Sheet: names[i]}
		if fill.streams && !slices.Contains(o.cleared, names[i]) {
			s := &sheets.Streamed{File: f, Sheet: names[i], Spliced: o.splice}
			if s.Spliced {
				spliced = append(spliced, s)
			}
			out = s
		}
		s := &sheet{f: f, name: names[i], styles: st, widths: map[int]int{}, out: out}
		fill.fill(s, r, o)
		if err := s.finish(o); err != nil {
			return nil, fmt.Errorf("%s: %w", names[i], err)
		}
		written = append(written, s)
	}
	first, err := f.GetSheetIndex(names[0])
	if err != nil {
		return nil, err
	}
	// SetActiveSheet reads every sheet: it comes before the streams, after
	// which a streamed sheet can no longer be changed.
	f.SetActiveSheet(first)
	for _, s := range written {
		if err := s.out.Flush(); err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return spliced, nil
}

// summaryProps sets the document properties of a summary workbook and
// marks it chitieu=summary.
func summaryProps(f *excelize.File, r *analysis.Result, o Options) error {
	props := &excelize.DocProperties{Title: o.t("docTitle", district(r)), Subject: o.t("docSubject"),
		Creator: creator, LastModifiedBy: creator}
	if !o.Now.IsZero() {
		props.Created = o.Now.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	return mark.Set(f, mark.Summary)
}

// summarySheet: the title block, then one row per indicator with its value
// in each period, the target, the status in each period and the latest gap.
func summarySheet(s *sheet, r *analysis.Result, o Options) {
	if r.Latest() != nil && meeting(r, o) {
		meetingSheet(s, r, o)
		return
	}
	latest := r.Latest()
	var periods []string
	for i := range r.Periods {
		periods = append(periods, o.periodHeader(&r.Periods[i]))
	}
	header := append([]string{o.t("indicator"), o.t("unit")}, periods...)
	header = append(header, o.t("target"))
	for _, p := range r.Periods {
		header = append(header, o.t("statusOf", p.Period))
	}
	if latest != nil {
		header = append(header, o.t("gapOf", latest.Period))
	}
	summaryTable(s, r, o, header)
	for _, ind := range shownIndicators(r) {
		if ind.Kind == catalog.KindFlag {
			continue
		}
		col, cell := s.indicatorRow(ind, o)
		for _, p := range r.Periods {
			v := find(p.District, ind.ID)
			s.number(&col, v.Value, v.Unit, v.Target, cell)
		}
		var last analysis.Value
		if latest != nil {
			last = find(latest.District, ind.ID)
		}
		target, _ := targetOf(r, ind.ID)
		s.text(&col, o.formatTarget(target), style{border: true, align: "center"})
		for _, p := range r.Periods {
			v := find(p.District, ind.ID)
			s.text(&col, o.valueStatus(v), style{fill: statusFill(v.Status), border: true})
		}
		if latest != nil {
			s.number(&col, last.Gap, last.Unit, nil, cell)
		}
	}
	// Who sent and who did not, under the table: a provisional period
	// says which wards it lacks.
	s.row++
	s.title(o.t("submissions"), style{bold: true})
	for _, line := range completeness(r, o) {
		s.title(line, style{})
	}
}

// summaryTable starts Tổng hợp: the title block over the table's width,
// then its header, repeated on every page and frozen with the labels.
func summaryTable(s *sheet, r *analysis.Result, o Options, header []string) {
	summaryTitle(s, r, o, len(header))
	s.header(header)
	s.repeat = s.row
	s.freeze(1, s.row)
}

// indicatorRow starts a row of Tổng hợp with the indicator's label and
// unit, and gives the next column and the cells' style.
func (s *sheet) indicatorRow(ind catalog.Indicator, o Options) (int, style) {
	s.row++
	col, cell := 1, style{border: true}
	s.text(&col, o.label(ind), cell)
	s.text(&col, o.unit(ind.Unit), cell)
	return col, cell
}

// summaryTitle is the title block of Tổng hợp, centred over cols columns,
// and the blank row under it.
func summaryTitle(s *sheet, r *analysis.Result, o Options, cols int) {
	var periods []string
	for i := range r.Periods {
		periods = append(periods, o.periodHeader(&r.Periods[i]))
	}
	made := o.made()
	if made == "" {
		made = missing
	}
	inputs := strings.Join(o.Inputs, ", ")
	if inputs == "" {
		inputs = missing
	}
	s.title(strings.ToUpper(district(r)), style{bold: true, size: 14})
	s.titleAcross(o.t("summaryTitle"), style{bold: true, size: 12, align: "centerContinuous"}, cols)
	s.title(o.t("periods", strings.Join(periods, ", ")), style{})
	s.title(o.t("made", made), style{})
	s.title(o.t("inputs", inputs), style{})
	s.title(o.t("config", o.configName(r)), style{})
	s.row++
}

// wardSheet: under one header, a block per period: its wards, then the
// district.
func wardSheet(s *sheet, r *analysis.Result, o Options) {
	var cols []catalog.Indicator
	for _, ind := range shownIndicators(r) {
		if !ind.DistrictOnly() {
			cols = append(cols, ind)
		}
	}
	header := []string{o.t("period"), o.t("ward")}
	for _, ind := range cols {
		header = append(header, o.label(ind)+" ("+o.unit(ind.Unit)+")")
	}
	s.header(header)
	s.repeat, s.filter = s.row, s.row
	s.freeze(2, 1)
	line := func(period, name string, values []analysis.Value, st style) {
		st.border = true
		s.row++
		col := 1
		s.text(&col, period, st)
		s.text(&col, name, st)
		for _, ind := range cols {
			s.value(&col, find(values, ind.ID), st)
		}
	}
	for i, p := range r.Periods {
		if i > 0 {
			s.row++
		}
		period := p.Period
		if p.Derived {
			period = o.t("derivedPeriod", p.Period, analysis.SpanText(p.From))
		}
		for _, w := range p.Wards {
			line(period, w.Name, w.Values, style{})
		}
		district := o.t("wholeDist", o.level(r))
		if !p.Complete {
			district = o.t("provisional", district)
		}
		line(period, district, p.District, style{bold: true})
	}
}

// maxLinkedProblems bounds the problems whose file is a hyperlink: each
// link is a relationship that excelize adds in time proportional to those
// already there, so 10,000 links took seconds, and nobody follows the
// 1,001st.
const maxLinkedProblems = 1000

func problemSheet(s *sheet, r *analysis.Result, o Options) {
	s.header([]string{o.t("severity"), o.t("file"), o.t("sheet"), o.t("cell"), o.t("ward"),
		o.t("period"), o.t("indicator"), o.t("text"), o.t("message")})
	s.repeat, s.filter = s.row, s.row
	s.freeze(0, 1)
	if len(r.Problems) == 0 {
		s.row++
		col := 1
		s.text(&col, o.t("noProblems"), style{})
	}
	for i, p := range r.Problems {
		s.row++
		col := 1
		fill := fillWarning
		if p.Severity == analysis.SeverityError {
			fill = fillNotMet
		}
		s.text(&col, o.severity(p.Severity), style{fill: fill})
		if i < maxLinkedProblems {
			s.link(col, p.File, p.Sheet, p.Ref, o.summaryDir)
		}
		for _, x := range []string{p.File, p.Sheet, p.Ref, p.Ward, p.Period, p.Indicator, p.Text, p.Message(o.lang())} {
			s.text(&col, x, style{})
		}
	}
}

// sourceSheet: every ward figure read from a cell, with that cell.
func sourceSheet(s *sheet, r *analysis.Result, o Options) {
	s.header([]string{o.t("ward"), o.t("period"), o.t("id"), o.t("indicator"), o.t("value"),
		o.t("file"), o.t("sheet"), o.t("cell"), o.t("previous"), o.t("prevFile"), o.t("prevSheet"), o.t("prevCell")})
	s.repeat, s.filter = s.row, s.row
	s.freeze(0, 1)
	labels := map[string]string{}
	for _, ind := range shownIndicators(r) {
		labels[ind.ID] = o.label(ind)
	}
	for _, p := range r.Periods {
		for _, w := range p.Wards {
			for _, v := range w.Values {
				if v.Source.File == "" && v.PreviousSource.File == "" {
					continue
				}
				s.row++
				col := 1
				label, ok := labels[v.Indicator]
				if !ok {
					label = v.Indicator
				}
				for _, x := range []string{w.Name, p.Period, v.Indicator, label} {
					s.text(&col, x, style{})
				}
				s.number(&col, v.Value, v.Unit, v.Target, style{})
				for _, x := range []string{v.Source.File, v.Source.Sheet, v.Source.Ref + cellRest(v.Source)} {
					s.text(&col, x, style{})
				}
				s.number(&col, v.Previous, v.Unit, v.Target, style{})
				// A sum (wards merged, or rebased on new boundaries) lists its
				// other cells, and the shares, after the first cell.
				for _, x := range []string{v.PreviousSource.File, v.PreviousSource.Sheet, v.PreviousSource.Ref + cellRest(v.PreviousSource)} {
					s.text(&col, x, style{})
				}
			}
		}
	}
}

// targetOf is the target of indicator id in force.
func targetOf(r *analysis.Result, id string) (*catalog.Target, bool) {
	if r.Config == nil {
		return nil, false
	}
	t, ok := r.Config.Target(id)
	if !ok {
		return nil, false
	}
	return &t, true
}

func statusFill(s analysis.Status) string { return statusLooks[s].fill }

// sheet writes one worksheet row by row, remembering the widest text of
// each column for the column widths, and the first error.
type sheet struct {
	f      *excelize.File
	name   string
	styles *styles
	row    int
	widths map[int]int
	cols   int // columns of the widest header
	repeat int // the header row printed on every page; 0: none
	filter int // the header row of an autofilter down to the last row; 0: none
	// headers are the header rows written, made tall enough for their
	// wrapped texts once the column widths are known.
	headers []headerRow
	out     sheets.Cells // where the cells go
	err     error
}

type headerRow struct {
	row   int
	texts []string
}

func (s *sheet) fail(err error) {
	if s.err == nil {
		s.err = err
	}
}

// style gives the cell at col of the current row style st; the zero style
// leaves the cell's style as it is.
func (s *sheet) style(col int, st style) {
	if st != (style{}) {
		s.fail(s.out.SetStyle(col, s.row, s.styles.id(st)))
	}
}

// title writes a line of the title block in column A, on the next row; it
// may run over the empty columns to its right and does not set widths.
func (s *sheet) title(text string, st style) {
	s.row++
	s.fail(s.out.SetStr(1, s.row, text))
	s.style(1, st)
}

// titleAcross writes a title line over the first cols columns, all in style
// st (centerContinuous centres it across them without merging cells).
func (s *sheet) titleAcross(text string, st style, cols int) {
	s.title(text, st)
	for col := 2; col <= cols; col++ {
		s.style(col, st)
	}
}

// header writes a bold header row on the next row.
func (s *sheet) header(texts []string) {
	s.row++
	s.cols = max(s.cols, len(texts))
	s.headers = append(s.headers, headerRow{s.row, texts})
	for i, text := range texts {
		s.fail(s.out.SetStr(i+1, s.row, text))
		s.style(i+1, style{bold: true, wrap: true, fill: fillHeader, border: true, align: "center"})
		// Long headers wrap: they widen their column only so far.
		s.measure(i+1, min(utf8.RuneCountInString(text), 20))
	}
}

// link makes the cell at col a hyperlink that opens file (a path as found,
// made relative to the summary's folder dir, where Excel resolves it) at
// sheet!cell.
func (s *sheet) link(col int, file, sheet, cell, dir string) {
	if file == "" {
		return
	}
	target := file
	if abs, err := filepath.Abs(file); err == nil {
		target = abs
		if absDir, err := filepath.Abs(dir); err == nil {
			if rel, err := filepath.Rel(absDir, abs); err == nil {
				target = rel
			}
		}
	}
	target = filepath.ToSlash(target)
	if sheet != "" {
		target += "#'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + cell
		if cell == "" {
			target += "A1"
		}
	}
	s.fail(s.out.SetLink(col, s.row, target))
	s.style(col, style{link: true})
}

// text writes text as a string (never a formula) at *col and moves on.
func (s *sheet) text(col *int, text string, st style) {
	if text != "" {
		s.fail(s.out.SetStr(*col, s.row, text))
	}
	s.style(*col, st)
	s.measure(*col, utf8.RuneCountInString(text))
	*col++
}

// number writes v as a number formatted for its unit, or leaves the cell
// empty (in style st) when v cannot be had.
func (s *sheet) number(col *int, v *float64, unit string, t *catalog.Target, st style) {
	if v != nil {
		s.fail(s.out.SetFloat(*col, s.row, *v))
		st.numFmt = numFormat(*v, unit, t)
		s.measure(*col, len(Options{}.formatValue(v, unit, t)))
	}
	s.style(*col, st)
	*col++
}

// value writes a value in style st, filled by its status: green met, red
// not met, and an empty grey cell for a value that cannot be had.
func (s *sheet) value(col *int, v analysis.Value, st style) {
	switch {
	case v.Value == nil:
		st.fill = fillNoData
	case v.Status != analysis.StatusNoTarget && v.Status != analysis.StatusNoData:
		st.fill = statusFill(v.Status)
	}
	s.number(col, v.Value, v.Unit, v.Target, st)
}

func (s *sheet) measure(col, n int) { s.widths[col] = max(s.widths[col], n) }

// freeze keeps the first cols columns and rows rows in view.
func (s *sheet) freeze(cols, rows int) {
	topLeft, err := excelize.CoordinatesToCellName(cols+1, rows+1)
	s.fail(err)
	pane := "bottomRight"
	switch {
	case cols == 0:
		pane = "bottomLeft"
	case rows == 0:
		pane = "topRight"
	}
	s.fail(s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows,
		TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}}}))
}

// finish sets the column widths from the text lengths seen and the
// heights of the header rows, then the autofilter and the print setup (see
// printSetup).
func (s *sheet) finish(o Options) error {
	// One call for each run of adjacent columns of the same width: excelize
	// takes time in the columns already set for each (Tổng hợp has 250).
	// From the last run, since excelize puts each run before the columns
	// set before: they end up in order.
	cols := slices.Sorted(maps.Keys(s.widths))
	for end := len(cols); end > 0; {
		width := columnWidth(s.widths[cols[end-1]])
		start := end - 1
		for start > 0 && cols[start-1] == cols[start]-1 && columnWidth(s.widths[cols[start-1]]) == width {
			start--
		}
		first, err := excelize.ColumnNumberToName(cols[start])
		if err != nil {
			return err
		}
		last, err := excelize.ColumnNumberToName(cols[end-1])
		if err != nil {
			return err
		}
		s.fail(s.f.SetColWidth(s.name, first, last, float64(width)))
		end = start
	}
	for _, h := range s.headers {
		lines := 1
		for i, text := range h.texts {
			lines = max(lines, wrappedLines(text, columnWidth(s.widths[i+1])-1))
		}
		// Excel does not grow a row for wrapped text by itself.
		s.fail(s.out.SetHeight(h.row, float64(lineHeight*lines+3)))
	}
	if s.filter > 0 {
		s.fail(s.f.AutoFilter(s.name, s.area(s.filter), nil))
	}
	s.fail(s.printSetup(o))
	return s.err
}

// area is the range from column A of row first to the last header column
// of the last row written, such as "A1:P40".
func (s *sheet) area(first int) string {
	from, err := excelize.CoordinatesToCellName(1, first)
	s.fail(err)
	to, err := excelize.CoordinatesToCellName(max(s.cols, 1), max(s.row, first))
	s.fail(err)
	return from + ":" + to
}

// lineHeight is the height in points of a line of 11-point text.
const lineHeight = 15

// columnWidth is the width in characters of a column whose widest text is n
// characters long: 2 more, between 8 and 60.
func columnWidth(n int) int { return min(max(n+2, 8), 60) }

// wrappedLines is how many lines text takes wrapped at spaces into lines of
// at most width characters (a longer word takes a line of its own).
func wrappedLines(text string, width int) int {
	lines, used := 1, 0
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case used == 0:
			used = n
		case used+1+n <= width:
			used += 1 + n
		default:
			lines++
			used = n
		}
	}
	return lines
}

// numFormat is the Excel format that shows v with the decimals of the
// screen: #,##0 for counts, 0.0 for percentages, more where needed.
func numFormat(v float64, unit string, t *catalog.Target) string {
	d := decimals(v, unit, t)
	format := "#,##0"
	if unit == "%" {
		format = "0"
	}
	if d > 0 {
		format += "." + strings.Repeat("0", d)
	}
	return format
}

type style struct {
	link   bool // blue and underlined, as Excel shows hyperlinks
	bold   bool
	wrap   bool
	border bool // thin grey lines around the cell
	align  string
	size   float64
	fill   string
	numFmt string
}

// styles creates each distinct style once.
type styles struct {
	f   *excelize.File
	ids map[style]int
}

func (st *styles) id(s style) int {
	if id, ok := st.ids[s]; ok {
		return id
	}
	x := &excelize.Style{}
	if s.bold || s.size > 0 || s.link {
		x.Font = &excelize.Font{Bold: s.bold, Size: s.size}
		if s.link {
			x.Font.Color, x.Font.Underline = "0563C1", "single"
		}
	}
	if s.wrap || s.align != "" {
		x.Alignment = &excelize.Alignment{WrapText: s.wrap, Horizontal: s.align, Vertical: "center"}
	}
	if s.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			x.Border = append(x.Border, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
		}
	}
	if s.fill != "" {
		x.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.fill}}
	}
	if s.numFmt != "" {
		// A copy: &s.numFmt would move s to the heap on every call.
		numFmt := s.numFmt
		x.CustomNumFmt = &numFmt
	}
	id, err := st.f.NewStyle(x)
	if err != nil {
		return 0
	}
	st.ids[s] = id
	return id
}
