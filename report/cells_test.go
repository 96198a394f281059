package report

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStreamedSameAsDirect writes a big summary (16 wards x 30 months,
// 1,200 problems, more than are linked) in the three ways the summary's
// big sheets are written: spliced into the package (WriteSummary), with
// excelize's StreamWriter (new sheets of a master) and cell by cell (a
// master's sheets cleared in place). It requires the same workbook read
// back: every value of every sheet; the style, the hyperlink and the row
// height of sample rows from the top, middle and bottom of each sheet;
// the column widths, panes, print setup, defined names (autofilters,
// print titles) and merged ranges.
func TestStreamedSameAsDirect(t *testing.T) {
	r := bigResult(30, 1200)
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name+".xlsx") }
	o := Options{Now: fixtureNow, Inputs: []string{"many"}}
	if err := WriteSummary(path("spliced"), r, o); err != nil {
		t.Fatal(err)
	}
	// WriteSummary without the splicing.
	o.summaryDir = dir
	f := excelize.NewFile()
	defer f.Close()
	must(t, newSheets(f, sheetNames(o)))
	if _, err := fillSummary(f, r, o); err != nil {
		t.Fatal(err)
	}
	must(t, summaryProps(f, r, o))
	must(t, Save(f, path("streamed")))
	o.cleared = sheetNames(o)
	if err := WriteSummary(path("direct"), r, o); err != nil {
		t.Fatal(err)
	}
	direct := openWorkbook(t, path("direct"))
	for _, name := range []string{"spliced", "streamed"} {
		got := openWorkbook(t, path(name))
		if got, want := got.GetSheetList(), direct.GetSheetList(); !slices.Equal(got, want) {
			t.Fatalf("%s: sheets %v, want %v", name, got, want)
		}
		if got, want := got.GetActiveSheetIndex(), direct.GetActiveSheetIndex(); got != want {
			t.Errorf("%s: active sheet %d, want %d", name, got, want)
		}
		if got, want := jsonOf(t, got.GetDefinedName()), jsonOf(t, direct.GetDefinedName()); got != want {
			t.Errorf("%s: defined names\n%s\nwant\n%s", name, got, want)
		}
		for _, sheet := range direct.GetSheetList() {
			if got, want := sheetText(t, got, sheet), sheetText(t, direct, sheet); got != want {
				t.Errorf("%s differs when %s:\n%s", sheet, name, firstDiff(want, got))
			}
		}
	}
}

// sheetText is what TestStreamedSameAsDirect compares of one sheet.
func sheetText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	var b strings.Builder
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s is empty", sheet)
	}
	for r, row := range rows {
		fmt.Fprintf(&b, "row %d: %q\n", r+1, row)
	}
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	samples := []int{1, 2, 3, 8, 9, 10, len(rows) / 2, len(rows)/2 + 1, len(rows) - 1, len(rows)}
	samples = slices.DeleteFunc(samples, func(r int) bool { return r < 1 })
	for _, r := range samples {
		height, err := f.GetRowHeight(sheet, r)
		fmt.Fprintf(&b, "row %d height %v %v\n", r, height, err)
		for c := 1; c <= width+1; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			id, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			link, target, err := f.GetCellHyperLink(sheet, cell)
			fmt.Fprintf(&b, "%s: %s link %v %q %v\n", cell, styleText(t, f, id), link, target, err)
		}
	}
	for c := 1; c <= width+1; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, name)
		fmt.Fprintf(&b, "column %s width %v %v\n", name, w, err)
	}
	panes, err := f.GetPanes(sheet)
	b.WriteString(jsonOf(t, panes) + fmt.Sprint(err) + "\n")
	merged, err := f.GetMergeCells(sheet)
	b.WriteString(jsonOf(t, merged) + fmt.Sprint(err) + "\n")
	for _, x := range []func(string) (any, error){
		func(s string) (any, error) { return f.GetPageLayout(s) },
		func(s string) (any, error) { return f.GetPageMargins(s) },
		func(s string) (any, error) { return f.GetHeaderFooter(s) },
		func(s string) (any, error) { return f.GetSheetProps(s) },
		func(s string) (any, error) { return f.GetSheetView(s, -1) },
	} {
		v, err := x(sheet)
		b.WriteString(jsonOf(t, v) + fmt.Sprint(err) + "\n")
	}
	return b.String()
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}
