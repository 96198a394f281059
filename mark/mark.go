// Package mark is the one convention for "written by chitieu": the custom
// document property chitieu of a workbook, whose value says what chitieu
// wrote it as (Summary, Master, Config). Reading skips such workbooks
// (they are no ward reports), and a file is only replaced by one of the
// same kind (Replaceable).
package mark

import (
	"os"

	"chitieu/xlsx"

	"github.com/xuri/excelize/v2"
)

// Property is the name of the custom document property.
const Property = "chitieu"

// The values of Property.
const (
	Summary = "summary" // the summary workbook (report.WriteSummary)
	Master  = "master"  // the district's workbook the summary was written into (report.WriteInto)
	Config  = "config"  // the configuration workbook (workbook.Config)
)

// Set marks f as written by chitieu as value.
func Set(f *excelize.File, value string) error {
	return f.SetCustomProps(excelize.CustomProperty{Name: Property, Value: value})
}

// Of is the mark of f, "" without one.
func Of(f *excelize.File) string {
	if f == nil {
		return ""
	}
	props, err := f.GetCustomProps()
	if err != nil {
		return ""
	}
	for _, p := range props {
		if p.Name == Property {
			value, _ := p.Value.(string)
			return value
		}
	}
	return ""
}

// OfFile is the mark of the workbook at path ("" when it has none), read
// with the fast reader, which unlike excelize does not unzip every sheet
// (a summary of 2,000 reports has 15 MB of them). ok is false when the
// fast reader cannot tell (not a plain .xlsx, or damaged).
func OfFile(path string) (mark string, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	b, err := xlsx.Open(data)
	if err != nil {
		return "", false
	}
	mark, _ = b.Custom(Property)
	return mark, true
}

// Replaceable reports whether path may be written as a workbook marked
// want: it does not exist, or chitieu wrote it as the same kind. A ward's
// report or the district's own workbook is never overwritten.
func Replaceable(path, want string) bool {
	if _, err := os.Stat(path); err != nil {
		return true
	}
	if m, ok := OfFile(path); ok {
		return m == want
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return Of(f) == want
}
