package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// DumpWorkbook is the text of every non-empty cell of the workbook at path,
// one line "Sheet!A1 = value" each, sheet by sheet, row by row; values are
// raw (numbers unformatted) and line breaks in them are written as \n.
// It is meant for golden tests.
func DumpWorkbook(path string) (string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return "", err
		}
		for r, row := range rows {
			for c, value := range row {
				if value == "" {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					return "", err
				}
				fmt.Fprintf(&b, "%s!%s = %s\n", name, cell, strings.ReplaceAll(value, "\n", `\n`))
			}
		}
	}
	return b.String(), nil
}
