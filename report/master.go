package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"

	"chitieu/analysis"
	"chitieu/mark"
	"chitieu/sheets"
)

// ErrOpenElsewhere is returned (wrapped) when a workbook cannot be written
// because Excel or LibreOffice has it open: a lock file lies beside it, or
// the system refused to replace it. Nothing was changed.
var ErrOpenElsewhere = errors.New("the file is open in Excel or LibreOffice; close it there, then run again")

// ErrNotWorkbook is returned (wrapped) by WriteInto when the file cannot be
// opened as a workbook: not a spreadsheet, damaged, or protected by a
// password that was not given (or not the right one). Nothing was changed.
var ErrNotWorkbook = errors.New("not a workbook that can be opened (damaged, or protected by a password: give it with --password)")

// IsMaster reports whether WriteInto has written the summary into f: the
// district's own workbook, which is neither a ward report nor a summary
// that --out may replace.
func IsMaster(f *excelize.File) bool { return mark.Of(f) == mark.Master }

// WriteInto writes the summary sheets (those of WriteSummary, in the same
// language) into the existing workbook at path, the district's master
// workbook, opened with password if it has one (and saved with it again).
//
// A summary sheet the workbook already has is updated in place: cleared
// (values, formulas, styles, hyperlinks, merged ranges, conditional
// formats, data validations, tables and charts) and rewritten, never
// deleted and recreated, so that formulas in other sheets that point into
// it keep working. Missing summary sheets are added at the end. Every other
// sheet, with its values, formulas, styles, merged ranges, charts, data
// validations and print settings, and the workbook's defined names stay as
// they were; Tổng hợp becomes the sheet shown when the file opens. The
// workbook is marked chitieu=master (see IsMaster); its title and author
// stay.
//
// It is safe by construction: the result is written to a hidden temporary
// file beside path, opened again and checked, the previous version is
// copied to path+".bak" (replacing an older backup), and only then is the
// temporary file renamed over path. WriteInto returns the backup's path.
// It refuses, changing nothing, with an error wrapping ErrOpenElsewhere
// when Excel or LibreOffice has the file open (a lock file "~$NAME" or
// ".~lock.NAME#" beside it, or a refused rename), and with one wrapping
// ErrNotWorkbook when it cannot be opened as a workbook.
func WriteInto(path string, r *analysis.Result, o Options, password string) (backup string, err error) {
	if err := notOpenElsewhere(path); err != nil {
		return "", err
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	original, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	f, err := openMaster(path, original, password)
	if err != nil {
		return "", err
	}
	defer f.Close()
	o.summaryDir = filepath.Dir(path)
	if err := fillMaster(f, orEmpty(r), o, original, password); err != nil {
		return "", err
	}
	tmp, err := writeTemp(path, func(w io.Writer) error { return f.Write(w) }, info.Mode().Perm())
	if err != nil {
		return "", err
	}
	if err := checkMaster(tmp, sheetNames(o), password); err != nil {
		os.Remove(tmp)
		return "", err
	}
	backup = path + ".bak"
	if err := writeBackup(backup, original, info.Mode().Perm()); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("backup %s: %w", backup, err)
	}
	// Only a file held open stops a rename within one folder: Windows
	// refuses to replace it.
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("%s: %w (%w)", path, ErrOpenElsewhere, err)
	}
	return backup, nil
}

// openMaster opens the workbook at path, whose bytes are original.
func openMaster(path string, original []byte, password string) (*excelize.File, error) {
	f, err := excelize.OpenFile(path, excelize.Options{Password: password})
	if err != nil {
		return nil, fmt.Errorf("%s: %w (%v)", path, ErrNotWorkbook, err)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, fmt.Errorf("%s: %w (no sheet)", path, ErrNotWorkbook)
	}
	if m := mark.Of(f); m != "" && m != mark.Master && m != mark.Summary {
		f.Close()
		return nil, fmt.Errorf("%s is chitieu's %s workbook, not the district's own workbook; not writing into it", path, m)
	}
	return f, nil
}

// fillMaster prepares the summary sheets of f (cleared in place, or added
// at the end), fills them as WriteSummary does, and marks f a master.
func fillMaster(f *excelize.File, r *analysis.Result, o Options, original []byte, password string) error {
	pkg, err := packageBytes(original, password)
	if err != nil {
		return err
	}
	scans, err := sheets.Scan(pkg, sheetNames(o))
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrNotWorkbook, err)
	}
	o.chartsBlocked = !sheets.RoomForCharts(pkg)
	for _, name := range sheetNames(o) {
		idx, err := f.GetSheetIndex(name)
		if err != nil {
			return err
		}
		if idx < 0 {
			_, err = f.NewSheet(name)
		} else {
			err = sheets.Clear(f, name, scans[name])
			o.cleared = append(o.cleared, name)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if _, err := fillSummary(f, r, o); err != nil {
		return err
	}
	// SetDocProps sets every field: the master keeps its title and author.
	props, err := f.GetDocProps()
	if err != nil {
		return err
	}
	props.LastModifiedBy = creator
	if !o.Now.IsZero() {
		props.Modified = o.Now.UTC().Format(time.RFC3339)
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	return mark.Set(f, mark.Master)
}

// checkMaster opens the written file again and checks that it holds the
// summary sheets and the master mark.
func checkMaster(path string, names []string, password string) error {
	f, err := excelize.OpenFile(path, excelize.Options{Password: password})
	if err != nil {
		return fmt.Errorf("the written workbook does not open again: %w", err)
	}
	defer f.Close()
	for _, name := range names {
		if idx, err := f.GetSheetIndex(name); err != nil || idx < 0 {
			return fmt.Errorf("the written workbook lacks the sheet %q", name)
		}
	}
	if !IsMaster(f) {
		return errors.New("the written workbook lacks its chitieu=master mark")
	}
	return nil
}

// writeBackup writes the previous version's bytes to path, replacing an
// older backup only once the new one is complete.
func writeBackup(path string, data []byte, mode fs.FileMode) error {
	tmp, err := writeTemp(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, mode)
	if err != nil {
		return err
	}
	return renameOver(tmp, path)
}

// lockFiles are the files Excel ("~$NAME") and LibreOffice
// (".~lock.NAME#") keep beside a workbook they have open.
func lockFiles(path string) []string {
	dir, name := filepath.Split(path)
	return []string{filepath.Join(dir, "~$"+name), filepath.Join(dir, ".~lock."+name+"#")}
}

// notOpenElsewhere returns an error wrapping ErrOpenElsewhere when a lock
// file says that Excel or LibreOffice has path open.
func notOpenElsewhere(path string) error {
	for _, lock := range lockFiles(path) {
		if _, err := os.Lstat(lock); err == nil {
			return fmt.Errorf("%s: %w (lock file %s)", path, ErrOpenElsewhere, filepath.Base(lock))
		}
	}
	return nil
}

// writeTemp writes a hidden temporary file beside path with write, gives it
// mode and returns its name; on failure nothing is left behind.
func writeTemp(path string, write func(io.Writer) error, mode fs.FileMode) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// rename is os.Rename; tests replace it to see a refused rename.
var rename = os.Rename

// renameOver moves the temporary file tmp over path, or removes it. A
// refused rename (Windows refuses to replace a file held open) is reported
// as ErrOpenElsewhere, with the system's reason.
func renameOver(tmp, path string) error {
	err := rename(tmp, path)
	if err == nil {
		return nil
	}
	os.Remove(tmp)
	if !heldOpen(err) {
		return err
	}
	return fmt.Errorf("%s: %w (%w)", path, ErrOpenElsewhere, err)
}

// heldOpen reports whether err is how Windows refuses to replace a file
// that another program holds open: access denied, or a sharing or lock
// violation.
func heldOpen(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	const sharingViolation, lockViolation = 32, 33 // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
	return runtime.GOOS == "windows" && (errno == sharingViolation || errno == lockViolation) ||
		errors.Is(err, fs.ErrPermission)
}

// packageBytes is the zip package of a workbook file's bytes: the bytes
// themselves, or decrypted with password.
func packageBytes(data []byte, password string) ([]byte, error) {
	if bytes.HasPrefix(data, []byte("PK")) || password == "" {
		return data, nil
	}
	pkg, err := excelize.Decrypt(data, &excelize.Options{Password: password})
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotWorkbook, err)
	}
	return pkg, nil
}
