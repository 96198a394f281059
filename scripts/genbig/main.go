// Command genbig writes the big-sheet case of scripts/bench.sh: one ward's
// filled-in form with a household list of ROWS x 20 attached as a second
// sheet (numbers, codes as text, names), written with excelize's
// StreamWriter (dimension set, shared strings off: inline strings, as the
// StreamWriter writes them).
//
//	go run ./scripts/genbig -rows 200000 -out /tmp/chitieu-bench/big/P05.xlsx
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"chitieu/catalog"
	"chitieu/notation"
	"chitieu/workbook"

	"github.com/xuri/excelize/v2"
)

func main() {
	rows := flag.Int("rows", 200000, "rows of the household list")
	out := flag.String("out", "bench-data/big/P05.xlsx", "workbook to write (replaced)")
	flag.Parse()
	if err := run(*rows, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genbig:", err)
		os.Exit(1)
	}
}

func run(rows int, out string) error {
	cfg := catalog.Builtin()
	period, _ := notation.ParsePeriodID("2003-H1")
	f, err := workbook.Template(cfg, "Phường 5", period)
	if err != nil {
		return err
	}
	n := 0
	for _, ind := range cfg.Indicators {
		if !ind.Submitted() {
			continue
		}
		row := strconv.Itoa(6 + n)
		v := 20 - n // solved cases (6th) below cases (5th)
		if n == 0 {
			v = 5000 // households: every other count is below it
		}
		if ind.Kind == catalog.KindFlag {
			v = 1
		}
		if err := f.SetCellValue("Báo cáo", "E"+row, v); err != nil {
			return err
		}
		if err := f.SetCellValue("Báo cáo", "F"+row, v); err != nil {
			return err
		}
		n++
	}
	const sheet = "Danh sách hộ"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, "A1:T"+strconv.Itoa(rows+1)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := make([]any, 20)
	for i := range header {
		header[i] = "Cột " + strconv.Itoa(i+1)
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(5, 2003))
	row := make([]any, 20)
	for r := range rows {
		row[0] = r + 1
		row[1] = fmt.Sprintf("Hộ %06d", r+1)
		row[2] = strconv.Itoa(26700 + rng.IntN(100)) // a code typed as text
		for c := 3; c < 20; c++ {
			row[c] = float64(rng.IntN(1000000)) / 100
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := f.SaveAs(out); err != nil {
		return err
	}
	fmt.Printf("genbig: %s with a %d x 20 sheet\n", out, rows)
	return nil
}
