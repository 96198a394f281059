package report

import (
	"archive/zip"
	"bytes"
	"html"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/internal/ziptest"
	"chitieu/sheets"
)

// TestSummaryPrintSetup: every sheet of the summary prints on A4
// landscape, one page wide, with its header row repeated and a footer with
// the date made and the page number; the table sheets have an autofilter
// over their header and rows.
func TestSummaryPrintSetup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	if err := WriteSummary(path, fixture(), Options{Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, path)
	for _, sheet := range f.GetSheetList() {
		p, err := f.GetPageLayout(sheet)
		if err != nil || *p.Size != 9 || *p.Orientation != "landscape" || p.FitToWidth == nil || *p.FitToWidth != 1 ||
			p.FitToHeight == nil || *p.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v (%v)", sheet, p, err)
		}
		if props, err := f.GetSheetProps(sheet); err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off (%v)", sheet, err)
		}
		if m, err := f.GetPageMargins(sheet); err != nil || m.Horizontally == nil || !*m.Horizontally {
			t.Errorf("%s: not centred on the page (%v)", sheet, err)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil || hf.OddFooter != "&L&9Ngày lập: 15/09/2003&R&9Trang &P/&N" {
			t.Errorf("%s: footer %+v (%v)", sheet, hf, err)
		}
	}

	names := map[string]string{} // name in scope -> refers to
	for _, n := range f.GetDefinedName() {
		names[n.Name+" in "+n.Scope] = n.RefersTo
	}
	for key, want := range map[string]string{
		"_xlnm.Print_Titles in Tổng hợp":       "'Tổng hợp'!$8:$8",
		"_xlnm.Print_Titles in Theo phường":    "'Theo phường'!$1:$1",
		"_xlnm.Print_Titles in Vấn đề":         "'Vấn đề'!$1:$1",
		"_xlnm.Print_Titles in Nguồn":          "'Nguồn'!$1:$1",
		"_xlnm._FilterDatabase in Theo phường": "'Theo phường'!$A$1:$R$9",
		"_xlnm._FilterDatabase in Vấn đề":      "'Vấn đề'!$A$1:$I$5",
		"_xlnm._FilterDatabase in Nguồn":       "'Nguồn'!$A$1:$L$33",
	} {
		if names[key] != want {
			t.Errorf("%s = %q, want %q", key, names[key], want)
		}
		delete(names, key)
	}
	if len(names) != 0 {
		t.Errorf("other defined names: %v", names)
	}
	if sheet := ziptest.Part(t, path, "xl/worksheets/sheet3.xml"); !bytes.Contains(sheet, []byte(`<autoFilter ref="$A$1:$R$9"`)) {
		t.Error("Theo phường has no autofilter over A1:R9")
	}

	// The wrapped header rows are made tall enough; the title is centred
	// over the table.
	if h, _ := f.GetRowHeight("Theo phường", 1); h < 2*lineHeight {
		t.Errorf("Theo phường's header row is %v points high", h)
	}
	for _, cell := range []string{"A2", "H2"} {
		id, _ := f.GetCellStyle("Tổng hợp", cell)
		if st, _ := f.GetStyle(id); st.Alignment == nil || st.Alignment.Horizontal != "centerContinuous" {
			t.Errorf("Tổng hợp!%s is not centred across the table", cell)
		}
	}
}

// TestSummaryCharts: Biểu đồ holds the detection rate of each ward in the
// latest period and the district's trade-services growth by period, each
// as columns with its configured target as a line, read from the data
// block written beside it.
func TestSummaryCharts(t *testing.T) {
	r := fixture()
	// The target comes from the configuration: change it, and the chart's
	// line follows.
	for i := range r.Config.Targets {
		if r.Config.Targets[i].Indicator == "detection_rate" {
			r.Config.Targets[i].Value = 60
		}
	}
	path := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	if err := WriteSummary(path, r, Options{Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, path)
	for cell, want := range map[string]string{
		"A1": "Tỷ lệ khám phá theo phường — 2003-H1", "C2": "Chỉ tiêu NQ ≥ 60",
		"A3": "Phường 1", "B4": "50", "C5": "60",
		"A20": "Tăng trưởng thương mại - dịch vụ toàn quận theo kỳ báo cáo", "C21": "Chỉ tiêu NQ ≥ 12",
		"A22": "2002-H1 (tạm tính)", "C23": "12",
	} {
		if got, _ := f.GetCellValue("Biểu đồ", cell, excelize.Options{RawCellValue: true}); got != want {
			t.Errorf("Biểu đồ!%s = %q, want %q", cell, got, want)
		}
	}
	scans, err := sheets.Scan(readFile(t, path), []string{"Biểu đồ"})
	if err != nil {
		t.Fatal(err)
	}
	if got := scans["Biểu đồ"].Charts; !slices.Equal(got, []string{"E1", "E20"}) {
		t.Errorf("charts at %v", got)
	}
	for part, wants := range map[string][]string{
		"xl/charts/chart1.xml": {"<barChart>", `<varyColors val="0">`, "<lineChart>", `<min val="0">`, "Tỷ lệ khám phá theo phường — 2003-H1",
			"'Biểu đồ'!$A$3:$A$5", "'Biểu đồ'!$B$3:$B$5", "'Biểu đồ'!$C$3:$C$5", "'Biểu đồ'!$C$2:$C$2"},
		"xl/charts/chart2.xml": {"<barChart>", "<lineChart>", "'Biểu đồ'!$A$22:$A$23", "'Biểu đồ'!$B$22:$B$23", "'Biểu đồ'!$C$22:$C$23"},
	} {
		xml := html.UnescapeString(string(ziptest.Part(t, path, part)))
		for _, want := range wants {
			if !strings.Contains(xml, want) {
				t.Errorf("%s lacks %s", part, want)
			}
		}
	}

	en := filepath.Join(t.TempDir(), "summary.xlsx")
	if err := WriteSummary(en, fixture(), Options{Lang: "en", Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	if xml := html.UnescapeString(string(ziptest.Part(t, en, "xl/charts/chart1.xml"))); !strings.Contains(xml, "Detection rate by ward — 2003-H1") ||
		!strings.Contains(xml, "'Charts'!$B$3:$B$5") {
		t.Error("the English chart is not titled in English or does not read the Charts sheet")
	}
	if footer, _ := openWorkbook(t, en).GetHeaderFooter("Charts"); footer.OddFooter != "&L&9Date made: 15/09/2003&R&9Page &P/&N" {
		t.Errorf("English footer %q", footer.OddFooter)
	}
}

// TestSummaryChartsSkipped: a chart whose target or indicator is not
// configured, or that has no value, is left out without failing.
func TestSummaryChartsSkipped(t *testing.T) {
	noDetectionTarget := fixture()
	noDetectionTarget.Config.Targets = slices.DeleteFunc(noDetectionTarget.Config.Targets,
		func(t catalog.Target) bool { return t.Indicator == "detection_rate" })
	neither := fixture()
	neither.Config.Targets = slices.DeleteFunc(neither.Config.Targets,
		func(t catalog.Target) bool { return t.Indicator == "detection_rate" })
	neither.Config.Indicators = slices.DeleteFunc(neither.Config.Indicators,
		func(ind catalog.Indicator) bool { return ind.ID == "trade_services_growth" })
	noValues := fixture()
	noValues.Periods = nil

	for name, c := range map[string]struct {
		r      *analysis.Result
		charts int
		a1     string
	}{
		"no detection target": {noDetectionTarget, 1, "Tăng trưởng thương mại - dịch vụ toàn quận theo kỳ báo cáo"},
		"neither":             {neither, 0, "Không có biểu đồ: thiếu chỉ tiêu hoặc số liệu để vẽ."},
		"no values":           {noValues, 0, "Không có biểu đồ: thiếu chỉ tiêu hoặc số liệu để vẽ."},
		"no result":           {nil, 0, "Không có biểu đồ: thiếu chỉ tiêu hoặc số liệu để vẽ."},
	} {
		path := filepath.Join(t.TempDir(), "tong-hop.xlsx")
		if err := WriteSummary(path, c.r, Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := countParts(t, path, "xl/charts/chart"); got != c.charts {
			t.Errorf("%s: %d charts, want %d", name, got, c.charts)
		}
		if got, _ := openWorkbook(t, path).GetCellValue("Biểu đồ", "A1"); got != c.a1 {
			t.Errorf("%s: Biểu đồ!A1 = %q, want %q", name, got, c.a1)
		}
	}
}

// countParts is the number of parts of the package at path whose name
// starts with prefix.
func countParts(t *testing.T, path, prefix string) int {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	n := 0
	for _, file := range zr.File {
		if strings.HasPrefix(file.Name, prefix) {
			n++
		}
	}
	return n
}

// TestRoomForCharts: excelize would overwrite chart3.xml when adding to
// chart1 and chart3 (it counts two and names the next chart3), so charts
// are only added to parts numbered without gaps.
func TestRoomForCharts(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  bool
	}{
		{nil, true},
		{[]string{"xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml"}, true},
		{[]string{"xl/charts/chart1.xml", "xl/charts/chart3.xml"}, false},
		{[]string{"xl/charts/chart2.xml"}, false},
		{[]string{"xl/drawings/drawing2.xml"}, false},
	} {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for _, name := range c.parts {
			if _, err := zw.Create(name); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if got := sheets.RoomForCharts(b.Bytes()); got != c.want {
			t.Errorf("%v: roomForCharts = %v", c.parts, got)
		}
	}

	f := excelize.NewFile()
	defer f.Close()
	o := Options{chartsBlocked: true}
	if err := newSheets(f, sheetNames(o)); err != nil {
		t.Fatal(err)
	}
	if _, err := fillSummary(f, fixture(), o); err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Biểu đồ")
	last := rows[len(rows)-1]
	if len(last) == 0 || !strings.HasPrefix(last[0], "Chưa vẽ biểu đồ") {
		t.Errorf("no note that the charts were not drawn: %q", last)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	if scans, _ := sheets.Scan(b.Bytes(), []string{"Biểu đồ"}); len(scans["Biểu đồ"].Charts) != 0 {
		t.Errorf("charts drawn: %v", scans["Biểu đồ"].Charts)
	}
}
