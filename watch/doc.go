// Package watch is the drop-folder loop behind `chitieu watch FOLDER`: it
// runs the report once, then watches the folder and every subfolder with
// fsnotify and runs the report again whenever a workbook is added, replaced
// or removed.
//
// Start with Run and Options. The caller's Options.Refresh does the whole
// report (read, print, write the summary workbook); Run only decides when to
// call it:
//
//   - Only spreadsheets count (the extensions package ingest reads or
//     refuses). Excel lock files (~$*), hidden files (LibreOffice's
//     .~lock.*#, the .tong-hop.xlsx.*.tmp file the summary is saved through),
//     *.tmp files, hidden folders and whatever Options.Ignore says (the
//     summary workbook itself, or every refresh would trigger the next) are
//     not watched.
//   - A burst of events is one change: Run waits until no event has come for
//     Options.Debounce, then until every changed file that still exists has
//     kept the same size and modification time for Options.Settle (a large
//     copy, Excel saving), and calls Refresh once for the whole burst.
//   - Folders created later (or moved in) are watched too, and the
//     workbooks already in them count as changed. A folder removed or moved
//     away counts as a change.
//   - A Refresh that fails is logged and the watch goes on; a half-written or
//     damaged workbook is the report's problem line, and its next change is
//     the retry.
//   - Cancelling the context (Ctrl-C) stops Run, which returns nil; it
//     returns an error only when the folder cannot be watched (missing, not
//     a folder, removed or moved away while watched).
//
// Choices: Refresh runs on Run's own goroutine, so a cancel during a refresh
// takes effect when that refresh returns, and changes made meanwhile are
// queued and give one more refresh. Log lines about changes start with the
// time of day; error lines start with "chitieu:".
package watch
