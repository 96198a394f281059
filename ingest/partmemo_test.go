package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestPartMemoKeepsBooksApart reads a form, then the same form with other
// styles and another sheet name, then the first again: each book must get
// its own styles and sheets, and the memos must hold the first book's
// parts once, however often it is read.
func TestPartMemoKeepsBooksApart(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	data, err := os.ReadFile(filepath.Join("..", "samples", "2003-H1", "P01.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{first, second} {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	patchZip(t, second, "xl/styles.xml", func(s string) string {
		return strings.Replace(s, `<name val="Calibri">`, `<name val=".VnTime">`, 1)
	})
	patchZip(t, second, "xl/workbook.xml", func(s string) string {
		return strings.Replace(s, `name="Bao cao"`, `name="Bieu 1"`, 1)
	})
	entries := func() int {
		stylesMemo.mu.Lock()
		defer stylesMemo.mu.Unlock()
		n := 0
		for _, es := range stylesMemo.entries {
			n += len(es)
		}
		return n
	}
	before := entries()
	for i, path := range []string{first, second, first, second} {
		sameAsExcelize(t, path)
		if want := before + min(i+1, 2); entries() != want {
			t.Errorf("read %d: %d styles remembered, want %d", i+1, entries(), want)
		}
	}
}

// sameAsExcelize requires the lean book of path to have the sheets and the
// fonts of every text cell that excelize finds.
func sameAsExcelize(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := openLean(data)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	for _, sh := range lean.sheets() {
		names = append(names, sh.name)
	}
	if got, want := strings.Join(names, ","), strings.Join(f.GetSheetList(), ","); got != want {
		t.Fatalf("%s: lean sheets %s, excelize %s", path, got, want)
	}
	excel := &excelBook{f: f}
	for _, name := range names {
		rows, err := lean.rows(name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, text := range row {
				if text == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if l, e := lean.font(name, ref), excel.font(name, ref); l != e {
					t.Fatalf("%s:%s!%s: lean font %q, excelize %q", filepath.Base(path), name, ref, l, e)
				}
			}
		}
	}
}
