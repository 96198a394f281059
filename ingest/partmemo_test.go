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
// its own styles and sheets, and the memo must hold each book's styles
// once, however often it is read.
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
	for range 2 {
		for _, path := range []string{first, second} {
			sameAsExcelize(t, path)
		}
	}
	for _, path := range []string{first, second} {
		if n := remembered(t, path, stylesPart); n != 1 {
			t.Errorf("%s: styles remembered %d times, want once", path, n)
		}
	}
}

// remembered is how many entries of stylesMemo hold the part name of the
// workbook at path.
func remembered(t *testing.T, path, name string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := openLean(data)
	if err != nil {
		t.Fatal(err)
	}
	f := b.parts[name]
	off, err := f.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	raw := data[off : off+int64(f.CompressedSize64)]
	stylesMemo.mu.Lock()
	defer stylesMemo.mu.Unlock()
	n := 0
	for _, es := range stylesMemo.entries {
		for _, e := range es {
			if e.name == name && bytes.Equal(e.raw, raw) {
				n++
			}
		}
	}
	return n
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
	sameFonts(t, path, lean, &excelBook{f: f})
}
