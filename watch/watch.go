package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"chitieu/ingest"
	"chitieu/msg"

	"github.com/fsnotify/fsnotify"
)

// Options say what to watch and what to do on a change.
type Options struct {
	// Folder is watched with all its subfolders except hidden ones.
	Folder string
	// Refresh runs the whole report once (the caller prints it and writes
	// the summary workbook). It is called once at the start and once after
	// each settled burst of changes, never concurrently. An error is logged
	// and the watch goes on.
	Refresh func() error
	// Ignore, if not nil, names further paths to ignore: the caller passes
	// its summary workbook. It is given absolute, cleaned paths, files and
	// folders alike.
	Ignore func(path string) bool
	// Settle is how long every changed file must keep the same size and
	// modification time before a refresh; 0 means 1s.
	Settle time.Duration
	// Debounce is the quiet time after the last event before the files are
	// checked; 0 means 500ms.
	Debounce time.Duration
	// Log gets one line per refresh reason and per error; nil discards them.
	Log io.Writer
	// Lang is the language of the log lines: "en" for English, anything
	// else Vietnamese.
	Lang string
}

const (
	defaultSettle   = time.Second
	defaultDebounce = 500 * time.Millisecond
)

// hidden reports whether the file or folder named by path is never
// watched: hidden names (LibreOffice's .~lock.*# and the summary's
// .NAME.*.tmp included), Excel's ~$ lock files and *.tmp files.
func hidden(path string) bool {
	base := filepath.Base(path)
	return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") ||
		strings.HasSuffix(strings.ToLower(base), ".tmp")
}

// spreadsheet reports whether path names a spreadsheet by its extension:
// the files that change the report, those package ingest reads and those
// it refuses with a problem line.
func spreadsheet(path string) bool { return ingest.Spreadsheet(path) }

// Run calls o.Refresh, then watches o.Folder and calls o.Refresh again after
// every settled burst of changes to its workbooks, until ctx is done. It
// returns nil when ctx is done, and an error only when the folder cannot be
// watched: it is missing or not a folder, fsnotify cannot watch it, or it is
// removed or moved away while watched.
func Run(ctx context.Context, o Options) error {
	if o.Refresh == nil {
		return errors.New("watch: Options.Refresh is nil")
	}
	if o.Settle <= 0 {
		o.Settle = defaultSettle
	}
	if o.Debounce <= 0 {
		o.Debounce = defaultDebounce
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	root, err := filepath.Abs(o.Folder)
	if err != nil {
		return err
	}
	info, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return errors.New(msg.Text(o.Lang, msg.WatchNotFolder, o.Folder))
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	l := &loop{o: o, root: root, w: w, dirs: map[string]bool{}, pending: map[string]bool{}}
	// Watches first, so that a change during the first refresh is seen.
	if err := l.addTree(root, false); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return nil
	}
	l.refresh()
	l.say(msg.WatchWatching, time.Now().Format(time.TimeOnly), o.Folder)
	return l.run(ctx)
}

// loop is the state of one Run. Only Run's goroutine touches it.
type loop struct {
	o       Options
	root    string
	w       *fsnotify.Watcher
	dirs    map[string]bool // the folders watched
	pending map[string]bool // paths changed since the last refresh
	dirty   bool            // a relevant event arrived since the flag was cleared
}

// phases of the loop between two refreshes.
const (
	idle       = iota // nothing pending
	debouncing        // waiting for Debounce without events
	settling          // waiting for the pending files to stop changing
)

func (l *loop) run(ctx context.Context) error {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	phase := idle
	var before map[string]fileState
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-l.w.Events:
			if !ok {
				return errors.New("watch: fsnotify stopped")
			}
			if err := l.handle(ev); err != nil {
				return err
			}
			if l.dirty {
				l.dirty = false
				phase = debouncing
				timer.Reset(l.o.Debounce)
			}
		case err, ok := <-l.w.Errors:
			if !ok {
				return errors.New("watch: fsnotify stopped")
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				l.say(msg.WatchOverflow)
				l.rescan()
				if l.dirty {
					l.dirty = false
					phase = debouncing
					timer.Reset(l.o.Debounce)
				}
				continue
			}
			l.logErr(err)
		case <-timer.C:
			if phase == idle {
				continue
			}
			now := l.snapshot()
			switch {
			case phase == debouncing && anyExists(now), phase == settling && !same(before, now):
				before = now
				phase = settling
				timer.Reset(l.o.Settle)
				continue
			}
			// Everything that still exists kept its size and time over
			// Settle, or nothing changed still exists.
			if ctx.Err() != nil {
				return nil
			}
			phase = idle
			l.refresh()
		}
	}
}

// handle takes one event: new folders are watched, folders gone are
// dropped, and changes to relevant paths are marked pending.
func (l *loop) handle(ev fsnotify.Event) error {
	name := filepath.Clean(ev.Name)
	gone := ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
	if name == l.root {
		if gone {
			return errors.New(msg.Text(l.o.Lang, msg.WatchFolderGone, l.o.Folder))
		}
		return nil
	}
	if gone && l.dropDirs(name) {
		l.mark(name)
		return nil
	}
	if l.ignored(name) {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(name); err == nil && info.IsDir() {
			// Files may have landed in it before the watch did: they count
			// as changed.
			if err := l.addTree(name, true); err != nil {
				l.logErr(err)
			}
			return nil
		}
	}
	if spreadsheet(name) && ev.Op&(fsnotify.Create|fsnotify.Write|fsnotify.Remove|fsnotify.Rename) != 0 {
		l.mark(name)
	}
	return nil
}

func (l *loop) mark(path string) {
	l.pending[path] = true
	l.dirty = true
}

func (l *loop) ignored(path string) bool {
	return hidden(path) || (l.o.Ignore != nil && l.o.Ignore(path))
}

// addTree watches dir and the folders under it that are not ignored. With
// collect, the spreadsheets found are marked pending. An error for dir
// itself is returned; errors below it are logged.
func (l *loop) addTree(dir string, collect bool) error {
	// The watch before the listing, so that no file falls between them.
	if err := l.w.Add(dir); err != nil {
		return fmt.Errorf(msg.Text(l.o.Lang, msg.WatchCannotWatch), dir, err) // the format, for %w
	}
	l.dirs[dir] = true
	entries, err := os.ReadDir(dir)
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if l.ignored(path) {
			continue
		}
		switch {
		case e.IsDir():
			if err := l.addTree(path, collect); err != nil {
				l.logErr(err)
			}
		case collect && spreadsheet(path):
			l.mark(path)
		}
	}
	return err
}

// dropDirs forgets path and the folders under it if path was a watched
// folder, and reports whether it was. Their watches are removed, so that a
// folder moved out of the tree no longer reports under its old name.
func (l *loop) dropDirs(path string) bool {
	if !l.dirs[path] {
		return false
	}
	prefix := path + string(filepath.Separator)
	for d := range l.dirs {
		if d == path || strings.HasPrefix(d, prefix) {
			delete(l.dirs, d)
			_ = l.w.Remove(d) // often gone already with the folder
		}
	}
	return true
}

// rescan is the answer to lost events: folders gone are dropped, every
// folder is watched again and every spreadsheet counts as changed.
func (l *loop) rescan() {
	for d := range l.dirs {
		if _, err := os.Lstat(d); err != nil && d != l.root && l.dropDirs(d) {
			l.mark(d)
		}
	}
	if err := l.addTree(l.root, true); err != nil {
		l.logErr(err)
	}
	l.dirty = true
}

// refresh logs why, clears the pending changes and calls Refresh.
func (l *loop) refresh() {
	if len(l.pending) > 0 {
		l.say(msg.WatchChanged, time.Now().Format(time.TimeOnly), l.describe())
		clear(l.pending)
	}
	if err := l.o.Refresh(); err != nil {
		l.say(msg.WatchRefreshFailed, err)
	}
}

// describe names the pending paths, relative to the folder: the first few,
// then how many more.
func (l *loop) describe() string {
	const shown = 3
	paths := make([]string, 0, len(l.pending))
	for p := range l.pending {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var names []string
	for _, p := range paths[:min(shown, len(paths))] {
		name := p
		if rel, err := filepath.Rel(l.root, p); err == nil {
			name = rel
		}
		if _, err := os.Lstat(p); err != nil {
			name += msg.Text(l.o.Lang, msg.WatchRemoved)
		}
		names = append(names, name)
	}
	s := strings.Join(names, ", ")
	if more := len(paths) - shown; more > 0 {
		s += msg.Text(l.o.Lang, msg.WatchMore, more)
	}
	return s
}

// say logs the text of code, in the watch's language.
func (l *loop) say(code msg.Code, args ...any) {
	fmt.Fprintln(l.o.Log, msg.Text(l.o.Lang, code, args...))
}

func (l *loop) logErr(err error) {
	fmt.Fprintf(l.o.Log, "chitieu: %v\n", err)
}

// fileState is what Settle compares: a file that keeps it is not being
// written.
type fileState struct {
	exists bool
	size   int64
	mtime  time.Time
}

// snapshot is the state of every pending path.
func (l *loop) snapshot() map[string]fileState {
	s := make(map[string]fileState, len(l.pending))
	for p := range l.pending {
		var st fileState
		if info, err := os.Stat(p); err == nil {
			st = fileState{exists: true, size: info.Size(), mtime: info.ModTime()}
		}
		s[p] = st
	}
	return s
}

func anyExists(s map[string]fileState) bool {
	for _, st := range s {
		if st.exists {
			return true
		}
	}
	return false
}

// same reports whether two snapshots of the same paths agree.
func same(a, b map[string]fileState) bool {
	if len(a) != len(b) {
		return false
	}
	for p, x := range a {
		y, ok := b[p]
		if !ok || x.exists != y.exists || x.size != y.size || !x.mtime.Equal(y.mtime) {
			return false
		}
	}
	return true
}
