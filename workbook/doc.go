// Package workbook writes the workbooks chitieu makes for people to fill in
// or edit: Template, the blank ward form (template.go); Config, the
// configuration workbook (config.go), with the sheet and column names that
// ingest.ReadConfig reads back; and Convert, the Unicode copy of a workbook
// typed in a legacy Vietnamese encoding (convert.go), from the text as
// ingest.Decode reads it. Reading is package ingest's job; the district
// summary and the master workbook are package report's.
package workbook
