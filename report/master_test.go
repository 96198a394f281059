package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"chitieu/internal/ziptest"
	"chitieu/sheets"
)

// The district's master workbook of the tests: sheets of its own around an
// older Tổng hợp (second, with content of its own that WriteInto must
// clear), and no other summary sheet.
const (
	dataSheet   = "Dữ liệu"
	chartSheetM = "Biểu đồ riêng"
	printSheet  = "In"
)

var otherSheets = []string{dataSheet, chartSheetM, printSheet}

// buildMaster writes the master workbook to path: in Dữ liệu numbers,
// strings, styles, a merged range and formulas (two point into the older
// Tổng hợp, one through a defined name); in Biểu đồ riêng a chart of
// Dữ liệu; in In a data validation, page setup, margins, a footer and
// repeated rows; workbook- and sheet-scoped defined names; and an older
// Tổng hợp with a merged title, styled and formula cells, a hyperlink, a
// cell far off, and a chart, all of which WriteInto must clear.
func buildMaster(t *testing.T, path string, opts ...excelize.Options) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", dataSheet))
	for _, name := range []string{"Tổng hợp", chartSheetM, printSheet} {
		_, err := f.NewSheet(name)
		must(err)
	}

	// Dữ liệu.
	must(f.SetCellStr(dataSheet, "A1", "Sổ theo dõi của quận"))
	must(f.MergeCell(dataSheet, "A1", "D1"))
	rows := [][]any{{"Phường 1", 120, 3.5}, {"Phường 2", 80, 4.25}, {"=không phải công thức", 45, 0.5}}
	for i, row := range rows {
		must(f.SetSheetRow(dataSheet, fmt.Sprintf("A%d", i+2), &row))
	}
	must(f.SetCellFormula(dataSheet, "B5", "SUM(B2:B4)"))
	must(f.SetCellFormula(dataSheet, "D2", "'Tổng hợp'!C9"))
	must(f.SetCellFormula(dataSheet, "D3", "SUM('Tổng hợp'!C9:D9)"))
	must(f.SetCellFormula(dataSheet, "D4", "HoDan*2"))
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F4E79"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}})
	must(err)
	must(f.SetCellStyle(dataSheet, "A1", "D1", bold))
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	must(err)
	must(f.SetCellStyle(dataSheet, "C2", "C4", money))
	must(f.SetColWidth(dataSheet, "A", "A", 24))

	// Biểu đồ riêng.
	must(f.AddChart(chartSheetM, "B2", &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{{
		Name: "'Dữ liệu'!$B$1", Categories: "'Dữ liệu'!$A$2:$A$4", Values: "'Dữ liệu'!$B$2:$B$4"}}}))

	// In.
	must(f.SetCellStr(printSheet, "A1", "Mẫu in"))
	must(f.SetCellStr(printSheet, "A2", "Có"))
	dv := excelize.NewDataValidation(true)
	dv.SetSqref("A2:A20")
	must(dv.SetDropList([]string{"Có", "Không"}))
	must(f.AddDataValidation(printSheet, dv))
	size, orientation, wide := 8, "portrait", 2 // A3
	must(f.SetPageLayout(printSheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &wide}))
	margin := 1.25
	must(f.SetPageMargins(printSheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin}))
	must(f.SetHeaderFooter(printSheet, &excelize.HeaderFooterOptions{OddFooter: "&CBản in &P"}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'In'!$1:$2", Scope: printSheet}))

	// Defined names.
	must(f.SetDefinedName(&excelize.DefinedName{Name: "TongSo", RefersTo: "'Dữ liệu'!$B$2:$B$4"}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "HoDan", RefersTo: "'Tổng hợp'!$C$9"}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "Rieng", RefersTo: "'In'!$A$2", Scope: printSheet}))

	// The older Tổng hợp.
	must(f.SetCellStr("Tổng hợp", "A1", "Bảng cũ"))
	must(f.MergeCell("Tổng hợp", "A1", "D1"))
	must(f.SetCellInt("Tổng hợp", "C9", 4000))
	must(f.SetCellInt("Tổng hợp", "D9", 4100))
	must(f.SetCellStyle("Tổng hợp", "C9", "C9", bold))
	must(f.SetCellStyle("Tổng hợp", "J30", "J30", bold))
	must(f.SetCellFormula("Tổng hợp", "B20", "1+1"))
	must(f.SetCellStr("Tổng hợp", "A25", "trang web"))
	must(f.SetCellHyperLink("Tổng hợp", "A25", "https://example.com", "External"))
	must(f.SetCellStr("Tổng hợp", "Z40", "cũ"))
	must(f.AddChart("Tổng hợp", "F2", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{
		Name: "'Tổng hợp'!$A$1", Values: "'Tổng hợp'!$C$9:$D$9"}}}))

	must(f.SetDocProps(&excelize.DocProperties{Title: "Sổ theo dõi", Creator: "Phòng Thống kê"}))
	must(f.SaveAs(path, opts...))
}

// sheetState is everything a test can read back of one sheet that
// WriteInto must leave alone, as text.
func sheetState(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	var b strings.Builder
	for r := 1; r <= 30; r++ {
		for c := 1; c <= 10; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			value, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			formula, _ := f.GetCellFormula(sheet, cell)
			id, _ := f.GetCellStyle(sheet, cell)
			if value == "" && formula == "" && id == 0 {
				continue
			}
			fmt.Fprintf(&b, "%s: %q =%q %s\n", cell, value, formula, styleText(t, f, id))
		}
	}
	merged, _ := f.GetMergeCells(sheet)
	dvs, _ := f.GetDataValidations(sheet)
	layout, _ := f.GetPageLayout(sheet)
	margins, _ := f.GetPageMargins(sheet)
	hf, _ := f.GetHeaderFooter(sheet)
	props, _ := f.GetSheetProps(sheet)
	width, _ := f.GetColWidth(sheet, "A")
	for _, x := range []any{merged, dvs, layout, margins, hf, props, width} {
		j, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// styleText is the number format, font, fill, border and alignment of a
// style as GetStyle reads them back.
func styleText(t *testing.T, f *excelize.File, id int) string {
	t.Helper()
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(struct {
		NumFmt    int
		Custom    *string
		Font      *excelize.Font
		Fill      excelize.Fill
		Border    []excelize.Border
		Alignment *excelize.Alignment
	}{st.NumFmt, st.CustomNumFmt, st.Font, st.Fill, st.Border, st.Alignment})
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}

// userNames is the defined names that are not scoped to a summary sheet.
func userNames(f *excelize.File) []excelize.DefinedName {
	var names []excelize.DefinedName
	for _, n := range f.GetDefinedName() {
		if !slices.Contains(sheetNames(Options{}), n.Scope) {
			names = append(names, n)
		}
	}
	return names
}

// summaryDump is DumpWorkbook's lines of the summary sheets, in the
// summary's sheet order.
func summaryDump(t *testing.T, path string) string {
	t.Helper()
	dump, err := DumpWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, name := range sheetNames(Options{}) {
		for _, line := range strings.SplitAfter(dump, "\n") {
			if strings.HasPrefix(line, name+"!") {
				b.WriteString(line)
			}
		}
	}
	return b.String()
}

func openWorkbook(t *testing.T, path string, opts ...excelize.Options) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestWriteIntoRoundTrip writes the summary into the master twice and
// checks that the other sheets, names, chart and print settings survive
// unchanged, that the older Tổng hợp is updated in place (formulas that
// point into it still do), that the summary sheets hold what WriteSummary
// writes (the golden summary_vi.golden), and that each run leaves the
// previous version as the backup.
func TestWriteIntoRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "so-theo-doi.xlsx")
	buildMaster(t, path)
	o := Options{Now: fixtureNow, Inputs: []string{"samples/2002-H1", "samples/2003-H1"}}

	before := openWorkbook(t, path)
	states := map[string]string{}
	for _, sheet := range otherSheets {
		states[sheet] = sheetState(t, before, sheet)
	}
	names := userNames(before)
	summaryID := slices.Index(before.GetSheetList(), "Tổng hợp")
	sheetIDs := before.GetSheetMap()
	userChart := ziptest.Part(t, path, "xl/charts/chart1.xml")
	userDrawing := ziptest.Part(t, path, "xl/drawings/drawing1.xml")
	want, err := os.ReadFile(filepath.Join("testdata", "summary_vi.golden"))
	if err != nil {
		t.Fatal(err)
	}

	for run := 1; run <= 2; run++ {
		input := readFile(t, path)
		backup, err := WriteInto(path, fixture(), o, "")
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if backup != path+".bak" || !bytes.Equal(readFile(t, backup), input) {
			t.Errorf("run %d: the backup %s is not the workbook as it was", run, backup)
		}
		if got := summaryDump(t, path); got != string(want) {
			t.Errorf("run %d: the summary sheets differ from testdata/summary_vi.golden:\n%s", run, firstDiff(string(want), got))
		}
		f := openWorkbook(t, path)
		for _, sheet := range otherSheets {
			if got := sheetState(t, f, sheet); got != states[sheet] {
				t.Errorf("run %d: %s changed:\n%s", run, sheet, firstDiff(states[sheet], got))
			}
		}
		if got := userNames(f); !slices.Equal(got, names) {
			t.Errorf("run %d: defined names %v, want %v", run, got, names)
		}
		wantSheets := []string{dataSheet, "Tổng hợp", chartSheetM, printSheet, "Nhiệm kỳ", "Theo phường", "Vấn đề", "Nguồn", "Biểu đồ"}
		if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
			t.Errorf("run %d: sheets %v, want %v", run, got, wantSheets)
		}
		for id, name := range sheetIDs {
			if f.GetSheetMap()[id] != name {
				t.Errorf("run %d: sheet id %d is %q, was %q (deleted and recreated?)", run, id, f.GetSheetMap()[id], name)
			}
		}
		if f.GetActiveSheetIndex() != summaryID {
			t.Errorf("run %d: active sheet %d, want Tổng hợp (%d)", run, f.GetActiveSheetIndex(), summaryID)
		}
		checkFormulasIntoSummary(t, f, run)
		checkCleared(t, f, run)
		checkCharts(t, path, run, userChart, userDrawing)
		if !IsMaster(f) || IsSummary(f) {
			t.Errorf("run %d: IsMaster %v, IsSummary %v", run, IsMaster(f), IsSummary(f))
		}
		if doc, _ := f.GetDocProps(); doc.Title != "Sổ theo dõi" || doc.Creator != "Phòng Thống kê" || doc.LastModifiedBy != "chitieu" {
			t.Errorf("run %d: document properties %+v", run, doc)
		}
		if p, err := f.GetPageLayout("Tổng hợp"); err != nil || *p.Orientation != "landscape" || *p.Size != paperA4 {
			t.Errorf("run %d: Tổng hợp page layout %+v %v", run, p, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the folder holds %v, want the master and its backup", entries)
	}
}

// checkFormulasIntoSummary: the formulas of Dữ liệu still point into Tổng
// hợp, and now read its new figures (C9 and D9: the households, 5000 in
// 2002-H1 and 6000 in 2003-H1).
func checkFormulasIntoSummary(t *testing.T, f *excelize.File, run int) {
	t.Helper()
	for _, c := range []struct{ cell, formula, value string }{
		{"D2", "'Tổng hợp'!C9", "5000"},
		{"D3", "SUM('Tổng hợp'!C9:D9)", "11000"},
		{"D4", "HoDan*2", "10000"},
		{"B5", "SUM(B2:B4)", "245"},
	} {
		formula, _ := f.GetCellFormula(dataSheet, c.cell)
		value, err := f.CalcCellValue(dataSheet, c.cell)
		if formula != c.formula || value != c.value || err != nil {
			t.Errorf("run %d: %s!%s = %q -> %q (%v), want %q -> %q", run, dataSheet, c.cell, formula, value, err, c.formula, c.value)
		}
	}
}

// checkCleared: nothing of the older Tổng hợp is left outside what the
// summary writes there.
func checkCleared(t *testing.T, f *excelize.File, run int) {
	t.Helper()
	if merged, _ := f.GetMergeCells("Tổng hợp"); len(merged) != 0 {
		t.Errorf("run %d: Tổng hợp keeps merged ranges %v", run, merged)
	}
	if formula, _ := f.GetCellFormula("Tổng hợp", "B20"); formula != "" {
		t.Errorf("run %d: Tổng hợp!B20 keeps its formula %q", run, formula)
	}
	if link, target, _ := f.GetCellHyperLink("Tổng hợp", "A25"); link {
		t.Errorf("run %d: Tổng hợp!A25 keeps its link to %s", run, target)
	}
	for _, cell := range []string{"J30", "Z40"} {
		value, _ := f.GetCellValue("Tổng hợp", cell)
		id, _ := f.GetCellStyle("Tổng hợp", cell)
		if value != "" || id != 0 {
			t.Errorf("run %d: Tổng hợp!%s keeps %q, style %d", run, cell, value, id)
		}
	}
	// C9 is rewritten with the summary's own number format.
	id, _ := f.GetCellStyle("Tổng hợp", "C9")
	if st, _ := f.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" || len(st.Fill.Color) > 0 {
		t.Errorf("run %d: Tổng hợp!C9 style %s", run, styleText(t, f, id))
	}
}

// checkCharts: the master's own chart is untouched, the older Tổng hợp's
// chart is gone, and Biểu đồ holds the summary's two.
func checkCharts(t *testing.T, path string, run int, userChart, userDrawing []byte) {
	t.Helper()
	if !bytes.Equal(ziptest.Part(t, path, "xl/charts/chart1.xml"), userChart) ||
		!bytes.Equal(ziptest.Part(t, path, "xl/drawings/drawing1.xml"), userDrawing) {
		t.Errorf("run %d: the chart of %s changed", run, chartSheetM)
	}
	names := []string{dataSheet, "Tổng hợp", chartSheetM, printSheet, "Theo phường", "Biểu đồ"}
	scans, err := sheets.Scan(readFile(t, path), names)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{chartSheetM: {"B2"}, "Biểu đồ": {"E1", "E20"}}
	for _, sheet := range names {
		if got := scans[sheet].Charts; !slices.Equal(got, want[sheet]) {
			t.Errorf("run %d: charts on %s at %v, want %v", run, sheet, got, want[sheet])
		}
	}
}

// firstDiff is the first line where got differs from want.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant: %s\n got: %s", i+1, wl, gl)
		}
	}
	return ""
}

// TestWriteIntoOpenElsewhere: a lock file of Excel or LibreOffice, or a
// refused rename, stops WriteInto with ErrOpenElsewhere, the master
// unchanged and no file left behind.
func TestWriteIntoOpenElsewhere(t *testing.T) {
	for _, lock := range []string{"~$so-theo-doi.xlsx", ".~lock.so-theo-doi.xlsx#"} {
		t.Run(lock, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "so-theo-doi.xlsx")
			buildMaster(t, path)
			if err := os.WriteFile(filepath.Join(dir, lock), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			input := readFile(t, path)
			_, err := WriteInto(path, fixture(), Options{}, "")
			if !errors.Is(err, ErrOpenElsewhere) || !strings.Contains(err.Error(), "close it there, then run again") {
				t.Errorf("err = %v, want ErrOpenElsewhere", err)
			}
			if !bytes.Equal(readFile(t, path), input) {
				t.Error("the master changed")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("the folder holds %v", entries)
			}
		})
	}
	t.Run("rename refused", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "so-theo-doi.xlsx")
		buildMaster(t, path)
		input := readFile(t, path)
		refuseRenames(t, path)
		_, err := WriteInto(path, fixture(), Options{}, "")
		if !errors.Is(err, ErrOpenElsewhere) {
			t.Errorf("err = %v, want ErrOpenElsewhere", err)
		}
		if !bytes.Equal(readFile(t, path), input) {
			t.Error("the master changed")
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("left behind: %s", e.Name())
			}
		}
	})
}

// refuseRenames makes renames onto target fail as Windows fails them for a
// file held open, for the rest of the test.
func refuseRenames(t *testing.T, target string) {
	t.Helper()
	rename = func(from, to string) error {
		if to == target {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EACCES}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })
}

// TestWriteSummaryOpenElsewhere: --out over a summary that is open is
// refused the same way, the summary unchanged.
func TestWriteSummaryOpenElsewhere(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tong-hop.xlsx")
	if err := WriteSummary(path, fixture(), Options{Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	input := readFile(t, path)
	lock := filepath.Join(dir, "~$tong-hop.xlsx")
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummary(path, nil, Options{}); !errors.Is(err, ErrOpenElsewhere) {
		t.Errorf("with a lock file: err = %v, want ErrOpenElsewhere", err)
	}
	if err := os.Remove(lock); err != nil {
		t.Fatal(err)
	}
	refuseRenames(t, path)
	if err := WriteSummary(path, nil, Options{}); !errors.Is(err, ErrOpenElsewhere) {
		t.Errorf("with the rename refused: err = %v, want ErrOpenElsewhere", err)
	}
	if !bytes.Equal(readFile(t, path), input) {
		t.Error("the summary changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %v", entries)
	}
}

// TestWriteIntoNotWorkbook: a file that is not a workbook, a damaged one and
// one protected by a password not given are refused with ErrNotWorkbook
// and left as they were; given the password, the master is written and
// stays protected.
func TestWriteIntoNotWorkbook(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.xlsx")
	buildMaster(t, real)
	encrypted := filepath.Join(dir, "mat-khau.xlsx")
	buildMaster(t, encrypted, excelize.Options{Password: "bí mật"})
	cases := map[string][]byte{
		"text.xlsx":    []byte("Chỉ tiêu;Giá trị\n"),
		"damaged.xlsx": readFile(t, real)[:200],
		"empty.xlsx":   {},
	}
	for name, data := range cases {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"text.xlsx", "damaged.xlsx", "empty.xlsx", "mat-khau.xlsx"} {
		path := filepath.Join(dir, name)
		input := readFile(t, path)
		if _, err := WriteInto(path, fixture(), Options{}, ""); !errors.Is(err, ErrNotWorkbook) {
			t.Errorf("%s: err = %v, want ErrNotWorkbook", name, err)
		}
		if !bytes.Equal(readFile(t, path), input) {
			t.Errorf("%s changed", name)
		}
		if _, err := os.Stat(path + ".bak"); err == nil {
			t.Errorf("%s: a backup was written", name)
		}
	}
	if _, err := WriteInto(encrypted, fixture(), Options{}, "sai"); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("wrong password: err = %v, want ErrNotWorkbook", err)
	}

	if _, err := WriteInto(encrypted, fixture(), Options{Now: fixtureNow}, "bí mật"); err != nil {
		t.Fatalf("with the password: %v", err)
	}
	if f, err := excelize.OpenFile(encrypted); err == nil {
		f.Close()
		t.Error("the master opens without its password")
	}
	f := openWorkbook(t, encrypted, excelize.Options{Password: "bí mật"})
	if !IsMaster(f) {
		t.Error("not marked a master")
	}
	if v, _ := f.GetCellValue("Tổng hợp", "A4"); v != "Ngày lập: 15/09/2003" {
		t.Errorf("Tổng hợp!A4 = %q", v)
	}
	if formula, _ := f.GetCellFormula(dataSheet, "D2"); formula != "'Tổng hợp'!C9" {
		t.Errorf("%s!D2 = %q", dataSheet, formula)
	}
}

// TestWriteIntoOtherMark: chitieu's configuration workbook is not a master.
func TestWriteIntoOtherMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cau-hinh.xlsx")
	f := excelize.NewFile()
	if err := f.SetCustomProps(excelize.CustomProperty{Name: "chitieu", Value: "config"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	input := readFile(t, path)
	if _, err := WriteInto(path, fixture(), Options{}, ""); err == nil || !strings.Contains(err.Error(), "config") {
		t.Errorf("err = %v, want a refusal", err)
	}
	if !bytes.Equal(readFile(t, path), input) {
		t.Error("the configuration workbook changed")
	}
}

// TestWriteIntoMissingFile: --into names a workbook that must exist.
func TestWriteIntoMissingFile(t *testing.T) {
	if _, err := WriteInto(filepath.Join(t.TempDir(), "khong-co.xlsx"), fixture(), Options{}, ""); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want os.ErrNotExist", err)
	}
}

func TestIsMaster(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if IsMaster(f) || IsMaster(nil) {
		t.Error("IsMaster is true for a workbook chitieu did not write into")
	}
	// In this order, so that the workbook ends as a master.
	for _, c := range []struct {
		value string
		want  bool
	}{{"summary", false}, {"config", false}, {"master", true}} {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: "chitieu", Value: c.value}); err != nil {
			t.Fatal(err)
		}
		if IsMaster(f) != c.want {
			t.Errorf("chitieu=%s: IsMaster %v", c.value, !c.want)
		}
	}
	if IsSummary(f) {
		t.Error("IsSummary is true for a master")
	}
}
