// Package ingest reads the workbooks that wards submit and turns each report
// sheet into an analysis.Submission: the ward, the period, and one
// observation per indicator row with the cell it came from. Anything it
// cannot read becomes an analysis.Problem naming file, sheet and cell.
//
// Start with Read, which walks files and folders as the contract says (what
// is read, skipped or refused) and reads the workbooks in parallel, keeping
// the order of the files: .xlsx through the fast reader (package xlsx) or
// excelize, .xls through package xls, all behind the book interface
// (book.go), with text typed in TCVN3 or VNI turned into Unicode first
// (legacybook.go). ReadConfig reads the configuration workbook (its sheets
// and columns are in configsheets.go); Decode opens one workbook and reads
// its text as Read does, for package workbook's Convert. Ingest writes no
// workbook: package workbook does.
package ingest
