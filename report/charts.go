package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/sheets"
)

// The indicators the Biểu đồ sheet draws against their targets.
const (
	chartWardIndicator   = "detection_rate"        // the wards of the latest period
	chartPeriodIndicator = "trade_services_growth" // the district, period by period
)

// Size and place of each chart: to the right of its data block, with
// chartRows rows (20 px each) kept free below its top so that the next
// block's chart does not overlap it.
const (
	chartColumn = "E"
	chartWidth  = 800
	chartHeight = 320
	chartRows   = 18
	slantAbove  = 8 // categories beyond which their labels are slanted
)

// axisFont is the font of the charts' axis labels: black, so that they
// print legibly.
var axisFont = excelize.Font{Size: 9, Color: "000000"}

// chartData is what one chart plots: a value per category (ward or period)
// against one target, with the texts of its title and its data block.
type chartData struct {
	title, category, value, target string
	unit                           string
	goal                           catalog.Target
	rows                           []chartRow
}

type chartRow struct {
	name  string
	value *float64
}

// drawable reports whether the chart has a target and at least one value.
func (c chartData) drawable() bool {
	if c.goal.Op == "" {
		return false
	}
	for _, row := range c.rows {
		if row.value != nil {
			return true
		}
	}
	return false
}

// nonNegative reports whether the chart's values and target are all at
// least zero.
func (c chartData) nonNegative() bool {
	if c.goal.Value < 0 {
		return false
	}
	for _, row := range c.rows {
		if row.value != nil && *row.value < 0 {
			return false
		}
	}
	return true
}

// chartSheet: for each chart that can be drawn, a block of the data it
// plots (a title line, a header, one row per ward or period with the value
// and the target), and to its right a native Excel chart reading that
// block: the value as columns, the target as a line across them. A chart
// whose indicator or target is not configured, or that has no value, is
// left out; a sheet without any says so.
func chartSheet(s *sheet, r *analysis.Result, o Options) {
	drawn := 0
	for _, c := range []chartData{wardChart(r, o, chartWardIndicator), periodChart(r, o, chartPeriodIndicator)} {
		if !c.drawable() {
			continue
		}
		if drawn > 0 {
			s.row++
		}
		s.chart(c, o)
		drawn++
	}
	if drawn == 0 {
		s.title(o.t("noCharts"), style{})
	}
	if o.chartsBlocked {
		s.row++
		s.title(o.t("chartsBlocked"), style{fill: fillWarning})
	}
}

// wardChart is indicator id in each ward of the latest period.
func wardChart(r *analysis.Result, o Options, id string) chartData {
	c, ok := newChart(r, o, id)
	latest := r.Latest()
	if !ok || latest == nil {
		return chartData{}
	}
	c.title = o.t("chartByWard", c.title, o.periodHeader(latest))
	c.category = o.t("ward")
	for _, w := range latest.Wards {
		c.rows = append(c.rows, chartRow{w.Name, find(w.Values, id).Value})
	}
	return c
}

// periodChart is the district's indicator id in each period.
func periodChart(r *analysis.Result, o Options, id string) chartData {
	c, ok := newChart(r, o, id)
	if !ok {
		return chartData{}
	}
	c.title = o.t("chartByPeriod", c.title)
	c.category = o.t("period")
	for i := range r.Periods {
		p := &r.Periods[i]
		c.rows = append(c.rows, chartRow{o.periodHeader(p), find(p.District, id).Value})
	}
	return c
}

// newChart starts the chart of indicator id with its target, if the
// configuration has both.
func newChart(r *analysis.Result, o Options, id string) (chartData, bool) {
	if r.Config == nil {
		return chartData{}, false
	}
	ind, ok := r.Config.Indicator(id)
	if !ok {
		return chartData{}, false
	}
	target, ok := r.Config.Target(id)
	if !ok {
		return chartData{}, false
	}
	label := o.label(ind)
	return chartData{
		title:  label,
		value:  label + " (" + o.unit(ind.Unit) + ")",
		target: o.t("target") + " " + o.formatTarget(&target),
		unit:   ind.Unit,
		goal:   target,
	}, true
}

// chart writes c's data block from the next row on and the chart beside it.
func (s *sheet) chart(c chartData, o Options) {
	s.title(c.title, style{bold: true})
	top := s.row
	s.header([]string{c.category, c.value, c.target})
	head := s.row
	for _, row := range c.rows {
		s.row++
		col := 1
		cell := style{border: true}
		s.text(&col, row.name, cell)
		s.number(&col, row.value, c.unit, &c.goal, cell)
		s.number(&col, &c.goal.Value, c.unit, nil, cell)
	}
	ref := func(col string, from, to int) string {
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(s.name), col, from, col, to)
	}
	categories := ref("A", head+1, s.row)
	// The axes are drawn from either chart of the combination: both get
	// the same. Many ward names are slanted so that none is broken.
	xAxis, yAxis := excelize.ChartAxis{Font: axisFont}, excelize.ChartAxis{MajorGridLines: true, Font: axisFont}
	if len(c.rows) > slantAbove {
		xAxis.Alignment.TextRotation = -45
	}
	if c.nonNegative() {
		zero := 0.0 // columns start at zero, so that their heights compare
		yAxis.Minimum = &zero
	}
	one := false // one colour for all columns (Excel varies them by default)
	columns := &excelize.Chart{
		Type:       excelize.Col,
		VaryColors: &one,
		Series:     []excelize.ChartSeries{{Name: ref("B", head, head), Categories: categories, Values: ref("B", head+1, s.row)}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title, Font: &excelize.Font{Bold: true, Size: 12}}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}},
		XAxis:      xAxis,
		YAxis:      yAxis,
		Format:     excelize.GraphicOptions{OffsetX: 10, OffsetY: 4},
	}
	line := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{Name: ref("C", head, head), Categories: categories, Values: ref("C", head+1, s.row),
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}},
			Line:   excelize.LineOptions{Width: 2.25, Dash: excelize.LineDashDash},
			Marker: excelize.ChartMarker{Symbol: "none"}}},
		XAxis: xAxis,
		YAxis: yAxis,
	}
	if _, ok := s.out.(sheets.Direct); !ok {
		s.fail(sheets.ErrStreamed)
	} else if !o.chartsBlocked {
		s.fail(s.f.AddChart(s.name, chartColumn+fmt.Sprint(top), columns, line))
	}
	s.row = max(s.row, top+chartRows-1)
}
