package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// fileKind is what the walker does with a file.
type fileKind int

const (
	kindOther       fileKind = iota // not a spreadsheet: skipped with a summary line
	kindWorkbook                    // read
	kindUnsupported                 // a spreadsheet format not read: refused with a problem
	kindIgnored                     // lock and hidden files: skipped silently
)

var extensions = map[string]fileKind{
	".xlsx": kindWorkbook, ".xlsm": kindWorkbook, ".xltx": kindWorkbook, ".xltm": kindWorkbook,
	".xls": kindWorkbook, ".xlt": kindWorkbook, ".xlsb": kindUnsupported, ".ods": kindUnsupported, ".fods": kindUnsupported,
	".numbers": kindUnsupported,
}

// Spreadsheet reports whether name is a spreadsheet by its extension: one
// that Read reads, or refuses with a problem (.xlsb, .ods...). Package
// watch watches these.
func Spreadsheet(name string) bool {
	_, ok := extensions[strings.ToLower(filepath.Ext(name))]
	return ok
}

func classify(name string) fileKind {
	base := filepath.Base(name)
	if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") {
		return kindIgnored
	}
	if k, ok := extensions[strings.ToLower(filepath.Ext(base))]; ok {
		return k
	}
	return kindOther
}

// listing is the files found under the arguments, in sorted order.
type listing struct {
	workbooks, unsupported, others []string
}

// walk lists the files under paths: folders recursively in sorted order,
// hidden folders skipped. A path that does not exist is an error.
func walk(paths []string, exclude map[string]bool) (listing, error) {
	var l listing
	add := func(path string) {
		if abs, err := filepath.Abs(path); err == nil && exclude[abs] {
			return
		}
		switch classify(path) {
		case kindWorkbook:
			l.workbooks = append(l.workbooks, path)
		case kindUnsupported:
			l.unsupported = append(l.unsupported, path)
		case kindOther:
			l.others = append(l.others, path)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return l, err
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				add(path)
			}
			return nil
		})
		if err != nil {
			return l, err
		}
	}
	return l, nil
}
