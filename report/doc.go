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
//     its status cells carry the colour. Theo phường, Vấn đề and Nguồn have
//     an autofilter over their header and rows (so each can be sorted and
//     filtered); in Theo phường a value that cannot be had is an empty grey
//     cell.
//   - Printing: every summary sheet is A4 landscape, one page wide, centred,
//     with its header row repeated on each page (Tổng hợp's is the table's
//     header, row 8; the title block prints once) and a footer with the
//     date made and "Trang 1/3". Biểu đồ repeats no row: its two data blocks
//     have their own headers. Header rows are made tall enough for their
//     wrapped text, which Excel does not do by itself.
//   - Biểu đồ: the detection rate of each ward that submitted in the latest
//     period, and the district's trade-services growth in each period, as
//     columns (starting at zero when nothing is negative) with the
//     configured target as a dashed red line. Each chart reads a data block
//     (title, header, one row per ward or period: value, target) written at
//     its left, so that the figures print too. A chart whose indicator or
//     target is not configured, or without any value, is left out.
//   - WriteInto keeps the master's title, author and creation date (only
//     "last modified by" and the modification date change), re-encrypts a
//     password-protected master with its password, keeps its file mode, and
//     keeps one backup, PATH.bak, replaced on each run. Summary sheets named
//     in the other language are not touched: --lang en adds Summary, By
//     ward... beside Tổng hợp, Theo phường...
//   - Known limits of writing into a master, from excelize: an autofilter a
//     user put on Tổng hợp or Biểu đồ stays (there is no call to remove
//     one; its hidden rows show again); the chart parts of an earlier run
//     stay in the file, unused (Excel drops them when it saves); and where
//     the master's chart parts are numbered with gaps, as no Excel or
//     LibreOffice file is, the charts are not drawn (excelize would
//     overwrite one) and Biểu đồ says so.
//
// This package never exits, never writes to os.Stdout and never reads the
// clock: the date of the summary comes from Options.Now.
package report
