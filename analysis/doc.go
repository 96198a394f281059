// Package analysis turns the observations read from ward workbooks into the
// district report: it aggregates ward figures into district figures, derives
// quarters, halves and years to date from monthly forms, rebases figures
// across boundary changes, and compares them with their targets, their
// plans and the term, raising a Problem, with its cell, for every figure it
// cannot trust. What is measured and against what is package catalog's
// part; how numbers and periods are written is package notation's.
//
// Start with Analyze: it takes a catalog.Config and the Submissions that
// package ingest produced and returns a Result that package report prints
// and writes; TermReview reads a Result as the mid-term review does. This
// package does no I/O and imports neither excelize nor any terminal library.
package analysis
