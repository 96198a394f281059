package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/mark"
	"chitieu/msg"
	"chitieu/notation"
	"chitieu/xls"
	"chitieu/xlsx"

	"github.com/xuri/excelize/v2"
)

// Options control Read.
type Options struct {
	Config   *catalog.Config
	Period   string // period id given with --period: overrides titles and folders
	Password string // for encrypted workbooks
	// IsOwn reports, by a workbook's mark (package mark; "" without
	// one), the workbooks chitieu wrote itself (summaries), which are
	// skipped with the summary line and never read as ward reports.
	IsOwn   func(mark string) bool
	Exclude []string // paths never read (the configuration workbook in use)
	Workers int      // files read at once; 0 means twice the number of CPUs
	// Progress, if set, is called with the number of workbooks read so
	// far and their total, from one goroutine at a time.
	Progress func(done, total int)
	// Engine picks how workbooks are read; the zero value is the lean
	// reader (the CLI sets EngineExcelize for CHITIEU_READER=excelize, for
	// measuring and as an escape hatch).
	Engine Engine
	// Debug, if set, receives one line for every workbook the lean reader
	// hands over to excelize, with the reason, so that no difference
	// between the two paths is silent (the CLI sets it to stderr for
	// CHITIEU_DEBUG=1).
	Debug io.Writer
}

// Engine is how workbooks are read.
type Engine int

const (
	// EngineDefault is EngineLean.
	EngineDefault Engine = iota
	// EngineLean streams the parts ingest uses with archive/zip and
	// encoding/xml, and reads the file with excelize whenever it meets
	// something it does not handle (encrypted workbooks, strict OOXML, a
	// formula without a saved result, an own workbook's mark, ...).
	EngineLean
	// EngineExcelize reads every workbook with excelize.
	EngineExcelize
)

// Result is everything read from the inputs.
type Result struct {
	Submissions []analysis.Submission
	Problems    []analysis.Problem
	Skipped     []string // files that are not spreadsheets
	Own         []string // summaries chitieu wrote, skipped
	Opened      int      // workbooks opened successfully
}

// Read walks paths and reads every workbook found. It fails only when a
// path does not exist; every problem inside a file is a Problem.
func Read(paths []string, opt Options) (*Result, error) {
	exclude := map[string]bool{}
	for _, p := range opt.Exclude {
		if abs, err := filepath.Abs(p); err == nil {
			exclude[abs] = true
		}
	}
	files, err := walk(paths, exclude)
	if err != nil {
		return nil, err
	}
	res := &Result{Skipped: files.others}
	for _, f := range files.unsupported {
		res.Problems = append(res.Problems, analysis.Problem{Severity: analysis.SeverityError, Cell: analysis.Cell{File: f},
			Code: msg.UnsupportedFormat, Args: []any{strings.ToLower(filepath.Ext(f))}})
	}

	reader := newReader(opt)
	outcomes := make([]fileOutcome, len(files.workbooks))
	workers := opt.Workers
	if workers <= 0 {
		// Two per CPU: a worker waiting for its file to be read leaves its
		// CPU to another (check of 2,000 forms on 2 CPUs: 0.42 s with 2
		// workers, 0.40 s with 4, 0.41 s with 8).
		workers = 2 * runtime.NumCPU()
	}
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outcomes[i] = reader.readFile(files.workbooks[i])
				if opt.Progress != nil {
					mu.Lock()
					done++
					opt.Progress(done, len(files.workbooks))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range files.workbooks {
		next <- i
	}
	close(next)
	wg.Wait()

	for i, o := range outcomes {
		if o.own {
			res.Own = append(res.Own, files.workbooks[i])
			continue
		}
		if o.opened {
			res.Opened++
		}
		res.Submissions = append(res.Submissions, o.submissions...)
		res.Problems = append(res.Problems, o.problems...)
	}
	return res, nil
}

// fileOutcome is what one workbook gave.
type fileOutcome struct {
	opened, own bool
	submissions []analysis.Submission
	problems    []analysis.Problem
}

type reader struct {
	opt     Options
	debugMu sync.Mutex
	matcher *matcherMemo
	period  notation.Period
	forced  bool
}

func newReader(opt Options) *reader {
	r := &reader{opt: opt, matcher: &matcherMemo{m: catalog.NewMatcher(opt.Config)}}
	if opt.Period != "" {
		r.period, r.forced = notation.ParsePeriodID(opt.Period)
	}
	return r
}

// oleHeader starts both encrypted OOXML files and legacy .xls files;
// zipHeader every .xlsx (zip local file header, or an empty archive's end).
var (
	oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipHeader = []byte("PK")
	// encryptedPackage is the stream name (UTF-16) that makes an OLE file an
	// encrypted .xlsx.
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// Limits that keep a hostile file (a zip bomb) from exhausting memory.
const (
	unzipSizeLimit    = xlsx.TotalLimit
	unzipXMLSizeLimit = xlsx.PartLimit
)

// internalError begins the reason given for a recovered panic: a problem
// (cannot_open) when excelize panics, a fallback reason on Options.Debug
// when the lean reader does. The tests fail on either.
const internalError = "internal error"

// readFile reads one workbook. excelize has panicked on damaged files in the
// past; a panic here becomes a problem for that file, never a crash.
func (r *reader) readFile(path string) (out fileOutcome) {
	defer func() {
		if v := recover(); v != nil {
			out = failWith(path, fmt.Errorf("%s: %v", internalError, v))
		}
	}()
	data, err := os.ReadFile(path)
	if err != nil {
		return failWith(path, err)
	}
	if bytes.HasPrefix(data, oleHeader) {
		wb, err := openXLS(data)
		if err != nil {
			return failWith(path, err)
		}
		if wb != nil {
			out.opened = true
			b := newXLSBook(wb)
			out.submissions, out.problems = r.readWorkbook(path, b)
			out.stamp(b.modified(), path)
			return out
		}
	}
	if err := precheck(data, r.opt.Password); err != nil {
		return failWith(path, err)
	}
	if r.opt.Engine != EngineExcelize {
		if bytes.HasPrefix(data, oleHeader) {
			r.debugf(path, "encrypted workbook")
		} else if out, ok := r.readLean(path, data); ok {
			return out
		}
	}
	x, err := openExcelize(data, r.opt.Password)
	if err != nil {
		return failWith(path, err)
	}
	defer x.Close()
	if r.opt.IsOwn != nil && r.opt.IsOwn(mark.Of(x.File())) {
		return fileOutcome{own: true}
	}
	b := newXLSXBook(x)
	out.opened = true
	out.submissions, out.problems = r.readWorkbook(path, b)
	out.stamp(b.modified(), path)
	return out
}

// OpenError is why a workbook cannot be opened, as the problem that
// explains it to staff.
type OpenError struct {
	Code msg.Code
	Args []any
}

func (e *OpenError) Error() string { return msg.Text("en", e.Code, e.Args...) }

// In is the error's text in lang.
func (e *OpenError) In(lang string) string { return msg.Text(lang, e.Code, e.Args...) }

func openFailure(code msg.Code, args ...any) error { return &OpenError{code, args} }

// failWith is the outcome of a file that cannot be opened for err.
func failWith(path string, err error) fileOutcome {
	oe := &OpenError{Code: msg.CannotOpen, Args: []any{err}}
	errors.As(err, &oe)
	return fileOutcome{problems: []analysis.Problem{{Severity: analysis.SeverityError, Cell: analysis.Cell{File: path}, Code: oe.Code, Args: oe.Args}}}
}

// openXLS reads data, an OLE compound file, as an Excel 97-2003 workbook.
// It returns nil and no error when data is an encrypted .xlsx instead.
func openXLS(data []byte) (*xls.Workbook, error) {
	wb, err := xls.Open(bytes.NewReader(data), int64(len(data)))
	switch {
	case err == nil:
		return wb, nil
	case errors.Is(err, xls.ErrEncrypted):
		return nil, openFailure(msg.EncryptedXLS)
	case errors.Is(err, xls.ErrOldFormat):
		return nil, openFailure(msg.UnsupportedFormat, "Excel 5.0/95 (.xls)")
	case !errors.Is(err, xls.ErrNotXLS):
		return nil, openFailure(msg.Truncated)
	case !bytes.Contains(data, encryptedPackage):
		return nil, openFailure(msg.NotWorkbook)
	}
	return nil, nil
}

// precheck refuses what is not worth handing to excelize: an encrypted
// .xlsx without a password, and anything that is not a zip.
func precheck(data []byte, password string) error {
	switch {
	case bytes.HasPrefix(data, oleHeader) && password == "":
		return openFailure(msg.Encrypted)
	case !bytes.HasPrefix(data, oleHeader) && !bytes.HasPrefix(data, zipHeader):
		return openFailure(msg.NotWorkbook)
	}
	return nil
}

// openExcelize opens an .xlsx (or an encrypted one with its password).
func openExcelize(data []byte, password string) (*xlsx.Excel, error) {
	x, err := xlsx.OpenExcel(data, password)
	if err != nil {
		return nil, openFailed(data, err)
	}
	return x, nil
}

// openFailed is why excelize could not open data, as a problem says it.
func openFailed(data []byte, err error) error {
	switch {
	case bytes.HasPrefix(data, oleHeader):
		return openFailure(msg.WrongPassword)
	case errors.Is(err, zip.ErrFormat) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return openFailure(msg.Truncated)
	}
	return openFailure(msg.CannotOpen, err)
}

// readLean reads one workbook with the lean reader; false when the lean
// reader cannot read it exactly as excelize would (said on opt.Debug), in
// which case nothing of its partial reading is kept.
func (r *reader) readLean(path string, data []byte) (out fileOutcome, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			r.debugf(path, fmt.Sprintf("%s: %v", internalError, v))
			out, ok = fileOutcome{}, false
		}
	}()
	lean, err := xlsx.Open(data)
	if err != nil {
		r.debugf(path, err.Error())
		return out, false
	}
	b := newXLSXBook(lean)
	if r.opt.IsOwn != nil {
		if _, marked := lean.Custom(mark.Property); marked {
			r.debugf(path, "custom property "+mark.Property+": IsOwn needs the excelize file")
			return out, false
		}
	}
	out.opened = true
	out.submissions, out.problems = r.readWorkbook(path, b)
	if lean.Fallback() != "" {
		r.debugf(path, lean.Fallback())
		return fileOutcome{}, false
	}
	out.stamp(b.modified(), path)
	return out, true
}

// stamp gives every submission the time the workbook was saved.
func (o *fileOutcome) stamp(modified, path string) {
	at := savedAt(modified, path)
	for i := range o.submissions {
		o.submissions[i].Modified = at
	}
}

// debugf says on opt.Debug why a workbook is read with excelize.
func (r *reader) debugf(path, reason string) {
	if r.opt.Debug == nil {
		return
	}
	r.debugMu.Lock()
	defer r.debugMu.Unlock()
	fmt.Fprintf(r.opt.Debug, "ingest: %s: read with excelize: %s\n", path, reason)
}

// savedAt is when the workbook was last saved, by its own document
// properties (modified, as written there), else by the file's time, in UTC
// as "2006-01-02T15:04:05Z".
func savedAt(modified, path string) string {
	if t, err := time.Parse(time.RFC3339, modified); err == nil {
		return t.UTC().Format(time.RFC3339)
	}
	if info, err := os.Stat(path); err == nil {
		return info.ModTime().UTC().Format(time.RFC3339)
	}
	return ""
}

// readWorkbook reads every visible sheet that holds a report table; hidden
// sheets only when no visible one does.
func (r *reader) readWorkbook(path string, raw book) ([]analysis.Submission, []analysis.Problem) {
	b := newUnicodeBook(raw)
	var visible, hidden []string
	for _, sh := range b.sheets() {
		if sh.hidden {
			hidden = append(hidden, sh.name)
		} else {
			visible = append(visible, sh.name)
		}
	}
	var subs []analysis.Submission
	var problems []analysis.Problem
	tables := 0
	for g, group := range [][]string{visible, hidden} {
		for _, name := range group {
			s := &sheetReader{reader: r, book: b, path: path, sheet: name}
			sub, found := s.read()
			if found {
				s.problems = append(s.problems, b.conversionProblems(path, name)...)
			}
			sortByCell(s.problems)
			if found && g == 1 {
				problems = append(problems, analysis.Problem{Severity: analysis.SeverityWarning, Cell: analysis.Cell{File: path, Sheet: name}, Code: msg.HiddenSheet})
			}
			problems = append(problems, s.problems...)
			if found {
				tables++
			}
			if sub != nil {
				subs = append(subs, *sub)
			}
		}
		if tables > 0 {
			break
		}
	}
	if tables == 0 {
		problems = append(problems, analysis.Problem{Severity: analysis.SeverityError, Cell: analysis.Cell{File: path}, Code: msg.NoHeader})
	}
	return subs, problems
}

// sortByCell puts a sheet's problems in reading order: row, then column.
func sortByCell(ps []analysis.Problem) {
	pos := func(p analysis.Problem) (int, int) {
		col, row, err := excelize.CellNameToCoordinates(p.Ref)
		if err != nil {
			return 0, 0
		}
		return row, col
	}
	sort.SliceStable(ps, func(i, j int) bool {
		ri, ci := pos(ps[i])
		rj, cj := pos(ps[j])
		return ri < rj || ri == rj && ci < cj
	})
}
