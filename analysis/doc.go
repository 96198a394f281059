// Package analysis turns the observations read from ward workbooks into the
// district report: it holds the indicator catalog, the Congress targets and
// the list of reporting units (Config), matches labels and ward names
// (Matcher), and aggregates ward figures into district figures compared with
// their targets, their plans and the term (Analyze). How numbers, units and
// periods are written is package notation's part.
//
// Start with Analyze: it takes a Config and the Submissions that package
// ingest produced and returns a Result that package report prints and writes.
// This package does no I/O and imports neither excelize nor any terminal
// library.
package analysis
