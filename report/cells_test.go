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
// 1,200 problems, more than are linked) as WriteSummary does, with the big
// sheets streamed, and with every sheet written cell by cell as before
// streaming (as for a master's sheets cleared in place), and requires the
// same workbook read back: every value of every sheet; the style, the
// hyperlink and the row height of sample rows from the top, middle and
// bottom of each sheet; the column widths, panes, print setup, defined
// names (autofilters, print titles) and merged ranges.
func TestStreamedSameAsDirect(t *testing.T) {
	r := bigResult(30, 1200)
	dir := t.TempDir()
	paths := map[string]string{}
	for name, cleared := range map[string][]string{"streamed": nil, "direct": sheetNames(Options{})} {
		paths[name] = filepath.Join(dir, name+".xlsx")
		o := Options{Now: fixtureNow, Inputs: []string{"many"}, cleared: cleared}
		if err := WriteSummary(paths[name], r, o); err != nil {
			t.Fatal(err)
		}
	}
	streamed, direct := openWorkbook(t, paths["streamed"]), openWorkbook(t, paths["direct"])
	if got, want := streamed.GetSheetList(), direct.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if got, want := streamed.GetActiveSheetIndex(), direct.GetActiveSheetIndex(); got != want {
		t.Errorf("active sheet %d, want %d", got, want)
	}
	if got, want := jsonOf(t, streamed.GetDefinedName()), jsonOf(t, direct.GetDefinedName()); got != want {
		t.Errorf("defined names\n%s\nwant\n%s", got, want)
	}
	for _, sheet := range direct.GetSheetList() {
		want := sheetText(t, direct, sheet)
		got := sheetText(t, streamed, sheet)
		if got != want {
			t.Errorf("%s differs when streamed:\n%s", sheet, firstDiff(want, got))
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
