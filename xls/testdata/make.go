//go:build ignore

// make.go builds the .xls fixtures in this directory: it writes .xlsx
// workbooks with excelize and converts them with LibreOffice, whose BIFF8
// writer produces the records the reader must handle (SST with CONTINUE,
// RK/MULRK, FORMULA+STRING, BOOLERR, MERGEDCELLS, hidden sheets, 1904 dates).
//
// Run from the repository root:
//
//	go run xls/testdata/make.go
//
// The expectations in xls/xls_test.go are written from what this program
// puts in; keep the two in step.
package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	tmp, err := os.MkdirTemp("", "xls-fixtures")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	books := map[string]func() (*excelize.File, error){
		"book.xlsx":     book,
		"date1904.xlsx": date1904,
	}
	for name, build := range books {
		f, err := build()
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		in := filepath.Join(tmp, name)
		if err := f.SaveAs(in); err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		cmd := exec.Command("soffice", "--headless", "--convert-to", "xls", "--outdir", "xls/testdata", in)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("%s: soffice: %v", name, err)
		}
	}
}

// longString is UTF-16 in BIFF8 (it has "ố") and longer than one BIFF
// record (8224 bytes), so the SST splits it across CONTINUE records.
func longString() string {
	var b strings.Builder
	for i := 0; b.Len() < 12000; i++ {
		fmt.Fprintf(&b, "dòng số %04d; ", i)
	}
	return b.String()
}

// otherSheets adds a hidden sheet and a sheet with a Vietnamese name.
func otherSheets(f *excelize.File) error {
	var err error
	set := func(sheet, cell string, v any) {
		if err == nil {
			err = f.SetCellValue(sheet, cell, v)
		}
	}
	if _, err := f.NewSheet("Hidden"); err != nil {
		return err
	}
	set("Hidden", "A1", "secret")
	set("Hidden", "B2", 7)
	if _, err := f.NewSheet("Bảng 2"); err != nil {
		return err
	}
	set("Bảng 2", "A1", "Phường")
	set("Bảng 2", "B1", 16)
	set("Bảng 2", "A2", "Tổng")
	set("Bảng 2", "B2", 1.5)
	if err != nil {
		return err
	}
	if err := f.SetSheetVisible("Hidden", false); err != nil {
		return err
	}
	return nil
}

// styleCells gives cells of sheet s percent formats (built-in 9 and 10,
// and a custom code) and fonts (.VnTime, Arial).
func styleCells(f *excelize.File, s string) error {
	pct0, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		return err
	}
	pct2, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		return err
	}
	code := "0.0%"
	pct1, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return err
	}
	vn, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: ".VnTime", Size: 12}})
	if err != nil {
		return err
	}
	arial, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 10}})
	if err != nil {
		return err
	}
	for _, st := range []struct {
		cell  string
		style int
	}{{"C1", pct0}, {"C2", pct2}, {"C3", pct1}, {"A3", vn}, {"A2", arial}} {
		if err := f.SetCellStyle(s, st.cell, st.cell, st.style); err != nil {
			return err
		}
	}
	return nil
}

func book() (*excelize.File, error) {
	f := excelize.NewFile()
	const s = "Data"
	var err error // first error of set and the calls below; checked before styling
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return nil, err
	}
	set := func(sheet, cell string, v any) {
		if err == nil {
			err = f.SetCellValue(sheet, cell, v)
		}
	}
	// Strings.
	set(s, "A1", "Hello")
	set(s, "A2", "Số hộ nghèo")
	set(s, "A3", "Sè hé nghÌo") // TCVN3 bytes as Latin-1 text, shown in .VnTime
	set(s, "A4", longString())
	set(s, "A5", strings.Repeat("x", 9000)) // 8-bit, longer than one record
	for i := 0; i < 1500; i++ {             // many distinct strings: SST spans CONTINUEs
		set(s, fmt.Sprintf("G%d", i+1), fmt.Sprintf("chuỗi số %04d", i))
	}

	// Numbers: small integers (RK/MULRK), decimals, negatives, large values.
	set(s, "B1", 42)
	set(s, "B2", 3.14159)
	set(s, "B3", -7)
	set(s, "B4", -2.5)
	set(s, "B5", 1e10)
	set(s, "B6", 123456789)
	set(s, "B7", 0.1)

	// Percentages: built-in 9 and 10, and a custom code.
	set(s, "C1", 0.25)
	set(s, "C2", 0.1234)
	set(s, "C3", 0.456)

	// Booleans.
	if err == nil {
		err = f.SetCellBool(s, "E1", true)
	}
	if err == nil {
		err = f.SetCellBool(s, "E2", false)
	}

	// Formulas; LibreOffice computes and saves their results.
	for _, fm := range [][2]string{
		{"D1", "B1*2"},
		{"D2", `A1&" world"`},
		{"D3", "1/0"},
		{"D4", "B1>40"},
		{"D5", `""`},
	} {
		if err == nil {
			err = f.SetCellFormula(s, fm[0], fm[1])
		}
	}

	// Merged cells.
	set(s, "A20", "Merged")
	if err == nil {
		err = f.MergeCell(s, "A20", "C21")
	}
	if err != nil {
		return nil, err
	}

	if err := styleCells(f, s); err != nil {
		return nil, err
	}

	if err := otherSheets(f); err != nil {
		return nil, err
	}
	return f, nil
}

func date1904() (*excelize.File, error) {
	f := excelize.NewFile()
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		return nil, err
	}
	if err := f.SetCellValue("Sheet1", "A1", "Ngày"); err != nil {
		return nil, err
	}
	// The serial number is written as is: in the 1904 system 1 is 1904-01-02.
	if err := f.SetCellFloat("Sheet1", "B1", 1, -1, 64); err != nil {
		return nil, err
	}
	st, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return nil, err
	}
	if err := f.SetCellStyle("Sheet1", "B1", "B1", st); err != nil {
		return nil, err
	}
	return f, nil
}
