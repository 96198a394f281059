// Package catalog is what the district measures and against what: the
// indicators with their aliases, units and how they add up (Indicator), the
// Congress targets and the term they belong to (Target, Term), the year
// plans (Plan), and the reporting units with their dates and the boundary
// changes between them (Unit, Change). Builtin is the seed's catalog;
// package ingest reads the user's configuration workbook into a Config and
// package workbook writes one.
//
// Start with Config: Validate and CheckBoundaries refuse what cannot be
// judged, naming the field, and NewMatcher finds indicators and units from
// the text of a form. The package is plain data and has no I/O.
package catalog
