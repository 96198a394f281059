// Package report prints and writes the results of package analysis: the
// terminal tables (WriteTable), the same content as markdown
// (WriteMarkdown), the machine formats of the contract (WriteCSV,
// WriteJSON), the problem list of `chitieu check` (WriteProblems,
// WriteProblemsJSON) and the summary workbook (WriteSummary, recognised
// again by IsSummary). DumpWorkbook turns a workbook into text for golden
// tests.
//
// Start with Options (language, colour, width, date) and with view.go, which
// turns an analysis.Result into the blocks (headings, paragraphs, lists,
// tables) that table.go renders for the terminal and markdown.go as
// markdown. Numbers on screen are formatted in number.go; all user-visible
// words are in text.go, in Vietnamese and English.
//
// Choices the contract leaves open:
//   - JSON district entries carry no source fields; ward entries carry no gap
//     (exactly the keys of the contract's example). value, previous and gap are
//     unrounded numbers or null; a value that is not finite is null.
//   - CSV: the label follows Options.Lang; unit, target and status are
//     written as in JSON (catalog unit, ">= 12", "not_met"); rows end in "\n".
//   - Tables and markdown mark a value that misses its target with "*" (and
//     colour it red with Options.Color), in the district and the ward table;
//     a footnote explains the mark.
//   - Problems in the table output are prefixed with their severity, as in
//     WriteProblems.
//   - KindFlag indicators (yes/no per ward) have no district figure and are
//     left out of the district tables; the summary workbook lists them per
//     ward.
//   - Tables are fitted to Options.Width by wrapping headers first, then
//     labels at spaces; numbers and ward names are never broken. Only when
//     that is not enough (English headers below about 90 columns) are words
//     cut.
//   - The summary's Theo phường sheet has one header row and a column for
//     the period; each period's block (its wards, then the district in bold)
//     is followed by an empty row. Value cells of Tổng hợp are not filled:
//     its status cells carry the colour.
//
// This package never exits, never writes to os.Stdout and never reads the
// clock: the date of the summary comes from Options.Now.
package report
