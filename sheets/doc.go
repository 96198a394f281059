// Package sheets writes and clears the worksheets of a workbook that
// excelize is building: cell by cell through excelize (Direct), or kept as
// compact rows and spliced into the package as it is saved (Streamed,
// WriteSpliced), or, for a district's own workbook (a master), its old
// summary sheets scanned and cleared in place (Scan, Clear).
//
// Package report decides what goes in the summary's sheets and calls this
// one for where the cells go; its tests (TestSplicedSameAsDirect,
// TestStreamedSameAsDirect) read back every way of writing alike.
package sheets
