// Package report prints and writes the results of package analysis: the
// terminal tables (WriteTable), the same content as markdown
// (WriteMarkdown), the machine formats of the contract (WriteCSV,
// WriteJSON), the problem list of `chitieu check` (WriteProblems,
// WriteProblemsJSON) and the summary workbook (WriteSummary, recognised
// again by IsSummary), also written into the district's own master
// workbook (WriteInto, recognised by IsMaster; both refuse with
// ErrOpenElsewhere while the file is open in Excel or LibreOffice, and
// WriteInto with ErrNotWorkbook for a file it cannot open). SafeSheetName
// and SafeFileName make names built from data valid. DumpWorkbook turns a
// workbook into text for golden tests.
//
// Start with Options (language, colour, width, date) and with view.go, which
// turns an analysis.Result into the blocks (headings, paragraphs, lists,
// tables) that table.go renders for the terminal and markdown.go as
// markdown. Numbers on screen are formatted in number.go; the words come
// from package msg through Options.t (text.go), in Vietnamese or English.
//
// The choices the contract leaves open (JSON and CSV details, the marks
// in tables, the layout and printing of the summary, writing into a
// master) are product choices: README.md lists them under "Choices the
// contract leaves open".
//
// This package never exits, never writes to os.Stdout and never reads the
// clock: the date of the summary comes from Options.Now.
package report
