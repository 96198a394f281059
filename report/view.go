package report

import (
	"strings"

	"chitieu/analysis"
	"chitieu/catalog"
)

// The screen report (WriteTable, WriteMarkdown) is built once as blocks and
// rendered twice, so both show the same content.

type blockKind int

const (
	headingBlock blockKind = iota
	textBlock
	listBlock
	gridBlock
)

type block struct {
	kind  blockKind
	lines []string // heading and text: one line; list: the items
	grid  *grid
}

// grid is a table: a header and rows of cells.
type grid struct {
	header []string
	right  []bool // numeric columns, aligned right
	rows   [][]cell
}

type cell struct {
	text  string
	color string // ANSI SGR colour code, "" for none
	wrap  bool   // may be broken at spaces to fit the width
}

const (
	colorGreen = "32"
	colorRed   = "31"
	colorGrey  = "90"
	notMetMark = "*"
	// partialMark follows a district figure that lacks some wards' figures.
	partialMark = "†"
)

// build lays out the report: configuration, district table, ward table of
// the latest period, completeness per period, problems.
func build(r *analysis.Result, o Options) []block {
	text := func(s string) block { return block{kind: textBlock, lines: []string{s}} }
	heading := func(s string) block { return block{kind: headingBlock, lines: []string{s}} }

	blocks := []block{text(o.t("config", o.configName(r)))}
	if latest := r.Latest(); latest == nil {
		blocks = append(blocks, text(o.t("noData")))
	} else {
		blocks = append(blocks,
			heading(o.districtHeading(r)),
			block{kind: gridBlock, grid: districtTable(r, o)})
		if tr := termOf(r); tr != nil && len(tr.Targets) > 0 {
			blocks = append(blocks,
				heading(o.t("termHeading", o.termTitle(r.Term))),
				block{kind: gridBlock, grid: termGrid(r, o)})
			if lines := cumulativeLines(r, o); len(lines) > 0 {
				blocks = append(blocks, text(o.t("cumulativeHeading", o.periodWords(r.Term.AsOf))+":"),
					block{kind: listBlock, lines: lines})
			}
		}
		blocks = append(blocks,
			heading(wardHeading(r, latest, o)),
			block{kind: gridBlock, grid: wardTable(r, latest, o)},
			text(o.t("legend")+estimatedLegend(r, o)+partialLegend(r, o)),
			heading(o.t("submissions")),
			block{kind: listBlock, lines: completeness(r, o)})
	}
	blocks = append(blocks, heading(o.t("problems")), text(o.counts(r.Problems)))
	if len(r.Problems) > 0 {
		var items []string
		for _, p := range r.Problems {
			items = append(items, problemLine(p, o))
		}
		blocks = append(blocks, block{kind: listBlock, lines: items})
	}
	return blocks
}

// problemLine is "lỗi: " / "error: " and the problem, compiler-style.
func problemLine(p analysis.Problem, o Options) string {
	return o.severity(p.Severity) + ": " + p.Format(o.lang())
}

// districtTable is the district table in the layout the periods call for.
func districtTable(r *analysis.Result, o Options) *grid {
	if meeting(r, o) {
		return meetingGrid(r, o)
	}
	return districtGrid(r, o)
}

// wardHeading names the ward table: its period, and in the meeting layout
// that its figures are the year to date.
func wardHeading(r *analysis.Result, p *analysis.PeriodResult, o Options) string {
	if meeting(r, o) {
		return o.t("wardsYtd", o.periodHeader(p))
	}
	return o.t("wards", o.periodHeader(p))
}

// wardTable is the ward table of period p in the same layout.
func wardTable(r *analysis.Result, p *analysis.PeriodResult, o Options) *grid {
	if meeting(r, o) {
		return meetingWardGrid(r, p, o)
	}
	return wardGrid(r, p, o)
}

// districtGrid has one row per indicator with a district figure: label,
// unit, the value of each period, the target and the latest status.
func districtGrid(r *analysis.Result, o Options) *grid {
	latest := r.Latest()
	g := &grid{header: []string{o.t("indicator"), o.t("unit")}, right: []bool{false, false}}
	for i := range r.Periods {
		g.header = append(g.header, o.periodHeader(&r.Periods[i]))
		g.right = append(g.right, true)
	}
	g.header = append(g.header, o.t("target"), o.t("statusOf", latest.Period))
	g.right = append(g.right, true, false)
	for _, ind := range shownIndicators(r) {
		if ind.Kind == catalog.KindFlag {
			continue
		}
		row := []cell{{text: o.label(ind), wrap: true}, {text: o.unit(unitOf(ind, latest.District)), wrap: true}}
		for i := range r.Periods {
			row = append(row, valueCell(find(r.Periods[i].District, ind.ID), o))
		}
		last := find(latest.District, ind.ID)
		row = append(row, cell{text: o.formatTarget(last.Target)},
			cell{text: o.valueStatus(last), color: statusColor(last.Status), wrap: true})
		g.rows = append(g.rows, row)
	}
	return g
}

// wardGrid has one row per submitted ward of period p and the district last;
// its columns are the derived indicators wards have and hungry households.
func wardGrid(r *analysis.Result, p *analysis.PeriodResult, o Options) *grid {
	cols := wardColumns(r)
	g := &grid{header: []string{o.t("ward")}, right: []bool{false}}
	for _, ind := range cols {
		g.header = append(g.header, o.label(ind)+" ("+o.unit(unitOf(ind, p.District))+")")
		g.right = append(g.right, true)
	}
	add := func(name string, values []analysis.Value) {
		row := []cell{{text: name}}
		for _, ind := range cols {
			row = append(row, valueCell(find(values, ind.ID), o))
		}
		g.rows = append(g.rows, row)
	}
	for _, w := range p.Wards {
		add(w.Name, w.Values)
	}
	add(o.t("wholeDist", o.level(r)), p.District)
	return g
}

// wardColumns are the ward table's indicators: by default the rates and
// the one count with a target; when indicators were picked, each of them.
func wardColumns(r *analysis.Result) []catalog.Indicator {
	var cols []catalog.Indicator
	for _, ind := range shownIndicators(r) {
		if r.Picked && !ind.DistrictOnly() || ind.Kind == catalog.KindRatio || ind.Kind == catalog.KindChange || ind.ID == "hungry_households" {
			cols = append(cols, ind)
		}
	}
	return cols
}

// completeness is one line per period: who sent, who is missing.
func completeness(r *analysis.Result, o Options) []string {
	var lines []string
	for _, p := range r.Periods {
		if p.Complete {
			lines = append(lines, o.t("complete", p.Period, len(p.Submitted), p.Expected))
		} else {
			lines = append(lines, o.t("submitted", p.Period, len(p.Submitted), p.Expected, strings.Join(p.Missing, ", ")))
		}
		if len(p.YtdMissing) > 0 {
			lines[len(lines)-1] += o.t("ytdMissing", strings.Join(p.YtdMissing, ", "))
		}
	}
	return lines
}

// valueCell shows a value, marked and coloured by its status.
func valueCell(v analysis.Value, o Options) cell {
	c := cell{text: o.formatValue(v.Value, v.Unit, v.Target), color: statusColor(v.Status)}
	if v.Status.Missed() {
		c.text += notMetMark
	}
	if v.ValueBasis == analysis.BasisEstimated && v.Value != nil {
		c.text = estimatedMark + c.text
	}
	if v.Partial && v.Value != nil {
		c.text += partialMark
	}
	return c
}

// partialLegend explains the partial mark when a district figure shown
// carries it.
func partialLegend(r *analysis.Result, o Options) string {
	for _, p := range r.Periods {
		for _, v := range p.District {
			if v.Partial && v.Value != nil {
				return "; " + o.t("partialLegend")
			}
		}
	}
	return ""
}

// statusLooks is how each status shows: its colour on the terminal and
// its fill in the summary workbook (none for a status not listed).
var statusLooks = map[analysis.Status]struct{ color, fill string }{
	analysis.StatusMet:     {colorGreen, fillMet},
	analysis.StatusAhead:   {colorGreen, fillMet},
	analysis.StatusOnTrack: {colorGreen, fillMet},
	analysis.StatusNotMet:  {colorRed, fillNotMet},
	analysis.StatusBehind:  {colorRed, fillNotMet},
	analysis.StatusNoData:  {colorGrey, fillNoData},
}

func statusColor(s analysis.Status) string { return statusLooks[s].color }

// shownIndicators is the indicators in catalog order: the configuration's or,
// without one, those the first period's district lists.
func shownIndicators(r *analysis.Result) []catalog.Indicator {
	if r.Config != nil && len(r.Config.Indicators) > 0 {
		return r.Config.Indicators
	}
	var out []catalog.Indicator
	if len(r.Periods) > 0 {
		for _, v := range r.Periods[0].District {
			out = append(out, catalog.Indicator{ID: v.Indicator, Unit: v.Unit})
		}
	}
	return out
}

// find is the value of indicator id, or an empty no-data value.
func find(vs []analysis.Value, id string) analysis.Value {
	if v, ok := analysis.Find(vs, id); ok {
		return v
	}
	return analysis.Value{Indicator: id, Status: analysis.StatusNoData}
}

// unitOf is the unit of ind as the values give it, else the catalog's.
func unitOf(ind catalog.Indicator, vs []analysis.Value) string {
	if v, ok := analysis.Find(vs, ind.ID); ok && v.Unit != "" {
		return v.Unit
	}
	return ind.Unit
}

// orEmpty guards against a nil result.
func orEmpty(r *analysis.Result) *analysis.Result {
	if r == nil {
		return &analysis.Result{}
	}
	return r
}
