package watch

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Bounds of every test: Run is stopped after runBound whatever happens, and
// a condition not met within waitBound fails the test. Both are far above
// what the tests need (a second or two each) so that a loaded machine
// does not make them flaky.
const (
	runBound  = 10 * time.Second
	waitBound = 5 * time.Second
)

// harness runs Run on a folder and records each refresh.
type harness struct {
	t      *testing.T
	dir    string
	o      Options
	count  atomic.Int32
	cancel context.CancelFunc
	done   chan error
	log    syncBuffer

	mu   sync.Mutex
	seen []map[string]int64 // per refresh: the spreadsheets under dir and their sizes
	fail func(n int32) error
}

// start runs Run on dir with o (Folder, Refresh and Log filled in) and waits
// for the first refresh, after which the folder is watched.
func start(t *testing.T, dir string, o Options) *harness {
	t.Helper()
	return startFailing(t, dir, o, nil)
}

// startFailing is start with a Refresh that returns fail(n) on the n-th
// call.
func startFailing(t *testing.T, dir string, o Options, fail func(n int32) error) *harness {
	t.Helper()
	h := &harness{t: t, dir: dir, done: make(chan error, 1), fail: fail}
	o.Folder = dir
	o.Log = &h.log
	o.Lang = "en"
	o.Refresh = h.refresh
	h.o = o
	ctx, cancel := context.WithTimeout(context.Background(), runBound)
	h.cancel = cancel
	go func() { h.done <- Run(ctx, o) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-h.done:
		case <-time.After(waitBound):
			t.Error("Run did not return after cancel")
		}
		if t.Failed() {
			t.Logf("log:\n%s", h.log.String())
		}
	})
	h.waitCount(1)
	return h
}

func (h *harness) refresh() error {
	n := h.count.Add(1)
	files := map[string]int64{}
	filepath.WalkDir(h.dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && path != h.dir && hidden(path) {
			return filepath.SkipDir
		}
		if err == nil && d.Type().IsRegular() && spreadsheet(path) && !hidden(path) {
			if info, err := d.Info(); err == nil {
				rel, _ := filepath.Rel(h.dir, path)
				files[filepath.ToSlash(rel)] = info.Size()
			}
		}
		return nil
	})
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen = append(h.seen, files)
	if h.fail != nil {
		return h.fail(n)
	}
	return nil
}

// last is what the latest refresh saw.
func (h *harness) last() map[string]int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.seen[len(h.seen)-1]
}

// waitCount waits until there have been at least n refreshes.
func (h *harness) waitCount(n int32) {
	h.t.Helper()
	waitFor(h.t, func() bool { return h.count.Load() >= n }, "%d refreshes (have %d)", n, &h.count)
}

// quiet checks that the count stays at n for long enough that a refresh
// would have come: twice Debounce plus Settle, and a margin.
func (h *harness) quiet(n int32) {
	h.t.Helper()
	time.Sleep(2*(h.o.Debounce+h.o.Settle) + 200*time.Millisecond)
	if got := h.count.Load(); got != n {
		h.t.Fatalf("refreshes = %d, want %d", got, n)
	}
}

func waitFor(t *testing.T, cond func() bool, format string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(waitBound)
	for !cond() {
		if time.Now().After(deadline) {
			for i, a := range args {
				if c, ok := a.(*atomic.Int32); ok {
					args[i] = c.Load()
				}
			}
			t.Fatalf("timed out waiting for "+format, args...)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func write(t *testing.T, path string, size int) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bytes.Repeat([]byte{'x'}, size), 0o644); err != nil {
		t.Fatal(err)
	}
}

var fast = Options{Settle: 100 * time.Millisecond, Debounce: 100 * time.Millisecond}

func TestInitialRefreshOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.xlsx"), 10)
	h := start(t, dir, fast)
	h.quiet(1)
	if got := h.last(); got["a.xlsx"] != 10 {
		t.Errorf("first refresh saw %v", got)
	}
	if log := h.log.String(); !strings.Contains(log, "Watching") || strings.Count(log, "\n") != 1 {
		t.Errorf("log = %q, want one line saying it is watching", log)
	}
}

func TestBurstGivesOneRefresh(t *testing.T) {
	dir, staging := t.TempDir(), t.TempDir()
	var names []string
	for i := range 20 {
		name := filepath.Join(staging, "P"+string(rune('A'+i))+".xlsx")
		write(t, name, 100+i)
		names = append(names, name)
	}
	// A longer Debounce than the other tests: twenty renames take a
	// millisecond, but a loaded machine may pause the loop.
	h := start(t, dir, Options{Settle: 100 * time.Millisecond, Debounce: 300 * time.Millisecond})
	for _, name := range names {
		if err := os.Rename(name, filepath.Join(dir, filepath.Base(name))); err != nil {
			t.Fatal(err)
		}
	}
	h.waitCount(2)
	h.quiet(2)
	if got := h.last(); len(got) != 20 {
		t.Errorf("the refresh saw %d files, want 20: %v", len(got), got)
	}
	if log := h.log.String(); !strings.Contains(log, "Changed: PA.xlsx, PB.xlsx, PC.xlsx and 17 more") {
		t.Errorf("log = %q", log)
	}
}

// A file written in chunks, with pauses longer than Debounce but shorter
// than Settle, is read once, after the last chunk.
func TestGrowingFileWaitsUntilSettled(t *testing.T) {
	dir := t.TempDir()
	h := start(t, dir, Options{Settle: 400 * time.Millisecond, Debounce: 50 * time.Millisecond})
	path := filepath.Join(dir, "big.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const chunks, size = 4, 1000
	for i := range chunks {
		if i > 0 {
			time.Sleep(100 * time.Millisecond)
		}
		if _, err := f.Write(bytes.Repeat([]byte{'x'}, size)); err != nil {
			t.Fatal(err)
		}
		if got := h.count.Load(); got != 1 {
			t.Fatalf("refresh while the file was still growing (after %d chunks)", i)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	h.waitCount(2)
	if got := h.last()["big.xlsx"]; got != chunks*size {
		t.Errorf("the refresh saw big.xlsx with %d bytes, want %d", got, chunks*size)
	}
	h.quiet(2)
}

func TestIgnoredFiles(t *testing.T) {
	dir := t.TempDir()
	summary := filepath.Join(dir, "tong-hop.xlsx")
	var asked atomic.Bool
	h := start(t, dir, Options{Settle: 100 * time.Millisecond, Debounce: 100 * time.Millisecond,
		Ignore: func(path string) bool {
			asked.Store(true)
			return path == summary
		}})
	write(t, filepath.Join(dir, "~$a.xlsx"), 1)          // Excel's lock file
	write(t, filepath.Join(dir, ".~lock.a.xlsx#"), 1)    // LibreOffice's
	write(t, filepath.Join(dir, ".x.tmp"), 1)            // hidden temporary file
	write(t, filepath.Join(dir, "b.xlsx.tmp"), 1)        // temporary file
	write(t, filepath.Join(dir, "notes.txt"), 1)         // not a spreadsheet
	write(t, filepath.Join(dir, ".hidden", "c.xlsx"), 1) // in a hidden folder
	// The summary, saved the way report.Save does it.
	tmp := filepath.Join(dir, ".tong-hop.xlsx.123.tmp")
	write(t, tmp, 1)
	if err := os.Rename(tmp, summary); err != nil {
		t.Fatal(err)
	}
	h.quiet(1)
	if !asked.Load() {
		t.Error("Ignore was never asked")
	}
	// The watch is alive: a workbook is seen.
	write(t, filepath.Join(dir, "d.xlsx"), 1)
	h.waitCount(2)
	if got := h.last(); len(got) != 2 || got["d.xlsx"] != 1 || got["tong-hop.xlsx"] != 1 {
		t.Errorf("the refresh saw %v", got)
	}
}

func TestSubfolders(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "2002", "a.xlsx"), 1)
	h := start(t, dir, fast)

	// A folder there at the start is watched.
	write(t, filepath.Join(dir, "2002", "a.xlsx"), 2)
	h.waitCount(2)
	if got := h.last()["2002/a.xlsx"]; got != 2 {
		t.Errorf("refresh 2 saw 2002/a.xlsx with %d bytes, want 2", got)
	}

	// A new folder, written into at once: the file may land before the
	// watch on its folder does, and counts all the same.
	write(t, filepath.Join(dir, "2003", "H1", "b.xlsx"), 3)
	h.waitCount(3)
	if got := h.last()["2003/H1/b.xlsx"]; got != 3 {
		t.Errorf("refresh 3 saw %v", h.last())
	}

	// Now the new folders are watched themselves.
	write(t, filepath.Join(dir, "2003", "H1", "c.xlsx"), 4)
	h.waitCount(4)
	write(t, filepath.Join(dir, "2003", "d.xlsx"), 5)
	h.waitCount(5)
	if got := h.last(); len(got) != 4 {
		t.Errorf("refresh 5 saw %v", got)
	}

	// A folder moved in with its workbooks: only the folder has an event.
	outside := filepath.Join(t.TempDir(), "2001")
	write(t, filepath.Join(outside, "x", "e.xlsx"), 6)
	if err := os.Rename(outside, filepath.Join(dir, "2001")); err != nil {
		t.Fatal(err)
	}
	h.waitCount(6)
	if got := h.last()["2001/x/e.xlsx"]; got != 6 {
		t.Errorf("refresh 6 saw %v", h.last())
	}
	if log := h.log.String(); !strings.Contains(log, "Changed: 2001/x/e.xlsx — refreshing") {
		t.Errorf("log = %q", log)
	}
	write(t, filepath.Join(dir, "2001", "x", "f.xlsx"), 7)
	h.waitCount(7)
	h.quiet(7)
}

func TestRemoved(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.xlsx"), 1)
	write(t, filepath.Join(dir, "b.xlsx"), 1)
	write(t, filepath.Join(dir, "old", "c.xlsx"), 1)
	write(t, filepath.Join(dir, "moved", "sub", "d.xlsx"), 1)
	h := start(t, dir, fast)

	if err := os.Remove(filepath.Join(dir, "a.xlsx")); err != nil {
		t.Fatal(err)
	}
	h.waitCount(2)
	if _, ok := h.last()["a.xlsx"]; ok {
		t.Errorf("refresh 2 still saw a.xlsx")
	}
	if log := h.log.String(); !strings.Contains(log, "Changed: a.xlsx (removed)") {
		t.Errorf("log = %q", log)
	}

	// A folder removed with its workbooks.
	if err := os.RemoveAll(filepath.Join(dir, "old")); err != nil {
		t.Fatal(err)
	}
	h.waitCount(3)

	// A folder moved out of the tree: a change, and what happens in it
	// afterwards is not.
	away := filepath.Join(t.TempDir(), "away")
	if err := os.Rename(filepath.Join(dir, "moved"), away); err != nil {
		t.Fatal(err)
	}
	h.waitCount(4)
	if got := h.last(); len(got) != 1 || got["b.xlsx"] != 1 {
		t.Errorf("refresh 4 saw %v", got)
	}
	write(t, filepath.Join(away, "sub", "e.xlsx"), 1)
	h.quiet(4)
}

// Excel saves by writing a temporary file and renaming it over the
// workbook.
func TestReplaced(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.xlsx"), 1)
	h := start(t, dir, fast)
	tmp := filepath.Join(dir, "8A3F2B10")
	write(t, tmp, 7)
	if err := os.Rename(tmp, filepath.Join(dir, "a.xlsx")); err != nil {
		t.Fatal(err)
	}
	h.waitCount(2)
	if got := h.last()["a.xlsx"]; got != 7 {
		t.Errorf("refresh 2 saw a.xlsx with %d bytes, want 7", got)
	}
	h.quiet(2)
}

// A refresh that fails (a damaged workbook, the summary open in Excel) is
// logged and the watch goes on.
func TestRefreshErrorKeepsWatching(t *testing.T) {
	dir := t.TempDir()
	// The first two refreshes fail.
	h := startFailing(t, dir, fast, func(n int32) error {
		if n <= 2 {
			return errors.New("boom")
		}
		return nil
	})
	write(t, filepath.Join(dir, "a.xlsx"), 1)
	h.waitCount(2)
	write(t, filepath.Join(dir, "a.xlsx"), 2)
	h.waitCount(3)
	if got := strings.Count(h.log.String(), "chitieu: the report failed: boom (still watching)"); got != 2 {
		t.Errorf("log has %d failure lines, want 2:\n%s", got, h.log.String())
	}
}

func TestCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := t.TempDir()
	// Settle far longer than the test: a change is pending when ctx is
	// cancelled.
	h := start(t, dir, Options{Settle: time.Minute, Debounce: 10 * time.Millisecond})
	write(t, filepath.Join(dir, "a.xlsx"), 1)
	time.Sleep(100 * time.Millisecond)
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	case <-time.After(waitBound):
		t.Fatal("Run did not return after cancel")
	}
	h.done <- nil // for the cleanup
	if got := h.count.Load(); got != 1 {
		t.Errorf("refreshes = %d, want 1", got)
	}
	waitFor(t, func() bool { return runtime.NumGoroutine() <= before },
		"goroutines to end (%d before)", before)
}

func TestFolderNotWatchable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.xlsx")
	write(t, file, 1)
	for _, folder := range []string{filepath.Join(dir, "missing"), file} {
		called := false
		err := Run(context.Background(), Options{Folder: folder, Refresh: func() error { called = true; return nil }})
		if err == nil {
			t.Errorf("Run(%s) = nil, want an error", folder)
		}
		if called {
			t.Errorf("Run(%s) called Refresh", folder)
		}
	}
}

func TestFolderRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "watched")
	write(t, filepath.Join(dir, "a.xlsx"), 1)
	h := start(t, dir, fast)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-h.done:
		if err == nil || !strings.Contains(err.Error(), "removed or moved away") {
			t.Errorf("Run = %v, want an error saying the folder is gone", err)
		}
	case <-time.After(waitBound):
		t.Fatal("Run did not return when its folder was removed")
	}
	h.done <- nil // for the cleanup
}

func TestNames(t *testing.T) {
	for name, want := range map[string]bool{
		"a.xlsx": true, "A.XLSX": true, "a.xlsm": true, "a.xltx": true, "a.xltm": true,
		"a.xls": true, "a.xlsb": true, "a.ods": true,
		"~$a.xlsx": false, ".~lock.a.xlsx#": false, ".a.xlsx": false, ".tong-hop.xlsx.123.tmp": false,
		"a.tmp": false, "a.xlsx.tmp": false, "a.txt": false, "8A3F2B10": false, "a": false,
	} {
		if got := spreadsheet(name) && !hidden(name); got != want {
			t.Errorf("%s: relevant = %v, want %v", name, got, want)
		}
	}
}

func TestSame(t *testing.T) {
	now := time.Now()
	a := map[string]fileState{"x": {true, 1, now}, "y": {}}
	for _, c := range []struct {
		b    map[string]fileState
		want bool
	}{
		{map[string]fileState{"x": {true, 1, now}, "y": {}}, true},
		{map[string]fileState{"x": {true, 2, now}, "y": {}}, false},                       // grew
		{map[string]fileState{"x": {true, 1, now.Add(time.Millisecond)}, "y": {}}, false}, // rewritten
		{map[string]fileState{"x": {}, "y": {}}, false},                                   // removed
		{map[string]fileState{"x": {true, 1, now}, "y": {true, 0, now}}, false},           // appeared
		{map[string]fileState{"x": {true, 1, now}}, false},
	} {
		if got := same(a, c.b); got != c.want {
			t.Errorf("same(%v, %v) = %v", a, c.b, got)
		}
	}
}
