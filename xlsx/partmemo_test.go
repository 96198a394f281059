package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/ooxml"

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
		if n := remembered(t, path, ooxml.StylesPart); n != 1 {
			t.Errorf("%s: styles remembered %d times, want once", path, n)
		}
	}
}

// remembered is how many entries of stylesMemo hold the part name of the
// workbook at path.
func remembered(t *testing.T, path, name string) int {
	t.Helper()
	b, data := leanFile(t, path)
	raw, ok := memoBytes(data, b.parts[name])
	if !ok {
		t.Fatalf("%s: %s too big to remember", path, name)
	}
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

// leanFile is the lean book of the workbook at path, and its bytes.
func leanFile(t *testing.T, path string) (*Book, []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b, data
}

// sameAsExcelize requires the lean book of path to have the sheets and the
// fonts of every text cell that excelize finds.
func sameAsExcelize(t *testing.T, path string) {
	t.Helper()
	lean, data := leanFile(t, path)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	for _, sh := range lean.Sheets() {
		names = append(names, sh.Name)
	}
	if got, want := strings.Join(names, ","), strings.Join(f.GetSheetList(), ","); got != want {
		t.Fatalf("%s: lean sheets %s, excelize %s", path, got, want)
	}
	sameFonts(t, path, lean, f)
}

// TestPartMemoDescriptor: a part whose data descriptor has the wrong CRC-32
// fails its checksum, even after the intact part was remembered.
func TestPartMemoDescriptor(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "samples", "2003-H1", "P02.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	f := b.parts["_rels/.rels"]
	if f.Flags&0x8 == 0 {
		t.Fatal("the sample's parts have no data descriptor")
	}
	off, err := f.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	crcAt := off + int64(f.CompressedSize64)
	if bytes.HasPrefix(data[crcAt:], []byte("PK\x07\x08")) {
		crcAt += 4
	}
	damaged := bytes.Clone(data)
	damaged[crcAt] ^= 0xff
	for _, read := range []struct {
		data []byte
		ok   bool
	}{{data, true}, {damaged, false}, {data, true}, {damaged, false}} {
		_, err := Open(read.data)
		if (err == nil) != read.ok {
			t.Errorf("intact %v: openLean error %v", read.ok, err)
		}
	}
}
